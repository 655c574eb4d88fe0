"""Export: the 16:9 deck with native charts, chart images through kaleido, Excel tables, Word documents.

Takes figures and frames, never reads the database; `ekspor` is the public face of the package.
"""
