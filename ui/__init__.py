"""Streamlit glue shared by the pages: sidebar frame, links, widgets, charts, cache, Learn pages."""
