"""The calorie-cost page in a real Chromium: inputs drive the chart, the page reads well on a
projector-sized screen and a phone, passes axe, and talks to no host but the app's."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Locator, Page, Response, expect

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


PATH = "/calories"
# On a deep link Streamlit's client first probes for its server under the page's own path, then
# falls back to the root: two expected 404s (and their console lines). Nothing else may fail.
BASE_PATH_PROBES = (f"{PATH}/_stcore/health", f"{PATH}/_stcore/host-config")


def http_failures(page: Page) -> list[str]:
    """A list that fills with every 4xx/5xx response except the base-path probes."""
    failures: list[str] = []

    def on_response(response: Response) -> None:
        if response.status >= 400 and urlparse(response.url).path not in BASE_PATH_PROBES:
            failures.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    return failures


def console_problems(recorder: Recorder) -> list[str]:
    """Console errors other than the browser's "Failed to load resource" lines (checked above)."""
    return [e for e in recorder.console_errors if not e.startswith("Failed to load resource")]


def open_page(page: Page, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}{PATH}{query}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Calorie cost, forward and backward")).to_be_visible()
    # Plotly is drawn after the script finishes; wait for it before reading the chart.
    page.wait_for_selector("[data-testid='stPlotlyChart'] .js-plotly-plot", timeout=30_000)


def number_field(page: Page, label: str) -> Locator:
    return page.get_by_label(label, exact=True)


def set_number(page: Page, label: str, value: str) -> None:
    field = number_field(page, label)
    field.fill(value)
    field.press("Enter")
    wait_for_app(page)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .js-plotly-plot", timeout=30_000)


def chart_points(page: Page, trace_name: str) -> list[tuple[float, float]]:
    """(x, y) of a trace as the browser's Plotly holds it (the chart as drawn, not as sent)."""
    raw = page.evaluate(
        """(name) => {
            const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            const trace = plot.data.find((t) => t.name === name);
            return JSON.stringify([trace.x, trace.y]);
        }""",
        trace_name,
    )
    xs, ys = json.loads(raw)
    return list(zip(xs, ys, strict=True))


def metric_value(page: Page, label: str) -> str:
    metric = page.get_by_test_id("stMetric").filter(has_text=label)
    return metric.get_by_test_id("stMetricValue").inner_text()


def test_weight_and_speed_update_the_chart(page: Page, base_url: str, recorder: Recorder) -> None:
    page.set_viewport_size(DESKTOP)
    failures = http_failures(page)
    open_page(page, base_url)
    [(speed_before, value_before)] = chart_points(page, "Backward run at your speed")
    # 70 kg, 6 km/h level: 3.5 + 1.35 x 0.2 x 100 = 30.5 ml/kg/min x 0.35 = 10.675 kcal/min
    assert speed_before == pytest.approx(6.0)
    assert value_before == pytest.approx(10.675)
    assert metric_value(page, "Backward run, 30 min") == "320 kcal"

    set_number(page, "Body weight [kg]", "80")
    [(_, heavier)] = chart_points(page, "Backward run at your speed")
    assert heavier == pytest.approx(30.5 * 80 / 1000 * 5)  # 12.2 kcal/min
    expect(page).to_have_url(re.compile(r"weight=80"))

    set_number(page, "Speed [km/h]", "10")
    [(speed_after, faster)] = chart_points(page, "Backward run at your speed")
    # 10 km/h: S = 166.67 m/min; 3.5 + 1.35 x 33.33 = 48.5 ml/kg/min x 80 / 200 = 19.4 kcal/min
    assert speed_after == pytest.approx(10.0)
    assert faster == pytest.approx(19.4)
    assert metric_value(page, "Backward run, 30 min") == "582 kcal"
    expect(page).to_have_url(re.compile(r"speed=10"))
    assert_no_exception(page)
    assert failures == []
    assert console_problems(recorder) == []
    assert recorder.foreign == []


def test_typed_pace_sets_the_speed(page: Page, base_url: str, recorder: Recorder) -> None:
    page.set_viewport_size(DESKTOP)
    open_page(page, base_url)
    pace = page.get_by_label("or pace [min/km]", exact=True)
    pace.fill("5:00")
    pace.press("Enter")
    wait_for_app(page)
    expect(number_field(page, "Speed [km/h]")).to_have_value("12.00")
    [(speed, _)] = chart_points(page, "Forward run at your speed")
    assert speed == pytest.approx(12.0)

    pace.fill("soon")
    pace.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Type a pace as minutes:seconds")).to_be_visible()
    expect(number_field(page, "Speed [km/h]")).to_have_value("12.00")
    assert_no_exception(page)
    assert recorder.foreign == []


def test_switching_units_keeps_the_person(page: Page, base_url: str, recorder: Recorder) -> None:
    page.set_viewport_size(DESKTOP)
    open_page(page, base_url, "?weight=80&speed=10")
    page.get_by_test_id("stSidebar").get_by_text("imperial", exact=True).click()
    wait_for_app(page)
    expect(number_field(page, "Body weight [lb]")).to_have_value("176.4")  # 80 / 0.45359237
    expect(number_field(page, "Speed [mph]")).to_have_value("6.21")  # 10 / 1.609344
    # 176.4 lb and 6.21 mph are the same person and speed: 582 kcal in 30 min as before.
    assert metric_value(page, "Backward run, 30 min") == "582 kcal"
    expect(page).to_have_url(re.compile(r"units=imperial"))
    assert recorder.foreign == []


@pytest.mark.parametrize(("label", "size"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_calories_renders_cleanly(
    page: Page, base_url: str, recorder: Recorder, label: str, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    failures = http_failures(page)
    open_page(page, base_url, "?weight=70&speed=9&grade=2")
    expect(page.get_by_test_id("stPlotlyChart")).to_be_visible()
    chart = page.get_by_test_id("stPlotlyChart").bounding_box()
    assert chart is not None
    assert chart["x"] >= 0
    assert chart["x"] + chart["width"] <= size["width"] + 1, "the chart is wider than the screen"
    page.get_by_text("The model, its assumptions and references").click()
    wait_for_app(page)
    expect(page.get_by_text("How the numbers are made")).to_be_visible()
    assert_no_exception(page)
    screenshot(page, f"calories-{label}")
    assert serious_axe_violations(page) == []
    assert failures == []
    assert console_problems(recorder) == []
    assert recorder.foreign == []
