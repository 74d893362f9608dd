"""Hostile input in a real Chromium (issue 8): HTML/JavaScript payloads and broken numbers in every
link key and typed into every input of each calculator page. No dialog may fire, no payload may
run (it would set `window.__retroPwned`), no injected element may appear, no exception box.

Calculator pages and their inputs are discovered from the navigation and the widgets the pages
draw (tests/hostile.py). Counts of what was tried go to artifacts/hostile_browser.json.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Dialog, Page

from tests.browser.conftest import assert_no_exception, screenshot
from tests.browser.tour import open_page, settle
from tests.conftest import ROOT
from tests.hostile import HTML_PAYLOADS, INJECTED_IDS, PWNED, PageInputs, calculator_pages

pytestmark = pytest.mark.browser

NOTICE = "could not be used"
LINK_PAYLOADS = [*HTML_PAYLOADS, "nan", "-1e309", "-5", "9" * 400, "１２"]  # noqa: RUF001
TYPED_NUMBERS = ["1e999", "-1e999", "NaN", "-5", "99999999", "<script>"]
SUMMARY = ROOT / "artifacts" / "hostile_browser.json"
TRIED: defaultdict[str, Counter[str]] = defaultdict(Counter)
CALCULATORS = calculator_pages()


@pytest.fixture(scope="module", autouse=True)
def summary() -> Iterator[None]:
    yield
    SUMMARY.parent.mkdir(parents=True, exist_ok=True)
    SUMMARY.write_text(json.dumps(TRIED, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """Every dialog (alert, confirm, prompt) the page tries to open, dismissed at once."""
    opened: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        opened.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    return opened


def assert_nothing_injected(page: Page, dialogs: list[str], tried: object) -> None:
    assert dialogs == [], f"{tried!r} opened a dialog"
    ran = page.evaluate(f"() => window.{PWNED} !== undefined")
    assert not ran, f"{tried!r} ran script"
    found = page.evaluate(
        """(ids) => {
            const hits = ids.filter((id) => document.getElementById(id));
            const app = document.querySelector("[data-testid='stApp']");
            for (const el of app.querySelectorAll("*")) {
                for (const attr of el.getAttributeNames()) {
                    const value = el.getAttribute(attr) || "";
                    if (attr.startsWith("on")) hits.push(`${el.tagName} ${attr}`);
                    // What a reader typed sits in an input's value: text, not a link.
                    const link = !(attr === "value" && ["INPUT", "TEXTAREA"].includes(el.tagName));
                    if (link && /^\\s*javascript:/i.test(value)) hits.push(`${el.tagName} ${attr}`);
                }
                if (el.tagName === "SCRIPT" && el.textContent.includes("retroPwned")) hits.push("script");
            }
            return hits;
        }""",
        list(INJECTED_IDS),
    )
    assert found == [], f"{tried!r} injected {found}"
    assert_no_exception(page)


def page_id(page: PageInputs) -> str:
    return page.url_path or "home"


@pytest.mark.parametrize("calculator", CALCULATORS, ids=page_id)
def test_payloads_in_every_link_key(
    page: Page, base_url: str, dialogs: list[str], calculator: PageInputs
) -> None:
    keys = [field.url_key for field in calculator.url_fields]
    for payload in LINK_PAYLOADS:
        link = {key: payload for key in keys} | {"x<script>": payload}
        open_page(page, base_url, f"/{calculator.url_path}?{urlencode(link)}")
        TRIED[calculator.script]["link values"] += len(link)
        assert_nothing_injected(page, dialogs, link)
        if payload.strip():
            assert page.get_by_text(NOTICE).count() > 0, f"no notice for {payload!r}"
    screenshot(page, f"hostile-link-{page_id(calculator)}")


@pytest.mark.parametrize("calculator", CALCULATORS, ids=page_id)
def test_payloads_typed_into_every_input(
    page: Page, base_url: str, dialogs: list[str], calculator: PageInputs
) -> None:
    open_page(page, base_url, f"/{calculator.url_path}")
    typed = [field for field in calculator.page_fields if field.kind in {"number", "text"}]
    assert typed, "a calculator page without inputs"
    for field in typed:
        payloads = TYPED_NUMBERS if field.kind == "number" else [*HTML_PAYLOADS, "A" * 5000]
        box = page.locator(f".st-key-{field.key} input").first
        for payload in payloads:
            box.focus()
            page.keyboard.press("ControlOrMeta+A")
            if field.kind == "number":
                page.keyboard.type(payload)
            else:
                box.fill(payload)
            page.keyboard.press("Enter")
            settle(page)
            TRIED[calculator.script]["typed values"] += 1
            assert_nothing_injected(page, dialogs, {field.key: payload})
    screenshot(page, f"hostile-typed-{page_id(calculator)}")
