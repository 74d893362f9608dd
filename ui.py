"""Streamlit glue shared by every page: the sidebar frame, URL-parameter notices, charts.

Physiology never lives here (that is `retroedu/`); this module only turns results into widgets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from retroedu.params import was_rejected

UNITS = ("metric", "imperial")
UNIT_LABELS = {"metric": "Metric (kg, km/h)", "imperial": "Imperial (lb, mph)"}


def frame() -> None:
    """The sidebar every page shares: the units choice (in the URL, so it follows the user)."""
    with st.sidebar:
        st.radio(
            "Units",
            UNITS,
            format_func=UNIT_LABELS.__getitem__,
            key="units",
            bind="query-params",
            horizontal=True,
            help="Used by every calculator. Kept in the page address so a shared link keeps it.",
        )
        st.caption("Education, not medical advice. RetroEdu stores nothing you type.")


def units() -> str:
    """The units the reader chose in the sidebar ("metric" or "imperial")."""
    value = st.session_state.get("units", "metric")
    return value if value in UNITS else "metric"


def raw_params() -> dict[str, str]:
    """A snapshot of the URL parameters, taken before bound widgets clean them up."""
    return {key: st.query_params.get(key, "") for key in st.query_params}


def notice_rejected(raw: Mapping[str, str], values: Mapping[str, tuple[str, Any]]) -> None:
    """Tell the reader which link values could not be used. Never echoes what arrived.

    `values` maps a URL key to (a label a person understands, the value the widget settled on).
    """
    refused = [
        label
        for key, (label, value) in values.items()
        if key in raw and was_rejected(raw[key], value)
    ]
    if refused:
        st.info(
            "Part of this link could not be used, so sensible defaults are shown for: "
            + ", ".join(refused)
            + ".",
            icon=":material/link_off:",
        )


def chart(fig: go.Figure, *, alt: str, filename: str, key: str | None = None) -> None:
    """Draw a Plotly figure with a text alternative and a PNG download named after the chart."""
    st.plotly_chart(
        fig,
        key=key,
        alt=alt,
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        },
    )
