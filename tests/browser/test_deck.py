"""The Team talk deck on a projector, in Chromium: what only a browser can measure.

- At 1920x1080 and 1280x720 in presentation mode, a slide's chart takes at least 55 % of the
  screen height, chart text is at least 24 px at 1080p, body text at least 28 px at 1080p, and no
  slide scrolls.
- The keys a presenter uses beyond the arrows and Page Up/Down (those are in test_keyboard.py):
  Space and Shift+Space, Home and End, a click on the slide, Escape to leave presentation mode;
  the address follows (`?slide=`).
- A presenter view opened in a second window of the same browser follows the slides, and leads
  them.
- On a phone: the sources follow the slide in whole lines, the closing list and the controls stay
  on screen, and the next slide opens at its point.

Chart fonts set in the figures are unit-tested (tests/unit/test_present.py); these tests see what
the browser draws. Waits are on conditions (the address, the script state), never fixed sleeps.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    CHART_SLIDES,
    PHONE,
    SLIDES,
    NewPage,
    assert_no_exception,
    deck_key,
    deck_ready,
    heading,
    open_page,
    settle,
)

pytestmark = pytest.mark.browser

HD = {"width": 1920, "height": 1080}
HD_720 = {"width": 1280, "height": 720}
MIN_CHART_FRACTION = 0.55
MIN_CHART_TEXT_PX_1080 = 24.0
MIN_BODY_PX_1080 = 28.0

# The slide's chart height over the screen's, the smallest text drawn in the chart, the smallest
# body text of the slide (headings, paragraphs, list items), and how far anything scrolls.
MEASURE_JS = """() => {
  const screen = window.innerHeight;
  const slide = document.querySelector('.st-key-deck_slide');
  const charts = [...slide.querySelectorAll("[data-testid='stPlotlyChart'] .main-svg")];
  const fraction = charts.length
    ? Math.min(...charts.map((svg) => svg.getBoundingClientRect().height)) / screen : null;
  const chartText = [];
  for (const text of slide.querySelectorAll("[data-testid='stPlotlyChart'] text")) {
    if (!text.textContent.trim() || text.closest('.hoverlayer')) continue;
    if (text.getBoundingClientRect().width < 1) continue;
    chartText.push(parseFloat(getComputedStyle(text).fontSize));
  }
  const body = [...slide.querySelectorAll('h1, p, li')]
    .filter((el) => el.textContent.trim() && el.getBoundingClientRect().width > 0
      && !el.closest("[data-testid='stPlotlyChart']"))
    .map((el) => parseFloat(getComputedStyle(el).fontSize));
  const main = document.querySelector("[data-testid='stMain']");
  const scroll = Math.max(
    document.scrollingElement.scrollHeight - document.scrollingElement.clientHeight,
    main.scrollHeight - main.clientHeight);
  return {fraction, chartText: chartText.length ? Math.min(...chartText) : null,
          body: Math.min(...body), scroll};
}"""


# The footer's texts cut short (a source list ending "American College of Sports Medic..."), and
# where the footer starts and the slide ends.
FOOTER_JS = """() => {
  const footer = document.querySelector('.st-key-deck_footer');
  const slide = document.querySelector('.st-key-deck_slide');
  const cut = [...footer.querySelectorAll('*')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.textContent.trim())
    .map((el) => el.textContent.trim().slice(-40));
  return {cut, top: footer.getBoundingClientRect().top,
          slideBottom: slide.getBoundingClientRect().bottom};
}"""


def slide_url(base_url: str, number: int, extra: str = "") -> str:
    return f"{base_url}/team-talk?slide={number}&present=true{extra}"


def measure(page: Page) -> dict[str, float]:
    found: dict[str, float] = page.evaluate(MEASURE_JS)
    return found


@pytest.mark.parametrize("size", [HD, HD_720], ids=["1080p", "720p"])
def test_charts_fill_the_slide_in_large_type(
    new_page: NewPage, base_url: str, size: dict[str, int]
) -> None:
    """Every chart slide: the chart is at least 55 % of the screen height; at 1080p its smallest
    text is at least 24 px and the slide's body text at least 28 px (the type scales with the
    screen, so 720p is measured for the height and scrolling only)."""
    page = new_page(viewport=size)
    for number in CHART_SLIDES:
        open_page(page, slide_url(base_url, number))
        expect(heading(page)).to_have_text(SLIDES[number - 1])
        found = measure(page)
        assert found["fraction"] >= MIN_CHART_FRACTION, (number, found)
        assert found["scroll"] <= 0, (number, found)
        if size == HD:
            assert found["chartText"] >= MIN_CHART_TEXT_PX_1080, (number, found)
            assert found["body"] >= MIN_BODY_PX_1080, (number, found)


@pytest.mark.parametrize("size", [HD, HD_720], ids=["1080p", "720p"])
def test_no_slide_scrolls_in_presentation_mode(
    new_page: NewPage, base_url: str, size: dict[str, int]
) -> None:
    """Title, text, chart and closing slides all fit the screen: nothing to scroll, the controls
    are on the screen, and the sources in the footer are whole and clear of the slide."""
    page = new_page(viewport=size)
    for number in range(1, len(SLIDES) + 1):
        open_page(page, slide_url(base_url, number, "&team=Riverside+AC&date=12+May"))
        expect(heading(page)).to_have_text(SLIDES[number - 1])
        found = measure(page)
        assert found["scroll"] <= 0, (number, found)
        if size == HD:
            assert found["body"] >= MIN_BODY_PX_1080, (number, found)
        box = page.locator(".st-key-deck_controls").bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= size["height"], (number, box)
        assert box["x"] + box["width"] <= size["width"], (number, box)
        footer = page.evaluate(FOOTER_JS)
        assert footer["cut"] == [], (number, footer)
        assert footer["top"] >= footer["slideBottom"], (number, footer)
    assert_no_exception(page)


def test_on_a_phone_the_sources_follow_the_slide_in_whole_lines(
    new_page: NewPage, base_url: str
) -> None:
    """A coach checking the deck on a phone: the footer's sources took whatever width the
    controls left, down to nothing (a letter a line, over the slide). They now span the screen
    under the slide, and the controls show without a pointer to bring them up."""
    page = open_page(new_page(viewport=PHONE), slide_url(base_url, CHART_SLIDES[0]))
    caption = page.locator(".st-key-deck_footer [data-testid='stCaptionContainer']")
    box = caption.bounding_box()
    assert box is not None
    assert box["width"] >= 0.8 * PHONE["width"], box
    footer = page.evaluate(FOOTER_JS)
    assert footer["cut"] == [], footer
    assert footer["top"] >= footer["slideBottom"], footer
    expect(page.locator(".st-key-deck_controls")).to_have_css("opacity", "1")


# The closing slide's list items against its heading, and the controls' right edges.
CLOSING_JS = """() => {
  const title = document.querySelector('.st-key-deck_slide h1').getBoundingClientRect();
  const items = [...document.querySelectorAll('.st-key-deck_slide li')].map((li) => ({
    left: li.getBoundingClientRect().left, font: parseFloat(getComputedStyle(li).fontSize)}));
  const controls = [...document.querySelectorAll('.st-key-deck_controls button')]
    .map((button) => button.getBoundingClientRect().right);
  return {titleLeft: title.left, items, controls, width: window.innerWidth};
}"""


@pytest.mark.parametrize("lang", ["en", "es"])
def test_on_a_phone_the_closing_list_and_the_controls_stay_on_screen(
    new_page: NewPage, base_url: str, lang: str
) -> None:
    """The take-aways' numbers hung left of the slide's margin (cut to their dots on a phone),
    and the Spanish "Presentar" ran off the right edge: the numbers now have room inside the
    margin (an item's text starts at least one number's width in), the controls wrap."""
    page = open_page(
        new_page(viewport=PHONE), f"{base_url}/team-talk?slide={len(SLIDES)}&lang={lang}"
    )
    found = page.evaluate(CLOSING_JS)
    assert len(found["items"]) == 3, found
    assert all(item["left"] >= found["titleLeft"] + item["font"] for item in found["items"]), found
    assert found["controls"], found
    assert max(found["controls"]) <= found["width"], found
    assert_no_exception(page)


def test_on_a_phone_the_next_slide_opens_at_its_point(new_page: NewPage, base_url: str) -> None:
    """Tapped from the controls under a tall slide, the next slide opened scrolled to its foot
    with its point out of sight; it now opens with its point on screen."""
    page = open_page(new_page(viewport=PHONE), f"{base_url}/team-talk?slide={CHART_SLIDES[0]}")
    following = page.locator(".st-key-deck_next button")
    following.scroll_into_view_if_needed()
    assert page.evaluate(HEADING_TOP_JS) < 0  # the point is above the screen before the tap
    following.click()
    page.wait_for_function(
        "(n) => Number(new URL(location.href).searchParams.get('slide')) === n",
        arg=CHART_SLIDES[0] + 1,
    )
    settle(page)
    header = page.get_by_test_id("stHeader").bounding_box()
    assert header is not None
    # On screen and clear of the app's header.
    page.wait_for_function(f"(y) => ({HEADING_TOP_JS})() >= y", arg=header["y"] + header["height"])
    expect(heading(page)).to_have_text(SLIDES[CHART_SLIDES[0]])
    expect(heading(page)).to_be_in_viewport()


HEADING_TOP_JS = (
    """() => document.querySelector('.st-key-deck_slide h1').getBoundingClientRect().top"""
)


def expect_slide(page: Page, number: int) -> None:
    """Wait for the address to show slide `number` (slide 1 is the default: no parameter)."""
    page.wait_for_function(
        "(n) => Number(new URL(location.href).searchParams.get('slide') ?? 1) === n", arg=number
    )
    settle(page)
    expect(heading(page)).to_have_text(SLIDES[number - 1])


def test_space_home_end_click_and_escape_drive_the_deck(new_page: NewPage, base_url: str) -> None:
    """Space steps on and Shift+Space back, End and Home jump to the ends, a click on the slide
    steps on, and Escape leaves presentation mode on the same slide."""
    page = open_page(new_page(viewport=HD_720), slide_url(base_url, 2))
    last = len(SLIDES)
    for key, number in (("Space", 3), ("Shift+Space", 2), ("End", last), ("Home", 1)):
        deck_key(page, key)
        expect_slide(page, number)
    deck_ready(page).locator(".st-key-deck_slide h1").click()
    expect_slide(page, 2)
    deck_key(page, "Escape")
    page.wait_for_function("() => !new URL(location.href).searchParams.has('present')")
    settle(page)
    expect(page.get_by_test_id("stHeader")).to_be_visible()
    expect_slide(page, 2)


def test_the_presenter_view_follows_the_slides_in_a_second_window(
    new_page: NewPage, base_url: str
) -> None:
    """A presenter view opened in a second window of the same browser shows this slide's notes
    and the next slide, follows a step in the slides' window, and leads it back."""
    slides = open_page(new_page(viewport=HD_720), slide_url(base_url, 2))
    presenter = slides.context.new_page()
    open_page(presenter, f"{base_url}/team-talk?slide=2&view=Presenter")
    expect(presenter.locator(".st-key-deck_next_slide")).to_contain_text(SLIDES[2])
    slides.bring_to_front()
    deck_key(slides, "ArrowRight")
    expect_slide(slides, 3)
    presenter.wait_for_function("() => new URL(location.href).searchParams.get('slide') === '3'")
    settle(presenter)
    expect(presenter.locator(".st-key-deck_next_slide")).to_contain_text(SLIDES[3])
    presenter.bring_to_front()
    deck_key(presenter, "ArrowRight")
    presenter.wait_for_function("() => new URL(location.href).searchParams.get('slide') === '4'")
    expect_slide(slides, 4)
