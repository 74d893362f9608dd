"""Figure 1: interaction latency in Chromium. Input change -> chart redrawn, and -> page settled.

For each calculator page and the reference app (each in its own tab, same browser, same run), a
number input is changed by typing a value and pressing Enter. Two clocks run in the page, both
from the Enter keydown: "chart" stops when a `.js-plotly-plot` on the page holds data different
from before (checked on every DOM mutation and on Plotly's `plotly_afterplot` event); "settled"
stops at the first moment after that when the script state is `notRunning` and no element is
stale (`[data-stale='true']`): what the reader sees is complete. Rounds visit the pages in turn,
so background load hits all of them alike. Targets (issue 16): chart median and p95 <= 1.5x the
reference, settled <= 2x.

    python -m benchmarks.browser_latency --rounds 30
    python -m benchmarks.browser_latency --quick
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator, Mapping, Sequence

from playwright.sync_api import Browser, Page, sync_playwright

from benchmarks import common

KEY, REPEATS = "browser_latency", ("rounds", 30, 5)
TITLE = (
    "Interaction latency in Chromium (input change -> chart redrawn / page settled, {count} rounds)"
)
#: Targets: ratio to the reference app, median and p95.
CHART_LIMIT, SETTLED_LIMIT = 1.5, 2.0

#: Chromium as the browser tests launch it too (tests/browser/conftest.py reads these).
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1366, "height": 768}
TIMEOUT_MS = 30_000

# Installed once per page load. `sig` is the plots' data (traces, shapes, annotations); it is only
# recomputed when a plot's data object changed identity, so watching costs little while waiting.
WATCH_JS = """
() => {
  const plots = () => Array.from(document.querySelectorAll('.js-plotly-plot'));
  const sig = () => plots().map(g => {
    try { return JSON.stringify([g.data, g.layout && g.layout.shapes, g.layout && g.layout.annotations]); }
    catch (e) { return 'unserialisable'; }
  }).join('|');
  const refs = () => plots().map(g => g.data);
  const settled = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
      && !document.querySelector("[data-testid='stElementContainer'][data-stale='true']");
  };
  const b = window.__bench = window.__bench || {};
  b.arm = () => { b.t0 = null; b.t1 = null; b.t2 = null; b.before = sig(); b.refs = refs(); };
  b.check = () => {
    if (b.t0 === null || b.t2 !== null) return;
    if (b.t1 === null) {
      const now = refs();
      if (now.length === b.refs.length && now.every((d, i) => d === b.refs[i])) return;
      b.refs = now;
      if (sig() !== b.before) b.t1 = performance.now();
    }
    if (b.t1 !== null && settled()) b.t2 = performance.now();
  };
  b.hook = () => plots().forEach(g => {
    if (!g.__benchHooked && g.on) { g.on('plotly_afterplot', b.check); g.__benchHooked = true; }
  });
  if (!b.installed) {
    document.addEventListener('keydown', e => {
      if (e.key === 'Enter' && b.t0 === null) b.t0 = performance.now();
    }, true);
    new MutationObserver(() => { b.hook(); b.check(); }).observe(
      document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    b.installed = true;
  }
  b.hook();
  b.arm();
}
"""
NOT_RUNNING = (
    "() => { const a = document.querySelector(\"[data-testid='stApp']\");"
    " return !!a && a.getAttribute('data-test-script-state') === 'notRunning'; }"
)
SETTLED = (
    "() => { const a = document.querySelector(\"[data-testid='stApp']\");"
    " return !!a && a.getAttribute('data-test-script-state') === 'notRunning'"
    " && !document.querySelector(\"[data-testid='stElementContainer'][data-stale='true']\"); }"
)


def chromium_path() -> str | None:
    """A system Chromium if there is one (Playwright's own download may be blocked)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        path = chromium_path()
        browser = playwright.chromium.launch(
            args=LAUNCH_ARGS, **({"executable_path": path} if path else {})
        )
        try:
            yield browser
        finally:
            browser.close()


def wait_settled(page: Page) -> None:
    """Until the script has finished and nothing on the page is stale."""
    page.wait_for_function(SETTLED, timeout=TIMEOUT_MS)


class Tab:
    """One page open in Chromium, with the number input the benchmark changes."""

    def __init__(self, browser: Browser, base_url: str, target: common.Target) -> None:
        self.target = target
        self.page = browser.new_page(viewport=VIEWPORT)
        # Open the app's root, then follow the sidebar link, as a reader does.
        self.page.goto(f"{base_url}/", timeout=TIMEOUT_MS)
        wait_settled(self.page)
        self.dismiss_dialog()
        if target.url_path:
            link = self.page.locator(f"[data-testid='stSidebarNav'] a[href$='/{target.url_path}']")
            more = self.page.locator("[data-testid='stSidebarNavViewButton']")
            if not link.count() and more.count():
                more.first.click()  # a long navigation is collapsed behind "View more"
            link.first.click()
        self.page.wait_for_selector(".js-plotly-plot", timeout=TIMEOUT_MS)
        wait_settled(self.page)
        self.key = next(
            (
                k
                for k in target.drive
                if self.page.locator(f".st-key-{k} input[type='number']").count()
            ),
            None,
        )
        if self.key is None:
            raise RuntimeError(
                f"{target.name}: none of the number inputs {target.drive} is on the page"
            )
        self.input = self.page.locator(f".st-key-{self.key} input[type='number']")
        self.base = self.input.input_value()
        self.flips = 0
        self.page.evaluate(WATCH_JS)

    def dismiss_dialog(self) -> None:
        """Close a modal (e.g. Streamlit's "Page not found" on a direct link), as a reader would."""
        dialog = self.page.get_by_role("dialog")
        if dialog.count() and dialog.first.is_visible():
            common.note(
                f"{self.target.name}: a dialog covers the page on opening: {dialog.first.inner_text()[:80]!r}"
            )
            self.page.keyboard.press("Escape")
            dialog.first.wait_for(state="hidden", timeout=TIMEOUT_MS)

    def next_value(self) -> str:
        self.flips += 1
        if self.flips % 2 == 0 or not self.base:
            return self.base or "50"
        step = float(self.input.get_attribute("step") or 1)
        high = self.input.get_attribute("max")
        value = float(self.base) + step
        if high is not None and value > float(high):
            value = float(self.base) - step
        return f"{value:g}"

    def interact(self) -> tuple[float, float]:
        """Type a new value, press Enter; ms until the chart holds the new data and until the
        page has settled."""
        self.page.bring_to_front()
        self.input.fill(self.next_value())
        self.page.evaluate("() => window.__bench.arm()")
        self.input.press("Enter")
        self.page.wait_for_function("() => window.__bench.t2 !== null", timeout=TIMEOUT_MS)
        chart, settled = self.page.evaluate(
            "() => [window.__bench.t1 - window.__bench.t0, window.__bench.t2 - window.__bench.t0]"
        )
        return float(chart), float(settled)


def measure(
    targets: Sequence[common.Target], rounds: int, warmup: int = 3
) -> dict[str, list[tuple[float, float]]]:
    with contextlib.ExitStack() as stack:
        app = stack.enter_context(common.serve(False, label="browser-app"))
        ref = stack.enter_context(common.serve(True, label="browser-reference"))
        browser = stack.enter_context(chromium())
        tabs = {common.REFERENCE.name: Tab(browser, ref.url, common.REFERENCE)}
        tabs.update({t.name: Tab(browser, app.url, t) for t in targets})
        return interleave(tabs, rounds, warmup)


def interleave(
    tabs: Mapping[str, Tab], rounds: int, warmup: int
) -> dict[str, list[tuple[float, float]]]:
    """Both clocks for every tab, the tabs visited in turn each round (so background load hits
    them alike); the first `warmup` rounds are not kept."""
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in tabs}
    for index in range(warmup + rounds):
        for label, tab in tabs.items():
            elapsed = tab.interact()
            if index >= warmup:
                times[label].append(elapsed)
    return times


def figures(times: dict[str, list[tuple[float, float]]]) -> list[common.Figure]:
    """Median and p95 of both clocks for every page, against the reference's."""
    ref = times[common.REFERENCE.name]
    found = []
    for name, values in times.items():
        if name == common.REFERENCE.name:
            continue
        for index, (what, limit) in enumerate(
            (("chart redrawn", CHART_LIMIT), ("page settled", SETTLED_LIMIT))
        ):
            found += common.median_and_p95(
                f"Chromium {name} {what}",
                [value[index] for value in values],
                [value[index] for value in ref],
                limit=limit,
                details={"rounds": len(values)},
            )
    return found


main = common.Repeated(KEY, REPEATS, TITLE, measure, figures).main


if __name__ == "__main__":
    main()
