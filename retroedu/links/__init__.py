"""Links: the field registry (every value a link or widget carries) and page addresses."""
