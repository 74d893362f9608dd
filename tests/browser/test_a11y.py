"""Accessibility of every registered page in Chromium, in the light and the dark theme.

- axe-core finds no serious or critical violation in RetroEdu's own content (Streamlit's chrome
  left out), with the theme's background checked first so the run really is in that theme;
- every chart has a text alternative of real length (Streamlit shows the figure's `alt` as the
  chart's aria-label, on an element with the role "figure").

What the text alternatives say, and that series differ by more than colour, is unit-tested with
the figures (tests/unit/test_*_charts.py). Each page is opened once (the `shown` fixture, shared
with test_layout.py); the dark theme is the browser's preference switched on that page, followed
by a rerun so the script sees it too.
"""

from __future__ import annotations

import tomllib

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import (
    DESKTOP,
    STREAMLIT_CHROME,
    Shown,
    assert_no_exception,
    tour_params,
)
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

THEME = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
# A text alternative shorter than this is a label ("Chart"), not a description of the numbers.
MIN_ALT_CHARS = 40


def rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({red}, {green}, {blue})"


def serious_axe_violations(page: Page) -> list[str]:
    """axe-core serious/critical violations in RetroEdu's own content, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"exclude": STREAMLIT_CHROME})
    found = []
    for violation in results.response.get("violations", []):
        if violation.get("impact") in {"serious", "critical"}:
            nodes = [
                (node.get("target"), node.get("html", "")[:120]) for node in violation["nodes"]
            ]
            found.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} {nodes[:3]}"
            )
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("shown", tour_params(), indirect=True, scope="session")
def test_no_serious_axe_violations(shown: Shown, scheme: str) -> None:
    """With the browser preferring the light or the dark scheme (and the theme's background
    applied), axe-core finds nothing serious or critical in the page's own content."""
    page = shown.at(DESKTOP, scheme)
    background = page.get_by_test_id("stApp").evaluate(
        "app => getComputedStyle(app).backgroundColor"
    )
    assert background == rgb(THEME[scheme]["backgroundColor"]), f"{scheme} theme not applied"
    assert_no_exception(page)
    assert serious_axe_violations(page) == []


@pytest.mark.parametrize("shown", tour_params(), indirect=True, scope="session")
def test_every_chart_has_a_text_alternative(shown: Shown) -> None:
    """Each chart is a figure whose aria-label describes it in words (a screen reader's only
    way into the chart); a page without charts has nothing to describe."""
    charts = shown.page.get_by_test_id("stPlotlyChart")
    labels = charts.evaluate_all(
        "charts => charts.map(c => [c.getAttribute('role'), c.getAttribute('aria-label') || ''])"
    )
    short = [(role, alt) for role, alt in labels if role != "figure" or len(alt) < MIN_ALT_CHARS]
    assert short == [], f"charts without a real text alternative: {short}"
