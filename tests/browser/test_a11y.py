"""Accessibility of every page in Chromium (issue 8).

- axe-core finds no serious or critical violation in RetroEdu's own content, in the light and the
  dark theme (the browser's `prefers-color-scheme` picks the theme: both are configured in
  .streamlit/config.toml, and the test checks the background actually changed);
- every chart has a text alternative (its `alt`, which Streamlit shows as the figure's
  aria-label) and the page has its numbers as a table;
- chart series that differ in colour also differ in something else (dash, marker, pattern, or a
  label on the data), so nothing is told by colour alone;
- the calculators work with the keyboard alone: Tab reaches every input, and a value typed there
  reaches the results (and the link);
- the layout holds at 390 px width and at 200 % zoom (no sideways scrolling of the page).
"""

from __future__ import annotations

import tomllib
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import PHONE, assert_no_exception, screenshot
from tests.browser.tour import TOUR, open_page, own_axe_violations, settle
from tests.conftest import ROOT
from tests.hostile import Field, PageInputs, calculator_pages

pytestmark = pytest.mark.browser

THEME = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
SIZES = {
    "phone-390px": {"viewport": PHONE, "device_scale_factor": 1},
    # 1366 px at 200 % zoom: half as many CSS pixels, each drawn twice as large.
    "zoom-200pct": {"viewport": {"width": 683, "height": 384}, "device_scale_factor": 2},
}
TOUR_IDS = [script for _, script in TOUR]


def rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({red}, {green}, {blue})"


def open_in(browser: Browser, base_url: str, path: str, **context: Any) -> Page:
    page = browser.new_context(**context).new_page()
    open_page(page, base_url, path)
    return page


# Per figure: each trace as the reader tells it apart (colour, dash, marker, pattern, labels).
FIGURES_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map((gd) => ({
  legend: gd.layout.showlegend !== false,
  traces: gd.data.map((t) => ({
    name: t.name || '',
    inLegend: t.showlegend !== false && !!t.name,
    colour: JSON.stringify((t.line && t.line.color) || (t.marker && t.marker.color) || t.fillcolor || ''),
    colours: Array.isArray(t.marker && t.marker.color) ? new Set(t.marker.color).size : 1,
    style: JSON.stringify([
      t.type || 'scatter',
      t.mode || '',
      t.fill || '',
      (t.line && t.line.dash) || 'solid',
      (t.marker && t.marker.symbol) || '',
      (t.marker && t.marker.pattern && t.marker.pattern.shape) || t.fillpattern?.shape || '',
    ]),
    labelled: (t.mode || '').includes('text') || (Array.isArray(t.text) ? t.text.some(Boolean) : !!t.text),
  })),
}))"""


def colour_only(figure: dict[str, Any]) -> list[str]:
    """Pairs of series told apart by colour alone, and multi-coloured bars without labels."""
    found = [
        f"{trace['name']!r}: bars of {trace['colours']} colours without labels"
        for trace in figure["traces"]
        if trace["colours"] > 1 and not trace["labelled"]
    ]
    if not figure["legend"]:
        return found
    keyed = [trace for trace in figure["traces"] if trace["inLegend"] and not trace["labelled"]]
    for index, first in enumerate(keyed):
        for second in keyed[index + 1 :]:
            if first["colour"] != second["colour"] and first["style"] == second["style"]:
                found.append(f"{first['name']!r} and {second['name']!r} differ only in colour")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("path", "script"), TOUR, ids=TOUR_IDS)
def test_no_serious_axe_violations_in_either_theme(
    browser: Browser, base_url: str, path: str, script: str, scheme: str
) -> None:
    page = open_in(
        browser, base_url, path, color_scheme=scheme, viewport={"width": 1366, "height": 900}
    )
    background = page.evaluate(
        "() => getComputedStyle(document.querySelector(\"[data-testid='stApp']\")).backgroundColor"
    )
    assert background == rgb(THEME[scheme]["backgroundColor"]), f"{scheme} theme not applied"
    assert_no_exception(page)
    assert own_axe_violations(page) == []
    page.context.close()


@pytest.mark.parametrize(("path", "script"), TOUR, ids=TOUR_IDS)
def test_charts_have_text_and_table_and_need_no_colour_vision(
    browser: Browser, base_url: str, path: str, script: str
) -> None:
    page = open_in(browser, base_url, path, viewport={"width": 1366, "height": 900})
    charts = page.locator("[data-testid='stPlotlyChart']")
    for index in range(charts.count()):
        alt = charts.nth(index).get_attribute("aria-label") or ""
        assert len(alt) >= 40, f"chart {index + 1} has no real text alternative: {alt!r}"
    figures = page.evaluate(FIGURES_JS)
    problems = [problem for figure in figures for problem in colour_only(figure)]
    # Folded sections hold the numbers behind some charts: open them all.
    for summary in page.locator("[data-testid='stExpander'] summary").all():
        summary.click()
        settle(page)
    tables = page.locator("[data-testid='stTable'], [data-testid='stDataFrame'], table").count()
    drawn = charts.count()
    page.context.close()
    assert drawn == 0 or tables > 0, "charts but no table of their numbers"
    assert problems == []


def key_in_focus(page: Page) -> str | None:
    return page.evaluate(
        """() => {
            const focused = document.activeElement;
            // The input itself, not the help button beside it in the same widget.
            if (!focused || !["INPUT", "TEXTAREA"].includes(focused.tagName)) return null;
            const holder = focused.closest('[class*="st-key-"]');
            if (!holder) return null;
            return [...holder.classList].find((name) => name.startsWith('st-key-')).slice(7);
        }"""
    )


def tab_to(page: Page, keys: set[str], limit: int = 200) -> set[str]:
    """Press Tab until every key in `keys` has had focus (or `limit` presses); return those seen."""
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        key = key_in_focus(page)
        if key:
            seen.add(key)
        if keys <= seen:
            break
    return seen


def middle(field: Field) -> str:
    low, high = field.low or 0.0, field.high or 100.0
    value = low + (high - low) * 0.37
    return str(round(value)) if field.whole else f"{value:.1f}"


@pytest.mark.parametrize("calculator", calculator_pages(), ids=lambda page: page.url_path)
def test_calculators_work_with_the_keyboard_alone(
    browser: Browser, base_url: str, calculator: PageInputs
) -> None:
    page = open_in(
        browser, base_url, f"/{calculator.url_path}", viewport={"width": 1366, "height": 900}
    )
    inputs = {field.key for field in calculator.page_fields if field.kind in {"number", "text"}}
    assert tab_to(page, inputs) >= inputs, "Tab does not reach every input"

    # From the top of a fresh page, Tab to the first number kept in the link and type a value.
    target = next(f for f in calculator.page_fields if f.kind == "number" and f.url_key)
    open_page(page, base_url, f"/{calculator.url_path}")
    assert target.key in tab_to(page, {target.key})
    value = middle(target)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(value)
    page.keyboard.press("Enter")
    settle(page)
    # Compare numbers, not text: a decimal widget shown as a whole number (the deck's slide)
    # writes 4.0 to the link as "4".
    linked = parse_qs(urlsplit(page.url).query).get(target.url_key, [])
    assert [float(v) for v in linked] == [float(value)], (
        f"typing {value} did not reach the page: {page.url}"
    )
    assert_no_exception(page)
    page.context.close()


LAYOUT_CASES = [
    pytest.param(path, script, size, id=f"{script}-{size}")
    for path, script in TOUR
    for size in SIZES
]


@pytest.mark.parametrize(("path", "script", "size"), LAYOUT_CASES)
def test_layout_holds_on_a_phone_and_at_200_percent_zoom(
    browser: Browser, base_url: str, path: str, script: str, size: str
) -> None:
    page = open_in(browser, base_url, path, **SIZES[size])
    overflow = page.evaluate(
        """() => {
            const main = document.querySelector("[data-testid='stMain']");
            // Text cut short with an ellipsis (a number that reads "142 k..." is not readable).
            const cut = [...main.querySelectorAll("*")].filter((el) =>
                getComputedStyle(el).textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + 1
                && el.textContent.trim()
            ).map((el) => el.textContent.trim().slice(0, 40));
            return {
                page: document.documentElement.scrollWidth - window.innerWidth,
                main: main.scrollWidth - main.clientWidth,
                cut: cut,
            };
        }"""
    )
    if "zoom" in size:
        screenshot(page, f"a11y-{script}-{size}")
    page.context.close()
    assert overflow["page"] <= 1, f"the page scrolls sideways: {overflow}"
    assert overflow["main"] <= 1, f"the main block scrolls sideways: {overflow}"
    assert overflow["cut"] == [], "text cut short"
