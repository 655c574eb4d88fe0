"""Getting data in: reading files (baca, wadah), the import rules shared by both paths (aturan),
typing and checking workbook sheets (validasi), import plans, commits and undo (impor), bulk
folders (massal), the template (templat). Writes only through `sakip_calc.store`."""

from sakip_calc.ingest import (
    dtsen,  # noqa: E402, F401  registers the DTSEN desil layout in baca.FORMAT_LAIN
    geojson,  # noqa: E402, F401  registers .geojson/.json boundaries in baca.PEMBACA
)
