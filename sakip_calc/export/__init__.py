"""Export: the 16:9 deck with native charts, chart images through kaleido, Excel tables. Takes figures, never reads the database."""
