"""Figure 5: cold start. Process start -> first full render of the home page in Chromium.

Chromium is started first (not timed). The clock starts just before `streamlit run` is spawned;
the health endpoint is polled every 50 ms; as soon as it answers, a new tab opens the app's root
and the clock stops when the script has finished (`data-test-script-state = notRunning`) and the
page's main content is drawn (RetroEdu: the h1 title; the reference: the Plotly chart's SVG).
Repeated with a new process each time, alternating RetroEdu and the reference. Target <= 1.3x.

    python -m benchmarks.cold_start --repeats 5
    python -m benchmarks.cold_start --quick
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from playwright.sync_api import Browser

from benchmarks.browser_latency import NOT_RUNNING, TIMEOUT_MS, VIEWPORT, chromium
from benchmarks.common import Figure, arguments, health_ok, median, note, report, serve

READY = {
    False: "[data-testid='stMain'] h1",  # RetroEdu's home page title
    True: ".js-plotly-plot .main-svg",  # the reference app's chart
}


def cold_start(browser: Browser, reference: bool) -> float:
    """Seconds from spawning the server to the home page fully rendered."""
    with serve(
        reference, label="cold-reference" if reference else "cold-app", wait=False
    ) as server:
        deadline = time.monotonic() + 90
        while not health_ok(server.url, timeout_s=1.0):
            if server.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("streamlit did not start")
            time.sleep(0.05)
        page = browser.new_page(viewport=VIEWPORT)
        try:
            page.goto(f"{server.url}/", timeout=TIMEOUT_MS)
            page.wait_for_selector(READY[reference], timeout=TIMEOUT_MS)
            page.wait_for_function(NOT_RUNNING, timeout=TIMEOUT_MS)
            return time.perf_counter() - server.started_at
        finally:
            page.close()


def main(argv: Sequence[str] | None = None) -> list[Figure]:
    p = arguments(__doc__)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--quick", action="store_true", help="1 start each (tooling check)")
    args = p.parse_args(argv)
    repeats = 1 if args.quick else args.repeats
    times: dict[bool, list[float]] = {False: [], True: []}
    with chromium() as browser:
        cold_start(browser, True)  # warm the OS file cache and Chromium once, untimed
        for _ in range(repeats):
            for reference in (True, False):
                elapsed = cold_start(browser, reference)
                note(f"cold start {'reference' if reference else 'home'}: {elapsed:.2f} s")
                times[reference].append(elapsed)
    out = [
        Figure(
            "cold start home (median)",
            median(times[False]),
            median(times[True]),
            "s",
            "ratio <= 1.3",
            1.3,
            details={"repeats": repeats, "all_home_s": str([round(t, 2) for t in times[False]])},
        )
    ]
    report(
        "cold_start",
        f"Cold start: process start -> home page rendered ({repeats} starts each)",
        out,
    )
    return out


if __name__ == "__main__":
    main()
