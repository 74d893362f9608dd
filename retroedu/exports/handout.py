"""What goes on the patient handout: the sections the physiotherapist chose. Pure.

`compose` turns the calculators' view models, the words of `content/handout.md` and the weeks of
`content/getting_started.md` into a `Handout`. It computes nothing: the zones are the screen's
hero table (the same method, named), the energy figures are the calorie page's, for the gaits that
make sense at the chosen speed. A section is printed only when chosen, and a calculator section
only when that calculator's results are given: nothing is filled in with values nobody entered.
Citation markers in the words become numbers into the handout's own source list, which holds only
the sources of the sections printed.

The QR code and link open the same settings at the address a phone can reach (`base_url`, or
None when there is none: then the sheet only writes the settings out).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Any
from urllib.parse import urlparse

from retroedu import site
from retroedu.calculators.calories import CaloriesInputs, CaloriesView
from retroedu.calculators.heart import HeartInputs, HeartView
from retroedu.content.evidence import Reference, cited_keys
from retroedu.content.library import Library
from retroedu.exports import tables
from retroedu.exports.handout_pdf import (
    Energy,
    EnergyRow,
    Handout,
    Headings,
    Paper,
    Plan,
    Reentry,
    Week,
    ZoneRow,
    Zones,
    plain_text,
)
from retroedu.links import fields
from retroedu.links.urls import page_url
from retroedu.models import energy
from retroedu.models import units as u

#: Weeks of the plan one handout prints: "the next four weeks", so the sheet stays readable.
WEEKS_SHOWN = 4
#: The sections a physiotherapist can put on the sheet, in the order they print.
SECTIONS = ("zones", "energy", "plan", "safety")
#: The calculator page whose settings each calculator section prints.
SECTION_PAGE = {"zones": "heart-rate", "energy": "calories"}


def source_text(ref: Reference) -> str:
    """A reference as one short printed line: who (year), where published, how to find it.

    Titles are left out to keep the list short; the QR code leads back to RetroEdu, whose
    References page lists every source in full. Web pages are named by their site.

    >>> from retroedu.content.evidence import LEVEL_BY_ID
    >>> source_text(Reference("k", "Kim KY, Choi JH, Lee S", 2001, "T", "J Rehab",
    ...     LEVEL_BY_ID["lab"], details="25(3):474-478", url="https://www.e-arm.org/x?y=1"))
    'Kim KY et al. (2001). J Rehab 25(3):474-478'
    >>> source_text(Reference("w", "STACK", None, "T", "STACK (magazine)", LEVEL_BY_ID["practice"],
    ...     url="https://www.stack.com/a/x"))
    'STACK (n.d.). STACK (magazine). stack.com'
    """
    site_name = urlparse(ref.url).netloc.removeprefix("www.")
    if ref.doi or ref.pmid:
        where = f"doi:{ref.doi}" if ref.doi else f"PMID {ref.pmid}"
    else:
        # An article is found by journal, volume and pages; a web page by its site.
        where = "" if ref.details or site_name.lower() in ref.journal.lower() else site_name
    details = f" {ref.details}" if ref.details else ""
    return ". ".join(part for part in (ref.short, f"{ref.journal}{details}", where) if part)


def _cite(keys: Sequence[str]) -> str:
    return " [" + "; ".join(f"@{key}" for key in keys) + "]" if keys else ""


def _four(labels: object, **values: str) -> tuple[str, str, str, str]:
    """Four column labels from the front matter, their {placeholders} filled in."""
    if not isinstance(labels, list) or len(labels) != 4:
        raise ValueError("content/handout.md: a table needs exactly four column labels.")
    first, second, third, fourth = (str(label).format(**values) for label in labels)
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


def available(heart_view: HeartView | None, calories_view: CaloriesView | None) -> tuple[str, ...]:
    """The sections these results can fill: the zones with heart-rate results that give zones,
    the energy with calorie results, the plan and the checklist always.

    >>> available(None, None)
    ('plan', 'safety')
    """
    have = {
        "zones": heart_view is not None and not heart_view.problem,
        "energy": calories_view is not None,
    }
    return tuple(key for key in SECTIONS if have.get(key, True))


def file_name(day: dt.date, paper: Paper, large_print: bool) -> str:
    """The downloaded file's name: the date and the paper, never the person's name.

    >>> file_name(dt.date(2026, 3, 9), "Letter", True)
    'retroedu-handout-2026-03-09-letter-large-print.pdf'
    """
    size = "-large-print" if large_print else ""
    return f"retroedu-handout-{day.isoformat()}-{paper.lower()}{size}.pdf"


def _setting(key: str, value: object, system: str) -> tuple[str, str]:
    """One setting by its field's label, as a link carries it and as a person reads it."""
    field = fields.FIELDS[key]
    if isinstance(field, fields.NumberField) and isinstance(value, float | int):
        text = field.text(float(value))
        unit = field.unit_for(system)
        return text, f"{text} {unit}" if unit else text
    if isinstance(field, fields.ChoiceField) and isinstance(value, str):
        return field.text(value), field.labels[value]
    raise ValueError(f"The handout cannot print the setting {key!r} = {value!r}.")


def _settings(
    heart_inputs: HeartInputs | None, calorie_inputs: CaloriesInputs | None
) -> list[tuple[str, dict[str, tuple[str, str]]]]:
    """Every setting of the calculators given, page by page: (page key, {URL key: (link text,
    shown text)}). Defaults are written too, so the link and the sheet stand on their own."""
    found: list[tuple[str, dict[str, tuple[str, str]]]] = []
    if heart_inputs is not None:
        found.append(
            (
                SECTION_PAGE["zones"],
                {
                    key: _setting(key, getattr(heart_inputs, name), "metric")
                    for name, key in HeartInputs.KEYS.items()
                    if getattr(heart_inputs, name) is not None
                },
            )
        )
    if calorie_inputs is not None:
        system = calorie_inputs.units
        values = {
            key: _setting(key, getattr(calorie_inputs, name), system)
            for name, key in CaloriesInputs.KEYS.items()
        }
        values["units"] = _setting("units", system, system)
        found.append((SECTION_PAGE["energy"], values))
    return found


def sheet_link(
    base_url: str,
    page_key: str,
    heart_inputs: HeartInputs | None,
    calorie_inputs: CaloriesInputs | None,
) -> str:
    """The address that reopens the sheet's settings on page `page_key`: every setting of the
    calculators printed, defaults included.

    >>> sheet_link("https://r.example.org", "heart-rate", HeartInputs(age_years=68), None)
    'https://r.example.org/heart-rate?age=68&sex=Not+given&formula=Tanaka'
    """
    params = {
        key: link
        for _, values in _settings(heart_inputs, calorie_inputs)
        for key, (link, _) in values.items()
    }
    return page_url(base_url, page_key, params)


def _zones(view: HeartView, text: Mapping[str, Any]) -> Zones:
    """The zones section from the view's hero table; its note keeps its citation markers."""
    model = view.zone_method
    if view.problem:
        raise ValueError(view.problem)
    words = text["zone_words"].get(view.method)
    hero = view.hero.to_dict("records")
    if not isinstance(words, list) or len(words) != len(hero):
        raise ValueError(
            f"content/handout.md: zone_words needs one name and talk test per zone of {view.method}."
        )
    zone_keys = list(model.citations)
    if view.measured:
        how = text["max_measured"]
    else:
        zone_keys.append(view.formula.citation)
        how = text["max_formula"].format(
            formula=view.formula.name, error=f"{view.formula.error_bpm:g}"
        )
    note_key = "zones_note_reserve" if model.basis == "reserve" else "zones_note_max"
    note = text[note_key].format(cite=_cite(zone_keys))
    resting = view.inputs.resting_hr_bpm
    settings = text["settings_line"].format(
        age=f"{view.inputs.age_years:g}",
        max=f"{view.max_bpm:.0f}",
        how=how,
        resting="" if resting is None else text["resting_part"].format(resting=f"{resting:g}"),
    )
    rows = tuple(
        ZoneRow(
            str(row["zone"]),
            str(word["name"]),
            str(row["pct_label"]),
            float(row["low_bpm"]),
            float(row["high_bpm"]),
            str(word["talk"]),
        )
        for row, word in zip(hero, words, strict=True)
    )
    method = text["method_line"].format(method=text["method_names"][view.method])
    return Zones(method=method, settings=settings, note=note, rows=rows)


def _energy(view: CaloriesView, text: Mapping[str, Any]) -> tuple[tuple[EnergyRow, ...], str]:
    """The energy rows (the calorie page's table, for the gaits that make sense at the speed)
    and the note with citation markers."""
    inputs = view.inputs
    system = inputs.units
    grade = text["level"] if inputs.grade_pct == 0 else text["grade"].format(grade=inputs.grade_pct)
    table = {row["mode"]: row for row in tables.comparison_table(view).to_dict("records")}
    rows = []
    for gait in view.gaits:
        forward = view.estimate(gait, "forward")
        backward = view.estimate(gait, "backward")
        activity = text["activity"].format(
            gait=text["gaits"][gait],
            speed=u.format_speed(inputs.speed_kmh, system),
            grade=grade,
            minutes=f"{inputs.minutes:g}",
        )
        rows.append(
            EnergyRow(
                activity,
                float(table[forward.mode.label]["session_kcal"]),
                float(table[backward.mode.label]["session_kcal"]),
                float(table[backward.mode.label]["vs_forward_pct"]),
            )
        )
    note = text["energy_note"].format(
        weight=u.format_weight(inputs.weight_kg, system),
        k_run=f"{energy.K_RUN.value:g}",
        k_walk=f"{energy.K_WALK.value:g}",
    )
    if any(e.extrapolated for e in view.estimates if e.mode.gait in view.gaits):
        note += text["extrapolated"]
    return tuple(rows), note


def section_values(
    heart_view: HeartView | None,
    calories_view: CaloriesView | None,
    library: Library,
    first_week: int = 1,
) -> dict[str, str]:
    """What each available section will print, in a few words for the physiotherapist: "age 68,
    resting 72, % of heart-rate reserve (Karvonen method)" or "82 kg, 3.0 km/h, level ground,
    10 min". Formatted as the sheet formats them."""
    text = library.page("handout").page.meta
    say = text["section_values"]
    found: dict[str, str] = {}
    for key in available(heart_view, calories_view):
        if key == "zones" and heart_view is not None:
            resting = heart_view.inputs.resting_hr_bpm
            found[key] = say["zones"].format(
                age=f"{heart_view.inputs.age_years:g}",
                resting=""
                if resting is None
                else say["zones_resting"].format(resting=f"{resting:g}"),
                method=text["method_names"][heart_view.method],
            )
        elif key == "energy" and calories_view is not None:
            inputs = calories_view.inputs
            grade = (
                text["level"]
                if inputs.grade_pct == 0
                else text["grade"].format(grade=inputs.grade_pct)
            )
            found[key] = say["energy"].format(
                weight=u.format_weight(inputs.weight_kg, inputs.units),
                speed=u.format_speed(inputs.speed_kmh, inputs.units),
                grade=grade,
                minutes=f"{inputs.minutes:g}",
            )
        elif key == "plan":
            weeks = next_weeks(library.page("getting_started").page.meta["weeks"], first_week)
            modes = dict.fromkeys(text["modes"][week["mode"]] for week in weeks)
            found[key] = say["plan"].format(
                first=weeks[0]["week"], last=weeks[-1]["week"], modes=", ".join(modes)
            )
        elif key == "safety":
            found[key] = say["safety"].format(count=len(text["safety"]))
    return found


def compose(
    heart_view: HeartView | None,
    calories_view: CaloriesView | None,
    library: Library,
    *,
    page_key: str,
    base_url: str | None,
    sections: Collection[str] | None = None,
    first_week: int = 1,
    person: str = "",
    date: str = "",
    paper: Paper = "A4",
    large_print: bool = False,
) -> Handout:
    """The handout from the calculators' view models: the `sections` chosen (by default every
    section these results can fill), the link to page `page_key` at `base_url` (None: no QR code,
    the settings written out instead).

    A calculator section chosen without that calculator's results raises `ValueError`: nothing
    is filled in with values nobody entered.
    """
    chosen = available(heart_view, calories_view) if sections is None else tuple(sections)
    unknown = [key for key in chosen if key not in SECTIONS]
    if unknown:
        raise ValueError(f"Unknown handout section(s): {', '.join(unknown)}.")
    if not chosen:
        raise ValueError("A handout needs at least one section; tick one.")
    text = library.page("handout").page.meta

    zones: Zones | None = None
    energy_note = ""
    if "zones" in chosen:
        if heart_view is None:
            raise ValueError("The heart-rate zones need the heart-rate calculator's settings.")
        zones = _zones(heart_view, text)
    zones_note = "" if zones is None else zones.note
    energy_rows: tuple[EnergyRow, ...] = ()
    if "energy" in chosen:
        if calories_view is None:
            raise ValueError("The energy comparison needs the calorie calculator's settings.")
        energy_rows, energy_note = _energy(calories_view, text)
    chosen_weeks = (
        next_weeks(library.page("getting_started").page.meta["weeks"], first_week)
        if "plan" in chosen
        else []
    )
    safety = [str(item) for item in text["safety"]] if "safety" in chosen else []

    # Sources in order of first citation: zones, energy, the plan, then the checklist.
    keys: list[str] = []
    for key in [
        *cited_keys(f"{zones_note} {energy_note}"),
        *(cited_keys(text["weeks_note"]) if chosen_weeks else []),
        *[key for week in chosen_weeks for key in week.get("refs", [])],
        *cited_keys(" ".join(safety)),
    ]:
        if key not in keys:
            keys.append(key)
    numbers = {key: number for number, key in enumerate(keys, start=1)}

    def plain(markdown: str) -> str:
        return plain_text(markdown, numbers)

    plan = (
        Plan(
            note=plain(text["weeks_note"]),
            weeks=tuple(
                Week(
                    text["week_label"].format(week=week["week"]),
                    plain(
                        text["week_text"].format(what=week["what"], minutes=week["minutes"])
                        + _cite([str(key) for key in week.get("refs", [])])
                    ),
                )
                for week in chosen_weeks
            ),
        )
        if chosen_weeks
        else None
    )

    printed_heart = heart_view.inputs if zones is not None and heart_view is not None else None
    printed_calories = calories_view.inputs if energy_rows and calories_view is not None else None
    value = text["reentry_value"]
    written = tuple(
        text["reentry_page"].format(
            page=site.page(key).title,
            values="; ".join(
                value.format(label=fields.FIELDS[name].label, value=shown)
                for name, (_, shown) in values.items()
            ),
        )
        for key, values in _settings(printed_heart, printed_calories)
    )
    link = (
        sheet_link(base_url, page_key, printed_heart, printed_calories)
        if base_url is not None
        else ""
    )
    # With a link, the QR code reopens the settings; without one, they are written out to be
    # entered again by hand. Nothing to reopen without either (plan and checklist made where
    # phones cannot reach RetroEdu).
    if link:
        reentry: Reentry | None = Reentry(link, text["reentry_link"], ())
    elif written:
        reentry = Reentry("", " ".join(str(text["reentry_no_link"]).split()), written)
    else:
        reentry = None

    headings = text["headings"]
    basis = "max" if heart_view is None else heart_view.zone_method.basis
    return Handout(
        title=text["document_title"],
        disclaimer=" ".join(str(text["disclaimer"]).split()),
        zones=None if zones is None else dataclasses.replace(zones, note=plain(zones.note)),
        energy=Energy(note=plain(energy_note), rows=energy_rows) if energy_rows else None,
        plan=plan,
        safety=tuple(plain(item) for item in safety),
        reentry=reentry,
        sources=tuple(source_text(library.references[key]) for key in keys),
        person=" ".join(person.split()),
        date=date,
        paper=paper,
        large_print=large_print,
        headings=Headings(
            zones=headings["zones"],
            energy=headings["energy"],
            weeks=headings["weeks"],
            safety=headings["safety"],
            link=headings["link"],
            sources=headings["sources"],
            zone_columns=_four(text["zone_columns"], share=text["share_columns"][basis]),
            energy_columns=_four(text["energy_columns"]),
            person=text["person_label"],
            page=text["page_footer"],
            turn_over=text["turn_over"],
            sources_on=text["sources_on"],
        ),
    )
