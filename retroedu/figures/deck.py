"""The deck's forward-vs-backward bars: one `Comparison` in, a Plotly figure out. Pure.

Drawn in the Learn charts' language: forward solid vermilion, backward hatched blue, each bar
labelled with its value (and the backward bar with its change), whiskers for a band where the
source or the model gives one. Large value labels, so a slide reads from the back of a room.

>>> from retroedu.calculators.deck import Comparison, Pair
>>> fig = comparison_figure(Comparison("Heart rate [bpm]", (Pair("Walk", 120.9, 166.1),), "", ()))
>>> [trace.name for trace in fig.data if trace.type == "bar"], fig.data[3].text
(['Forward (solid)', 'Backward (hatched)'], ('166 (+37 %)',))
>>> comparison_figure(Comparison("bpm", (Pair("Walk", 120.9, 166.1),), "", (), 1)).data[1].text
('120.9',)
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from retroedu.calculators.deck import Comparison, Pair
from retroedu.content.i18n import ENGLISH, Language
from retroedu.figures import style

#: Value labels are larger than axis text: they are what the room reads.
VALUE_FONT_PX = style.FONT_PX + 5


def _values(pair: Pair, backward: bool, digits: int, lang: Language = ENGLISH) -> str:
    value = pair.backward if backward else pair.forward
    text = lang.number(value, digits)
    return f"{text} ({lang.number(pair.change_pct, 0, sign=True)} %)" if backward else text


def _errors(pairs: tuple[Pair, ...], backward: bool) -> dict[str, Any]:
    bands = [pair.backward_band if backward else pair.forward_band for pair in pairs]
    if all(band is None for band in bands):
        return {"visible": False}
    values = [pair.backward if backward else pair.forward for pair in pairs]
    return {
        "type": "data",
        "symmetric": False,
        "array": [None if b is None else b[1] - v for b, v in zip(bands, values, strict=True)],
        "arrayminus": [None if b is None else v - b[0] for b, v in zip(bands, values, strict=True)],
        "color": style.LIGHT.line,
        "thickness": 2,
        "width": 10,
    }


def comparison_figure(
    comparison: Comparison, *, height_px: int = 520, lang: Language = ENGLISH
) -> go.Figure:
    """Forward and backward bars for each pair of `comparison`, value labels outside the bars.

    The value labels take the comparison's decimals; the backward bar adds its change in %.
    """
    pairs = comparison.pairs
    labels = [pair.label for pair in pairs]
    top = max(
        max(pair.backward_band[1] if pair.backward_band else pair.backward for pair in pairs),
        max(pair.forward_band[1] if pair.forward_band else pair.forward for pair in pairs),
    )
    axis_top = top * 1.22
    standoff = style.LABEL_STANDOFF * axis_top
    traces = []
    for backward, name, direction, colour, pattern in (
        (False, lang._("Forward (solid)"), lang._("Forward"), style.VERMILION, ""),
        (True, lang._("Backward (hatched)"), lang._("Backward"), style.BLUE, "/"),
    ):
        values = [pair.backward if backward else pair.forward for pair in pairs]
        group = "backward" if backward else "forward"
        traces.append(
            go.Bar(
                x=labels,
                y=values,
                name=name,
                offsetgroup=group,
                marker=style.hatched(colour, pattern, size=12),
                error_y=_errors(pairs, backward),
                hovertemplate=f"{direction}: %{{y}}<extra></extra>",
            )
        )
        # The value above the bar and its whisker, in its own trace so the whisker never
        # crosses it (a bar's own text sits on the bar's top, under the whisker).
        tops = [
            (pair.backward_band if backward else pair.forward_band) or (value, value)
            for pair, value in zip(pairs, values, strict=True)
        ]
        traces.append(
            go.Scatter(
                x=labels,
                y=[high + standoff for _, high in tops],
                mode="text",
                text=[_values(pair, backward, comparison.digits, lang) for pair in pairs],
                textposition="top center",
                textfont={
                    "size": VALUE_FONT_PX,
                    "color": style.LIGHT.text,
                    "shadow": style.LABEL_HALO,
                },
                offsetgroup=group,
                cliponaxis=False,
                showlegend=False,
                hoverinfo="skip",
            )
        )
    layout = style.layout(
        height_px,
        barmode="group",
        scattermode="group",
        bargap=0.3,
        bargroupgap=0.1,
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
            "font": {"size": style.SMALL_FONT_PX},
        },
        yaxis=style.axis(comparison.axis, range=[0, axis_top], fixedrange=True),
        xaxis=style.axis(
            "",
            tickfont={"size": style.FONT_PX, "color": style.LIGHT.text},
            showgrid=False,
            fixedrange=True,
        ),
        dragmode=False,
        separators=lang.plotly_separators,
    )
    return go.Figure(data=traces, layout=layout)


def comparison_alt(comparison: Comparison, lang: Language = ENGLISH) -> str:
    """The chart's text alternative: every pair's numbers.

    >>> from retroedu.calculators.deck import Comparison, Pair
    >>> comparison_alt(Comparison("Heart rate [bpm]", (Pair("Walk", 120.9, 166.1),), "", ()))
    'Heart rate [bpm], forward then backward. Walk: 120.9 and 166.1 (+37 %).'
    """
    parts = [lang._("{axis}, forward then backward.").format(axis=comparison.axis)]
    digits = comparison.digits or 1
    for pair in comparison.pairs:
        parts.append(
            lang._("{label}: {forward} and {backward} ({change} %).").format(
                label=pair.label,
                forward=lang.number(pair.forward, digits),
                backward=lang.number(pair.backward, digits),
                change=lang.number(pair.change_pct, 0, sign=True),
            )
        )
    return " ".join(parts)
