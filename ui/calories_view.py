"""Streamlit glue for the calorie-cost page: what it computes and renders once, then reuses.

Kept out of `app_pages/calories.py` because a page script runs top to bottom on every rerun, which
would rebuild these cached functions (and their dataclasses) each time; a module is imported once.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from retroedu.content.evidence import LearnPage, learn_page
from retroedu.figures.energy import chart_data, cost_by_speed_alt, cost_by_speed_figure
from retroedu.models import energy
from retroedu.models.energy import EN_DASH


def content() -> LearnPage:
    """The page's words (content/calories.md), validated once per process by evidence.py."""
    return learn_page("calories")


@dataclass(frozen=True)
class Calculation:
    """Everything the page shows for one set of inputs."""

    estimates: tuple[energy.CostEstimate, ...]
    table: pd.DataFrame
    csv: bytes
    run_minutes: energy.Spread
    walk_minutes: energy.Spread
    figure: go.Figure
    alt: str


# Cached: the same inputs (a rerun, another reader with the same link) reuse the results. A
# resource cache hands back the stored objects without copying; nothing mutates them (ui.chart
# copies the figure before enlarging it for a projector). Unpickling a Plotly figure from the data
# cache would cost more than drawing it afresh.
@st.cache_resource(max_entries=512, show_spinner=False)
def calculate(
    weight_kg: float, speed_kmh: float, grade_pct: float, minutes: float, system: str
) -> Calculation:
    """The four estimates, the table and CSV, the equivalent minutes and the figure."""
    estimates = energy.compare(weight_kg, speed_kmh, grade_pct)
    table = energy.comparison_table(estimates, minutes, system)
    data = chart_data(weight_kg, speed_kmh, grade_pct, system)
    return Calculation(
        estimates=estimates,
        table=display(table, minutes),
        csv=energy.comparison_csv(table, weight_kg, speed_kmh, grade_pct).encode("utf-8"),
        run_minutes=energy.equivalent_forward_minutes(minutes, speed_kmh, grade_pct, "run"),
        walk_minutes=energy.equivalent_forward_minutes(minutes, speed_kmh, grade_pct, "walk"),
        figure=cost_by_speed_figure(data),
        alt=cost_by_speed_alt(data),
    )


def display(table: pd.DataFrame, minutes: float) -> pd.DataFrame:
    """The comparison as people read it: one column per mode (fits a phone), rounded numbers,
    bands as ranges. Reasons for "no" are spelled out above the table."""

    def band(low: float, high: float, digits: int) -> str:
        return f"{low:.{digits}f}{EN_DASH}{high:.{digits}f}" if high > low else EN_DASH

    rows = {
        "kcal/min": [f"{v:.1f}" for v in table.kcal_per_min],
        "band, kcal/min": [
            band(low, high, 1)
            for low, high in zip(table.kcal_per_min_low, table.kcal_per_min_high, strict=True)
        ],
        "net kcal/min": [f"{v:.1f}" for v in table.net_kcal_per_min],
        f"kcal in {minutes:g} min": [f"{v:.0f}" for v in table.session_kcal],
        "band, kcal": [
            band(low, high, 0)
            for low, high in zip(table.session_kcal_low, table.session_kcal_high, strict=True)
        ],
        f"net kcal in {minutes:g} min": [f"{v:.0f}" for v in table.net_session_kcal],
        "MET": [f"{v:.1f}" for v in table.mets],
        "vs forward": ["baseline" if pd.isna(v) else f"{v:+.0f} %" for v in table.vs_forward_pct],
        "within the data": ["no" if flag else "yes" for flag in table.extrapolated],
    }
    return pd.DataFrame(rows, index=list(table["mode"])).T.rename_axis("Measure").reset_index()


def cites(keys: tuple[str, ...]) -> str:
    """Citation markers for `keys`, rendered as the page's numbered, level-labelled links."""
    return content().render("[" + "; ".join(f"@{key}" for key in keys) + "]")


def constants_table() -> str:
    """Every constant of the model with its value, band, unit, meaning and sources."""
    rows = ["| Symbol | Value | Band | Unit | Meaning | Source |", "|---|---|---|---|---|---|"]
    for c in energy.CONSTANTS.values():
        band = f"{c.low:g}{EN_DASH}{c.high:g}" if c.low is not None and c.high is not None else ""
        rows.append(
            f"| {c.symbol} | {c.value:g} | {band} | {c.unit} | {c.meaning} | {cites(c.citations)} |"
        )
    return "\n".join(rows)


def ranges_table(system: str) -> str:
    """Each mode's equation and the speeds and grades it is valid for, in the reader's units."""
    rows = [
        "| Mode | Equation | Valid speeds | Valid grades | Based on | Source |",
        "|---|---|---|---|---|---|",
    ]
    for mode in energy.MODES:
        valid = mode.valid
        rows.append(
            f"| {mode.label} | {mode.equation} | {valid.speed_text(system)} | "
            f"{valid.grade_text()} | {valid.covers} | {cites(valid.citations)} |"
        )
    return "\n".join(rows)


@dataclass(frozen=True)
class FixedWords:
    """The page's fixed Markdown with citations rendered: myths, model sections, sources."""

    myths: tuple[tuple[str, str, str], ...]
    model: tuple[str, ...]
    sources: str


# The fixed words are the same for every reader: render their citations once per process.
@st.cache_resource(show_spinner=False)
def fixed_words(system: str) -> FixedWords:
    page = content()
    tables = {"model_constants": constants_table(), "valid_ranges": ranges_table(system)}
    return FixedWords(
        myths=tuple(
            (page.render(card.title), card.badge, page.render(card.body)) for card in page.cards
        ),
        model=tuple(tables[value] if kind == "hook" else value for kind, value in page.chunks()),
        sources=page.source_list(),
    )
