#!/usr/bin/env bash
# Set everything up and start the dashboard on http://localhost:8501 with the embedded data.
set -euo pipefail
cd "$(dirname "$0")"
scripts/siapkan.sh requirements.txt
.venv/bin/python -m sakip_calc build
exec .venv/bin/streamlit run app.py --server.port "${PORT:-8501}" --server.headless true --browser.gatherUsageStats false
