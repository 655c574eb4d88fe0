#!/usr/bin/env bash
# Set everything up and start the dashboard on http://localhost:8501 with the embedded data.
set -euo pipefail
cd "$(dirname "$0")"
scripts/siapkan.sh requirements.txt
if [ ! -x /usr/bin/chromium ]; then
    # PNG/SVG downloads and the deck's image slides are drawn by kaleido in Debian's chromium
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null
    else
        echo "PERINGATAN: /usr/bin/chromium tidak ada; unduhan PNG/SVG dan slide bergambar memerlukannya" \
             "(sudo apt-get install chromium)" >&2
    fi
fi
.venv/bin/python -m sakip_calc build
exec .venv/bin/streamlit run app.py --server.port "${PORT:-8501}" --server.headless true --browser.gatherUsageStats false
