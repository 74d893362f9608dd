"""Figure 4: server memory. RSS with 1 and 20 open sessions, and growth over 500 reruns of one.

Sessions are the load generator's (`benchmarks.protocol`), each on the first calculator page.
Open sessions: one session opens and changes inputs a few times (so caches and lazy imports are
warm), RSS is read; 19 more do the same, RSS is read again. Cost per extra session = the
difference / 19 (target <= 2 MB). Growth: a fresh server, one session, 20 warm-up reruns, RSS,
500 more reruns, RSS (target < 10 MB). The reference app is measured the same way, for scale.

    python -m benchmarks.memory
    python -m benchmarks.memory --quick      # 1 and 5 sessions, 50 reruns: tooling check
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

from benchmarks import common
from benchmarks.protocol import StreamlitSession

SETTLE_S = 2.0
CHANGES_PER_SESSION = 4


async def open_sessions(
    server: common.Server, target: common.Target, count: int
) -> list[StreamlitSession]:
    sessions = []
    for _ in range(count):
        session = StreamlitSession(server.url, target.url_path)
        result = await session.open()
        if not result.ok:
            raise RuntimeError(f"{target.name}: could not open a session: {result.error}")
        for _ in range(CHANGES_PER_SESSION):
            changed = await session.change(target.drive)
            if not changed.ok:
                raise RuntimeError(f"{target.name}: rerun failed: {changed.error}")
        sessions.append(session)
    return sessions


def settled_rss(server: common.Server) -> float:
    time.sleep(SETTLE_S)
    return server.rss_mb()


async def sessions_rss(
    server: common.Server, target: common.Target, many: int
) -> tuple[float, float]:
    first = await open_sessions(server, target, 1)
    one = settled_rss(server)
    rest = await open_sessions(server, target, many - 1)
    everyone = settled_rss(server)
    await asyncio.gather(*(s.close() for s in first + rest))
    return one, everyone


async def rerun_growth(
    server: common.Server, target: common.Target, reruns: int
) -> tuple[float, float]:
    session = (await open_sessions(server, target, 1))[0]
    for _ in range(16):
        await session.change(target.drive)
    before = settled_rss(server)
    errors = 0
    for _ in range(reruns):
        errors += not (await session.change(target.drive)).ok
    after = settled_rss(server)
    await session.close()
    if errors:
        common.note(f"{target.name}: {errors} of {reruns} reruns failed")
    return before, after


def measure(target: common.Target, many: int, reruns: int) -> dict[str, float]:
    with common.serve(target.is_reference, label=f"memory-{target.name}") as server:
        one, everyone = asyncio.run(sessions_rss(server, target, many))
    with common.serve(target.is_reference, label=f"memory-{target.name}-reruns") as server:
        before, after = asyncio.run(rerun_growth(server, target, reruns))
    values = {
        "rss_1": one,
        f"rss_{many}": everyone,
        "per_session": (everyone - one) / (many - 1),
        "before": before,
        "after": after,
        "growth": after - before,
    }
    common.note(f"memory {target.name}: " + ", ".join(f"{k}={v:.1f} MB" for k, v in values.items()))
    return values


def figures(results: dict[str, dict[str, float]], many: int, reruns: int) -> list[common.Figure]:
    ref = results[common.REFERENCE.name]
    out = []
    for name, values in results.items():
        if name == common.REFERENCE.name:
            continue
        out.append(common.Figure(f"RSS {name}, 1 session", values["rss_1"], ref["rss_1"], "MB"))
        out.append(
            common.Figure(
                f"RSS {name}, {many} sessions", values[f"rss_{many}"], ref[f"rss_{many}"], "MB"
            )
        )
        out.append(
            common.Figure(
                f"RSS {name} per extra session",
                values["per_session"],
                ref["per_session"],
                "MB",
                "<= 2 MB",
                2.0,
                "value",
            )
        )
        out.append(
            common.Figure(
                f"RSS {name} growth over {reruns} reruns",
                values["growth"],
                ref["growth"],
                "MB",
                "< 10 MB",
                10.0,
                "value",
            )
        )
    return out


def main(argv: Sequence[str] | None = None) -> list[common.Figure]:
    p = common.arguments(__doc__, "every calculator page")
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--reruns", type=int, default=500)
    p.add_argument("--quick", action="store_true", help="5 sessions, 50 reruns (tooling check)")
    args = p.parse_args(argv)
    many, reruns = (5, 50) if args.quick else (args.sessions, args.reruns)
    targets = common.page_targets(args.pages)
    results = {t.name: measure(t, many, reruns) for t in (common.REFERENCE, *targets)}
    out = figures(results, many, reruns)
    common.report(
        "memory",
        f"Server memory (RSS; 1 vs {many} sessions; {reruns} reruns of one session)",
        out,
    )
    return out


if __name__ == "__main__":
    main()
