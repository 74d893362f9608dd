"""Figures: one module per figure family, plain data or a view model in, a Plotly figure out."""
