#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: a .venv in the repo with pinned packages.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "${1:-requirements.txt}" -c constraints.txt
