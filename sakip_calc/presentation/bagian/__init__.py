"""The sections of each page, one module per page: pure functions from a `Tampilan` to what the
page shows (charts, tables, cards, sentences). Pages and the deck call these and nothing else, so
a chart's title, data and reading are defined once. No Streamlit, no connection: reads go
through `Tampilan.baca`. Defaults of a page's choices are defined here, once."""
