"""Which Streamlit runner/server options pay off: each flipped against `.streamlit/config.toml`.

For every candidate option, a server runs with the option set to the *other* value than the one
in config.toml (all else as configured) and the load benchmark drives one calculator page with
N readers; "as configured" runs the same way. Candidates and the baseline alternate over
`--rounds`, and the per-round figures are combined by median, so a busy machine hurts all alike.
The options that win belong in config.toml with the measured effect in a one-line comment.

    python -m benchmarks.tuning --sessions 10 --duration 20 --rounds 2
    python -m benchmarks.tuning --quick
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence

from benchmarks.common import (
    CONFIG_DIR,
    Figure,
    arguments,
    median,
    note,
    page_targets,
    report,
    serve,
)
from benchmarks.load import LoadResult, LoadSettings, run_one

# option -> (Streamlit's default, the alternative worth measuring)
CANDIDATES = {
    "runner.postScriptGC": ("true", "false"),
    "runner.fastReruns": ("true", "false"),
    "runner.magicEnabled": ("true", "false"),
    "server.fileWatcherType": ("auto", "none"),
    "server.enableWebsocketCompression": ("false", "true"),
}


def configured() -> dict[str, str]:
    """Each candidate option's value as `.streamlit/config.toml` sets it (else the default)."""
    with (CONFIG_DIR / "config.toml").open("rb") as handle:
        config = tomllib.load(handle)
    values = {}
    for option, (default, _) in CANDIDATES.items():
        section, name = option.split(".")
        value = config.get(section, {}).get(name, default)
        values[option] = str(value).lower() if isinstance(value, bool) else str(value)
    return values


def flipped(option: str, current: str) -> str:
    default, alternative = CANDIDATES[option]
    return alternative if current == default else default


def main(argv: Sequence[str] | None = None) -> list[Figure]:
    p = arguments(__doc__, "the first calculator page")
    p.add_argument("--sessions", type=int, default=10)
    p.add_argument("--duration", type=float, default=20.0)
    p.add_argument("--think", type=float, default=0.5)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--only", nargs="*", choices=sorted(CANDIDATES), help="candidates to measure")
    p.add_argument("--quick", action="store_true", help="3 readers, 5 s, 1 round (tooling check)")
    args = p.parse_args(argv)
    sessions, duration, rounds = (
        (3, 5.0, 1) if args.quick else (args.sessions, args.duration, args.rounds)
    )
    settings = LoadSettings(duration_s=duration, think_s=args.think)
    target = page_targets(args.pages)[0]
    now = configured()
    runs: dict[str, dict[str, str]] = {"as configured": {}}
    for option in args.only or CANDIDATES:
        runs[f"{option}={flipped(option, now[option])}"] = {option: flipped(option, now[option])}
    note(f"tuning on {target.name}: configured {now}")
    results: dict[str, list[LoadResult]] = {name: [] for name in runs}
    for round_index in range(rounds):
        for name, flags in runs.items():
            with serve(False, flags, label="tuning") as server:
                outcome = run_one(server, target, sessions, settings)
            note(f"round {round_index + 1} {name:<42} {outcome.line()}")
            for sample in outcome.error_samples:
                note(f"  error: {sample}")
            results[name].append(outcome)

    def combine(name: str) -> dict[str, float]:
        rs = results[name]
        return {
            "p50": median([r.p50_ms for r in rs]),
            "p95": median([r.p95_ms for r in rs]),
            "cpu": median([r.cpu_ms_per_rerun for r in rs]),
            "rss": median([r.rss_mb for r in rs]),
            "errors": float(sum(r.errors for r in rs)),
        }

    base = combine("as configured")
    out: list[Figure] = []
    for name in runs:
        got = combine(name)
        label = "as configured" if name == "as configured" else f"flip {name}"
        out.append(Figure(f"{label}: CPU per rerun", got["cpu"], base["cpu"], "ms"))
        out.append(Figure(f"{label}: p95", got["p95"], base["p95"], "ms"))
        out.append(Figure(f"{label}: RSS", got["rss"], base["rss"], "MB"))
        if got["errors"]:
            out.append(Figure(f"{label}: errors", got["errors"]))
    report(
        "tuning",
        f"Options flipped against config.toml ({target.name}, {sessions} readers, "
        f"{settings.describe()}, {rounds} round(s), medians)",
        out,
    )
    return out


if __name__ == "__main__":
    main()
