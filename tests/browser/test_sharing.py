"""Shareable links, presentation mode, the team-talk deck and the patient handout in Chromium.

A shared link must work for the very first visitor of a freshly started server, so those tests
start their own server. The rest share the session's server.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Response, expect
from pypdf import PdfReader

from retroedu.content import deck, evidence
from retroedu.models import heart
from tests.browser.conftest import (
    PHONE,
    SHOTS,
    Recorder,
    assert_no_exception,
    screenshot,
    serious_axe_violations,
    start_server,
    stop_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser

HD = {"width": 1280, "height": 720}
FULL_HD = {"width": 1920, "height": 1080}
DIALOG = "[role='dialog']"


# Opening a page by its own path, Streamlit's frontend first probes /<page>/_stcore/health and
# /<page>/_stcore/host-config to find the app's base path; those two 404s are expected.
BASE_PATH_PROBE = re.compile(r"/[^/]+/_stcore/(health|host-config)$")


class Failures:
    """HTTP errors and console errors, less Streamlit's own base-path probes."""

    def __init__(self, page: Page) -> None:
        self.responses: list[str] = []
        self.console: list[str] = []
        page.on("response", self._on_response)
        page.on("console", self._on_console)

    def _on_response(self, response: Response) -> None:
        if response.status >= 400 and not BASE_PATH_PROBE.search(response.url):
            self.responses.append(f"{response.status} {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console.append(message.text)

    def assert_none(self) -> None:
        assert self.responses == []
        assert self.console == []


def field(page: Page, label: str) -> Locator:
    return page.locator(f"input[aria-label^='{label}']").first


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[str]:
    """A server that nobody has visited yet."""
    url, proc = start_server(tmp_path / "server.log")
    yield url
    stop_server(proc)


@pytest.mark.parametrize(
    ("path", "heading", "checks"),
    [
        ("/heart-rate?age=55&resting_hr=62&units=imperial", "Heart-rate zones", {"Age": "55"}),
        ("/calories?weight=176&minutes=45&units=imperial", "Calorie cost", {"Duration": "45"}),
        ("/team-talk?slide=3&present=true", "Steer backward sessions", {"Go to slide": "3"}),
    ],
)
def test_a_shared_link_opens_its_page_for_the_first_visitor(
    fresh_server: str, browser: Browser, path: str, heading: str, checks: dict[str, str]
) -> None:
    page = browser.new_page(viewport=HD)
    page.goto(fresh_server + path)
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert page.locator(DIALOG).count() == 0, page.locator(DIALOG).all_inner_texts()
    assert_no_exception(page)
    expect(page.get_by_role("heading", level=1).first).to_contain_text(heading)
    # The shared frame ran: the sidebar offers the units, as set by the link.
    assert page.get_by_role("radio", name=re.compile("imperial|metric")).count() == 2
    for label, expected in checks.items():
        expect(field(page, label)).to_have_value(expected)
    page.close()


@pytest.mark.parametrize(("label", "size"), [("720p", HD), ("1080p", FULL_HD)])
def test_the_deck_steps_with_the_keyboard_and_keeps_the_slide_in_the_url(
    page: Page, base_url: str, recorder: Recorder, label: str, size: dict[str, int]
) -> None:
    failures = Failures(page)
    page.set_viewport_size(size)
    page.goto(f"{base_url}/team-talk?slide=2&present=true")
    wait_for_app(page)
    assert_no_exception(page)
    points = [slide.point for slide in deck.slides(evidence.learn_page("deck").page)]
    heading = page.get_by_role("heading", level=1).first
    expect(heading).to_have_text(points[1])
    screenshot(page, f"deck-slide2-{label}")
    assert_fits(page, size)
    for key, number in [("ArrowRight", 3), ("PageDown", 4), ("ArrowLeft", 3), ("PageUp", 2)]:
        page.keyboard.press(key)
        page.wait_for_function(
            f"() => new URL(location.href).searchParams.get('slide') === '{number}'"
        )
        expect(heading).to_have_text(points[number - 1])
        wait_for_app(page)
        assert_fits(page, size)
        if key == "ArrowRight":
            screenshot(page, f"deck-slide3-{label}")
    failures.assert_none()
    assert recorder.foreign == []


def assert_fits(page: Page, size: dict[str, int]) -> None:
    """The slide fits the screen: the sidebar stays folded away while presenting, and the Next
    button shows without scrolling, with room to spare (fonts differ a little between machines)."""
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    page.get_by_test_id("stMain").evaluate("main => main.scrollTo(0, 0)")
    box = page.get_by_role("button", name="Next").first.bounding_box()
    assert box is not None
    if box["y"] + box["height"] > size["height"] - 16:
        shot = screenshot(page, f"deck-does-not-fit-{size['height']}p")
        raise AssertionError(f"Next button at {box} on a {size} screen; see {shot}")


def body_font_px(page: Page) -> float:
    """Computed size of the main column's first paragraph of body text. [px]"""
    size = page.evaluate(
        """() => {
            const main = document.querySelector("[data-testid='stMain']");
            const p = [...main.querySelectorAll("[data-testid='stMarkdownContainer'] p")]
                .find(el => el.closest("[data-testid='stCaptionContainer']") === null);
            return parseFloat(getComputedStyle(p).fontSize);
        }"""
    )
    return float(size)


@pytest.mark.parametrize(
    ("label", "size", "minimum_px"), [("720p", HD, 20.0), ("1080p", FULL_HD, 27.5)]
)
def test_presentation_mode_makes_text_readable_from_the_back_of_the_room(
    page: Page, base_url: str, label: str, size: dict[str, int], minimum_px: float
) -> None:
    page.set_viewport_size(size)
    page.goto(f"{base_url}/heart-rate?age=50&present=true")
    wait_for_app(page)
    assert_no_exception(page)
    # The presentation style arrives with the script's output; wait until it has been applied.
    page.wait_for_function(
        "() => parseFloat(getComputedStyle(document.documentElement).fontSize) > 16"
    )
    measured = body_font_px(page)
    (SHOTS / f"present-body-font-{label}.txt").write_text(f"{measured:.1f} px\n")
    assert measured >= minimum_px
    # The sidebar is folded away; its toggle still shows presentation mode is on.
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    screenshot(page, f"present-heart-rate-{label}")
    page.goto(f"{base_url}/heart-rate?age=50")
    wait_for_app(page)
    assert body_font_px(page) < minimum_px


def test_the_deck_is_accessible_and_usable_at_phone_width(
    page: Page, base_url: str, recorder: Recorder
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/team-talk?slide=2")
    wait_for_app(page)
    assert_no_exception(page)
    screenshot(page, "deck-slide2-phone")
    page.get_by_role("button", name="Next").first.click()
    wait_for_app(page)
    assert "slide=3" in page.url
    # Streamlit's own sectioned sidebar menu (<ul data-testid="stSidebarNavItems">) wraps its
    # section headers in <div>s inside the <ul>, which axe reports as "list"/"listitem" on every
    # page; everything else must be clean.
    violations = [
        found
        for found in serious_axe_violations(page)
        if not found.startswith(("list (serious)", "listitem (serious)"))
    ]
    assert violations == []
    assert recorder.foreign == []


def download(page: Page, name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=name).first.click()
    path = info.value.path()
    return Path(path).read_bytes()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_handout_downloads_with_the_calculators_numbers(
    page: Page, base_url: str, recorder: Recorder, paper: str
) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{base_url}/heart-rate?age=55&resting_hr=62&weight=80&speed=5&minutes=20")
    wait_for_app(page)
    assert_no_exception(page)
    page.get_by_role("textbox", name="Name on the handout").fill("Ana Example")
    page.keyboard.press("Tab")
    wait_for_app(page)
    page.get_by_text(paper, exact=True).click()
    wait_for_app(page)
    handout = page.get_by_role("heading", name="Patient handout (PDF)")
    handout.scroll_into_view_if_needed()
    screenshot(page, f"handout-controls-{paper.lower()}")
    pdf = download(page, "Download handout (PDF)")
    assert "Ana" not in page.url

    reader = PdfReader(io.BytesIO(pdf))
    # Every section on the sheet at 11 pt or more: one or two sheets, the sources at the back.
    assert 1 <= len(reader.pages) <= 4
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    # Age 55, Tanaka: 208 - 0.7 x 55 = 169.5 bpm; resting 62 bpm -> Karvonen zones.
    zones = heart.zones(169.5, 62.0, "hrr5")
    for low, high in zip(zones.low_bpm, zones.high_bpm, strict=True):
        assert f"{low:.0f}\u2013{high:.0f}" in text
    assert "For: Ana Example" in text
    assert "80 kg" in text
    assert "Education, not medical advice" in text
    # Served from 127.0.0.1 with no public address: no QR code; the settings are written out.
    assert "127.0.0.1" not in text
    assert "Age 55 years" in text
    assert "Body weight 80 kg" in text

    pdf_path = SHOTS / f"handout-download-{paper.lower()}.pdf"
    pdf_path.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "80",
                "-png",
                "-singlefile",
                str(pdf_path),
                str(pdf_path.with_suffix("")),
            ],
            check=True,
        )
    assert recorder.foreign == []


@pytest.mark.parametrize(
    ("path", "button", "column"),
    [
        ("/heart-rate?age=55", "Download zones (CSV)", "low_bpm"),
        ("/calories?weight=80", "Download the comparison (CSV)", "session_kcal"),
    ],
)
def test_csv_exports_carry_the_numbers_shown(
    page: Page, base_url: str, path: str, button: str, column: str
) -> None:
    page.goto(base_url + path)
    wait_for_app(page)
    rows = list(csv.DictReader(io.StringIO(download(page, button).decode("utf-8"))))
    assert rows
    assert column in rows[0]
    if column == "low_bpm":
        # Age 55, Tanaka: 169.5 bpm; zone 1 of % of max = 0.5 x 169.5 = 84.75 bpm.
        assert float(rows[0]["low_bpm"]) == pytest.approx(84.75, abs=0.1)


def test_copy_link_puts_the_current_address_on_the_clipboard(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(f"{base_url}/calories?weight=82.5&units=metric&minutes=40")
    wait_for_app(page)
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_text("Link copied")).to_be_visible()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.url
    assert "weight=82.5" in copied
    assert "minutes=40" in copied
    context.close()
