"""Presentation: plotly chart builders, one-sentence readings, and the charts of each page. No Streamlit."""
