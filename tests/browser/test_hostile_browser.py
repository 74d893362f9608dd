"""Hostile links in a real DOM (issue 8): HTML and JavaScript in every value a calculator's or the
deck's link carries inject no element and run nothing.

What the app makes of hostile values (the defaults, the short notice, nothing echoed, no element
that renders HTML holding a payload) is tested without a browser, with many more values, in
tests/app/test_hostile_params.py and tests/unit/test_links.py. Only a browser can show that
nothing runs: one page load per page carries every payload at once, in the page's own keys, in
keys it does not know, and in a key's name.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import Dialog, Page, expect

from retroedu.links import fields
from tests.browser.conftest import NewPage, assert_no_exception, heading, open_page
from tests.hostile import HTML_PAYLOADS, INJECTED_IDS, PWNED

pytestmark = pytest.mark.browser

NOTICE = "could not be used"
#: The pages whose links carry values, with their keys (the shared sidebar's and their own).
LINKED_PAGES = {
    "heart-rate": (*fields.FRAME, *fields.HEART),
    "calories": (*fields.FRAME, *fields.CALORIES),
    "team-talk": (*fields.FRAME, *fields.DECK),
}


def hostile_link(keys: tuple[str, ...]) -> dict[str, str]:
    """Every payload once: in the page's keys first, the rest in keys it does not know, and one
    in a key's name."""
    link = {key: HTML_PAYLOADS[index % len(HTML_PAYLOADS)] for index, key in enumerate(keys)}
    for index, payload in enumerate(HTML_PAYLOADS[len(keys) :]):
        link[f"note{index}"] = payload
    link[f"<img src=x onerror=window.{PWNED}=1 id={INJECTED_IDS[0]}>"] = "1"
    return link


# Every element in the page, its open shadow roots (the "Copy link" control) and same-origin frames
# included: ids a payload would inject, event-handler attributes, javascript: URLs, script bodies.
INJECTED_JS = """(ids) => {
    const hits = [];
    const seen = new Set();
    const visit = (root) => {
        for (const el of root.querySelectorAll('*')) {
            if (seen.has(el)) continue;
            seen.add(el);
            if (ids.includes(el.id)) hits.push(`#${el.id}`);
            for (const attr of el.getAttributeNames()) {
                const value = el.getAttribute(attr) || '';
                if (attr.startsWith('on')) hits.push(`${el.tagName} ${attr}="${value.slice(0, 40)}"`);
                // A typed or linked value sits in an input's value as text: not a link.
                const text = attr === 'value' && ['INPUT', 'TEXTAREA'].includes(el.tagName);
                if (!text && /^\\s*javascript:/i.test(value)) hits.push(`${el.tagName} ${attr}`);
            }
            if (el.tagName === 'SCRIPT' && el.textContent.includes('retroPwned')) hits.push('script');
            if (el.shadowRoot) visit(el.shadowRoot);
            if (el.tagName === 'IFRAME') {
                try { if (el.contentDocument) visit(el.contentDocument); } catch (e) { /* other origin */ }
            }
        }
    };
    visit(document);
    return hits;
}"""


@pytest.mark.parametrize("key", list(LINKED_PAGES))
def test_a_hostile_link_injects_and_runs_nothing(
    new_page: NewPage, base_url: str, key: str
) -> None:
    """A link carrying script tags, event handlers, javascript: URLs and raw HTML in every value
    opens the page with a notice; no dialog opens, no payload runs, no element is injected."""
    page: Page = new_page()
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    open_page(page, f"{base_url}/{key}?{urlencode(hostile_link(LINKED_PAGES[key]))}")
    expect(heading(page)).to_be_visible()
    expect(page.get_by_text(NOTICE).first).to_be_visible()
    assert_no_exception(page)
    assert page.evaluate(f"() => window.{PWNED}") is None, "a payload ran"
    assert dialogs == [], "a payload opened a dialog"
    assert page.evaluate(INJECTED_JS, list(INJECTED_IDS)) == []
    expect(page.get_by_role("heading", name="injected")).to_have_count(0)
