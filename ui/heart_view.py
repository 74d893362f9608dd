"""Streamlit glue for the heart-rate page: its tables and figures, built once per set of inputs.

These live outside `app_pages/heart_rate.py` because Streamlit runs a page script afresh on every
rerun: cached functions defined there would be decorated (and their source hashed) every time.
Results are cached as shared, read-only resources keyed by plain numbers. Nothing mutates them,
and handing back the same object is cheaper than unpickling a copy (for a Plotly figure, dearer
than building it again).
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from retroedu.figures.heart import (
    AgeMark,
    Span,
    Target,
    formulas_by_age_alt,
    formulas_by_age_figure,
    zone_bands_alt,
    zone_bands_figure,
)
from retroedu.models import heart

#: Zone tables shown on the page, by zone model: (model, front-matter note, tab label).
TABS = (
    ("hrmax5", "hrmax_note", "% of max HR"),
    ("hrr5", "hrr_note", "% of heart-rate reserve"),
    ("acsm", "acsm_note", "ACSM classes"),
)
#: Chart columns, by zone model.
COLUMNS = {"hrmax5": "By % of<br>max HR", "hrr5": "By % of<br>HR reserve"}
#: Formula names as the legend shows them.
LEGEND = {
    key: f"{formula.name} (women)" if formula.women_only else formula.name
    for key, formula in heart.FORMULAS.items()
}
EN_DASH, WORD_JOINER, NO_BREAK_SPACE = "\u2013", "\u2060", "\u00a0"


def display(table: pd.DataFrame) -> pd.DataFrame:
    """A zone table as people read it: whole beats per minute, ranges that do not break."""
    share = "% of max" if table["basis"].iloc[0] == "max" else "% of reserve"
    return pd.DataFrame(
        {
            "Zone": [
                zone if zone == name else f"{zone}: {name}"
                for zone, name in zip(table.zone, table.name, strict=True)
            ],
            share: table.pct_label.str.replace(EN_DASH, EN_DASH + WORD_JOINER).str.replace(
                " %", NO_BREAK_SPACE + "%"
            ),
            "Heart rate [bpm]": [
                f"{low:.0f}{EN_DASH}{high:.0f}"
                for low, high in zip(table.low_bpm, table.high_bpm, strict=True)
            ],
            "How it feels, what it is for": table.feel + " " + table.purpose,
        }
    )


def spans(table: pd.DataFrame) -> list[Span]:
    """A zone table as (zone, low [bpm], high [bpm]) for the chart."""
    return [
        (str(zone), float(low), float(high))
        for zone, low, high in zip(table.zone, table.low_bpm, table.high_bpm, strict=True)
    ]


class ZoneView(NamedTuple):
    tables: dict[str, pd.DataFrame]  # as shown, by zone model
    csv: str
    target: Target
    figure: go.Figure
    alt: str


@st.cache_resource(max_entries=256, show_spinner=False)
def zone_view(max_bpm: float, resting_bpm: float | None) -> ZoneView:
    """Zone tables, CSV and zone chart for one maximum and resting rate. ValueError if impossible."""
    tables = heart.all_zones(max_bpm, resting_bpm)
    columns = [(label, spans(tables[key])) for key, label in COLUMNS.items() if key in tables]
    low, high = heart.ARTICLE_TARGET_FRACTIONS
    target = Target(
        "Articles'<br>target",
        f"{100 * low:.0f}{EN_DASH}{100 * high:.0f} %<br>of max",
        heart.percent_of_max(low, max_bpm),
        heart.percent_of_max(high, max_bpm),
    )
    return ZoneView(
        tables={key: display(table) for key, table in tables.items()},
        csv=heart.zones_csv(tables),
        target=target,
        figure=zone_bands_figure(columns, target=target),
        alt=zone_bands_alt(columns, target),
    )


class AgeView(NamedTuple):
    figure: go.Figure
    alt: str
    numbers: pd.DataFrame  # every formula every ten years and at the reader's age


@st.cache_resource(max_entries=256, show_spinner=False)
def age_view(age_years: float, formula: str, measured_bpm: float | None) -> AgeView:
    """Every formula across ages with the reader's age, estimate and measured maximum marked."""
    first, last = min(18, int(age_years)), max(80, int(age_years) + 1)
    ages = sorted({*range(first, last, 5), last})  # straight lines: a few points draw them
    by_age = heart.max_hr_by_age(ages)
    curves = {LEGEND[key]: by_age[key].tolist() for key in heart.FORMULAS}
    chosen = heart.FORMULAS[formula]
    estimate = heart.max_hr(age_years, formula)
    mark = AgeMark(age_years, estimate, chosen.name, chosen.error_bpm, measured_bpm)
    numbers = heart.max_hr_by_age(sorted({*range(20, 81, 10), age_years})).round(0).astype(int)
    return AgeView(
        figure=formulas_by_age_figure(ages, curves, mark, highlight=LEGEND[formula]),
        alt=formulas_by_age_alt(ages, curves, mark),
        numbers=numbers.rename(columns={"age": "Age [years]"} | LEGEND),
    )
