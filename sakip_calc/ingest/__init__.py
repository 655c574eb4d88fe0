"""Getting data in: reading files (baca, wadah), the import rules shared by both paths (aturan),
typing and checking workbook sheets (validasi), import plans, commits and undo (impor), bulk
folders (massal), the template (templat). Writes only through `sakip_calc.store`."""
