"""The home page in a real Chromium: renders, no errors, accessible, no third-party requests."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

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


@pytest.mark.parametrize(("label", "size"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_home_renders_cleanly(
    page: Page, base_url: str, recorder: Recorder, label: str, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    page.goto(base_url + "/")
    wait_for_app(page)
    assert page.get_by_role("heading", level=1).first.is_visible()
    assert page.get_by_text("Four measured facts").is_visible()
    assert_no_exception(page)
    screenshot(page, f"home-{label}")
    assert serious_axe_violations(page) == []
    assert recorder.foreign == []
    assert recorder.console_errors == []
