"""The yardstick every RetroEdu figure is compared with: one number input and one Plotly chart.

Run by the benchmarks with RetroEdu's own `.streamlit/config.toml` (copied next to it at run time),
so a ratio against it measures RetroEdu's pages, not a difference in settings.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

value = st.number_input("Value", min_value=1, max_value=100, value=40, step=1, key="value")
minutes = list(range(61))
fig = go.Figure(go.Scatter(x=minutes, y=[value + (m % 10) for m in minutes], mode="lines"))
fig.update_layout(title="Reference chart", xaxis_title="Minutes", yaxis_title="Value")
st.plotly_chart(fig)
