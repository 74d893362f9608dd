"""Drawing a Plotly figure on a page: in the reader's theme, sized for a projector in
presentation mode, with a text alternative and a PNG download named after the chart, its numbers
with the reader's language's decimal sign (Plotly's `separators`, which the figures set when they
are built for a language)."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from retroedu.figures import style
from ui.i18n import language
from ui.sidebar import present

#: The chart toolbar: download as PNG and full screen only, shown on hover, so it never sits
#: over a legend on a phone.
TOOLBAR = ("zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d")


def chart(
    fig: go.Figure,
    *,
    alt: str,
    filename: str,
    key: str | None = None,
    projector_height_px: int = style.PROJECTOR_HEIGHT_PX,
    projector_font_px: float = style.PROJECTOR_FONT_PX,
    stretch: bool = False,
) -> None:
    """Draw a Plotly figure in the active theme's colours (light when the browser has not said).

    In presentation mode the figure's type is enlarged and its height set for a projector
    (`projector_height_px`, e.g. smaller beside a slide's text), its base font `projector_font_px`;
    with `stretch` (a calculator's answer beside its inputs) that height is the least, and the
    chart grows to the height of the inputs beside it.
    """
    theme = st.context.theme.type
    separators = language().plotly_separators
    if (fig.layout.separators or ".,") != separators:
        # A figure built without the language (none of the app's): a copy, never the cached one.
        fig = go.Figure(fig).update_layout(separators=separators)
    if present():
        shown: go.Figure | dict[str, object] = style.themed(
            style.for_projector(fig, font_px=projector_font_px, height_px=projector_height_px),
            theme,
        )
    elif style.PALETTES.get(theme or "light", style.LIGHT) is style.LIGHT:
        # The figure as built (light colours): Streamlit copies it without validating it again,
        # which a plain dict would cost (tens of milliseconds per chart and rerun).
        shown = fig
    else:
        shown = style.themed(fig, theme)
    st.plotly_chart(
        shown,
        key=key,
        alt=alt,
        height="stretch" if stretch and present() else "content",
        config={
            "displaylogo": False,
            "modeBarButtonsToRemove": list(TOOLBAR),
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        },
    )
