"""Pure functions from the case to plotly figures (as plain dictionaries): no widgets, no storage."""
