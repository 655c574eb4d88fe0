"""Getting data in: reading files, typing and validating cells, import plans, commits and undo, bulk folders, the template. Writes only through `sakip_calc.store`."""
