"""Drawing a Plotly figure on a page: text alternative, PNG download, projector sizing."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from retroedu.figures.projector import HEIGHT_PX as PROJECTOR_HEIGHT_PX
from retroedu.figures.projector import for_projector
from ui.sidebar import present


def chart(
    fig: go.Figure,
    *,
    alt: str,
    filename: str,
    key: str | None = None,
    projector_height_px: int = PROJECTOR_HEIGHT_PX,
) -> None:
    """Draw a Plotly figure with a text alternative and a PNG download named after the chart.

    In presentation mode the figure's type is enlarged and its height set for a projector
    (`projector_height_px`, e.g. smaller beside a slide's text).
    """
    st.plotly_chart(
        for_projector(fig, height_px=projector_height_px) if present() else fig,
        key=key,
        alt=alt,
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        },
    )
