"""Figure 3: concurrent sessions. N simulated readers per page on `/_stcore/stream`, same settings.

Each reader opens the page (not timed), then, until the time is up, waits a think time and changes
one input (in turn: the page's drive keys), timing request -> `script_finished`. Readers of one
run start together; everything is bounded by `--duration`, `--max-reruns` and a per-rerun
timeout. Reported per page and N: p50/p95 rerun latency, errors, throughput, server CPU seconds
and RSS. Target at the largest N (issue 16): p95 <= 3x the reference app, 0 errors. A change to a
widget inside a fragment reruns that fragment only, as in the browser (`protocol.py`).

    python -m benchmarks.load --sessions 1 10 50 --duration 30
    python -m benchmarks.load --quick           # N = 1, 5 for 5 s: checks the tooling only
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks import common
from benchmarks.protocol import RunResult, StreamlitSession

OPEN_CONCURRENCY = 10  # sessions opening at once (a class arriving, not a single burst)
#: Target at the largest N: p95 at most this many times the reference app's.
P95_LIMIT = 3.0


@dataclass
class LoadResult:
    """What N concurrent readers of one page saw, and what the server spent."""

    target: str
    sessions: int
    latencies_s: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    not_found_on_open: int = 0
    elapsed_s: float = 0.0
    cpu_s: float = float("nan")
    rss_mb: float = float("nan")
    client_cpu_s: float = 0.0

    @property
    def p50_ms(self) -> float:
        return 1000 * common.percentile(self.latencies_s, 50)

    @property
    def p95_ms(self) -> float:
        return 1000 * common.percentile(self.latencies_s, 95)

    @property
    def throughput(self) -> float:
        return len(self.latencies_s) / self.elapsed_s if self.elapsed_s else float("nan")

    @property
    def cpu_ms_per_rerun(self) -> float:
        return 1000 * self.cpu_s / len(self.latencies_s) if self.latencies_s else float("nan")

    def line(self) -> str:
        return (
            f"{self.target:<11} N={self.sessions:<3} reruns={len(self.latencies_s):<5} "
            f"p50={self.p50_ms:7.1f} ms  p95={self.p95_ms:7.1f} ms  errors={self.errors:<3} "
            f"{self.throughput:6.1f} reruns/s  server CPU={self.cpu_s:6.2f} s "
            f"({self.cpu_ms_per_rerun:5.1f} ms/rerun)  RSS={self.rss_mb:6.1f} MB  "
            f"client CPU={self.client_cpu_s:5.2f} s"
        )


@dataclass(frozen=True)
class LoadSettings:
    duration_s: float = 30.0
    think_s: float = 2.0  # mean wait between one reader's changes (uniform 0.5x..1.5x)
    max_reruns: int = 1000  # per session: a bound even if the time limit misbehaves
    warmup: int = 2  # untimed changes per session before the clock starts (caches, imports)
    timeout_s: float = 30.0  # per rerun
    seed: int = 7

    def describe(self) -> str:
        return (
            f"each reader changes an input every {self.think_s:g} s on average "
            f"(uniform {0.5 * self.think_s:g}-{1.5 * self.think_s:g} s), for {self.duration_s:g} s"
        )


async def drive(
    base_url: str,
    target: common.Target,
    sessions: int,
    settings: LoadSettings,
    affinity_cookie: str | None = None,
    meter: Meter | None = None,
) -> LoadResult:
    """Open `sessions` readers of `target` at `base_url`, drive reruns, return what they saw."""
    result = LoadResult(target.name, sessions)
    readers = [
        StreamlitSession(
            base_url, target.url_path, affinity_cookie=affinity_cookie, timeout_s=settings.timeout_s
        )
        for _ in range(sessions)
    ]
    gate = asyncio.Semaphore(OPEN_CONCURRENCY)

    def record(outcome: RunResult) -> None:
        if outcome.ok:
            result.latencies_s.append(outcome.latency_s)
        else:
            result.errors += 1
            if len(result.error_samples) < 5:
                result.error_samples.append(outcome.error)

    async def open_one(reader: StreamlitSession) -> bool:
        async with gate:
            try:
                outcome = await reader.open()
            except (OSError, TimeoutError, RuntimeError) as exc:
                outcome = RunResult(False, 0.0, error=f"open: {type(exc).__name__}: {exc}")
        result.not_found_on_open += outcome.not_found
        if not outcome.ok:
            record(outcome)
        return outcome.ok

    opened = await asyncio.gather(*(open_one(reader) for reader in readers))
    live = [reader for reader, ok in zip(readers, opened, strict=True) if ok]

    async def warm(reader: StreamlitSession) -> None:
        async with gate:
            for _ in range(settings.warmup):
                await reader.change(target.drive)

    await asyncio.gather(*(warm(reader) for reader in live))
    if meter:
        meter.begin()
    started = time.perf_counter()
    deadline = started + settings.duration_s

    async def loop(index: int, reader: StreamlitSession) -> None:
        rng = random.Random(settings.seed * 1000 + index)
        for _ in range(settings.max_reruns):
            wait = settings.think_s * rng.uniform(0.5, 1.5)
            if time.perf_counter() + wait >= deadline:
                break
            await asyncio.sleep(wait)
            record(await reader.change(target.drive))

    await asyncio.gather(*(loop(i, reader) for i, reader in enumerate(live)))
    result.elapsed_s = time.perf_counter() - started
    if meter:
        meter.end(result)
    await asyncio.gather(*(reader.close() for reader in readers), return_exceptions=True)
    return result


class Meter:
    """Server CPU seconds over the timed phase and RSS at its end (summed over `servers`)."""

    def __init__(self, servers: Sequence[common.Server]) -> None:
        self.servers = servers
        self._cpu: dict[str, float] = {}
        self._client = 0.0

    def begin(self) -> None:
        self._cpu = {s.url: s.cpu_seconds() for s in self.servers}
        self._client = time.process_time()

    def end(self, result: LoadResult) -> None:
        result.cpu_s = sum(s.cpu_seconds() - self._cpu.get(s.url, 0.0) for s in self.servers)
        result.rss_mb = sum(s.rss_mb() for s in self.servers)
        result.client_cpu_s = time.process_time() - self._client


def run_one(
    server: common.Server, target: common.Target, sessions: int, settings: LoadSettings
) -> LoadResult:
    return asyncio.run(drive(server.url, target, sessions, settings, meter=Meter([server])))


def run_matrix(
    targets: Sequence[common.Target],
    sessions: Sequence[int],
    settings: LoadSettings,
    flags: dict[str, str] | None = None,
) -> list[LoadResult]:
    """Every page and the reference, each on its own server, N ascending, pages interleaved."""
    results: list[LoadResult] = []
    with contextlib.ExitStack() as stack:
        servers = {
            target.name: stack.enter_context(
                common.serve(target.is_reference, flags, label=f"load-{target.name}")
            )
            for target in (common.REFERENCE, *targets)
        }
        for n in sessions:
            for target in (common.REFERENCE, *targets):
                common.note(f"load: {target.name}, N={n}, {settings.describe()}")
                outcome = run_one(servers[target.name], target, n, settings)
                common.note(outcome.line())
                for sample in outcome.error_samples:
                    common.note(f"  error: {sample}")
                results.append(outcome)
    return results


def figures(results: Sequence[LoadResult], target_n: int) -> list[common.Figure]:
    reference = {r.sessions: r for r in results if r.target == common.REFERENCE.name}
    out: list[common.Figure] = []
    for r in results:
        ref = reference.get(r.sessions)
        if r.target == common.REFERENCE.name:
            continue
        details: dict[str, float | int | str] = {
            "reruns": len(r.latencies_s),
            "errors": r.errors,
            "throughput_per_s": round(r.throughput, 2),
            "server_cpu_s": round(r.cpu_s, 3),
            "rss_mb": round(r.rss_mb, 1),
        }
        gated = r.sessions == target_n
        out.append(
            common.Figure(
                f"load {r.target} N={r.sessions} p50",
                r.p50_ms,
                ref.p50_ms if ref else None,
                "ms",
                details=details,
            )
        )
        out.append(
            common.Figure(
                f"load {r.target} N={r.sessions} p95",
                r.p95_ms,
                ref.p95_ms if ref else None,
                "ms",
                target=f"ratio <= {P95_LIMIT:g}" if gated else "",
                limit=P95_LIMIT if gated else None,
            )
        )
        out.append(
            common.Figure(
                f"load {r.target} N={r.sessions} errors",
                float(r.errors),
                float(ref.errors) if ref else None,
                target="= 0" if gated else "",
                limit=0.0 if gated else None,
                compare="value",
            )
        )
        out.append(
            common.Figure(
                f"load {r.target} N={r.sessions} server CPU",
                r.cpu_s,
                ref.cpu_s if ref else None,
                "s",
            )
        )
        out.append(
            common.Figure(
                f"load {r.target} N={r.sessions} RSS", r.rss_mb, ref.rss_mb if ref else None, "MB"
            )
        )
    return out


def print_lines(results: Sequence[LoadResult]) -> None:
    print()
    for r in results:
        print(r.line())


def parser() -> argparse.ArgumentParser:
    p = common.arguments(__doc__, "every calculator page")
    p.add_argument("--sessions", nargs="*", type=int, default=[1, 10, 50])
    p.add_argument("--duration", type=float, default=30.0, help="timed seconds per page and N")
    p.add_argument(
        "--think", type=float, default=2.0, help="mean seconds between a reader's changes"
    )
    p.add_argument("--quick", action="store_true", help="N = 1, 5 for 5 s (tooling check)")
    return p


def main(argv: Sequence[str] | None = None) -> list[common.Figure]:
    args = parser().parse_args(argv)
    sessions, duration = ([1, 5], 5.0) if args.quick else (args.sessions, args.duration)
    settings = LoadSettings(duration_s=duration, think_s=args.think)
    results = run_matrix(common.page_targets(args.pages), sessions, settings)
    print_lines(results)
    out = figures(results, max(sessions))
    common.report("load", f"Concurrent sessions ({settings.describe()})", out)
    return out


if __name__ == "__main__":
    main()
