"""Real-browser fixtures: `streamlit run app.py` on a free loopback port, a system Chromium.

- `app_server` / `base_url`: one server per pytest-xdist worker, for the whole session.
- `fresh_server`: a server nobody has visited yet, for the few tests that need a cold one.
- `new_page(**context_options)`: a page in a new browser context, closed after the test.
- `settle(page)`: wait until the page has finished drawing, without fixed sleeps.
- On a failure, the first screen of every open page goes to artifacts/browser-failures/.

Pages come from the page registry (`retroedu.site.PAGES`), so a new page joins every tour.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse, urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    WebSocket,
    expect,
)

from benchmarks.browser_latency import LAUNCH_ARGS, chromium_path
from retroedu import site
from retroedu.content import deck
from tests.conftest import LIBRARY, ROOT

# Playwright's `expect` retries for 5 s by default; a script run on a busy 2-core machine can take
# longer. A passing check returns as soon as it holds, so the longer limit costs nothing.
expect.set_options(timeout=20_000)

ARTIFACTS = ROOT / "artifacts"
FAILURES = ARTIFACTS / "browser-failures"
LOGS = ARTIFACTS / "browser-logs"
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# 1366 px at 200 % zoom: half as many CSS pixels, each drawn twice as large.
ZOOM_200 = {"width": 683, "height": 384}

# Streamlit's own chrome, which RetroEdu does not write: the page menu, toolbar and header.
STREAMLIT_CHROME = [
    ["[data-testid='stSidebarNav']"],
    ["[data-testid='stToolbar']"],
    ["[data-testid='stHeader']"],
    ["[data-testid='stDecoration']"],
    ["[data-testid='stStatusWidget']"],
]
# Opening a page by its own path, Streamlit's frontend first probes /<page>/_stcore/health and
# /<page>/_stcore/host-config to find the app's base path; those 404s (and the console lines the
# browser writes for them) are expected. Nothing else may fail.
BASE_PATH_PROBE = re.compile(r"/[^/?]+/_stcore/(health|host-config)$")


def page_path(key: str) -> str:
    """The address path of a registered page (home is the root)."""
    return "/" if key == site.HOME else f"/{key}"


_DECK = deck.slides(LIBRARY.page(site.page("team-talk").content).page)
#: The deck's slides' key points (each slide's h1), and the numbers of the slides with a chart.
SLIDES = [slide.point for slide in _DECK]
CHART_SLIDES = [number for number, slide in enumerate(_DECK, start=1) if slide.visual]


def title_of(key: str) -> str:
    """The h1 a registered page shows when opened without settings: its content page's title,
    or on the deck, the first slide's key point."""
    if key == "team-talk":
        return SLIDES[0]
    return LIBRARY.page(site.page(key).content).page.title


#: (page key, address) for every registered page. The deck opens at its first slide with a live
#: chart, so the tours see a chart there too.
TOUR: list[tuple[str, str]] = [
    (
        page.key,
        page_path(page.key) + (f"?slide={CHART_SLIDES[0]}" if page.key == "team-talk" else ""),
    )
    for page in site.PAGES
]


# ---------------------------------------------------------------------------------------------
# Chromium


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    args = {
        **browser_type_launch_args,
        "args": LAUNCH_ARGS,
    }
    path = chromium_path()
    # No system Chromium: Playwright's own is tried, and a missing browser fails the tests.
    if path:
        args["executable_path"] = path
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": DESKTOP}


#: The `new_page` fixture: open a page in a new browser context with these context options.
NewPage = Callable[..., Page]


@pytest.fixture
def new_page(browser: Browser) -> Iterator[NewPage]:
    """Open a page in a new browser context with the given options; all closed after the test
    (after the failure screenshot, which needs them open)."""
    contexts = []

    def open_new(**options: Any) -> Page:
        context = browser.new_context(**{"viewport": DESKTOP, **options})
        contexts.append(context)
        return context.new_page()

    yield open_new
    for context in contexts:
        context.close()


# ---------------------------------------------------------------------------------------------
# Servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def health_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@dataclass
class Server:
    """A running `streamlit run app.py`."""

    url: str
    log: Path
    proc: subprocess.Popen[bytes]
    port: int = field(init=False)

    def __post_init__(self) -> None:
        self.port = int(self.url.rsplit(":", 1)[1])

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start_server(
    log_path: Path, extra_env: dict[str, str] | None = None, timeout_s: float = 90
) -> Server:
    """Start `streamlit run app.py` on a free loopback port and poll its health endpoint.

    Another process can take the port between choosing and binding it; then the start is retried
    on a new port."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(3):
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        with log_path.open("wb") as log:
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
                # Unbuffered, so the log holds everything the app printed when a test reads it.
                env={**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})},
            )
        server = Server(url, log_path, proc)
        deadline = time.monotonic() + timeout_s
        while proc.poll() is None and time.monotonic() < deadline:
            if health_ok(url):
                return server
            time.sleep(0.1)
        server.stop()
        if time.monotonic() >= deadline:
            break
    raise RuntimeError(f"streamlit did not become healthy; log:\n{log_path.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def app_server() -> Iterator[Server]:
    """One `streamlit run app.py` per xdist worker, for the whole session."""
    server = start_server(LOGS / f"server-{WORKER}.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(app_server: Server) -> str:
    """The worker's server (overrides pytest-base-url's fixture)."""
    return app_server.url


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Server]:
    """A server that nobody has visited yet (its first script run is the test's)."""
    server = start_server(tmp_path / "server.log")
    yield server
    server.stop()


# ---------------------------------------------------------------------------------------------
# Waiting

READY_JS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  // Lazily loaded elements still show a skeleton; elements left from the previous run are stale.
  if (document.querySelector("[data-testid='stSkeleton'], [data-stale='true']")) return false;
  // No transition still moving things (the sidebar folding away after a resize, a fade-in).
  const moving = document.getAnimations().some(
    (a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  if (moving) return false;
  // Plotly charts are drawn after the script has finished (a lazily loaded chunk).
  for (const chart of document.querySelectorAll("[data-testid='stPlotlyChart']")) {
    const gd = chart.querySelector('.js-plotly-plot');
    if (!gd || !gd._fullLayout || gd._transitioning || !gd.querySelector('.main-svg')) return false;
  }
  return true;
}"""

# True once the page has looked the same for `frames` consecutive animation frames.
STABLE_JS = """(frames) => {
  const app = document.querySelector("[data-testid='stApp']");
  const main = document.querySelector("[data-testid='stMain']");
  const sig = [
    app && app.getAttribute('data-test-script-state'),
    document.getElementsByTagName('*').length,
    main ? main.scrollHeight + 'x' + main.scrollWidth : '',
    ...[...document.querySelectorAll('.js-plotly-plot .main-svg')].map(
      (svg) => svg.getElementsByTagName('*').length + ':' + Math.round(svg.getBoundingClientRect().width)),
  ].join('|');
  const seen = window.__retroSettle || (window.__retroSettle = {sig: '', n: 0});
  if (sig === seen.sig) { seen.n += 1; } else { seen.sig = sig; seen.n = 0; }
  if (seen.n < frames) return false;
  delete window.__retroSettle;
  return true;
}"""


def settle(page: Page, timeout_ms: float = 45_000) -> None:
    """Wait until the page has finished: connected, script not running, no skeletons, nothing
    stale, no transition running, every Plotly chart drawn, web fonts loaded, and two animation
    frames alike.

    No fixed sleeps: conditions are polled once per animation frame. After an interaction, first
    wait for its effect (a new URL, a heading) with `expect`, then settle: right after a key
    press the script may not have started yet, and the old page looks settled."""
    page.wait_for_function(READY_JS, timeout=timeout_ms, polling="raf")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.wait_for_function(STABLE_JS, arg=2, timeout=timeout_ms, polling="raf")
    page.wait_for_function(READY_JS, timeout=timeout_ms, polling="raf")


# Counts the changes of the app's script state from now on, so a test can wait for the rerun its
# action causes even when nothing visible changes. Each recorded change counts: reading the state
# in the callback instead would miss a fast run that is already back to "notRunning" by then.
WATCH_RUNS_JS = """() => {
  window.__retroRuns = 0;
  const app = document.querySelector("[data-testid='stApp']");
  new MutationObserver((records) => {
    window.__retroRuns += records.length;
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def after_rerun(page: Page, action: Callable[[], object]) -> None:
    """Do `action` (a key press, a click) and wait for the script run it causes, then settle."""
    page.evaluate(WATCH_RUNS_JS)
    action()
    page.wait_for_function("() => window.__retroRuns > 0", polling="raf")
    settle(page)


def open_page(page: Page, url: str) -> Page:
    """Go to `url` and settle."""
    page.goto(url)
    settle(page)
    return page


# The deck's key and click listeners (ui/deck.py) are attached by a component after each run;
# a key pressed before that is lost, as it would be for a presenter.
DECK_READY_JS = """(n) => {
  const deck = window.__retroeduDeck;
  return !!(deck && deck.cleanup && deck.shown === n);
}"""


def deck_ready(page: Page) -> Page:
    """Wait until the deck listens for keys and clicks on the slide the address shows."""
    slide = parse_qs(urlsplit(page.url).query).get("slide", ["1"])[0]
    page.wait_for_function(DECK_READY_JS, arg=round(float(slide)), polling="raf")
    return page


def deck_key(page: Page, key: str) -> None:
    """Press `key` on the deck once it listens."""
    deck_ready(page).keyboard.press(key)


def open_handout(page: Page) -> Page:
    """Unfold a calculator's handout section from the keyboard (it is drawn only while open):
    focus its header, press Enter, wait for the run that draws it."""
    summary = page.locator(".st-key-handout_open summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.st-key-handout_open details')?.open === true"
    )
    # Drawn by the run the unfolding asks for (a fragment's run on a loaded machine can be slow).
    expect(page.locator(".st-key-handout_name input")).to_be_visible(timeout=45_000)
    settle(page)
    return page


def heading(page: Page) -> Any:
    """The page's h1 (Streamlit's title)."""
    return page.get_by_role("heading", level=1).first


def assert_no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


# ---------------------------------------------------------------------------------------------
# One registered page, shared by the read-only tests of several modules


#: Contexts of `shown` pages: they outlive a test, so only the tests that use them show them.
SHARED_CONTEXTS: list[BrowserContext] = []


@dataclass
class Shown:
    """A registered page open in a browser context of its own, at scale 2 (so that the 683x384
    viewport is a 1366x768 screen at 200 %). Tests set the size and colour scheme they need."""

    key: str
    page: Page

    def at(self, size: dict[str, int] | None = None, scheme: str | None = None) -> Page:
        """The page at viewport `size` and with the browser preferring `scheme` ("light" or
        "dark"), changed in place when needed, and settled."""
        page = self.page
        if size is not None and page.viewport_size != size:
            page.set_viewport_size(size)
            settle(page)
        if scheme is not None and self.scheme() != scheme:
            page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
            page.wait_for_function(
                "(scheme) => getComputedStyle(document.querySelector(\"[data-testid='stApp']\"))"
                ".colorScheme === scheme",
                arg=scheme,
            )
            # Streamlit re-themes the page at once; a rerun (its "r" key, as Streamlit's own e2e
            # tests do) lets the script see the new theme too, as after a fresh load.
            page.get_by_test_id("stApp").click(position={"x": 0, "y": 0})
            after_rerun(page, lambda: page.keyboard.press("r"))
        return page

    def scheme(self) -> str:
        """The colour scheme Streamlit's theme has applied."""
        found: str = self.page.get_by_test_id("stApp").evaluate(
            "app => getComputedStyle(app).colorScheme"
        )
        return found


@pytest.fixture(scope="session")
def shown(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Shown]:
    """A registered page, `request.param` = (key, address) from `TOUR`, opened once at desktop
    size in the light scheme. Parametrize it indirectly with the same TOUR entries in each module:
    pytest then runs every test of one page together, across modules, on one page load."""
    key, path = request.param
    context = browser.new_context(viewport=DESKTOP, device_scale_factor=2, color_scheme="light")
    SHARED_CONTEXTS.append(context)
    page = open_page(context.new_page(), base_url + path)
    yield Shown(key, page)
    SHARED_CONTEXTS.remove(context)
    context.close()


def tour_params(marks: dict[str, pytest.MarkDecorator] | None = None) -> list[Any]:
    """`TOUR` as parameters for `shown` (ids are page keys), with optional marks by page key."""
    return [
        pytest.param(
            (key, path), id=key, marks=[(marks or {})[key]] if key in (marks or {}) else []
        )
        for key, path in TOUR
    ]


# ---------------------------------------------------------------------------------------------
# Recording what a page asks for


class Traffic:
    """Every request, WebSocket and console error of a page; `foreign` lists other hosts."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.host = urlparse(base_url).netloc
        self.urls: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", self._on_request)
        page.on("websocket", self._on_websocket)
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))
        page.on("response", self._on_response)

    def _on_request(self, request: Request) -> None:
        self.urls.append(request.url)

    def _on_websocket(self, socket: WebSocket) -> None:
        self.urls.append(socket.url)

    def _on_response(self, response: Any) -> None:
        if response.status >= 400 and not BASE_PATH_PROBE.search(urlparse(response.url).path):
            self.failed.append(f"{response.status} {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    @property
    def foreign(self) -> list[str]:
        """Requests to any host but the app's (data:, blob: and about: URLs are local)."""
        return [
            url
            for url in self.urls
            if urlparse(url).scheme not in {"data", "blob", "about"}
            and urlparse(url).netloc != self.host
        ]

    @property
    def errors(self) -> list[str]:
        """Console errors, less the browser's lines for the expected base-path probes (each
        failed response is checked on its own in `failed`)."""
        probes = sum(1 for url in self.urls if BASE_PATH_PROBE.search(urlparse(url).path))
        loads = [e for e in self.console_errors if e.startswith("Failed to load resource")]
        others = [e for e in self.console_errors if not e.startswith("Failed to load resource")]
        return others + loads[probes:]


# ---------------------------------------------------------------------------------------------
# Failure screenshots


def failure_shot_path(nodeid: str) -> Path:
    name = re.sub(r"[^\w.-]+", "_", nodeid.split("tests/browser/")[-1]).strip("_")
    return FAILURES / f"{name[:150]}.png"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # A screenshot from an earlier failure of this test would be misleading once it passes.
    for path in FAILURES.glob(f"{failure_shot_path(item.nodeid).stem}*.png"):
        path.unlink(missing_ok=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.when != "call" or not report.failed:
        return
    pages: list[Page] = []
    for value in getattr(item, "funcargs", {}).values():
        found = [value] if isinstance(value, Page) else []
        if isinstance(value, Shown):
            found = [value.page]
        if isinstance(value, Browser):
            found = [
                page
                for context in value.contexts
                if context not in SHARED_CONTEXTS
                for page in context.pages
            ]
        pages += [page for page in found if page not in pages and not page.is_closed()]
    if not pages:
        return
    FAILURES.mkdir(parents=True, exist_ok=True)
    base = failure_shot_path(item.nodeid)
    for index, page in enumerate(pages):
        path = base if index == 0 else base.with_name(f"{base.stem}-{index + 1}.png")
        try:
            page.screenshot(path=str(path), full_page=False, timeout=10_000)
        except Exception as problem:  # a crashed page must not hide the test's own failure
            report.sections.append(("failure screenshot", f"{path.name}: {problem}"))
        else:
            report.sections.append(("failure screenshot", str(path)))


# ---------------------------------------------------------------------------------------------
# The visual checks' summary (test_visual.py): what was measured, gathered from every worker

VISUAL_SUMMARY = ARTIFACTS / "visual-summary.json"
VISUAL_PARTS = ARTIFACTS / "visual-summary.parts"
SNAPSHOT_BASELINES = Path(__file__).parent / "snapshots"
_VISUAL_RECORDS = pytest.StashKey[list[dict[str, Any]]]()
_VISUAL_STARTED = pytest.StashKey[float]()


@pytest.fixture(scope="session")
def visual_records(pytestconfig: pytest.Config) -> list[dict[str, Any]]:
    """One record per view test_visual.py measured (counts, worst values, offenders); written to
    artifacts/visual-summary.json when the session ends."""
    return pytestconfig.stash.setdefault(_VISUAL_RECORDS, [])


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_VISUAL_STARTED] = time.time()


def _run_id(config: pytest.Config) -> str:
    """The same for every worker of one run (xdist's testrunuid), else this process's."""
    workerinput = getattr(config, "workerinput", None)
    return str(workerinput["testrunuid"]) if workerinput else f"main-{os.getpid()}"


def visual_summary(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals over every measured view, the offenders, and the baselines' size."""
    baselines = sorted(SNAPSHOT_BASELINES.glob("*.png"))
    snapshots = [r["snapshot"] for r in records if r.get("snapshot")]
    shares = [s["share"] for s in snapshots if s.get("share") is not None]
    counted = ("charts", "html_texts", "chart_texts", "low_contrast", "overlapping", "clipped")
    totals = {key: sum(int(r[key]) for r in records) for key in (*counted, "too_small")}
    return {
        "views": len(records),
        "texts": totals["html_texts"] + totals["chart_texts"],
        **totals,
        "snapshots_compared": len(shares),
        "snapshots_largest_share_differing": max(shares, default=None),
        "baselines": len(baselines),
        "baseline_bytes": sum(path.stat().st_size for path in baselines),
        "views_measured": sorted(records, key=lambda r: str(r["view"])),
    }


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Each process writes its records; the merged summary is rewritten under a lock, so the
    last worker to finish leaves the whole run's."""
    import fcntl
    import json

    config = session.config
    records = config.stash.get(_VISUAL_RECORDS, [])
    if not records:
        return
    run = _run_id(config)
    VISUAL_PARTS.mkdir(parents=True, exist_ok=True)
    with (VISUAL_PARTS / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for old in VISUAL_PARTS.glob("*.json"):
            if not old.name.startswith(run):
                old.unlink()
        (VISUAL_PARTS / f"{run}-{WORKER}.json").write_text(json.dumps(records), encoding="utf-8")
        merged = [
            record
            for part in sorted(VISUAL_PARTS.glob(f"{run}-*.json"))
            for record in json.loads(part.read_text(encoding="utf-8"))
        ]
        partial = VISUAL_SUMMARY.with_suffix(".tmp")
        partial.write_text(json.dumps(visual_summary(merged), indent=1), encoding="utf-8")
        partial.replace(VISUAL_SUMMARY)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """One line on what the visual checks measured (in the process that reports; with xdist,
    when this conftest is loaded there, e.g. `pytest tests/browser/test_visual.py`)."""
    import json

    if hasattr(config, "workerinput") or not VISUAL_SUMMARY.exists():
        return
    if VISUAL_SUMMARY.stat().st_mtime < config.stash.get(_VISUAL_STARTED, time.time()):
        return
    found = json.loads(VISUAL_SUMMARY.read_text(encoding="utf-8"))
    terminalreporter.write_line(
        f"visual checks: {found['views']} views, {found['texts']} texts measured "
        f"({found['html_texts']} HTML, {found['chart_texts']} in {found['charts']} charts); "
        f"offenders: {found['low_contrast']} low contrast, {found['clipped']} cut off, "
        f"{found['overlapping']} overlapping, {found['too_small']} too small; "
        f"{found['snapshots_compared']} screens compared with {found['baselines']} baselines "
        f"({found['baseline_bytes'] / 1e6:.1f} MB); {VISUAL_SUMMARY.relative_to(ROOT)}"
    )
