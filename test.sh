#!/usr/bin/env bash
# Set everything up, check the code with ruff, and run the whole test suite (unit, AppTest,
# browser and slow tests). `./test.sh cepat` runs the lint and the fast unit tier alone (< 60 s);
# any other arguments go to pytest (e.g. `./test.sh -m app`, `./test.sh tests/test_skor.py`).
set -euo pipefail
cd "$(dirname "$0")"
scripts/siapkan.sh requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
if [ "${1:-}" = "cepat" ]; then
    shift
    exec .venv/bin/python -m pytest -q -m unit "$@"
fi
paket=()
# Playwright cannot download its own browser here; the browser tests drive Debian's.
[ -x /usr/bin/chromium ] || paket+=(chromium)
# tests/test_proksi.py puts the app behind a real nginx, as the README's security section does.
[ -x /usr/sbin/nginx ] || paket+=(nginx)
if [ ${#paket[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${paket[@]}" >/dev/null
fi
exec .venv/bin/python -m pytest -q "$@"
