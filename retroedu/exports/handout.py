"""What goes on the patient handout: both calculators' results, the plan, safety and sources. Pure.

`compose` turns the calculators' view models, the words of `content/handout.md` and the weeks of
`content/getting_started.md` into a `Handout`. It computes nothing: the zones and the energy come
from the same `HeartView` and `CaloriesView` objects the screen draws.
Citation markers in the words become numbers into the handout's own source list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlparse

from retroedu.calculators.calories import CaloriesView
from retroedu.calculators.heart import HeartView
from retroedu.content.evidence import Reference, cited_keys
from retroedu.content.library import Library
from retroedu.exports.handout_pdf import (
    EnergyRow,
    Handout,
    Headings,
    Paper,
    Week,
    ZoneRow,
    plain_text,
)
from retroedu.models import energy
from retroedu.models import units as u

#: Weeks of the plan one handout prints: "the next four weeks", so the page stays readable.
WEEKS_SHOWN = 4


def source_text(ref: Reference) -> str:
    """A reference as one short printed line: who (year), where published, how to find it.

    Titles are left out to keep the page to one sheet; the QR code leads back to RetroEdu, whose
    References page lists every source in full. Web pages are named by their site.

    >>> from retroedu.content.evidence import LEVEL_BY_ID
    >>> source_text(Reference("k", "Kim KY, Choi JH, Lee S", 2001, "T", "J Rehab",
    ...     LEVEL_BY_ID["lab"], details="25(3):474-478", url="https://www.e-arm.org/x?y=1"))
    'Kim KY et al. (2001). J Rehab 25(3):474-478'
    >>> source_text(Reference("w", "STACK", None, "T", "STACK (magazine)", LEVEL_BY_ID["practice"],
    ...     url="https://www.stack.com/a/x"))
    'STACK (n.d.). STACK (magazine). stack.com'
    """
    site = urlparse(ref.url).netloc.removeprefix("www.")
    if ref.doi or ref.pmid:
        where = f"doi:{ref.doi}" if ref.doi else f"PMID {ref.pmid}"
    else:
        # An article is found by journal, volume and pages; a web page by its site.
        where = "" if ref.details or site.lower() in ref.journal.lower() else site
    details = f" {ref.details}" if ref.details else ""
    return ". ".join(part for part in (ref.short, f"{ref.journal}{details}", where) if part)


def _cite(keys: Sequence[str]) -> str:
    return " [" + "; ".join(f"@{key}" for key in keys) + "]" if keys else ""


def _four(labels: object) -> tuple[str, str, str, str]:
    """Four column labels from the front matter."""
    if not isinstance(labels, list) or len(labels) != 4:
        raise ValueError("content/handout.md: a table needs exactly four column labels.")
    first, second, third, fourth = (str(label) for label in labels)
    return first, second, third, fourth


def next_weeks(
    weeks: Sequence[Mapping[str, Any]], first_week: int, count: int = WEEKS_SHOWN
) -> list[Mapping[str, Any]]:
    """The `count` weeks of the plan from `first_week` on (fewer near the end of the plan).

    >>> [w["week"] for w in next_weeks([{"week": n} for n in range(1, 9)], 6)]
    [6, 7, 8]
    """
    numbers = [week.get("week") for week in weeks]
    if first_week not in numbers:
        raise ValueError(f"The plan has no week {first_week}; it runs from week 1 to {len(weeks)}.")
    return [week for week in weeks if first_week <= int(week["week"]) < first_week + count]


def compose(
    heart_view: HeartView | None,
    calories_view: CaloriesView | None,
    library: Library,
    *,
    link_url: str,
    first_week: int = 1,
    person: str = "",
    date: str = "",
    paper: Paper = "A4",
) -> Handout:
    """The handout for one person from the calculators' view models: the same zones (the same
    method, named) and the same energy figures the screen shows. A calculator left out (None)
    leaves its section out; nothing is filled in with values nobody entered."""
    if heart_view is None and calories_view is None:
        raise ValueError("A handout needs at least one calculator's results.")
    text = library.page("handout").page.meta
    weeks = library.page("getting_started").page.meta["weeks"]

    zones: tuple[ZoneRow, ...] = ()
    zones_note = settings_line = ""
    if heart_view is not None:
        view = heart_view
        model = view.zone_method
        zone_keys = list(model.citations)
        if view.measured:
            how = text["max_measured"]
        else:
            zone_keys.append(view.formula.citation)
            how = text["max_formula"].format(
                formula=view.formula.name, error=f"{view.formula.error_bpm:g}"
            )
        note_key = "zones_note_reserve" if model.basis == "reserve" else "zones_note_max"
        zones_note = text[note_key].format(cite=_cite(zone_keys))
        zones = tuple(
            ZoneRow(
                str(row["zone"]),
                str(row["name"]),
                str(row["pct_label"]),
                float(row["low_bpm"]),
                float(row["high_bpm"]),
                str(row["feel"]),
            )
            for row in view.hero.to_dict("records")
        )
        resting = view.inputs.resting_hr_bpm
        settings_line = text["settings_line"].format(
            age=f"{view.inputs.age_years:g}",
            max=f"{view.max_bpm:.0f}",
            how=how,
            resting="" if resting is None else text["resting_part"].format(resting=f"{resting:g}"),
        )

    energy_rows: list[EnergyRow] = []
    energy_note = ""
    if calories_view is not None:
        inputs = calories_view.inputs
        system = inputs.units
        grade = (
            text["level"] if inputs.grade_pct == 0 else text["grade"].format(grade=inputs.grade_pct)
        )
        for gait in calories_view.gaits:
            forward = calories_view.estimate(gait, "forward")
            backward = calories_view.estimate(gait, "backward")
            activity = text["activity"].format(
                gait=text["gaits"][gait],
                speed=u.format_speed(inputs.speed_kmh, system),
                grade=grade,
                minutes=f"{inputs.minutes:g}",
            )
            energy_rows.append(
                EnergyRow(
                    activity,
                    forward.session_kcal(inputs.minutes).central,
                    backward.session_kcal(inputs.minutes).central,
                )
            )
        energy_note = text["energy_note"].format(
            weight=u.format_weight(inputs.weight_kg, system),
            k_run=f"{energy.K_RUN.value:g}",
            k_walk=f"{energy.K_WALK.value:g}",
        )
        if any(
            e.extrapolated for e in calories_view.estimates if e.mode.gait in calories_view.gaits
        ):
            energy_note += text["extrapolated"]

    # The plan, then the checklist; their sources follow the zones' and the energy's.
    chosen = next_weeks(weeks, first_week)
    week_keys = [key for week in chosen for key in week.get("refs", [])]
    safety = [str(item) for item in text["safety"]]

    keys: list[str] = []
    for key in [
        *cited_keys(f"{zones_note} {energy_note}"),
        *cited_keys(text["weeks_note"]),
        *week_keys,
        *cited_keys(" ".join(safety)),
    ]:
        if key not in keys:
            keys.append(key)
    numbers = {key: number for number, key in enumerate(keys, start=1)}

    def plain(markdown: str) -> str:
        return plain_text(markdown, numbers)

    printed_weeks = tuple(
        Week(
            text["week_label"].format(week=week["week"]),
            plain(
                text["week_text"].format(
                    what=week["what"], minutes=week["minutes"], notes=week.get("notes", "")
                )
                + _cite([str(key) for key in week.get("refs", [])])
            ),
        )
        for week in chosen
    )
    headings = text["headings"]
    return Handout(
        title=text["document_title"],
        settings=settings_line,
        zones=zones,
        zones_note=plain(zones_note),
        energy=tuple(energy_rows),
        energy_note=plain(energy_note),
        weeks=printed_weeks,
        weeks_note=plain(text["weeks_note"]),
        safety=tuple(plain(item) for item in safety),
        link_url=link_url,
        sources=tuple(source_text(library.references[key]) for key in keys),
        disclaimer=" ".join(str(text["disclaimer"]).split()),
        person=" ".join(person.split()),
        date=date,
        paper=paper,
        headings=Headings(
            zones=headings["zones"],
            energy=headings["energy"],
            weeks=headings["weeks"],
            safety=headings["safety"],
            link=headings["link"],
            sources=headings["sources"],
            zone_columns=_four(text["zone_columns"]),
            energy_columns=_four(text["energy_columns"]),
            person=text["person_label"],
        ),
    )
