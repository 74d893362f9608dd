"""Presentation mode and the team-talk deck: projector-sized charts, slides read from content."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from retroedu.calculators.calories import chart_data
from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.content import deck
from retroedu.content.library import Library
from retroedu.content.pages import parse_page
from retroedu.figures.energy import cost_by_speed_figure
from retroedu.figures.heart import zones_figure
from retroedu.figures.style import PROJECTOR_FONT_PX as FONT_PX
from retroedu.figures.style import PROJECTOR_HEIGHT_PX as HEIGHT_PX
from retroedu.figures.style import for_projector
from retroedu.models import energy
from tests.conftest import LIBRARY, plain


def font_sizes(fig: go.Figure) -> list[float]:
    """Every explicit font size in a figure's JSON."""
    found: list[float] = []

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                walk(item, name)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif key == "size" and isinstance(value, int | float):
            found.append(float(value))

    walk(fig.to_plotly_json()["layout"], "")
    return found


def figures() -> list[go.Figure]:
    """The two live charts a slide shows: energy and zones."""
    return [
        cost_by_speed_figure(chart_data(70.0, 6.0, 0.0, "metric"), compact=True),
        zones_figure(heart_view(HeartInputs(age_years=40, resting_hr_bpm=60)), one_line=True),
    ]


@pytest.mark.parametrize("index", [0, 1])
def test_projector_figures_scale_every_font_and_leave_the_original_alone(index: int) -> None:
    fig = figures()[index]
    before = font_sizes(fig)
    big = for_projector(fig)
    # Base 15 px -> 20 px: factor 4/3, so a 14 px label becomes 18.7 px.
    assert big.layout.font.size == FONT_PX
    assert big.layout.height == HEIGHT_PX
    assert min(font_sizes(big)) >= min(before) * FONT_PX / 15 - 0.1
    assert font_sizes(fig) == before


def test_projector_sizes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="above zero"):
        for_projector(go.Figure(), font_px=0)


def test_the_deck_content_is_valid_and_every_slide_has_one_point() -> None:
    page = LIBRARY.page("deck").page
    slides = deck.slides(page)  # checks every `learn:` against the page registry
    assert 8 <= len(slides) <= 15
    assert {slide.visual for slide in slides} >= set(deck.VISUALS)
    for slide in slides:
        assert len(slide.point.split()) <= 14, f"too long for a slide: {slide.point}"
    assert set(deck.example(page)) == set(deck.EXAMPLE_FIELDS)


def test_the_deck_opens_with_a_title_and_closes_with_three_take_aways_and_notes_throughout() -> (
    None
):
    slides = deck.slides(LIBRARY.page("deck").page)
    assert [slide.kind for slide in slides[:2]] == ["title", "point"]
    assert slides[-1].kind == "closing"
    assert len(slides[-1].takeaways) == deck.TAKEAWAYS == 3
    assert all(slide.kind == "point" for slide in slides[1:-1])
    for slide in slides:
        assert len(slide.notes.split()) >= 8, f"no real speaker notes: {slide.point}"


def test_the_heart_rate_slide_shows_the_measured_numbers_it_states() -> None:
    page = LIBRARY.page("deck").page
    measured = deck.measured_heart_rate(page)
    assert (measured.speed_kmh, measured.forward_bpm, measured.backward_bpm) == (5, 120.9, 166.1)
    assert measured.refs == ("kim2001",)
    [heart] = [slide for slide in deck.slides(page) if slide.visual == "heart"]
    # The text rounds what the chart shows.
    assert "121 to 166 bpm" in plain(heart.detail)
    assert "@kim2001" in heart.detail


def deck_page(slides: str, extra: str = "") -> str:
    return f"---\ntitle: T\nsummary: S.\nslides:\n{slides}{extra}---\n"


@pytest.mark.parametrize(
    ("slides", "message"),
    [
        ("  []\n", "at least one slide"),
        ("  - detail: No point.\n    notes: N\n", "needs a key point"),
        ("  - point: P\n    visual: pie\n    notes: N\n", "visual 'pie' is not one of"),
        ("  - point: P\n    learn: nowhere\n    notes: N\n", "must name a registered page"),
        # A page is named by its key (its URL path), never by its content file or its script.
        ("  - point: P\n    learn: why_backward\n    notes: N\n", "must name a registered page"),
        (
            "  - point: P\n    learn: app_pages/why_backward.py\n    notes: N\n",
            "must name a registered page",
        ),
        ("  - point: P\n    colour: red\n", "use only the fields"),
        ("  - point: P\n", "needs the text field 'notes'"),
        ("  - point: P\n    notes: N\n    takeaway: later\n", "'takeaway' is true or false"),
    ],
)
def test_malformed_decks_are_rejected_with_a_reason(slides: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        deck.points(parse_page(deck_page(slides)))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("", "needs a 'opening' block"),
        ("opening: {subtitle: S, notes: N}\n", "needs the text field 'topic'"),
        (
            "opening: {topic: T, notes: N}\nclosing: {heading: H, notes: N}\n",
            "exactly 3 take-aways: mark 3 slides 'takeaway: true' \\(found 1\\)",
        ),
        (
            "opening: {topic: T, notes: N}\nclosing: {heading: H, notes: N, takeaways: [a, b, c]}\n",
            "closing: use only the fields heading, notes",
        ),
    ],
)
def test_a_deck_without_its_title_or_closing_slide_is_rejected(extra: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        deck.slides(
            parse_page(deck_page("  - point: P\n    notes: N\n    takeaway: true\n", extra))
        )


def test_the_closing_slide_repeats_the_marked_points_word_for_word() -> None:
    for lang in ("en", "es"):
        slides = deck.slides(Library.load(lang).page("deck").page)
        marked = [slide.point for slide in slides[1:-1] if slide.point in slides[-1].takeaways]
        assert len(marked) == deck.TAKEAWAYS, lang


def test_the_energy_slide_states_a_range_that_holds_its_chart_and_the_running_studies() -> None:
    """ "A third to a half more": at the deck's 5 km/h the chart's walking band is k_walk 1.5-1.7
    on ACSM's level walking, (3.5 + 1.5 x 8.33) / (3.5 + 8.33) = 1.35 to (3.5 + 1.7 x 8.33) /
    11.83 = 1.49; the running studies in its detail measured 1.35 [@wright2001; @rasica2020]."""
    page = LIBRARY.page("deck").page
    [slide] = [slide for slide in deck.slides(page) if slide.visual == "energy"]
    assert "a third to a half" in slide.point
    band = energy.backward_ratio("walk", deck.example(page)["speed_kmh"])
    assert band.low >= 1 + 1 / 3
    assert band.high <= 1.5
    assert "running at 35 % more" in plain(slide.detail)


def test_a_slide_links_a_page_by_its_key() -> None:
    [slide] = deck.points(
        parse_page(deck_page("  - point: P\n    learn: why-backward\n    notes: N\n"))
    )
    assert slide.learn == "why-backward"


def test_the_example_person_needs_every_number() -> None:
    text = "---\ntitle: T\nsummary: S.\nexample: {age_years: 40}\n---\n"
    with pytest.raises(ValueError, match="needs an 'example'"):
        deck.example(parse_page(text))
    text = "---\ntitle: T\nsummary: S.\nexample: {age_years: x, weight_kg: 1, speed_kmh: 1, grade_pct: 0}\n---\n"
    with pytest.raises(ValueError, match="must be a number"):
        deck.example(parse_page(text))


def test_slides_write_dashes_not_hyphens_between_words() -> None:
    """A spaced hyphen (" - ") is a typing shortcut for a dash; a projector shows it as a typo."""
    for slide in deck.slides(LIBRARY.page("deck").page):
        text = " ".join((slide.point, slide.detail, slide.notes, *slide.takeaways))
        assert " - " not in text, slide.point
