"""A tour of every page in Chromium, for the hostile-input, privacy and accessibility tests.

Pages come from the navigation app.py registers (tests/hostile.py), so new pages join the tour.
"""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import wait_for_app
from tests.hostile import page_inputs

# (url path as the browser asks for it, page script) for every registered page.
TOUR = [(f"/{page.url_path}", page.key) for page in page_inputs()]

# Streamlit's own chrome, which RetroEdu does not write: the page menu, toolbar and header.
STREAMLIT_CHROME = [
    ["[data-testid='stSidebarNav']"],
    ["[data-testid='stToolbar']"],
    ["[data-testid='stHeader']"],
    ["[data-testid='stDecoration']"],
    ["[data-testid='stStatusWidget']"],
]


def settle(page: Page, timeout_ms: float = 30_000) -> None:
    """Wait for the script run, then for the lazily loaded widgets and charts to replace their
    placeholders (on a busy machine that comes well after the run ends)."""
    wait_for_app(page, timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stSkeleton']\")", timeout=timeout_ms
    )
    wait_for_app(page, timeout_ms)


def open_page(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    settle(page)


def own_axe_violations(page: Page) -> list[str]:
    """axe-core serious/critical violations in RetroEdu's own content (Streamlit's chrome left out)."""
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
