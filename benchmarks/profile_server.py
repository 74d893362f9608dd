"""Where a live server's CPU goes under load: py-spy samples `streamlit run` while readers rerun.

Unlike `profile_rerun` (AppTest, one thread), this sees everything the real server does per
rerun: the script, Streamlit's runner and post-run clean-up, protobuf serialisation, the
WebSocket. Prints the functions with the largest inclusive share of the busy samples.

    python -m benchmarks.profile_server heart-rate --sessions 3 --duration 15
    python -m benchmarks.profile_server heart-rate --flag runner.postScriptGC=false

Needs py-spy (a dev dependency) and permission to ptrace the server (root, or
kernel.yama.ptrace_scope = 0).
"""

from __future__ import annotations

import asyncio
import collections
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import KNOWN, Server, arguments, note, serve
from benchmarks.load import LoadSettings, Meter, drive


class SignallingMeter(Meter):
    """A Meter that also tells the sampler when the timed reruns start."""

    def __init__(self, servers: Sequence[Server]) -> None:
        super().__init__(servers)
        self.started = threading.Event()

    def begin(self) -> None:
        super().begin()
        self.started.set()


FRAME = re.compile(r"^(?P<func>.+?) \((?P<file>[^:()]+)(?::\d+)?\)$")


def summarise(raw: Path, top: int) -> str:
    """Inclusive share of busy samples per function (name and file, line numbers merged)."""
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        total += count
        seen = set()
        for frame in stack.split(";"):
            match = FRAME.match(frame)
            key = f"{match['func']}  ({short(match['file'])})" if match else frame
            if key not in seen:
                seen.add(key)
                inclusive[key] += count
    lines = [f"{total} busy samples; inclusive share of each function:"]
    for key, count in inclusive.most_common(top):
        lines.append(f"{100 * count / total:6.1f} %  {key}")
    return "\n".join(lines)


def short(path: str) -> str:
    for marker in ("site-packages/", "/work/main/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def main(argv: Sequence[str] | None = None) -> None:
    p = arguments(__doc__)
    p.add_argument("page", choices=sorted(KNOWN))
    p.add_argument("--sessions", type=int, default=3)
    p.add_argument("--duration", type=float, default=15.0)
    p.add_argument("--think", type=float, default=0.2)
    p.add_argument("--top", type=int, default=45)
    p.add_argument("--flag", action="append", default=[], help="option=value for the server")
    args = p.parse_args(argv)
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    target = KNOWN[args.page]
    flags = dict(flag.split("=", 1) for flag in args.flag)
    settings = LoadSettings(duration_s=args.duration, think_s=args.think)
    with (
        tempfile.TemporaryDirectory() as tmp,
        serve(target.is_reference, flags, "profile") as server,
    ):
        raw = Path(tmp) / "stacks.txt"
        meter = SignallingMeter([server])
        load = threading.Thread(
            target=lambda: asyncio.run(
                drive(server.url, target, args.sessions, settings, meter=meter)
            )
        )
        load.start()
        meter.started.wait(timeout=300)  # sample the timed reruns, not the sessions opening
        note(f"sampling {target.name} for {args.duration:g} s with py-spy")
        subprocess.run(
            [
                spy,
                "record",
                "--pid",
                str(server.proc.pid),
                "--duration",
                str(int(args.duration)),
                "--rate",
                "250",
                "--format",
                "raw",
                "--output",
                str(raw),
                "--nonblocking",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        load.join()
        print(summarise(raw, args.top))


if __name__ == "__main__":
    main()
