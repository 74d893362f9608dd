"""One style for every figure: type sizes, the Okabe-Ito data colours, the light and dark
palettes for everything drawn on the page, and projector sizing. Pure; no Streamlit.

Figure modules draw with the light palette's colours (`LIGHT`) and the data colours. At render
time `themed(figure, theme)` swaps each light colour for its dark counterpart, so one cached
figure serves both themes, exported PNGs carry the reader's theme, and nothing on a dark page is
drawn dark on dark. Text inside a coloured bar or band uses `ON_DATA`, the same in both themes,
because the fills stay light. `chart_css()` repaints chart text and gridlines the moment a reader
switches theme (Streamlit does not rerun on a switch; the next rerun redraws with the new palette).

>>> fig = go.Figure(layout={"font": {"color": LIGHT.text}, "xaxis": {"gridcolor": LIGHT.grid}})
>>> dark = themed(fig, "dark")
>>> dark["layout"]["font"]["color"] == DARK.text, dark["layout"]["xaxis"]["gridcolor"] == DARK.grid
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from typing import Any

import plotly.graph_objects as go


@dataclass(frozen=True)
class Palette:
    """Colours of what a figure draws on the page (not its data)."""

    text: str  # titles, axis titles, legends, labels
    muted: str  # tick labels and secondary text
    grid: str  # gridlines
    line: str  # guide lines, outlines and markers drawn on the page
    surface: str  # the page: boxes behind labels, gaps between stacked bars
    veil: str  # the page, translucent: labels drawn over data
    panel: str  # slider and button backgrounds
    band_blue: str  # a likely range round a blue line, translucent
    band_vermilion: str  # the same round a vermilion line


# Text and muted text reach 10:1 or more on each theme's background (.streamlit/config.toml).
# A band on the dark page is lighter and denser: 16 % of the blue on near-black was invisible.
LIGHT = Palette(
    "#0E1116",
    "#3D434A",
    "#D9DEE3",
    "#1A1D21",
    "#FFFFFF",
    "rgba(255,255,255,0.85)",
    "#F2F5F8",
    "rgba(0,114,178,0.16)",
    "rgba(213,94,0,0.16)",
)
DARK = Palette(
    "#F1F3F5",
    "#C9CED6",
    "#363B43",
    "#D5DAE0",
    "#121417",
    "rgba(18,20,23,0.85)",
    "#1F2329",
    "rgba(86,180,233,0.35)",
    "rgba(230,120,40,0.38)",
)
PALETTES: Mapping[str, Palette] = {"light": LIGHT, "dark": DARK}
#: Text and marks on a coloured bar or band, the same in both themes: dark on the light fills,
#: white on the strong ones. (Neither is a palette colour, so `themed` leaves them alone.)
ON_DATA, ON_DATA_LIGHT = "#101215", "#FEFEFE"
#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
BLUE, VERMILION, GREEN, SKY, ORANGE, YELLOW, PURPLE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#56B4E9",
    "#E69F00",
    "#F0E442",
    "#CC79A7",
)

#: Chart text on a laptop or phone: axis titles and labels, and the smaller tick and legend text.
FONT_PX = 15
SMALL_FONT_PX = 14
#: Base chart font in presentation mode. [px]
PROJECTOR_FONT_PX = 20
#: Chart height in presentation mode: a 720 px screen minus a heading and the buttons. [px]
PROJECTOR_HEIGHT_PX = 520
#: What Plotly draws when a figure does not set a font size. [px]
PLOTLY_DEFAULT_FONT_PX = 12
#: Gap between a whisker's cap and the value written above it, as a share of the y axis's
#: length: about 10 px on a 520 px chart, so the digits never sit on the cap.
LABEL_STANDOFF = 0.025
#: A value label's outline in the page's colour (a CSS text-shadow; `themed` swaps the colour
#: with the theme): a gridline passing behind the label stops at its digits instead of
#: striking them through.
LABEL_HALO = (
    ", ".join(f"{x}px {y}px 0 {LIGHT.surface}" for x, y in ((-1, -1), (1, -1), (-1, 1), (1, 1)))
    + f", 0 0 3px {LIGHT.surface}"
)


def _scaled(
    font: Any, factor: float, fallback: float | None, floor: float = 0.0
) -> dict[str, float]:
    """A font update with the size multiplied by `factor`, at least `floor` (nothing if no size
    is known)."""
    size = getattr(font, "size", None) or fallback
    return {"size": max(round(size * factor, 1), floor)} if size else {}


def for_projector(
    fig: go.Figure, font_px: float = PROJECTOR_FONT_PX, height_px: int = PROJECTOR_HEIGHT_PX
) -> go.Figure:
    """A copy of `fig` with every font scaled so the base font is `font_px`, no text smaller
    than `font_px` (tick labels and legends are read from the back of the room too), and the
    height set.

    The original figure is not changed.

    >>> fig = go.Figure(layout={"font": {"size": 15}, "height": 640})
    >>> fig = fig.update_xaxes(tickfont={"size": 12}, title={"font": {"size": 18}})
    >>> big = for_projector(fig)
    >>> big.layout.font.size, big.layout.height, fig.layout.font.size
    (20, 520, 15)
    >>> big.layout.xaxis.tickfont.size, big.layout.xaxis.title.font.size  # 16 -> 20; 24
    (20, 24.0)
    """
    if font_px <= 0 or height_px <= 0:
        raise ValueError("Presentation font size and chart height must be above zero pixels.")
    out = go.Figure(fig)
    base = out.layout.font.size or PLOTLY_DEFAULT_FONT_PX
    factor = font_px / base
    out.update_layout(font={"size": font_px}, height=height_px)
    out.update_layout(legend={"font": _scaled(out.layout.legend.font, factor, None, font_px)})
    out.update_layout(hoverlabel={"font": _scaled(out.layout.hoverlabel.font, factor, None)})
    if out.layout.uniformtext.minsize:
        minsize = max(round(out.layout.uniformtext.minsize * factor), font_px)
        out.update_layout(uniformtext={"minsize": minsize})
    if out.layout.title.text:
        out.update_layout(title={"font": _scaled(out.layout.title.font, factor, None)})
    out.for_each_xaxis(lambda axis: _scale_axis(axis, factor, font_px))
    out.for_each_yaxis(lambda axis: _scale_axis(axis, factor, font_px))
    for annotation in out.layout.annotations or ():
        annotation.update(font=_scaled(annotation.font, factor, None, font_px))
    for trace in out.data:
        textfont = getattr(trace, "textfont", None)
        if textfont is not None and textfont.size:
            trace.update(textfont=_scaled(textfont, factor, None, font_px))
    return out


def _scale_axis(axis: Any, factor: float, floor: float) -> None:
    axis.update(tickfont=_scaled(axis.tickfont, factor, None, floor))
    axis.update(title={"font": _scaled(axis.title.font, factor, None, floor)})


_HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")


def _swapped(value: Any, swap: Mapping[str, str], key: str = "") -> Any:
    if isinstance(value, str):
        whole = swap.get(value.upper())
        if whole is not None:
            return whole
        if key == "shadow":  # a list of colours, e.g. `LABEL_HALO`; text is left as written
            return _HEX.sub(lambda found: swap.get(found[0].upper(), found[0]), value)
        return value
    if isinstance(value, dict):
        return {name: _swapped(item, swap, name) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_swapped(item, swap, key) for item in value]
    return value


def themed(fig: go.Figure, theme: str | None) -> dict[str, Any]:
    """The figure as a plain dict in the colours of `theme` ("light", "dark"; None is light)."""
    spec: dict[str, Any] = fig.to_plotly_json()
    palette = PALETTES.get(theme or "light", LIGHT)
    if palette is LIGHT:
        return spec
    swap = {
        light.upper(): dark for light, dark in zip(astuple(LIGHT), astuple(palette), strict=True)
    }
    return {key: _swapped(value, swap) for key, value in spec.items()}


def chart_css() -> str:
    """CSS that repaints chart text and gridlines in the active theme at once, before the rerun
    that redraws the figure in its colours. `light-dark()` follows the colour scheme Streamlit
    sets for its theme; data labels inside bars are left alone."""
    chart = "[data-testid='stPlotlyChart']"
    pair = {
        name: f"light-dark({getattr(LIGHT, name)}, {getattr(DARK, name)})"
        for name in ("text", "muted", "grid", "line")
    }
    ticks = ":is(.xtick, .ytick, .x2tick, .y2tick)"
    titles = ":is(.g-xtitle, .g-ytitle, .g-x2title, .g-y2title, .g-gtitle)"
    # Annotations carry their colour inline; only those drawn in the palette's text colours
    # are repainted (a label in a data colour keeps it).
    drawn = {_rgb(LIGHT.text): pair["text"], _rgb(LIGHT.muted): pair["muted"]}
    notes = "".join(
        f"{chart} text.annotation-text[style*='fill: {rgb}'] {{ fill: {colour} !important; }}\n"
        for rgb, colour in drawn.items()
    )
    # ... and the boxes behind them drawn in the page's colour (a translucent veil included).
    surface = f"light-dark({LIGHT.surface}, {DARK.surface})"
    notes += (
        f"{chart} .annotation rect.bg[style*='fill: {_rgb(LIGHT.surface)}'] "
        f"{{ fill: {surface} !important; }}\n"
    )
    return (
        f"{chart} {ticks} > text {{ fill: {pair['muted']} !important; }}\n"
        f"{chart} {titles} text, "
        f"{chart} text:is(.legendtext, .legendtitletext) {{ fill: {pair['text']} !important; }}\n"
        f"{chart} :is(.gridlayer path, .xgrid, .ygrid) {{ stroke: {pair['grid']} !important; }}\n"
        f"{notes}"
    )


def _rgb(hex_colour: str) -> str:
    """'#0E1116' as the browser writes it in an inline style: 'rgb(14, 17, 22)'."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def axis(title: str, **extra: Any) -> dict[str, Any]:
    """An axis with a titled, projector-sized label and faint gridlines."""
    return {
        "title": {"text": title, "font": {"size": FONT_PX, "color": LIGHT.text}},
        "tickfont": {"size": SMALL_FONT_PX, "color": LIGHT.muted},
        "gridcolor": LIGHT.grid,
        "zeroline": False,
        "automargin": True,
        **extra,
    }


def layout(height_px: int, **extra: Any) -> dict[str, Any]:
    """The shared layout: projector-sized text in the page's colour, a transparent background
    (the page shows through), tight margins, and no Plotly template to carry on every rerun."""
    return {
        "height": height_px,
        "font": {"size": FONT_PX, "color": LIGHT.text},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"font": {"size": SMALL_FONT_PX}},
        "margin": {"l": 8, "r": 8, "t": 16, "b": 8},
        **extra,
    }


def hatched(
    colour: str,
    shape: str,
    *,
    size: int,
    line: str = LIGHT.line,
    line_width: float = 1.5,
    hatch: str = ON_DATA_LIGHT,
    solidity: float = 0.3,
    opacity: float | None = None,
) -> dict[str, Any]:
    """A bar's marker: filled with `colour`, with the hatch `shape` ("" for none) drawn over it
    (overlay, so the colour stays visible under it), and outlined in `line`.

    >>> hatched("#0072B2", "/", size=12)["pattern"]["fillmode"]
    'overlay'
    """
    pattern: dict[str, Any] = {
        "shape": shape,
        "fillmode": "overlay",
        "fgcolor": hatch,
        "size": size,
        "solidity": solidity,
    }
    if opacity is not None:
        pattern["fgopacity"] = opacity
    return {"color": colour, "pattern": pattern, "line": {"color": line, "width": line_width}}


def legend_above(y: float = 1.02, size: float = SMALL_FONT_PX) -> dict[str, Any]:
    """A one-row legend above the plot, from the left edge, at a readable size."""
    return {"orientation": "h", "x": 0, "y": y, "yanchor": "bottom", "font": {"size": size}}
