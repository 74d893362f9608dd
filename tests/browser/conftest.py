"""Real-browser fixtures: a `streamlit run app.py` server on a free loopback port, a system Chromium.

Every browser test gets `base_url`, the `page` from pytest-playwright, and helpers to wait for the
script to finish, take screenshots, run axe-core and catch requests to any host but the app's.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from tests.conftest import ROOT

SHOTS = ROOT / "artifacts" / "screenshots"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
STREAMLIT_NAV = "[data-testid='stSidebarNav']"


def chromium_path() -> str | None:
    """A system Chromium if there is one (Playwright's own download may be blocked)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    args = {
        **browser_type_launch_args,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }
    path = chromium_path()
    if path:
        args["executable_path"] = path
    return args


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not become healthy at {url} within {timeout_s} s")


def start_server(
    log_path: Path, extra_env: dict[str, str] | None = None
) -> tuple[str, subprocess.Popen[bytes]]:
    """Start `streamlit run app.py` on a free loopback port; return its URL and process."""
    port = free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(extra_env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, proc)
    return url, proc


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def server_log() -> Path:
    return ROOT / "artifacts" / "server.log"


@pytest.fixture(scope="session")
def base_url(server_log: Path) -> Iterator[str]:
    """One `streamlit run app.py` for the whole session (overrides pytest-base-url's fixture)."""
    url, proc = start_server(server_log)
    yield url
    stop_server(proc)


def wait_for_app(page: Page, timeout_ms: float = 30_000) -> None:
    """Wait until the script has finished running and the page has settled."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_ms)
    page.wait_for_function(
        "() => { const a = document.querySelector(\"[data-testid='stApp']\");"
        " return a && a.getAttribute('data-test-script-state') === 'notRunning'; }",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stApp']\")"
        ".getAttribute('data-test-script-state') === 'notRunning'",
        timeout=timeout_ms,
    )


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot under artifacts/screenshots/ (look at them!)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    # Streamlit scrolls inside its main container, so grow the viewport to the content's height.
    size = page.viewport_size or DESKTOP
    height = page.evaluate(
        "() => { const m = document.querySelector(\"[data-testid='stMain']\");"
        " return m ? m.scrollHeight : document.body.scrollHeight; }"
    )
    page.set_viewport_size(
        {"width": size["width"], "height": max(size["height"], min(int(height), 12000))}
    )
    page.wait_for_timeout(200)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def assert_no_exception(page: Page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, "an exception box is shown"


def serious_axe_violations(page: Page) -> list[str]:
    """axe-core violations of impact serious/critical in our content, described one per line."""
    from axe_playwright_python.sync_playwright import Axe

    # Streamlit's own sectioned sidebar menu nests <li>s in <div>s (axe: list, listitem) on every
    # page; that is the framework's markup, not RetroEdu's content, so it is left out of the check.
    results = Axe().run(page, context={"exclude": [[STREAMLIT_NAV]]})
    found = []
    for violation in results.response.get("violations", []):
        if violation.get("impact") in {"serious", "critical"}:
            targets = [node.get("target") for node in violation.get("nodes", [])][:5]
            found.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
            )
    return found


class Recorder:
    """Collects console errors and requests that leave the app's own host."""

    def __init__(self, page: Page, base: str) -> None:
        self.host = urlparse(base).netloc
        self.foreign: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", self._on_request)
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))

    def _on_request(self, request: Any) -> None:
        parsed = urlparse(request.url)
        if parsed.scheme in {"data", "blob", "about"}:
            return
        if parsed.netloc != self.host:
            self.foreign.append(request.url)

    def _on_console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)


@pytest.fixture
def recorder(page: Page, base_url: str) -> Recorder:
    return Recorder(page, base_url)
