"""The domain vocabulary (workbook format, data kinds, predikat scales) and Indonesian numbers.
Imports nothing of the project."""
