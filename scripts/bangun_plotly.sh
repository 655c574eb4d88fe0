#!/usr/bin/env bash
# Builds static/plotly-sakip.min.js, the plotly.js the pages load: the core plus the trace types in
# scripts/plotly/plotly-sakip.js, at the version pinned in scripts/plotly/package-lock.json. Needs
# Node.js and npm; the built file is committed, so setting up and running the app does not.
# Run it after changing that list or after the plotly Python package moves to another plotly.js
# (tests/test_grafik_web.py says when).
set -euo pipefail
cd "$(dirname "$0")/plotly"
npm ci --no-audit --no-fund
versi=$(node -p 'require("plotly.js/package.json").version')
npx esbuild plotly-sakip.js --bundle --minify --format=iife --target=es2020 \
  --define:global=window --legal-comments=inline --log-level=warning \
  --banner:js="/*! plotly.js v$versi (core, bar, choropleth, heatmap, pie, scattergeo, treemap, locale id) | MIT License, Copyright Plotly, Inc. | https://github.com/plotly/plotly.js */" \
  --outfile=../../static/plotly-sakip.min.js
rm -f ../../static/plotly-sakip.min.css  # plotly.js injects its own styles at run time
ls -l ../../static/plotly-sakip.min.js
