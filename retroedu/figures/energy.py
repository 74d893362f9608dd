"""Calorie-cost figure: kcal/min against speed for the four modes. No Streamlit.

Colour says the gait (walking blue, running vermilion, Okabe-Ito), the dash says the direction
(forward solid, backward dashed) and a marker shape says the mode, and every mode is named in the
legend and the hover text, so nothing depends on colour alone. Thick lines are where the equation or the measurements hold, thin
lines are extrapolation; the lower panel names each valid speed range in words. Backward modes carry
a shaded band, the likely range (the factor's low-high). Fonts are at least 14 px for a projector.
The figure draws the modes its `ChartData` holds: the page passes the gaits that make sense at the
reader's speed, or all four.

>>> from retroedu.calculators.calories import chart_data
>>> data = chart_data(70.0, 6.0, 0.0, "metric")
>>> [curve.label for curve in data.curves]
['Forward walk', 'Forward run', 'Backward walk', 'Backward run']
>>> fig = cost_by_speed_figure(data)
>>> [trace.name for trace in fig.data if trace.showlegend is not False][:2]
['Forward walk', 'Forward run']
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import plotly.graph_objects as go

from retroedu.calculators.calories import ChartData, Curve
from retroedu.content.i18n import ENGLISH, Language
from retroedu.figures import style
from retroedu.models import energy
from retroedu.models.energy import EN_DASH, FloatArray

FONT_PX, SMALL_FONT_PX = style.FONT_PX, style.SMALL_FONT_PX
INK = style.LIGHT.text

#: Gait -> colour (Okabe-Ito blue and vermilion: apart for every common colour-vision type).
GAIT_COLOURS = {"walk": style.BLUE, "run": style.VERMILION}
GAIT_FILLS = {"walk": style.LIGHT.band_blue, "run": style.LIGHT.band_vermilion}
#: Direction -> dash pattern.
DIRECTION_DASHES = {"forward": "solid", "backward": "dash"}
#: Marker shape at the reader's speed, one per mode (so grey print-outs still work).
MODE_SYMBOLS = {
    "forward_walk": "circle",
    "forward_run": "square",
    "backward_walk": "diamond",
    "backward_run": "triangle-up",
}
Trace = dict[str, Any]


def _rounded(values: FloatArray, keep: npt.NDArray[np.bool_] | None = None) -> list[float | None]:
    """Values to 4 decimals (a smaller page), None where `keep` is False (Plotly leaves a gap)."""
    rounded = np.round(values, 4).tolist()
    if keep is None:
        return list(rounded)
    return [value if flag else None for value, flag in zip(rounded, keep.tolist(), strict=True)]


def _joined(outside: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """`outside` widened by one point each way, so thin and thick lines meet at the range ends."""
    joined = outside.copy()
    joined[:-1] |= outside[1:]
    joined[1:] |= outside[:-1]
    return joined


def _curve_traces(curve: Curve, unit: str, lang: Language = ENGLISH) -> list[Trace]:
    """Band (backward modes), thin extrapolated line, thick in-range line."""
    colour, dash = GAIT_COLOURS[curve.gait], DIRECTION_DASHES[curve.direction]
    x = _rounded(curve.speeds)
    group = {"legendgroup": curve.key, "xaxis": "x", "yaxis": "y"}
    traces: list[Trace] = []
    band = ""
    if curve.has_band:
        band = "<br>" + lang._("likely range {range}").format(
            range=f"%{{customdata[0]:.1f}}{EN_DASH}%{{customdata[1]:.1f}}"
        )
        traces.append(
            {
                "type": "scatter",
                "x": [*x, *reversed(x)],
                "y": [*_rounded(curve.high), *reversed(_rounded(curve.low))],
                "fill": "toself",
                "fillcolor": GAIT_FILLS[curve.gait],
                "line": {"width": 0},
                "hoverinfo": "skip",
                "name": lang._("{mode}: band").format(mode=curve.label),
                "showlegend": False,
                **group,
            }
        )
    customdata = np.round(np.column_stack([curve.low, curve.high]), 3).tolist()
    inside = curve.inside()
    # The in-range line carries its mode's marker shape, so walk and run differ by more than
    # colour (and the legend shows the shape).
    extrapolated = lang._("{mode} (extrapolated)").format(mode=curve.label)
    note_extrapolated = lang._(", extrapolated")
    for name, keep, width, note, legend, shape in (
        (extrapolated, _joined(~inside), 1.5, note_extrapolated, False, {}),
        (curve.label, inside, 4, "", True, {"symbol": MODE_SYMBOLS[curve.key], "size": 9}),
    ):
        traces.append(
            {
                "type": "scatter",
                "x": x,
                "y": _rounded(curve.central, keep),
                "mode": "lines+markers" if shape else "lines",
                "line": {"color": colour, "dash": dash, "width": width},
                **({"marker": {"color": colour, **shape}} if shape else {}),
                "name": name,
                "showlegend": legend,
                "customdata": customdata,
                "hovertemplate": f"{curve.label}{note}<br>%{{x:.1f}} {unit}: "
                f"%{{y:.1f}} kcal/min{band}<extra></extra>",
                **group,
            }
        )
    return traces


def _reader_traces(data: ChartData, lang: Language = ENGLISH) -> list[Trace]:
    """A marker per mode at the reader's speed (shape per mode, colour per gait)."""
    at_speed = lang._("{mode} at your speed")
    return [
        {
            "type": "scatter",
            "x": [data.speed],
            "y": [round(result.gross_kcal_per_min.central, 4)],
            "mode": "markers",
            "marker": {
                "symbol": MODE_SYMBOLS[result.mode.key],
                "size": 12,
                "color": GAIT_COLOURS[result.mode.gait],
                "line": {"color": style.LIGHT.surface, "width": 1.5},
            },
            "name": at_speed.format(mode=lang._(result.mode.label)),
            "legendgroup": result.mode.key,
            "showlegend": False,
            "hovertemplate": at_speed.format(mode=lang._(result.mode.label))
            + ": %{y:.1f} kcal/min"
            + (lang._(" (extrapolated)") if result.extrapolated else "")
            + "<extra></extra>",
            "xaxis": "x",
            "yaxis": "y",
        }
        for result in data.at_speed
    ]


#: A hollow black symbol per published point (in `energy.REFERENCE_POINTS` order), named in the
#: legend (shape, not colour, tells them apart; the hover text gives the full description).
REFERENCE_SYMBOLS = ("diamond-open", "hexagon-open", "star-open", "square-open")


def _reference_traces(data: ChartData, lang: Language = ENGLISH) -> list[Trace]:
    """Hollow markers for published values: Compendium codes and a measurement at 5 km/h."""
    return [
        {
            "type": "scatter",
            "x": [round(x, 4)],
            "y": [round(y, 4)],
            "mode": "markers",
            "marker": {
                "symbol": symbol,
                "size": 14,
                "color": style.LIGHT.line,
                "line": {"width": 2},
            },
            "name": reference_name(point, lang),
            "hovertext": [lang._(point.detail)],
            "hovertemplate": "%{hovertext}<br>"
            + lang._("%{y:.1f} kcal/min for this weight")
            + "<extra></extra>",
            "xaxis": "x",
            "yaxis": "y",
        }
        for point, x, y in data.references
        for symbol in [REFERENCE_SYMBOLS[energy.REFERENCE_POINTS.index(point)]]
    ]


def reference_name(point: energy.ReferencePoint, lang: Language = ENGLISH) -> str:
    """A short legend name for a published point, in `lang`.

    >>> [reference_name(point) for point in energy.REFERENCE_POINTS[:3:2]]
    ['Compendium, backward (level)', 'Measured backward (level)']
    """
    grade = (
        lang._("level")
        if point.grade_pct == 0
        else lang._("{grade} % grade").format(grade=lang.number(point.grade_pct))
    )
    if point.kind == "Compendium":
        # Its activity code (17320) is in the hover text: in a legend it reads as jargon.
        if point.mode_key.startswith("backward"):
            return lang._("Compendium, backward ({grade})").format(grade=grade)
        return lang._("Compendium, forward ({grade})").format(grade=grade)
    if point.mode_key.startswith("backward"):
        return lang._("Measured backward ({grade})").format(grade=grade)
    return lang._("Measured forward ({grade})").format(grade=grade)


#: Lower panel: each label sits on its row at the panel's left edge, its bar just under it, so
#: rows never collide even when a projector enlarges the type. [rows]
BAR_BELOW_LABEL = 0.42


def _range_traces(data: ChartData, lang: Language = ENGLISH) -> tuple[list[Trace], list[Trace]]:
    """Lower panel: one bar per mode over the speeds its source covers, and its label."""
    right = float(data.curves[0].speeds[-1])
    bars, labels = [], []
    for row, curve in enumerate(reversed(data.curves)):
        high = right if curve.valid_high is None else min(curve.valid_high, right)
        bars.append(
            {
                "type": "scatter",
                "x": [round(curve.valid_low, 4), round(high, 4)],
                "y": [row - BAR_BELOW_LABEL, row - BAR_BELOW_LABEL],
                "mode": "lines",
                "line": {"color": GAIT_COLOURS[curve.gait], "width": 7},
                "name": lang._("{mode} valid").format(mode=curve.label),
                "legendgroup": curve.key,
                "showlegend": False,
                "hovertemplate": lang._("{mode}: data cover {range}").format(
                    mode=curve.label, range=curve.range_text
                )
                + "<extra></extra>",
                "xaxis": "x2",
                "yaxis": "y2",
            }
        )
        # Each label starts at the panel's left edge, on its bar's row: begun at the bar's start
        # it ran past the right edge of a phone's chart ("3,0-6,0 km/h" lost its unit).
        labels.append(
            {
                "x": 0,
                "y": row,
                "xref": "x2 domain",
                "yref": "y2",
                "text": f"{curve.label}: {curve.range_text}",
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "middle",
                "font": {"size": SMALL_FONT_PX, "color": INK},
            }
        )
    return bars, labels


def cost_by_speed_figure(
    data: ChartData, *, height_px: int = 700, compact: bool = False, lang: Language = ENGLISH
) -> go.Figure:
    """kcal/min (gross) against speed for the modes in `data`, likely ranges, valid ranges and
    reference points.

    Built in one go from plain dicts (one validation pass), two panels sharing the speed axis.
    `compact` draws the upper panel alone, without the published points: a slide's chart has no
    room for four rows of projector-sized range labels, and its thick and thin lines still show
    where the data reach.

    >>> from retroedu.calculators.calories import chart_data
    >>> small = cost_by_speed_figure(chart_data(70.0, 6.0, 0.0, "metric"), compact=True)
    >>> [trace.name for trace in small.data if trace.showlegend is not False]
    ['Forward walk', 'Forward run', 'Backward walk', 'Backward run']
    >>> small.layout.yaxis.domain, small.layout.xaxis.title.text, "yaxis2" in small.layout
    ((0.0, 1.0), 'Speed [km/h]', False)
    """
    first, last = float(data.curves[0].speeds[0]), float(data.curves[0].speeds[-1])
    # Room for the highest line, and for every published point drawn (an uphill one can sit
    # above every level line) with the "Your speed" label above it, not over it.
    published = [] if compact else [y for _, x, y in data.references if first <= x <= last]
    top = max(
        [float(curve.high.max()) * 1.05 for curve in data.curves] + [y * 1.15 for y in published]
    )
    bars, labels = ([], []) if compact else _range_traces(data, lang)
    traces = [
        trace for curve in data.curves for trace in _curve_traces(curve, data.speed_unit, lang)
    ]
    traces += ([] if compact else _reference_traces(data, lang)) + _reader_traces(data, lang) + bars
    ticks = {"tickfont": {"size": SMALL_FONT_PX, "color": style.LIGHT.muted}}
    axis_title = {"size": FONT_PX, "color": INK}
    # The "Your speed" label on the wider side of its line, so it stays on a phone's chart.
    on_right = data.speed > (first + last) / 2
    reader = {
        "x": data.speed,
        "y": 1.0,
        "xref": "x",
        "yref": "y domain",
        "text": lang._("Your speed {speed}").format(
            speed=f"{lang.number(data.speed, 1)} {data.speed_unit}"
        ),
        "showarrow": False,
        "xanchor": "right" if on_right else "left",
        "yanchor": "top",
        "xshift": -4 if on_right else 4,
        "font": {"size": SMALL_FONT_PX, "color": INK},
        "bgcolor": style.LIGHT.veil,
    }
    layout: dict[str, Any] = {
        "height": height_px,
        "font": {"size": FONT_PX, "color": INK},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"font": {"size": SMALL_FONT_PX}},
        "hovermode": "closest",
        "separators": lang.plotly_separators,
        "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.01,
            "x": 0,
            "font": {"size": SMALL_FONT_PX},
        },
        "xaxis": {
            "anchor": "y",
            "matches": "x2",
            "showticklabels": False,
            "range": [first, last],
            "gridcolor": style.LIGHT.grid,
            "zeroline": False,
        },
        "xaxis2": {
            "anchor": "y2",
            "range": [first, last],
            "title": {
                "text": lang._("Speed [{unit}]").format(unit=data.speed_unit),
                "font": axis_title,
            },
            "gridcolor": style.LIGHT.grid,
            "zeroline": False,
            "automargin": True,
            **ticks,
        },
        "yaxis": {
            "domain": [0.36, 1.0],
            "range": [0, top],
            # A slide's chart has projector-sized type: a short title is not clipped.
            "title": {
                "text": "kcal/min" if compact else lang._("kcal per minute (gross)"),
                "font": axis_title,
            },
            "gridcolor": style.LIGHT.grid,
            "zeroline": False,
            "automargin": True,
            **ticks,
        },
        "yaxis2": {
            "domain": [0.0, 0.31],
            "range": [-0.65, len(data.curves) - 0.45],
            "title": {
                "text": lang._("Data cover"),
                "font": {"size": SMALL_FONT_PX, "color": INK},
            },
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "automargin": True,
        },
        "shapes": [
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": data.speed,
                "x1": data.speed,
                "y0": 0,
                "y1": 1,
                "line": {"color": style.LIGHT.line, "width": 1.5, "dash": "dot"},
            }
        ],
        "annotations": [reader, *labels],
    }
    if compact:
        layout["xaxis"] = {**layout["xaxis2"], "anchor": "y"}
        layout["yaxis"] = {**layout["yaxis"], "domain": [0.0, 1.0]}
        del layout["xaxis2"], layout["yaxis2"]
    return go.Figure({"data": traces, "layout": layout})


def cost_by_speed_alt(data: ChartData, lang: Language = ENGLISH) -> str:
    """A text alternative: every mode's value at the reader's speed, its likely range and valid
    range.

    >>> from retroedu.calculators.calories import chart_data
    >>> alt = cost_by_speed_alt(chart_data(70.0, 6.0, 0.0, "metric"))
    >>> "At your speed of 6.0 km/h: forward walk 4.7 kcal/min; forward run 8.2" in alt
    True
    """
    first, last = float(data.curves[0].speeds[0]), float(data.curves[0].speeds[-1])
    unit = data.speed_unit
    parts = [
        lang._(
            "Energy cost in kcal per minute (gross) for {weight} kg at {grade} % grade, "
            "speeds {first} to {last} {unit}"
        ).format(
            weight=lang.number(data.weight_kg),
            grade=lang.number(data.grade_pct),
            first=lang.number(first, 1),
            last=lang.number(last, 1),
            unit=unit,
        ),
        lang._("At your speed of {speed}: ").format(speed=f"{lang.number(data.speed, 1)} {unit}")
        + "; ".join(_alt_value(result, lang) for result in data.at_speed),
        lang._(
            "Thick lines are within the valid range, thin lines are extrapolated. Valid speeds: "
        )
        + "; ".join(f"{curve.label.lower()} {curve.range_text}" for curve in data.curves),
    ]
    if data.references:
        parts.append(
            lang._("Reference points: ")
            + "; ".join(
                f"{lang._(point.detail)}, {lang.number(y, 1)} kcal/min"
                for point, _, y in data.references
            )
        )
    return ". ".join(parts) + "."


def _alt_value(result: energy.CostEstimate, lang: Language = ENGLISH) -> str:
    rate = result.gross_kcal_per_min
    text = f"{lang._(result.mode.label).lower()} {lang.number(rate.central, 1)} kcal/min"
    if result.mode.factor is not None:
        text += lang._(" (likely range {range})").format(
            range=f"{lang.number(rate.low, 1)}{EN_DASH}{lang.number(rate.high, 1)}"
        )
    if result.extrapolated:
        text += lang._(", extrapolated")
    return text
