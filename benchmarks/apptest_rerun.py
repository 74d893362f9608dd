"""Figure 2: server-side rerun cost. AppTest reruns of each page vs the reference app (target <= 3x).

A rerun here is what the server does for one widget change (run app.py, its frame and the page)
without the network or the browser. Pages are driven through app.py, as the app tests do; the
reference app runs the same way, in the same process, so both see the same config. Reruns of the
pages and the reference are interleaved, so a busy machine slows both alike.

    python -m benchmarks.apptest_rerun --reruns 60
    python -m benchmarks.apptest_rerun --quick
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from streamlit.testing.v1 import AppTest

from benchmarks import common

KEY, REPEATS = "apptest_rerun", ("reruns", 60, 10)
TITLE = "Server-side rerun cost (AppTest, {count} reruns each)"

WIDGET_KINDS = ("number_input", "slider", "radio", "selectbox", "checkbox")


def open_page(target: common.Target) -> AppTest:
    """An AppTest that has run the page once (through app.py for RetroEdu pages)."""
    if target.is_reference:
        at = AppTest.from_file(str(common.REFERENCE_APP), default_timeout=60)
        at.run()
    else:
        at = AppTest.from_file(str(common.APP), default_timeout=60)
        at.run()
        if target.url_path:
            at.switch_page(target.script).run()
    if at.exception:
        raise RuntimeError(f"{target.name} shows an exception: {[e.value for e in at.exception]}")
    return at


def find_widget(at: AppTest, key: str) -> Any:
    for kind in WIDGET_KINDS:
        try:
            return getattr(at, kind)(key=key)
        except KeyError:
            continue
    raise KeyError(f"no widget with key {key!r}")


_bases: dict[tuple[int, str], Any] = {}


def next_value(at: AppTest, widget: Any, index: int) -> Any:
    """Alternate between the widget's first value and a neighbour (the chart changes each time)."""
    base = _bases.setdefault((id(at), widget.key), widget.value)
    if index % 2 == 1:
        return base
    kind = type(widget).__name__
    if kind in {"NumberInput", "Slider"}:
        step = widget.step or 1
        start = (widget.min if widget.min is not None else 0) if base is None else base
        high = widget.max
        return start - step if high is not None and start + step > high else start + step
    if kind in {"Radio", "Selectbox"}:
        options = list(widget.options)
        return options[(options.index(base) + 1) % len(options)] if base in options else options[0]
    return not base


def change(at: AppTest, target: common.Target, index: int) -> tuple[float, float]:
    """Change the next drive widget and rerun; return the rerun's wall and CPU time [s].

    CPU time is the whole process's (the script runs on AppTest's thread while this one waits),
    so it stays meaningful when other work slows the wall clock down.
    """
    key = target.drive[index // 2 % len(target.drive)]
    widget = find_widget(at, key)
    widget.set_value(next_value(at, widget, index))
    wall, cpu = time.perf_counter(), time.process_time()
    at.run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if at.exception:
        raise RuntimeError(f"{target.name} shows an exception: {[e.value for e in at.exception]}")
    return wall, cpu


def measure(
    targets: Sequence[common.Target], reruns: int, warmup: int = 5
) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) per rerun and target, the reference included; interleaved rerun by rerun."""
    everyone = [common.REFERENCE, *targets]
    apps = {t.name: open_page(t) for t in everyone}
    times: dict[str, list[tuple[float, float]]] = {t.name: [] for t in everyone}
    for index in range(warmup + reruns):
        for t in everyone:
            measured = change(apps[t.name], t, index)
            if index >= warmup:
                times[t.name].append(measured)
    return times


def figures(times: dict[str, list[tuple[float, float]]]) -> list[common.Figure]:
    ref_wall = [wall for wall, _ in times[common.REFERENCE.name]]
    ref_cpu = [cpu for _, cpu in times[common.REFERENCE.name]]
    out = []
    for name, values in times.items():
        if name == common.REFERENCE.name:
            continue
        wall = [w for w, _ in values]
        cpu = [c for _, c in values]
        details = {"reruns": len(values)}
        out += common.median_and_p95(
            f"AppTest rerun {name}", wall, ref_wall, limit=3.0, scale=1000, details=details
        )
        out += common.median_and_p95(
            f"AppTest rerun {name} CPU", cpu, ref_cpu, limit=3.0, scale=1000, details=details
        )
    return out


main = common.Repeated(KEY, REPEATS, TITLE, measure, figures).main


if __name__ == "__main__":
    main()
