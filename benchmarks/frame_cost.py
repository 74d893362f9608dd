"""Where figure 1's ratio comes from: the page frame against the page's own answer (a tool, not a
gate).

Figure 1 (input change -> chart redrawn, and -> page settled) in one Chromium, rounds
interleaved, for: the reference app; the reference app with one part of RetroEdu's frame
switched on at a time (`frame_app.py`: in a fragment, four more inputs, inputs bound to the
address, the navigation with the registry's pages and aliases, the sidebar's controls, an answer
under the chart, fixed text around it); with the whole frame but no answer; with everything; and
the calculator pages. The ratio of "whole frame, no answer" is the lowest a calculator could
reach in this frame with nothing under its chart.

    python -m benchmarks.frame_cost --rounds 20
    python -m benchmarks.frame_cost --quick
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from benchmarks import common
from benchmarks.browser_latency import Tab, chromium, interleave
from retroedu import site

KEY, REPEATS = "frame_cost", ("rounds", 20, 3)
TITLE = "What the page frame costs in Chromium ({count} rounds; a tool, not a gate)"
FRAME_APP = Path(__file__).resolve().parent / "frame_app.py"
#: The frame's parts (frame_app.py says what each is), each measured alone in a fragment.
PARTS = ("inputs", "bind", "navigation", "sidebar", "answer", "text")
FRAME = tuple(part for part in PARTS if part != "answer")
VARIANTS: dict[str, tuple[str, ...]] = {
    "in a fragment": ("fragment",),
    **{f"fragment + {part}": ("fragment", part) for part in PARTS},
    "whole frame, no answer": ("fragment", *FRAME),
    "whole frame and answer": ("fragment", *PARTS),
}


def frame_env(parts: Sequence[str]) -> dict[str, str]:
    """The frame app's switches, with the page registry's counts for the navigation.

    >>> frame_env(["fragment", "bind"])["RETROEDU_FRAME"]
    'fragment,bind'
    """
    aliases = sum(len(site.aliases(page.key)) for page in site.PAGES)
    return {
        "RETROEDU_FRAME": ",".join(parts),
        "RETROEDU_FRAME_PAGES": str(len(site.PAGES)),
        "RETROEDU_FRAME_ALIASES": str(aliases),
    }


def measure(
    targets: Sequence[common.Target], rounds: int, warmup: int = 3
) -> dict[str, list[tuple[float, float]]]:
    with contextlib.ExitStack() as stack:
        servers = {common.REFERENCE.name: stack.enter_context(common.serve(True, label=KEY))}
        for number, (label, parts) in enumerate(VARIANTS.items()):
            servers[label] = stack.enter_context(
                common.serve(True, label=f"{KEY}-{number}", app=FRAME_APP, env=frame_env(parts))
            )
        app = stack.enter_context(common.serve(False, label=f"{KEY}-app"))
        browser = stack.enter_context(chromium())
        tabs = {
            label: Tab(browser, server.url, common.REFERENCE) for label, server in servers.items()
        }
        tabs.update({target.name: Tab(browser, app.url, target) for target in targets})
        return interleave(tabs, rounds, warmup)


def figures(times: dict[str, list[tuple[float, float]]]) -> list[common.Figure]:
    """The median of both clocks for every variant and page, against the reference's."""
    ref = times[common.REFERENCE.name]
    found = []
    for label, values in times.items():
        if label == common.REFERENCE.name:
            continue
        for index, what in enumerate(("chart redrawn", "page settled")):
            found.append(
                common.Figure(
                    f"{label}: {what}, median",
                    common.median([value[index] for value in values]),
                    common.median([value[index] for value in ref]),
                    "ms",
                    details={"rounds": len(values)},
                )
            )
    return found


main = common.Repeated(KEY, REPEATS, TITLE, measure, figures).main


if __name__ == "__main__":
    main()
