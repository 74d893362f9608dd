"""A claim set against measurements on one axis: plain rows in, a Plotly figure out. No Streamlit.

Used by the Myths page to put "three to six times the calories" next to the measured +35 % to +48 %.
Claimed rows are hatched and labelled "claimed", measured rows solid and labelled "measured", so the
difference never rests on colour alone.

>>> rows = parse_rows([{"label": "Lab", "low": 35, "high": 35, "kind": "measured", "source": "A 2001"}])
>>> rows[0].middle, rows[0].text
(35.0, '+35 %')
>>> fig = claims_vs_measured(rows, axis_title="Extra energy [%]")
>>> fig.data[0].orientation
'h'
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from retroedu.content.i18n import ENGLISH, N_, Language
from retroedu.figures import style
from retroedu.models.checks import real

#: Bar colour by kind: Okabe-Ito blue, bluish green and vermilion; each kind also has its own
#: pattern and writes its kind in its label, so nothing depends on colour.
KINDS = {"measured": style.BLUE, "compiled": style.GREEN, "claimed": style.VERMILION}
#: Each kind as the chart writes it.
KIND_WORDS = {"measured": N_("measured"), "compiled": N_("compiled"), "claimed": N_("claimed")}
PATTERNS = {"measured": "", "compiled": ".", "claimed": "/"}
INK, FONT_PX = style.LIGHT.text, style.FONT_PX


@dataclass(frozen=True)
class Row:
    """One bar: a measured value (low == high, optional ± spread) or a claimed range. [%]"""

    label: str
    low: float
    high: float
    kind: str
    source: str
    spread: float = 0.0

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2

    @property
    def text(self) -> str:
        """The value as printed on the bar: "+35 %", "+35 ± 6 %" or "+200 to +500 %"."""
        return self.text_in()

    def text_in(self, lang: Language = ENGLISH) -> str:
        """`text` in `lang`."""
        low = lang.number(self.low, sign=True)
        if self.low != self.high:
            return lang._("{low} to {high} %").format(
                low=low, high=lang.number(self.high, sign=True)
            )
        if self.spread:
            return f"{low} ± {lang.number(self.spread)} %"
        return f"{low} %"


def parse_rows(items: object) -> list[Row]:
    """Check rows from a page's front matter: label, low, high [%], kind, source; spread optional."""
    if not isinstance(items, list) or not items:
        raise ValueError("The chart needs a list of rows.")
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"Chart row {number} must be a mapping of fields.")
        try:
            row = _row(item)
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(
                f"Chart row {number} needs label, low, high (numbers, low <= high), kind "
                f"({' or '.join(KINDS)}) and source; spread is optional ({error})."
            ) from None
        rows.append(row)
    return rows


def _row(item: dict[str, Any]) -> Row:
    low, high = real(item["low"], "low"), real(item["high"], "high")
    spread = real(item.get("spread", 0), "spread")
    if item["kind"] not in KINDS or not low <= high or spread < 0:
        raise ValueError("bad kind or range")
    return Row(str(item["label"]), low, high, item["kind"], str(item["source"]), spread)


ROW_PX = 100  # one row: two lines of label above a bar, readable at 390 px phone width
BAR_WIDTH = 0.34  # share of a row the bar takes


def claims_vs_measured(rows: list[Row], *, axis_title: str, lang: Language = ENGLISH) -> go.Figure:
    """Horizontal bars, one per row, top to bottom in the given order, each labelled above.

    Labels sit above the bars (not beside them as tick labels) so a phone keeps the full width
    for the bars and no text is clipped.
    """
    fig = go.Figure()
    names = [f"row {index}" for index in range(len(rows))]
    named = list(zip(names, rows, strict=True))
    # One trace per kind and per "has a ± spread", so whiskers appear only where there is one.
    for (kind, colour), spread in itertools.product(KINDS.items(), (False, True)):
        members = [
            (name, row) for name, row in named if row.kind == kind and bool(row.spread) == spread
        ]
        if not members:
            continue
        fig.add_bar(
            orientation="h",
            name=kind,
            y=[name for name, _ in members],
            x=[row.high - row.low if row.low != row.high else row.low for _, row in members],
            base=[row.low if row.low != row.high else 0 for _, row in members],
            width=BAR_WIDTH,
            error_x={
                "type": "data",
                "array": [row.spread for _, row in members],
                "visible": spread,
                "color": INK,
                "thickness": 2,
            },
            text=[f"{lang._(KIND_WORDS[kind])}: {row.text_in(lang)}" for _, row in members],
            textposition="none",
            marker=style.hatched(colour, PATTERNS[kind], size=10, line=INK, line_width=1),
            customdata=[row.label for _, row in members],
            hovertemplate="%{customdata}<br>%{text}<extra></extra>",
        )
    for name, row in named:
        fig.add_annotation(
            x=0,
            xref="paper",
            y=name,
            yanchor="bottom",
            yshift=BAR_WIDTH * ROW_PX / 2 + 2,
            xanchor="left",
            align="left",
            showarrow=False,
            text=f"{row.label}: <b>{lang._(KIND_WORDS[row.kind])} {row.text_in(lang)}</b>"
            f"<br><i>{row.source}</i>",
            font={"size": FONT_PX - 1, "color": INK},
        )
    top = max(row.high + row.spread for row in rows)
    fig.update_layout(
        font={"size": FONT_PX, "color": INK},
        hoverlabel={"font": {"size": FONT_PX}},
        showlegend=False,
        barmode="overlay",
        separators=lang.plotly_separators,
        height=90 + ROW_PX * len(rows),
        margin={"l": 10, "r": 20, "t": 10, "b": 60},
        xaxis={
            "title": {"text": axis_title, "font": {"size": FONT_PX, "color": INK}},
            "tickfont": {"size": FONT_PX, "color": INK},
            "range": [0, top * 1.05],
            "ticksuffix": " %",
            "nticks": 6,
        },
        yaxis={
            "categoryorder": "array",
            "categoryarray": list(reversed(names)),
            "showticklabels": False,
            "range": [-0.5, len(rows) - 0.1],
        },
    )
    return fig


def describe(rows: list[Row], lang: Language = ENGLISH) -> str:
    """A text alternative for the chart, one clause per row.

    >>> describe([Row("Lab", 35, 35, "measured", "A 2001", 6)])
    'Extra energy backward compared with forward at the same speed. Lab (A 2001), measured: +35 ± 6 %.'
    """
    parts = [
        f"{row.label} ({row.source}), {lang._(KIND_WORDS[row.kind])}: {row.text_in(lang)}."
        for row in rows
    ]
    return (
        lang._("Extra energy backward compared with forward at the same speed.")
        + " "
        + " ".join(parts)
    )


def table(rows: list[Row], lang: Language = ENGLISH) -> pd.DataFrame:
    """The chart's numbers as a table, in the chart's order (its data-table alternative).

    >>> rows = [Row("Lab", 35, 35, "measured", "A 2001", 6), Row("Web", 200, 500, "claimed", "none")]
    >>> table(rows).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'Claim or measurement': 'Lab', 'Kind': 'measured', 'Extra energy backward': '+35 ± 6 %',
      'Source': 'A 2001'},
     {'Claim or measurement': 'Web', 'Kind': 'claimed', 'Extra energy backward': '+200 to +500 %',
      'Source': 'none'}]
    """
    return pd.DataFrame(
        {
            lang._("Claim or measurement"): [row.label for row in rows],
            lang._("Kind"): [lang._(KIND_WORDS[row.kind]) for row in rows],
            lang._("Extra energy backward"): [row.text_in(lang) for row in rows],
            lang._("Source"): [row.source for row in rows],
        }
    )
