"""The one caching pattern: results shared by every session, built once per distinct input.

Everything here is a `st.cache_resource`: the stored object is handed back as is (no copy, no
unpickling, which for a Plotly figure costs more than drawing it again). The one addition is a
plain dictionary in front of the language catalogues, which `_()` asks for on every label.
Nothing a page gets from here may be changed in place; `ui.charts.chart` copies a figure before
resizing it for a projector.
Keys are plain frozen settings (`HeartInputs`, `CaloriesInputs`) or names, never a person's text.
Whatever holds words takes the language's code (`lang`): each language is built once.
"""

from __future__ import annotations

import gc
from typing import NamedTuple

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from retroedu.calculators.calories import CaloriesInputs, CaloriesView, calories_view
from retroedu.calculators.deck import KNEE_PAGE, DeckView, deck_view
from retroedu.calculators.heart import HeartInputs, HeartView, heart_view
from retroedu.calculators.team import TEMPLATE_COLUMNS, squashed
from retroedu.content import i18n
from retroedu.content.evidence import LearnPage
from retroedu.content.i18n import Language
from retroedu.content.library import Library
from retroedu.exports import tables
from retroedu.exports.handout import compose
from retroedu.exports.handout_pdf import Handout, Paper
from retroedu.figures import deck as deck_figures
from retroedu.figures import energy as energy_figures
from retroedu.figures import heart as heart_figures
from retroedu.figures.learn import LearnFigure, learn_figure
from retroedu.links import fields


class Chart(NamedTuple):
    """A figure with its text alternative."""

    figure: go.Figure
    alt: str


@st.cache_resource(max_entries=8, show_spinner=False)
def _catalogue(lang: str) -> Language:
    return i18n.load(lang)


#: The languages read so far, by code: `_()` looks one up for every label on every rerun, and
#: a dictionary lookup costs a fraction of the cache's hashing of its arguments.
_LANGUAGES: dict[str, Language] = {}


def language(lang: str = i18n.SOURCE) -> Language:
    """Language `lang` with its interface catalogue, read once per process."""
    found = _LANGUAGES.get(lang)
    if found is None:
        found = _LANGUAGES.setdefault(lang, _catalogue(lang))
    return found


@st.cache_resource(show_spinner=False)
def aliases() -> fields.Aliases:
    """Every choice field's options by their labels in every language RetroEdu speaks, so a link
    made in one language reads in any other ("sex=Mujer" is "female")."""
    languages = [language(code) for code in fields.choice("lang").options]
    return {
        field.key: {
            option: tuple(dict.fromkeys(lang._(label) for lang in languages))
            for option, label in field.labels.items()
        }
        for field in fields.FIELDS.values()
        if isinstance(field, fields.ChoiceField)
    }


@st.cache_resource(show_spinner=False)
def roster_headings() -> dict[str, str]:
    """The team template's column names in every language, as the roster reader compares them."""
    languages = [language(code) for code in fields.choice("lang").options]
    return {
        squashed(lang._(name)): key
        for lang in languages
        for key, name in TEMPLATE_COLUMNS.items()
        if squashed(lang._(name))
    }


@st.cache_resource(max_entries=8, show_spinner=False)
def library(lang: str = i18n.SOURCE) -> Library:
    """Every content page of language `lang` and every reference, read and validated once per
    process."""
    return Library.load(language(lang))


def page(name: str, lang: str = i18n.SOURCE) -> LearnPage:
    """The content page `content/<name>.md` (`content/<lang>/<name>.md`)."""
    return library(lang).page(name)


class Words(NamedTuple):
    """A page's fixed words with their citations rendered: the summary, the key points, the body
    split at its hooks (`LearnPage.chunks`) and the numbered source list (with anchors)."""

    summary: str
    key_points: tuple[str, ...]
    chunks: tuple[tuple[str, str], ...]
    sources: str


@st.cache_resource(max_entries=64, show_spinner=False)
def words(name: str, lang: str = i18n.SOURCE) -> Words:
    """The words of content page `name`, rendered once per process (they never change)."""
    shown = page(name, lang)
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
def heart_table(inputs: HeartInputs, method: str, *, purpose: bool, lang: str) -> pa.Table:
    """One zone method's table as the page shows it, built once per distinct setting, and kept
    in Arrow, the form `st.table` sends (converting a DataFrame again cost each rerun more than
    building it)."""
    shown = tables.zones_shown(heart(inputs), method, purpose=purpose, lang=language(lang))
    return pa.Table.from_pandas(shown, preserve_index=False)


@st.cache_resource(max_entries=256, show_spinner=False)
def heart_zones_chart(
    inputs: HeartInputs,
    methods: tuple[str, ...] = tuple(heart_figures.METHOD_COLUMNS),
    height_px: int = 560,
    one_line: bool = False,
    lang: str = i18n.SOURCE,
) -> Chart:
    view, said = heart(inputs), language(lang)
    return Chart(
        heart_figures.zones_figure(
            view, methods, height_px=height_px, one_line=one_line, lang=said
        ),
        heart_figures.zones_alt(view, methods, said),
    )


@st.cache_resource(max_entries=256, show_spinner=False)
def heart_zone_bar(inputs: HeartInputs, height_px: int = 170, lang: str = i18n.SOURCE) -> Chart:
    """The recommended zones as a colour bar (the heart-rate page's answer)."""
    view, said = heart(inputs), language(lang)
    bar = heart_figures.zone_bar(view, said)
    return Chart(
        heart_figures.zone_bar_figure(bar, height_px=height_px, lang=said),
        heart_figures.zone_bar_alt(bar, said._(heart_figures.METHOD_NAMES[view.method]), said),
    )


@st.cache_resource(max_entries=256, show_spinner=False)
def heart_formulas_chart(inputs: HeartInputs, lang: str = i18n.SOURCE) -> Chart:
    view, said = heart(inputs), language(lang)
    return Chart(heart_figures.formulas_figure(view, said), heart_figures.formulas_alt(view, said))


@st.cache_resource(max_entries=512, show_spinner=False)
def calories(inputs: CaloriesInputs, lang: str = i18n.SOURCE) -> CaloriesView:
    """The calorie view model for `inputs`, its notes in `lang`."""
    return calories_view(inputs, page("calories", lang).page.meta, language(lang))


@st.cache_resource(max_entries=512, show_spinner=False)
def calories_chart(
    inputs: CaloriesInputs,
    height_px: int = 700,
    compact: bool = False,
    every: bool = True,
    lang: str = i18n.SOURCE,
) -> Chart:
    """Cost against speed: all four modes (`every`), or the gaits that fit the reader's speed."""
    view, said = calories(inputs, lang), language(lang)
    data = view.chart if every else view.chart_sensible
    return Chart(
        energy_figures.cost_by_speed_figure(data, height_px=height_px, compact=compact, lang=said),
        energy_figures.cost_by_speed_alt(data, said),
    )


#: The calorie page's longer notes on its numbers, shown at the head of its model section.
MEANING = ("band_note", "gross_net_note")


class CaloriesWords(NamedTuple):
    """The calorie page's fixed Markdown with citations rendered: myths, what the numbers mean,
    model sections, sources."""

    myths: tuple[tuple[str, str, str], ...]
    meaning: tuple[str, ...]
    model: tuple[str | tables.WideTable, ...]
    sources: str


@st.cache_resource(max_entries=8, show_spinner=False)
def calories_words(system: str, lang: str = i18n.SOURCE) -> CaloriesWords:
    """The same for every reader in `system`'s units: rendered once per process."""
    words, said = page("calories", lang), language(lang)

    def cite(keys: tuple[str, ...]) -> str:
        return words.render("[" + "; ".join(f"@{key}" for key in keys) + "]")

    hooks = {
        "model_constants": tables.constants_table(cite, said),
        "valid_ranges": tables.ranges_table(cite, system, said),
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
    lang: str = i18n.SOURCE,
) -> Handout:
    """The handout's contents for these settings, in `lang` (never a name: that goes in at
    download)."""
    return compose(
        None if heart_inputs is None else heart(heart_inputs),
        None if calorie_inputs is None else calories(calorie_inputs, lang),
        library(lang),
        page_key=page_key,
        base_url=base_url,
        sections=sections,
        first_week=first_week,
        paper=paper,
        large_print=large_print,
        date=date,
    )


@st.cache_resource(max_entries=32, show_spinner=False)
def learn(kind: str, content: str, lang: str = i18n.SOURCE) -> LearnFigure:
    """A Learn page's figure `kind` from content page `content`, drawn once per process."""
    found = library(lang)
    drawn = learn_figure(kind, found.page(content).page.meta, found.references, found.lang)
    # Fresh, not yet shared: its numbers take the language's decimal sign.
    drawn.figure.update_layout(separators=found.lang.plotly_separators)
    return drawn


@st.cache_resource(max_entries=8, show_spinner=False)
def deck(system: str, lang: str = i18n.SOURCE) -> DeckView:
    """The team-talk deck for readers in `system`'s units: slides and their visuals' data."""
    return deck_view(library(lang), system)


@st.cache_resource(max_entries=16, show_spinner=False)
def deck_chart(visual: str, system: str, lang: str = i18n.SOURCE) -> Chart:
    """A slide's chart: the Learn page's knee-load figure, or the deck's forward-vs-backward bars."""
    comparison = deck(system, lang).comparisons[visual]
    said = language(lang)
    if visual == "knee_load":
        found = learn("knee_load", KNEE_PAGE, lang)
        # A copy (the cached Learn figure is shared): the axis title in two lines, which a
        # slide's short, large-type chart has room for.
        figure = go.Figure(found.figure).update_yaxes(
            title_text=comparison.axis.replace(" [", "<br>[")
        )
        return Chart(figure, found.alt)
    return Chart(
        deck_figures.comparison_figure(comparison, lang=said),
        deck_figures.comparison_alt(comparison, said),
    )


def freeze_once() -> None:
    """After the process's first full run, move everything built so far (modules, content, the
    first figures) out of the garbage collector's sight (`gc.freeze`): those objects live as long
    as the process, and scanning them made each full collection pause a rerun for 45-100 ms."""
    if not gc.get_freeze_count():
        gc.freeze()
