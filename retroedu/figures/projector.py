"""Chart sizes for a projector: larger type and a height that fits a 1280x720 screen. Pure.

RetroEdu's charts are drawn at 14-15 px type for a laptop. On a projected 1280x720 or 1920x1080
screen seen from the back of a room that is too small, so presentation mode scales every font in a
figure (layout, legend, axes, annotations, trace labels) by one factor and sets a height that
leaves room for a slide's heading and the navigation buttons.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

#: Base chart font in presentation mode. [px]
FONT_PX = 20
#: Chart height in presentation mode: a 720 px screen minus a heading and the buttons. [px]
HEIGHT_PX = 520
#: What Plotly draws when a figure does not set a font size. [px]
PLOTLY_DEFAULT_FONT_PX = 12


def _scaled(font: Any, factor: float, fallback: float | None) -> dict[str, float]:
    """A font update with the size multiplied by `factor` (nothing if no size is known)."""
    size = getattr(font, "size", None) or fallback
    return {"size": round(size * factor, 1)} if size else {}


def for_projector(
    fig: go.Figure, font_px: float = FONT_PX, height_px: int = HEIGHT_PX
) -> go.Figure:
    """A copy of `fig` with every font scaled so the base font is `font_px` and the height set.

    The original figure is not changed.

    >>> fig = go.Figure(layout={"font": {"size": 15}, "height": 640})
    >>> big = for_projector(fig)
    >>> big.layout.font.size, big.layout.height, fig.layout.font.size
    (20, 520, 15)
    """
    if font_px <= 0 or height_px <= 0:
        raise ValueError("Presentation font size and chart height must be above zero pixels.")
    out = go.Figure(fig)
    base = out.layout.font.size or PLOTLY_DEFAULT_FONT_PX
    factor = font_px / base
    out.update_layout(font={"size": font_px}, height=height_px)
    out.update_layout(legend={"font": _scaled(out.layout.legend.font, factor, None)})
    out.update_layout(hoverlabel={"font": _scaled(out.layout.hoverlabel.font, factor, None)})
    if out.layout.uniformtext.minsize:
        out.update_layout(uniformtext={"minsize": round(out.layout.uniformtext.minsize * factor)})
    if out.layout.title.text:
        out.update_layout(title={"font": _scaled(out.layout.title.font, factor, None)})
    out.for_each_xaxis(lambda axis: _scale_axis(axis, factor))
    out.for_each_yaxis(lambda axis: _scale_axis(axis, factor))
    for annotation in out.layout.annotations or ():
        annotation.update(font=_scaled(annotation.font, factor, None))
    for trace in out.data:
        textfont = getattr(trace, "textfont", None)
        if textfont is not None and textfont.size:
            trace.update(textfont=_scaled(textfont, factor, None))
    return out


def _scale_axis(axis: Any, factor: float) -> None:
    axis.update(tickfont=_scaled(axis.tickfont, factor, None))
    axis.update(title={"font": _scaled(axis.title.font, factor, None)})
