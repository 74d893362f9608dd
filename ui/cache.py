"""The one caching pattern: results shared by every session, built once per distinct input.

Everything here is a `st.cache_resource`: the stored object is handed back as is (no copy, no
unpickling, which for a Plotly figure costs more than drawing it again). Nothing a page gets from
here may be changed in place; `ui.charts.chart` copies a figure before resizing it for a projector.
Keys are plain frozen settings (`HeartInputs`, `CaloriesInputs`) or names, never a person's text.
"""

from __future__ import annotations

from typing import NamedTuple

import plotly.graph_objects as go
import streamlit as st

from retroedu.calculators.calories import CaloriesInputs, CaloriesView, calories_view
from retroedu.calculators.deck import KNEE_PAGE, DeckView, deck_view
from retroedu.calculators.heart import HeartInputs, HeartView, heart_view
from retroedu.content.evidence import LearnPage
from retroedu.content.library import Library
from retroedu.exports import tables
from retroedu.exports.handout import compose
from retroedu.exports.handout_pdf import Handout, Paper
from retroedu.figures import deck as deck_figures
from retroedu.figures import energy as energy_figures
from retroedu.figures import heart as heart_figures
from retroedu.figures.learn import LearnFigure, learn_figure


class Chart(NamedTuple):
    """A figure with its text alternative."""

    figure: go.Figure
    alt: str


@st.cache_resource(show_spinner=False)
def library() -> Library:
    """Every content page and reference, read and validated once per process."""
    return Library.load()


def page(name: str) -> LearnPage:
    """The content page `content/<name>.md`."""
    return library().page(name)


class Words(NamedTuple):
    """A page's fixed words with their citations rendered: the summary, the key points, the body
    split at its hooks (`LearnPage.chunks`) and the numbered source list (with anchors)."""

    summary: str
    key_points: tuple[str, ...]
    chunks: tuple[tuple[str, str], ...]
    sources: str


@st.cache_resource(max_entries=32, show_spinner=False)
def words(name: str) -> Words:
    """The words of content page `name`, rendered once per process (they never change)."""
    shown = page(name)
    return Words(
        shown.render(shown.page.summary),
        tuple(shown.render(point) for point in shown.key_points),
        tuple(shown.chunks()),
        shown.source_list(),
    )


@st.cache_resource(max_entries=256, show_spinner=False)
def heart(inputs: HeartInputs) -> HeartView:
    """The heart-rate view model for `inputs`."""
    return heart_view(inputs)


@st.cache_resource(max_entries=256, show_spinner=False)
def heart_zones_chart(
    inputs: HeartInputs,
    methods: tuple[str, ...] = tuple(heart_figures.METHOD_COLUMNS),
    height_px: int = 560,
    one_line: bool = False,
) -> Chart:
    view = heart(inputs)
    return Chart(
        heart_figures.zones_figure(view, methods, height_px=height_px, one_line=one_line),
        heart_figures.zones_alt(view, methods),
    )


@st.cache_resource(max_entries=256, show_spinner=False)
def heart_zone_bar(inputs: HeartInputs, height_px: int = 170) -> Chart:
    """The recommended zones as a colour bar (the heart-rate page's answer)."""
    view = heart(inputs)
    bar = heart_figures.zone_bar(view)
    return Chart(
        heart_figures.zone_bar_figure(bar, height_px=height_px),
        heart_figures.zone_bar_alt(bar, heart_figures.METHOD_NAMES[view.method]),
    )


@st.cache_resource(max_entries=256, show_spinner=False)
def heart_formulas_chart(inputs: HeartInputs) -> Chart:
    view = heart(inputs)
    return Chart(heart_figures.formulas_figure(view), heart_figures.formulas_alt(view))


@st.cache_resource(max_entries=512, show_spinner=False)
def calories(inputs: CaloriesInputs) -> CaloriesView:
    """The calorie view model for `inputs`."""
    return calories_view(inputs, page("calories").page.meta)


@st.cache_resource(max_entries=512, show_spinner=False)
def calories_chart(
    inputs: CaloriesInputs, height_px: int = 700, compact: bool = False, every: bool = True
) -> Chart:
    """Cost against speed: all four modes (`every`), or the gaits that fit the reader's speed."""
    view = calories(inputs)
    data = view.chart if every else view.chart_sensible
    return Chart(
        energy_figures.cost_by_speed_figure(data, height_px=height_px, compact=compact),
        energy_figures.cost_by_speed_alt(data),
    )


#: The calorie page's longer notes on its numbers, shown at the head of its model section.
MEANING = ("band_note", "gross_net_note")


class CaloriesWords(NamedTuple):
    """The calorie page's fixed Markdown with citations rendered: myths, what the numbers mean,
    model sections, sources."""

    myths: tuple[tuple[str, str, str], ...]
    meaning: tuple[str, ...]
    model: tuple[str, ...]
    sources: str


@st.cache_resource(max_entries=4, show_spinner=False)
def calories_words(system: str) -> CaloriesWords:
    """The same for every reader in `system`'s units: rendered once per process."""
    words = page("calories")

    def cite(keys: tuple[str, ...]) -> str:
        return words.render("[" + "; ".join(f"@{key}" for key in keys) + "]")

    hooks = {
        "model_constants": tables.constants_markdown(cite),
        "valid_ranges": tables.ranges_markdown(cite, system),
    }
    return CaloriesWords(
        myths=tuple(
            (words.render(card.title), card.badge, words.render(card.body)) for card in words.cards
        ),
        meaning=tuple(words.render(str(words.page.meta[key])) for key in MEANING),
        model=tuple(hooks[value] if kind == "hook" else value for kind, value in words.chunks()),
        sources=words.source_list(),
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def handout(
    heart_inputs: HeartInputs | None,
    calorie_inputs: CaloriesInputs | None,
    page_key: str,
    base_url: str | None,
    sections: tuple[str, ...],
    first_week: int,
    paper: Paper,
    large_print: bool,
    date: str,
) -> Handout:
    """The handout's contents for these settings (never a name: that goes in at download)."""
    return compose(
        None if heart_inputs is None else heart(heart_inputs),
        None if calorie_inputs is None else calories(calorie_inputs),
        library(),
        page_key=page_key,
        base_url=base_url,
        sections=sections,
        first_week=first_week,
        paper=paper,
        large_print=large_print,
        date=date,
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def learn(kind: str, content: str) -> LearnFigure:
    """A Learn page's figure `kind` from content page `content`, drawn once per process."""
    return learn_figure(kind, page(content).page.meta, library().references)


@st.cache_resource(max_entries=4, show_spinner=False)
def deck(system: str) -> DeckView:
    """The team-talk deck for readers in `system`'s units: slides and their visuals' data."""
    return deck_view(library(), system)


@st.cache_resource(max_entries=8, show_spinner=False)
def deck_chart(visual: str, system: str) -> Chart:
    """A slide's chart: the Learn page's knee-load figure, or the deck's forward-vs-backward bars."""
    comparison = deck(system).comparisons[visual]
    if visual == "knee_load":
        found = learn("knee_load", KNEE_PAGE)
        # A copy (the cached Learn figure is shared): the axis title in two lines, which a
        # slide's short, large-type chart has room for.
        figure = go.Figure(found.figure).update_yaxes(
            title_text=comparison.axis.replace(" [", "<br>[")
        )
        return Chart(figure, found.alt)
    return Chart(
        deck_figures.comparison_figure(comparison), deck_figures.comparison_alt(comparison)
    )
