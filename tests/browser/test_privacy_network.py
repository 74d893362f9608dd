"""Privacy and offline operation in Chromium (issue 8).

- A reader's tour of every page (through the sidebar menu, as a reader moves) asks no host but
  the app's, gets no failed response and writes no error to the console: no analytics, no fonts
  or scripts from a CDN, so RetroEdu works on a machine with no internet.
- A name typed for the handout goes into the PDF only: not into any request's address, not into
  the server's log, not into any file under the repository or in Streamlit's home folder.

That the name has no URL binding and is left out of caches is app-tested
(tests/app/test_links.py); what the browser sends and the server writes is only seen here.
"""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from retroedu import site
from tests.browser.conftest import (
    NewPage,
    Server,
    Traffic,
    assert_no_exception,
    heading,
    open_handout,
    open_page,
    page_path,
    settle,
    title_of,
)
from tests.conftest import ROOT, pdf_text

pytestmark = pytest.mark.browser

# Folders of tools and caches, not of the app: the test run itself writes there.
NOT_THE_APP = {
    ".venv",
    ".git",
    ".hypothesis",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    "__pycache__",
}


def test_a_tour_of_every_page_asks_no_other_host_and_logs_no_error(
    new_page: NewPage, base_url: str
) -> None:
    """Opening the app and visiting every page from the menu requests nothing from any host but
    the app's, gets no failed response, and writes no error to the console."""
    page = new_page()
    traffic = Traffic(page, base_url)
    open_page(page, base_url + "/")
    nav = page.get_by_test_id("stSidebarNav")
    for entry in site.PAGES:
        path = page_path(entry.key)
        nav.locator(f"a[href='{base_url}{path}']").click()
        page.wait_for_function("(path) => location.pathname === path", arg=path)
        expect(heading(page)).to_have_text(title_of(entry.key))
        settle(page)
        assert_no_exception(page)
    assert traffic.foreign == []
    assert traffic.failed == []
    assert traffic.errors == []


def written_files(since: float) -> Iterator[tuple[Path, str]]:
    """Files the run could have written: changed since `since` anywhere under the repository
    (tool folders aside), every untracked or modified file git reports, and Streamlit's folder in
    the home directory."""
    candidates: set[Path] = set()
    for path in ROOT.rglob("*"):
        if NOT_THE_APP & set(path.relative_to(ROOT).parts):
            continue
        if path.is_file() and path.stat().st_mtime >= since:
            candidates.add(path)
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--modified", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    candidates.update(ROOT / name for name in listed)
    home = Path.home() / ".streamlit"
    if home.is_dir():
        candidates.update(path for path in home.rglob("*") if path.is_file())
    for path in sorted(candidates):
        if path.is_file() and path.stat().st_size < 20_000_000:
            yield path, path.read_bytes().decode("utf-8", errors="replace")


def test_a_typed_handout_name_is_sent_and_kept_nowhere_but_the_pdf(
    new_page: NewPage, app_server: Server
) -> None:
    """A name typed on the calorie page and downloaded in a handout appears in no request
    address, not in the server's log and in no file on disk under the repository."""
    started = time.time()
    name = f"Zq{uuid.uuid4().hex[:12]}"
    page = new_page()
    traffic = Traffic(page, app_server.url)
    open_handout(open_page(page, f"{app_server.url}/calories?weight=80"))
    box = page.locator(".st-key-handout_name input")
    box.fill(f"Ana {name}")
    box.press("Enter")
    settle(page)
    with page.expect_download() as download:
        page.locator(".st-key-handout_download button").click()
    # The name reached the server (it is on the sheet), so what follows can fail.
    assert name in " ".join(pdf_text(Path(download.value.path()).read_bytes()).split())
    assert name not in download.value.suggested_filename
    assert [url for url in [*traffic.urls, page.url] if name in url] == []
    assert name not in app_server.log_text(), "the server log holds the name"
    leaks = [str(path) for path, text in written_files(started) if name in text]
    assert leaks == [], "files on disk hold the name"
