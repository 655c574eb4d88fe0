"""SAKIP Dashboard's engine, without Streamlit. One subpackage per layer; each imports only the
layers above it in this list:

- `domain`: the vocabulary (workbook format, data kinds, scales) and Indonesian numbers.
- `store`: the DuckDB file: schema, connections, copy-on-write writes, history, every SQL.
- `ingest`: reading workbooks and bulk folders, validating them, importing, undoing.
- `calc`: pure functions over DataFrames: capaian, predikat, serapan, efisiensi, checks.
- `presentation`: charts, readings and the chart list of each page.
- `export`: the slide deck, chart images, Excel tables.
- `access`: password hashes and lockout.  `tools`: synthetic data for load tests.
"""

# Every write stores the checks' findings (`store.TURUNAN`); registering them on import of the
# package makes that hold for every entry point (command line, app, tests).
from sakip_calc.calc import periksa as _periksa  # noqa: E402, F401
