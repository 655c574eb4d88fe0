#!/usr/bin/env bash
# Set everything up and run the whole test suite (unit, import, AppTest and browser tests).
set -euo pipefail
cd "$(dirname "$0")"
scripts/siapkan.sh requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then
    # Playwright cannot download its own browser here; the browser tests drive Debian's.
    apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
exec .venv/bin/python -m pytest -q "$@"
