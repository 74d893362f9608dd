"""The heart-rate page in a real Chromium: inputs update table, chart and link; clean and accessible."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, Response, expect

from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    Recorder,
    assert_no_exception,
    screenshot,
    serious_axe_violations,
    wait_for_app,
)

pytestmark = pytest.mark.browser

DASH = "\u2013"
# Opening a deep link, Streamlit's client first probes for the server under the page's own path
# ("/heart-rate/_stcore/health") and falls back to the root. Those two 404s are expected.
BASE_PATH_PROBES = ("/heart-rate/_stcore/health", "/heart-rate/_stcore/host-config")


def open_heart_page(page: Page, base_url: str, query: str = "") -> list[str]:
    """Open /heart-rate (after the home page, so the server knows its pages); return HTTP errors."""
    failures: list[str] = []

    def on_response(response: Response) -> None:
        if response.status >= 400 and urlparse(response.url).path not in BASE_PATH_PROBES:
            failures.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    page.goto(base_url + "/")
    wait_for_app(page)
    page.goto(f"{base_url}/heart-rate{query}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Heart-rate zones", level=1)).to_be_visible()
    # The results column is done when it shows either the numbers or an error (a busy machine
    # can take a while for the first run of a page).
    done = page.get_by_test_id("stMetric").or_(page.get_by_test_id("stAlertContentError"))
    expect(done.first).to_be_visible(timeout=30_000)
    wait_for_app(page)
    return failures


def enter_number(page: Page, label: str, value: str) -> None:
    box = page.get_by_role("spinbutton", name=label, exact=True)
    box.fill(value)
    box.press("Enter")
    wait_for_app(page)


def test_age_and_resting_rate_update_table_chart_and_link(
    page: Page, base_url: str, recorder: Recorder
) -> None:
    page.set_viewport_size(DESKTOP)
    failures = open_heart_page(page, base_url)
    table = page.get_by_test_id("stTable").first
    zones_chart = page.locator(".js-plotly-plot").first
    # Tanaka at 40: 208 - 28 = 180; zone 1 = 50-60 % = 90-108
    expect(table).to_contain_text(f"90{DASH}108")
    expect(zones_chart).to_contain_text(f"90{DASH}108")

    enter_number(page, "Age [years]", "60")
    # Tanaka at 60: 208 - 42 = 166; zone 1 = 83 to 99.6
    expect(table).to_contain_text(f"83{DASH}100")
    expect(zones_chart).to_contain_text(f"83{DASH}100")
    expect(page.get_by_test_id("stMetric").first).to_contain_text("166")
    assert "age=60" in page.url

    enter_number(page, "Resting heart rate [bpm], optional", "70")
    # reserve 166 - 70 = 96; zone 1 by reserve = 70 + 48 = 118 to 70 + 57.6 = 127.6
    expect(zones_chart).to_contain_text(f"118{DASH}128")
    expect(page.get_by_text("Heart-rate reserve [bpm]")).to_be_visible()
    assert "resting_hr=70" in page.url

    page.get_by_role("tab", name="% of heart-rate reserve").click()
    wait_for_app(page)
    expect(page.get_by_test_id("stTable").first).to_contain_text(f"118{DASH}128")

    assert_no_exception(page)
    assert failures == []
    assert recorder.foreign == []


def test_a_shared_link_opens_the_same_view(page: Page, base_url: str) -> None:
    page.set_viewport_size(DESKTOP)
    open_heart_page(page, base_url, "?age=30&resting_hr=60&formula=nes")
    # Nes at 30: 211 - 19.2 = 191.8; zone 1 by reserve = 60 + 0.5 x 131.8 = 125.9
    expect(page.get_by_test_id("stMetric").first).to_contain_text("192")
    expect(page.locator(".js-plotly-plot").first).to_contain_text(f"126{DASH}139")


def test_impossible_combination_shows_an_error_and_no_chart(page: Page, base_url: str) -> None:
    page.set_viewport_size(DESKTOP)
    open_heart_page(page, base_url, "?max_hr=110&resting_hr=115")
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text("must be lower than")
    assert page.locator(".js-plotly-plot").count() == 0
    assert_no_exception(page)


@pytest.mark.parametrize(("label", "size"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_heart_page_renders_cleanly(
    page: Page, base_url: str, recorder: Recorder, label: str, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    failures = open_heart_page(page, base_url, "?age=45&resting_hr=58")
    expect(page.locator(".js-plotly-plot")).to_have_count(2)
    assert_no_exception(page)
    screenshot(page, f"heart-rate-{label}")
    assert serious_axe_violations(page) == []
    assert failures == []
    assert recorder.foreign == []
    unexpected = [e for e in recorder.console_errors if not e.startswith("Failed to load resource")]
    assert unexpected == []
