"""Privacy and offline operation in a real Chromium (issue 8).

- Nothing a reader enters is written to disk or to the server's log: distinctive values go into
  every input of every calculator page (and into a handout PDF), then the log of a fresh server,
  the files changed in the working tree and Streamlit's folder in the home directory are searched
  for them.
- No analytics, no third-party requests: a tour of every page records every request the browser
  makes and fails on any to a host but the app's (such requests are also blocked, so the tour
  shows what RetroEdu looks like on a machine with no internet).
"""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.browser.conftest import assert_no_exception, start_server, stop_server
from tests.browser.tour import TOUR, open_page, settle
from tests.conftest import ROOT
from tests.hostile import Field, calculator_pages

pytestmark = pytest.mark.browser

# Folders of tools and test output, not of the app (the app must write nowhere, these are where
# the test run itself writes).
NOT_THE_APP = {
    ".venv",
    ".git",
    "artifacts",
    ".hypothesis",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    "__pycache__",
}


class Tour:
    """One fresh server, one browser context that blocks and records foreign requests."""

    def __init__(self, browser: Browser, base_url: str, log: Path) -> None:
        self.base_url, self.log = base_url, log
        self.host = urlparse(base_url).netloc
        self.foreign: list[str] = []
        self.context = browser.new_context(viewport={"width": 1366, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route: Route) -> None:
        parsed = urlparse(route.request.url)
        if parsed.scheme in {"http", "https", "ws", "wss"} and parsed.netloc != self.host:
            self.foreign.append(route.request.url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture(scope="module")
def tour(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tour]:
    log = tmp_path_factory.mktemp("privacy") / "server.log"
    url, proc = start_server(log)
    started = Tour(browser, url, log)
    yield started
    started.context.close()
    stop_server(proc)


def distinctive(field: Field, token: str) -> str:
    """A value no file or log line could hold by chance (text), or an unusual number."""
    if field.kind == "text":
        return f"Zq{token}{field.key}"[: field.max_chars or None]
    low = 0.0 if field.low is None else field.low
    high = 100.0 if field.high is None else field.high
    value = low + (high - low) * 0.6173
    return str(round(value)) if field.whole else f"{value:.2f}"


def enter(page: Page, field: Field, value: str) -> None:
    box = page.locator(f".st-key-{field.key} input").first
    box.focus()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(value)
    page.keyboard.press("Enter")


def test_nothing_a_reader_enters_is_written_to_disk_or_logs(tour: Tour) -> None:
    started = time.time()
    token = uuid.uuid4().hex[:10]
    page = tour.page
    searched: set[str] = set()
    for calculator in calculator_pages():
        open_page(page, tour.base_url, f"/{calculator.url_path}")
        for field in calculator.page_fields:
            if field.kind not in {"number", "text"}:
                continue
            value = distinctive(field, token)
            enter(page, field, value)
            page.wait_for_timeout(300)
            settle(page)
            searched.add(value)
            # What the page kept (a number may be rounded by the widget) is searched for too.
            kept = parse_qs(urlparse(page.url).query).get(field.url_key, [])
            assert not field.url_key or kept, f"{field.key}: {value} was not taken"
            searched.update(kept)
        assert_no_exception(page)
        download_handout(page, searched)
    needles = sorted(value for value in searched if searchable(value, token))
    assert any(token in value for value in needles), "no text input was found to fill"

    log = tour.log.read_text(encoding="utf-8", errors="replace")
    assert [needle for needle in needles if needle in log] == [], "the server log holds input"
    leaks = {
        str(path): [needle for needle in needles if needle in text]
        for path, text in written_files(started)
    }
    assert {path: found for path, found in leaks.items() if found} == {}


def searchable(value: str, token: str) -> bool:
    """Distinctive enough to search for: our text, or a decimal number that no timestamp
    ("...:18.905") or port could contain by chance (at least 60, two decimals)."""
    if token in value:
        return True
    try:
        number = float(value)
    except ValueError:
        return False
    return "." in value and len(value.split(".")[1]) == 2 and number >= 60


def download_handout(page: Page, searched: set[str]) -> None:
    """Build the handout PDF (on the server, from the values entered) and fetch it."""
    button = page.get_by_role("button", name="Download handout (PDF)")
    if button.count() == 0:
        return
    with page.expect_download() as download:
        button.first.click()
    assert download.value.suggested_filename.endswith(".pdf")


def written_files(since: float) -> Iterator[tuple[Path, str]]:
    """Files the run could have written: changed since `since` anywhere in the working tree
    (tool and test-output folders aside), every untracked or modified file git reports, and
    Streamlit's folder in the home directory."""
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
    ).stdout.split()
    candidates.update(ROOT / name for name in listed)
    home = Path.home() / ".streamlit"
    if home.is_dir():
        candidates.update(path for path in home.rglob("*") if path.is_file())
    for path in sorted(candidates):
        if path.is_file() and path.stat().st_size < 20_000_000:
            yield path, path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize(("path", "script"), TOUR, ids=[script for _, script in TOUR])
def test_no_request_leaves_the_app(tour: Tour, path: str, script: str) -> None:
    page = tour.page
    before = len(tour.foreign)
    open_page(page, tour.base_url, path)
    # Scroll to the foot so that everything lazily loaded is loaded.
    page.keyboard.press("End")
    page.mouse.wheel(0, 20_000)
    page.wait_for_timeout(500)
    assert_no_exception(page)
    assert tour.foreign[before:] == [], f"{script} asked other hosts"
