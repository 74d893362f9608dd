"""Exports: screen and CSV tables and the patient handout, drawn from the view models."""
