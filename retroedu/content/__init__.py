"""Content: load and validate pages and references, evidence levels, named model numbers."""
