"""Layout of every registered page on a phone and at 200 % zoom, and of the deck on a projector.

- at 390x844 (a phone) and at 683x384 CSS px drawn at scale 2 (a 1366 px screen zoomed to 200 %)
  the page does not scroll sideways, and no text is cut short with an ellipsis;
- on a phone, every chart fits the width and its text is at least 12 px (the computed size of
  every SVG text Plotly draws);
- a table too wide for a phone (the starter plan, the calorie model) is a block per row there
  and a table on a wider screen;
- in presentation mode a slide with a live chart on a 1280x720 projector is in large type.

Font sizes set in the figures are unit-tested (tests/unit/test_*_charts.py); these tests see what
the browser makes of them. Each page is opened once at scale 2 (the `shown` fixture, shared with
test_a11y.py) and resized to each viewport: the CSS layout depends on the size in CSS px only.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    CHART_SLIDES,
    DESKTOP,
    PHONE,
    SLIDES,
    ZOOM_200,
    NewPage,
    Shown,
    assert_no_exception,
    heading,
    open_page,
    settle,
    tour_params,
)

pytestmark = pytest.mark.browser

MIN_CHART_TEXT_PX = 12.0


def sideways_scroll(page: Page) -> dict[str, int]:
    """How far the page and its main block scroll sideways. [CSS px]"""
    found: dict[str, int] = page.evaluate(
        """() => {
            const main = document.querySelector("[data-testid='stMain']");
            return {
                page: document.documentElement.scrollWidth - window.innerWidth,
                main: main.scrollWidth - main.clientWidth,
            };
        }"""
    )
    return found


def cut_short(page: Page) -> list[str]:
    """Texts in the main block cut short with an ellipsis ("Verdict: overs..." is unreadable)."""
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll("[data-testid='stMain'] *")]
            .filter((el) => getComputedStyle(el).textOverflow === 'ellipsis'
                && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim())
            .map((el) => el.textContent.trim().slice(0, 40))"""
    )
    return found


@pytest.mark.parametrize("shown", tour_params(), indirect=True, scope="session")
def test_no_sideways_scroll_on_a_phone(shown: Shown) -> None:
    """At 390x844 the page fits the width: neither it nor its main block scrolls sideways."""
    phone = shown.at(PHONE)
    assert_no_exception(phone)
    scroll = sideways_scroll(phone)
    assert max(scroll.values()) <= 1, f"scrolls sideways by {scroll} px"


@pytest.mark.parametrize("shown", tour_params(), indirect=True, scope="session")
def test_no_text_is_cut_short_on_a_phone(shown: Shown) -> None:
    """At 390x844 no text in the page is cut short with an ellipsis."""
    assert cut_short(shown.at(PHONE)) == []


@pytest.mark.parametrize("shown", tour_params(), indirect=True, scope="session")
def test_chart_text_is_at_least_12px_on_a_phone(shown: Shown) -> None:
    """Every text in every chart (ticks, titles, legend, labels) is drawn at 12 px or more."""
    phone = shown.at(PHONE)
    sizes = phone.locator("[data-testid='stPlotlyChart'] svg text").evaluate_all(
        """texts => texts
            .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0)
            .map(t => [t.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(t).fontSize)])"""
    )
    charts = phone.get_by_test_id("stPlotlyChart").count()
    assert charts == 0 or sizes, "charts on the page, but no chart text found"
    small = [(text, size) for text, size in sizes if size < MIN_CHART_TEXT_PX]
    assert small == [], f"chart text under {MIN_CHART_TEXT_PX} px: {small[:10]}"


def chart_text_cut_off(page: Page) -> list[str]:
    """Chart texts that reach past their chart's edge, where the drawing cuts them off."""
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")].flatMap((chart) => {
            const svg = chart.querySelector('.main-svg');
            if (!svg) return [];
            const box = svg.getBoundingClientRect();
            return [...chart.querySelectorAll('svg text')]
                .filter((t) => t.textContent.trim())
                .filter((t) => {
                    const r = t.getBoundingClientRect();
                    return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
                })
                .map((t) => t.textContent.trim().slice(0, 40));
        })"""
    )
    return found


@pytest.mark.parametrize("shown", tour_params(), indirect=True, scope="session")
def test_every_chart_fits_the_width_on_a_phone(shown: Shown) -> None:
    """At 390x844 no chart's drawing reaches past either edge of the screen, and no label
    reaches past its chart's edge."""
    phone = shown.at(PHONE)
    outside = phone.locator("[data-testid='stPlotlyChart'] .main-svg").evaluate_all(
        """svgs => svgs.map(svg => svg.getBoundingClientRect())
            .filter(box => box.left < -1 || box.right > window.innerWidth + 1)
            .map(box => [Math.round(box.left), Math.round(box.right)])"""
    )
    assert outside == [], f"charts wider than the {PHONE['width']} px screen: {outside}"
    assert chart_text_cut_off(phone) == []


@pytest.mark.parametrize("shown", tour_params(), indirect=True, scope="session")
def test_no_sideways_scroll_at_200_percent_zoom(shown: Shown) -> None:
    """At 683x384 CSS px (a 1366x768 screen at 200 %) the page fits the width."""
    scroll = sideways_scroll(shown.at(ZOOM_200))
    assert max(scroll.values()) <= 1, f"scrolls sideways by {scroll} px"


@pytest.mark.parametrize("shown", tour_params(), indirect=True, scope="session")
def test_no_text_is_cut_short_at_200_percent_zoom(shown: Shown) -> None:
    """At 683x384 CSS px no text in the page is cut short with an ellipsis."""
    assert cut_short(shown.at(ZOOM_200)) == []


#: Pages with tables too wide for a phone (ui/learn.py `wide`): the section to open first, if any,
#: and how many such tables it then shows.
WIDE_TABLES = [
    pytest.param("/getting-started", None, 1, id="starter-plan"),
    pytest.param("/calories", ".st-key-model_open summary", 2, id="calorie-model"),
]


@pytest.mark.parametrize(("path", "opener", "count"), WIDE_TABLES)
def test_a_table_too_wide_for_a_phone_is_a_block_per_row_there(
    new_page: NewPage, base_url: str, path: str, opener: str | None, count: int
) -> None:
    """Squeezed to 390 px, the starter plan's four columns wrapped to 13 lines a cell, and the
    calorie model's six ran past the screen's edge, cut off by their section. On a phone each
    row is a block as wide as the page and the table is hidden; on a laptop the reverse."""
    page = open_page(new_page(viewport=PHONE), base_url + path)
    tables = page.locator("[class*='st-key-wide_table_']")
    cards = page.locator("[class*='st-key-wide_cards_']")
    if opener:
        # Wait for what opening draws, not for a count of runs: a run quick enough to finish
        # within one frame never shows as "running" to an observer (it timed out under load).
        page.locator(opener).click()
    expect(tables).to_have_count(count)
    expect(cards).to_have_count(count)
    settle(page)
    main = page.get_by_test_id("stMainBlockContainer").evaluate(
        "el => el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft)"
        " - parseFloat(getComputedStyle(el).paddingRight)"
    )
    for number in range(count):
        expect(tables.nth(number)).to_be_hidden()
        expect(cards.nth(number)).to_be_visible()
        blocks = cards.nth(number).locator("[data-testid='stMarkdownContainer']")
        for block in blocks.all():
            box = block.bounding_box()
            assert box is not None
            assert box["width"] >= 0.9 * main, (box, main)
            assert box["x"] + box["width"] <= PHONE["width"]
    page.set_viewport_size(DESKTOP)
    for number in range(count):
        expect(cards.nth(number)).to_be_hidden()
        expect(tables.nth(number)).to_be_visible()


PROJECTOR = {"width": 1280, "height": 720}
# Body text large enough to read from the back of a room on a 720p projector. [px]
MIN_PROJECTOR_TEXT_PX = 20.0


@pytest.mark.parametrize("number", CHART_SLIDES, ids=lambda number: f"slide-{number}")
def test_a_chart_slide_is_in_large_type_on_a_720p_projector(
    new_page: NewPage, base_url: str, number: int
) -> None:
    """In presentation mode, a slide with a live chart on a 1280x720 screen: the sidebar is
    folded away and body text is at least 20 px (that the controls show without scrolling, on
    every slide, is test_deck.py's)."""
    page = open_page(
        new_page(viewport=PROJECTOR), f"{base_url}/team-talk?slide={number}&present=true"
    )
    expect(heading(page)).to_have_text(SLIDES[number - 1])
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    body_px = page.evaluate(
        """() => {
            const main = document.querySelector("[data-testid='stMain']");
            const text = [...main.querySelectorAll("[data-testid='stMarkdownContainer'] p")]
                .find((p) => !p.closest("[data-testid='stCaptionContainer']"));
            return parseFloat(getComputedStyle(text).fontSize);
        }"""
    )
    assert body_px >= MIN_PROJECTOR_TEXT_PX
