"""Every RetroEdu benchmark in one go, then one table of all figures next to their targets.

    python -m benchmarks.run_all              # the real figures (about 10 minutes on 2 cores; a quiet machine)
    python -m benchmarks.run_all --quick      # every benchmark, small and short (about 5 minutes)
    python -m benchmarks.run_all --only load memory
    python -m benchmarks.run_all --skip replicas

Each benchmark also runs alone (`python -m benchmarks.<name> --help`). Tables go to stdout,
progress to stderr, and each benchmark's figures to artifacts/bench/<name>.json.
Exit status: 0 when every gated figure passes, 1 when one fails, 2 when a benchmark crashed.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable, Sequence

from benchmarks import (
    apptest_rerun,
    browser_latency,
    cold_start,
    load,
    memory,
    replicas,
)
from benchmarks.common import Figure, arguments, machine_note, note, save, table

BENCHMARKS: dict[str, Callable[[Sequence[str] | None], list[Figure]]] = {
    "browser_latency": browser_latency.main,  # figure 1
    "apptest_rerun": apptest_rerun.main,  # figure 2
    "load": load.main,  # figure 3
    "memory": memory.main,  # figure 4
    "cold_start": cold_start.main,  # figure 5
    "replicas": replicas.main,  # two replicas behind nginx
}


def main(argv: Sequence[str] | None = None) -> int:
    p = arguments(__doc__)
    p.add_argument("--quick", action="store_true", help="small and short: checks the tooling")
    p.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), default=None)
    p.add_argument("--skip", nargs="*", choices=sorted(BENCHMARKS), default=[])
    p.add_argument("--pages", nargs="*", help="RetroEdu pages (default: every calculator page)")
    args = p.parse_args(argv)
    chosen = [name for name in (args.only or BENCHMARKS) if name not in args.skip]
    quick: list[str] = ["--quick"] if args.quick else []
    pages: list[str] = ["--pages", *args.pages] if args.pages else []
    started = time.monotonic()
    everything: list[Figure] = []
    crashed: list[str] = []
    note(machine_note())
    for name in chosen:
        note(f"=== {name} ===")
        try:
            # cold start measures the home page, whatever pages the others measure
            everything += BENCHMARKS[name](quick + (pages if name != "cold_start" else []))
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            crashed.append(name)
    print()
    print("=" * 100)
    print(
        table(
            everything,
            "RetroEdu benchmarks: summary" + (" (QUICK: tooling check only)" if args.quick else ""),
        )
    )
    print(machine_note() + f"; took {time.monotonic() - started:.0f} s")
    if crashed:
        print(f"NOT MEASURED (crashed): {', '.join(crashed)}")
    save("summary", everything, {"crashed": crashed, "quick": args.quick})
    if crashed:
        return 2
    return 1 if any(item.passed is False for item in everything) else 0


if __name__ == "__main__":
    sys.exit(main())
