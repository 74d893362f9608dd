"""What every benchmark shares: the pages it measures, starting servers, statistics, the result table.

A *target* is one page to measure: a RetroEdu page served by `app.py`, or the reference app
(`benchmarks/reference_app.py`: one number input and one Plotly chart), which is served from a
temporary directory holding a copy of RetroEdu's `.streamlit/config.toml`, so both run with exactly
the same settings.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

from retroedu import site

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
CONFIG_DIR = ROOT / ".streamlit"
REFERENCE_APP = Path(__file__).resolve().parent / "reference_app.py"
ARTIFACTS = ROOT / "artifacts" / "bench"


@dataclass(frozen=True)
class Target:
    """One page to measure and the widgets a benchmark changes on it (by widget key)."""

    name: str  # a page key of the page registry, or "reference"
    drive: tuple[str, ...]  # widget keys changed in turn, e.g. ("age", "resting_hr")

    @property
    def is_reference(self) -> bool:
        return self.name == "reference"

    @property
    def url_path(self) -> str:
        """The path the page is served at ("" for the reference app and the home page)."""
        return "" if self.is_reference or self.name == site.HOME else self.name

    @property
    def script(self) -> str:
        """The page script relative to the repo, from the page registry ("" for the reference)."""
        return "" if self.is_reference else site.page(self.name).script


REFERENCE = Target("reference", ("value",))
HOME = Target(site.HOME, ("units",))
CALCULATORS = (Target("heart-rate", ("age", "resting_hr")), Target("calories", ("weight", "speed")))
KNOWN = {target.name: target for target in (REFERENCE, HOME, *CALCULATORS)}


def page_targets(names: Sequence[str] | None = None) -> list[Target]:
    """The RetroEdu pages to measure: the named ones, else both calculator pages."""
    if not names:
        return list(CALCULATORS)
    unknown = [name for name in names if name not in KNOWN or name == "reference"]
    if unknown:
        choices = sorted(set(KNOWN) - {"reference"})
        raise SystemExit(f"unknown page(s) {unknown}; choose from {choices}")
    return [KNOWN[name] for name in names]


def arguments(doc: str | None, pages: str = "") -> argparse.ArgumentParser:
    """A benchmark's command line: its docstring as help, and `--pages` when `pages` says what
    the default is."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    if pages:
        parser.add_argument("--pages", nargs="*", help=f"RetroEdu pages (default: {pages})")
    return parser


def note(message: str) -> None:
    """Progress output goes to stderr so stdout holds only the figures."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def health_ok(url: str, timeout_s: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout_s) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextlib.contextmanager
def reference_dir(app: Path = REFERENCE_APP) -> Iterator[Path]:
    """A temporary directory holding the reference app (or another yardstick script, `app`) and a
    copy of RetroEdu's config."""
    with tempfile.TemporaryDirectory(prefix="retroedu-ref-") as tmp:
        folder = Path(tmp)
        shutil.copy2(app, folder / app.name)
        shutil.copytree(CONFIG_DIR, folder / ".streamlit")
        yield folder


def server_command(script: Path, port: int, flags: Mapping[str, str] | None = None) -> list[str]:
    """`streamlit run` on 127.0.0.1:port; `flags` are extra config options ({"runner.x": "y"})."""
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
    ]
    for option, value in (flags or {}).items():
        command += [f"--{option}", value]
    return command


@dataclass
class Server:
    """A running `streamlit run` process with its URL and a psutil handle for CPU and memory."""

    url: str
    proc: subprocess.Popen[bytes]
    started_at: float  # time.perf_counter() just before the process was started

    @property
    def process(self) -> psutil.Process:
        return psutil.Process(self.proc.pid)

    def cpu_seconds(self) -> float:
        times = self.process.cpu_times()
        return float(times.user + times.system)

    def rss_mb(self) -> float:
        return float(self.process.memory_info().rss) / 2**20


def wait_healthy(server: Server, timeout_s: float = 90.0, poll_s: float = 0.2) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {server.proc.returncode}")
        if health_ok(server.url, timeout_s=1.0):
            return
        time.sleep(poll_s)
    raise RuntimeError(f"streamlit did not become healthy at {server.url} within {timeout_s} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@contextlib.contextmanager
def serve(
    reference: bool,
    flags: Mapping[str, str] | None = None,
    label: str = "",
    wait: bool = True,
    port: int | None = None,
    poll_s: float = 0.2,
    env: Mapping[str, str] | None = None,
    app: Path = REFERENCE_APP,
) -> Iterator[Server]:
    """Start RetroEdu (`app.py` from the repo root) or the reference app (or, for `reference`,
    another script beside it: `app`); stop it afterwards.

    Both read the same `.streamlit/config.toml`; `flags` override options for both alike.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = label or ("reference" if reference else "app")
    with contextlib.ExitStack() as stack:
        if reference:
            folder = stack.enter_context(reference_dir(app))
            script, cwd = folder / app.name, folder
        else:
            script, cwd = APP, ROOT
        port = port or free_port()
        log = stack.enter_context((ARTIFACTS / f"server-{name}.log").open("wb"))
        started = time.perf_counter()
        proc = subprocess.Popen(
            server_command(script, port, flags),
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        )
        server = Server(f"http://127.0.0.1:{port}", proc, started)
        try:
            if wait:
                wait_healthy(server, poll_s=poll_s)
            yield server
        finally:
            stop(proc)


# --------------------------------------------------------------------------------------------
# Statistics


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation; NaN for no values.

    >>> percentile([1, 2, 3, 4], 50), percentile([1, 2, 3, 4], 100), percentile([5], 95)
    (2.5, 4.0, 5.0)
    """
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (rank - low))


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else math.nan


# --------------------------------------------------------------------------------------------
# Results


@dataclass
class Figure:
    """One line of the result table: a measured value next to the reference and the target."""

    figure: str
    value: float
    reference: float | None = None
    unit: str = ""
    target: str = ""  # e.g. "ratio <= 1.15" or "<= 2 MB"
    limit: float | None = None  # the number the target compares with
    # "ratio": value/reference <= limit; "min-ratio": value/reference >= limit;
    # "value": value <= limit; "min": value >= limit
    compare: str = "ratio"
    details: dict[str, float | int | str] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.reference is None or not self.reference or math.isnan(self.reference):
            return None
        return self.value / self.reference

    @property
    def passed(self) -> bool | None:
        if self.limit is None or math.isnan(self.value):
            return None
        if self.compare == "ratio":
            return None if self.ratio is None else self.ratio <= self.limit
        if self.compare == "min-ratio":
            return None if self.ratio is None else self.ratio >= self.limit
        if self.compare == "min":
            return self.value >= self.limit
        return self.value <= self.limit


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if math.isnan(value):
        return "n/a"
    text = f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return f"{text} {unit}".strip()


def table(figures: Sequence[Figure], title: str = "") -> str:
    """A plain-text table: figure, value, reference, ratio, target, pass/fail."""
    header = ("figure", "value", "reference", "ratio", "target", "result")
    rows = [
        (
            item.figure,
            _fmt(item.value, item.unit),
            _fmt(item.reference, item.unit),
            "-" if item.ratio is None else f"{item.ratio:.2f}x",
            item.target or "-",
            {True: "PASS", False: "FAIL", None: "-"}[item.passed],
        )
        for item in figures
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [title] if title else []
    lines.append("  ".join(text.ljust(width) for text, width in zip(header, widths, strict=True)))
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(t.ljust(w) for t, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def machine_note() -> str:
    """Load and core count, printed with every table: figures from a busy machine are noisier."""
    load1, load5, _ = os.getloadavg()
    return (
        f"machine: {os.cpu_count()} cores, load average {load1:.2f} (1 min) / {load5:.2f} (5 min), "
        f"Python {sys.version.split()[0]}"
    )


def save(name: str, figures: Sequence[Figure], extra: Mapping[str, object] | None = None) -> Path:
    """Write the figures as JSON under artifacts/bench/ (for comparing runs)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.json"
    payload = {
        "machine": machine_note(),
        "time": time.strftime("%Y-%m-%d %H:%M:%S"),
        "figures": [
            asdict(item) | {"ratio": item.ratio, "passed": item.passed} for item in figures
        ],
        **(extra or {}),
    }
    path.write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")
    return path


def report(name: str, title: str, figures: Sequence[Figure]) -> None:
    """Print the table (stdout) and save it as JSON."""
    print()
    print(table(figures, title))
    print(machine_note())
    save(name, figures)


def median_and_p95(
    label: str,
    values: Sequence[float],
    reference: Sequence[float],
    *,
    unit: str = "ms",
    limit: float | None = None,
    scale: float = 1.0,
    details: dict[str, float | int | str] | None = None,
) -> list[Figure]:
    """The median and the 95th percentile of `values` against the reference's, in `unit` after
    multiplying by `scale`, each with the target "ratio <= limit" when a limit is given."""
    target = "" if limit is None else f"ratio <= {limit:g}"
    return [
        Figure(
            f"{label} {name}",
            scale * statistic(values),
            scale * statistic(reference),
            unit,
            target,
            limit,
            details=dict(details or {}),
        )
        for name, statistic in (
            ("median", median),
            ("p95", lambda xs: percentile(xs, 95)),
        )
    ]


@dataclass(frozen=True)
class Repeated:
    """A benchmark that repeats one measurement on each page: its report key, what it repeats
    (option name, default count, count with --quick), its title (may name the {count}), the
    function that measures and the one that turns the measurements into figures."""

    key: str
    repeats: tuple[str, int, int]
    title: str
    measure: Callable[[list[Target], int], Any]
    figures: Callable[[Any], list[Figure]]

    def main(self, argv: Sequence[str] | None = None) -> list[Figure]:
        return run_repeated(self, argv)


def run_repeated(spec: Repeated, argv: Sequence[str] | None) -> list[Figure]:
    """The command line `--pages`, `--<name>` and `--quick`; measures, reports, returns."""
    module = sys.modules[spec.measure.__module__]
    doc, key, title = module.__doc__, spec.key, spec.title
    name, default, quick = spec.repeats
    parser = arguments(doc, "every calculator page")
    parser.add_argument(f"--{name}", type=int, default=default, help=f"timed {name} per page")
    parser.add_argument("--quick", action="store_true", help=f"{quick} {name} (tooling check)")
    args = parser.parse_args(argv)
    count = quick if args.quick else getattr(args, name)
    targets = page_targets(args.pages)
    note(f"{key}: {count} {name} each on {[t.name for t in targets]} and the reference")
    out = spec.figures(spec.measure(targets, count))
    report(key, title.format(count=count), out)
    return out
