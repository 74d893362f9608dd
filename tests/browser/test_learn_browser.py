"""Learn pages in a real Chromium, desktop and phone: render cleanly, pass axe, quizzes respond.

Pages come from app.py's Learn section, so a newly registered page is covered automatically.
Screenshots land in artifacts/screenshots/learn-<path>-<desktop|phone>.png: look at them.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.app.test_learn_pages import LEARN
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

SIZES = [("desktop", DESKTOP), ("phone", PHONE)]


@pytest.mark.parametrize(("label", "size"), SIZES, ids=[s[0] for s in SIZES])
@pytest.mark.parametrize(("script", "title", "icon", "path"), LEARN, ids=[e[3] for e in LEARN])
def test_learn_page_in_the_browser(
    page: Page,
    base_url: str,
    recorder: Recorder,
    script: str,
    title: str,
    icon: str,
    path: str,
    label: str,
    size: dict[str, int],
) -> None:
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.set_viewport_size(size)
    page.goto(f"{base_url}/{path}")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    assert_no_exception(page)
    if title != "References":
        expect(page.get_by_role("heading", name="Sources", exact=True)).to_be_attached()
        expect(page.get_by_text("How strong is the evidence?")).to_be_visible()
    screenshot(page, f"learn-{path}-{label}")
    assert serious_axe_violations(page) == []
    # On a deep link Streamlit first looks for its server under the page's path (a 404 each for
    # /<path>/_stcore/health and host-config) before finding it at the root. Nothing else may fail.
    probes = {f"{base_url}/{path}/_stcore/health", f"{base_url}/{path}/_stcore/host-config"}
    assert set(missing) <= probes
    errors = [e for e in recorder.console_errors if not e.startswith("Failed to load resource")]
    assert errors == []
    assert recorder.foreign == []


def test_citation_marker_jumps_to_its_source(page: Page, base_url: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(f"{base_url}/why-backward")
    wait_for_app(page)
    marker = page.locator("a[href^='#src-']").first
    target = marker.get_attribute("href")
    assert target is not None
    expect(marker).to_have_attribute("title", re.compile(r"\((\d{4}|n\.d\.)\)\. \w"))
    marker.click()
    expect(page.locator(target)).to_be_in_viewport()


@pytest.mark.parametrize(("label", "size"), SIZES, ids=[s[0] for s in SIZES])
def test_quiz_answers_back_instantly(
    page: Page, base_url: str, label: str, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    page.goto(f"{base_url}/muscles")
    wait_for_app(page)
    question = page.get_by_role("radiogroup").filter(has_text="The quadriceps, at the front")
    question.get_by_text("The hamstrings, at the back of the thigh").click()
    wait_for_app(page)
    expect(page.get_by_text("Not quite.")).to_be_visible()
    question.get_by_text("The quadriceps, at the front of the thigh").click()
    wait_for_app(page)
    expect(page.get_by_text("Correct.")).to_be_visible()
    expect(page.get_by_text("Not quite.")).to_have_count(0)
    screenshot(page, f"learn-muscles-quiz-{label}")
    assert serious_axe_violations(page) == []
