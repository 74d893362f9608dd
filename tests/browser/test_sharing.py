"""Sharing in Chromium: "Copy link" and the clipboard, the CSV and PDF downloads.

What the files hold is unit-tested from their bytes (tests/unit/test_tables.py, test_handout.py)
and the handout's numbers against the screen's are app-tested (tests/app/test_links.py). Here: the
clipboard (granted, and refused on a plain-http address), and that real downloads arrive as the
files they claim to be.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserType, Page, expect
from pypdf import PdfReader

from tests.browser.conftest import (
    DESKTOP,
    NewPage,
    Server,
    open_handout,
    open_page,
    settle,
)
from tests.conftest import pdf_text

pytestmark = pytest.mark.browser

BOM = b"\xef\xbb\xbf"
# A name no page, file or log could hold by chance; it goes on the handout only.
NAME = "Zqxj Pwyrdle"
# A host name that resolves to loopback in a browser of its own: a plain-http address that is not
# a secure context, like a clinic's server, so the page has no clipboard.
CLINIC_HOST = "clinic.invalid"


def type_number(page: Page, key: str, value: str) -> None:
    """Type `value` into the number input `key`, confirm with Enter, wait for the address."""
    box = page.locator(f".st-key-{key} input")
    box.fill(value)
    box.press("Enter")
    page.wait_for_function(
        "([key, value]) => Number(new URL(location.href).searchParams.get(key)) === value",
        arg=[key, float(value)],
    )
    settle(page)


def test_copy_link_puts_the_address_with_every_setting_on_the_clipboard(
    new_page: NewPage, base_url: str
) -> None:
    """With the clipboard allowed, "Copy link" copies the address bar as it is after a change on
    the page: the link's settings and the one just typed."""
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    open_page(page, f"{base_url}/calories?weight=82.5&minutes=40")
    type_number(page, "speed", "8.5")
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_text("Link copied")).to_be_visible()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.url
    query = {key: float(values[0]) for key, values in parse_qs(urlsplit(copied).query).items()}
    assert query == {"weight": 82.5, "minutes": 40.0, "speed": 8.5}


@pytest.fixture
def clinic_browser(
    browser_type: BrowserType, browser_type_launch_args: dict[str, Any]
) -> Iterator[Browser]:
    """A Chromium in which `CLINIC_HOST` is the loopback address (not a secure context)."""
    args = [*browser_type_launch_args["args"], f"--host-resolver-rules=MAP {CLINIC_HOST} 127.0.0.1"]
    browser = browser_type.launch(**{**browser_type_launch_args, "args": args})
    yield browser
    browser.close()


def test_copy_link_shows_the_link_selected_where_there_is_no_clipboard(
    clinic_browser: Browser, app_server: Server
) -> None:
    """On a plain-http address (no clipboard API), "Copy link" shows the address in a text box,
    focused and selected, to copy by hand."""
    url = app_server.url.replace("127.0.0.1", CLINIC_HOST)
    page = clinic_browser.new_context(viewport=DESKTOP).new_page()
    open_page(page, f"{url}/calories?weight=82.5&minutes=40")
    assert page.evaluate("() => window.isSecureContext") is False
    page.get_by_role("button", name="Copy link").click()
    box = page.get_by_role("textbox", name="Link to this view")
    expect(box).to_be_visible()
    expect(box).to_be_focused()
    expect(box).to_have_value(page.url)
    selected = box.evaluate("input => input.value.slice(input.selectionStart, input.selectionEnd)")
    assert selected == page.url
    expect(page.get_by_text("Copy this link:")).to_be_visible()


def test_the_zones_csv_starts_with_a_byte_order_mark_and_the_inputs(
    new_page: NewPage, base_url: str
) -> None:
    """The zones download is UTF-8 with a BOM (Excel opens it cleanly) and its first columns are
    the settings of the link that made it."""
    page = open_page(new_page(), f"{base_url}/heart-rate?age=55&resting_hr=62")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download zones (CSV)").click()
    data = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename.endswith(".csv")
    assert data.startswith(BOM)
    header, first, *_ = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    columns = ["age_years", "sex", "formula", "resting_hr_bpm", "measured_max_hr_bpm"]
    assert header[:5] == columns
    assert first[:5] == ["55", "unspecified", "tanaka", "62", ""]


def test_the_handout_downloads_as_one_sheet_named_by_date_not_by_name(
    new_page: NewPage, base_url: str
) -> None:
    """The handout arrives as one sheet (a front, and the sources on the back) with the typed
    name printed on it; its file name carries today's date and never the name."""
    page = open_handout(open_page(new_page(), f"{base_url}/heart-rate?age=55"))
    name_box = page.locator(".st-key-handout_name input")
    # Enter sends the name; the click after it reaches the server after it, so the sheet has it
    # (what the PDF says below is the check).
    name_box.fill(NAME)
    name_box.press("Enter")
    settle(page)
    days = {dt.date.today().isoformat()}
    with page.expect_download() as info:
        page.locator(".st-key-handout_download button").click()
    days.add(dt.date.today().isoformat())
    name, data = info.value.suggested_filename, Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(data)).pages) <= 2
    assert NAME in " ".join(pdf_text(data).split())
    assert name.endswith(".pdf")
    assert any(day in name for day in days), f"{name!r} has no date"
    assert not any(part.lower() in name.lower() for part in NAME.split())
