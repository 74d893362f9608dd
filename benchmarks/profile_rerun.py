"""Where a rerun's time goes: pyinstrument over AppTest reruns of one page (a dev tool, not a figure).

AppTest runs the script on its own thread, so the profiler is started inside Streamlit's
`ScriptRunner._run_script` (the whole rerun: app.py, the frame, the page, the post-run clean-up)
and its samples are combined over all reruns.

    python -m benchmarks.profile_rerun heart-rate            # text tree to stdout
    python -m benchmarks.profile_rerun calories --reruns 40 --html artifacts/bench/calories.html

The first run (imports, content parsing, first figure) is profiled separately from the steady
reruns, because what happens on *every* rerun is what the load benchmark pays for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pyinstrument import Profiler
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from benchmarks.apptest_rerun import change, open_page
from benchmarks.common import KNOWN, arguments, note


def main(argv: Sequence[str] | None = None) -> None:
    p = arguments(__doc__)
    p.add_argument("page", choices=sorted(KNOWN))
    p.add_argument("--reruns", type=int, default=30)
    p.add_argument("--html", help="also write an HTML report here")
    p.add_argument("--first", action="store_true", help="profile the first run instead")
    p.add_argument("--all", action="store_true", help="show library frames too")
    args = p.parse_args(argv)
    target = KNOWN[args.page]

    profiler = Profiler(interval=0.0005)
    recording = False
    original = script_runner.ScriptRunner._run_script

    def profiled(self: script_runner.ScriptRunner, *args: Any, **kwargs: Any) -> None:
        if not recording:
            return original(self, *args, **kwargs)
        profiler.start()
        try:
            return original(self, *args, **kwargs)
        finally:
            profiler.stop()

    script_runner.ScriptRunner._run_script = profiled  # type: ignore[method-assign]
    if args.first:
        recording = True
        open_page(target)
    else:
        at: AppTest = open_page(target)
        for index in range(3):  # warm caches as a real reader's first changes would
            change(at, target, index)
        note(f"profiling {args.reruns} reruns of {target.name}")
        recording = True
        for index in range(args.reruns):
            change(at, target, index)
    recording = False
    print(profiler.output_text(unicode=True, color=False, show_all=args.all))
    if args.html:
        with open(args.html, "w", encoding="utf-8") as handle:
            handle.write(profiler.output_html())
        note(f"wrote {args.html}")


if __name__ == "__main__":
    main()
