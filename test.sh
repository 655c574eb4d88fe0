#!/usr/bin/env bash
# Set everything up and run the whole test suite (unit, import, AppTest and browser tests).
set -euo pipefail
cd "$(dirname "$0")"
scripts/siapkan.sh requirements-dev.txt
paket=()
# Playwright cannot download its own browser here; the browser tests drive Debian's.
[ -x /usr/bin/chromium ] || paket+=(chromium)
# tests/test_proksi.py puts the app behind a real nginx, as the README's security section does.
[ -x /usr/sbin/nginx ] || paket+=(nginx)
if [ ${#paket[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${paket[@]}" >/dev/null
fi
exec .venv/bin/python -m pytest -q "$@"
