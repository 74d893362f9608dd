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

The sheet is in the library's language: its words come from that language's `handout.md`, its
numbers are written as that language writes them, and a sheet in another language than English
opens the app in its language (`lang` in the link).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any
from urllib.parse import urlparse

from retroedu import site
from retroedu.calculators.calories import CaloriesInputs, CaloriesView
from retroedu.calculators.heart import HeartInputs, HeartView
from retroedu.content.evidence import Reference, cited_keys
from retroedu.content.i18n import ENGLISH, SOURCE, Language
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
from retroedu.models import units as u

#: Weeks of the plan one handout prints: "the next four weeks", so the sheet stays readable.
WEEKS_SHOWN = 4
#: The sections a physiotherapist can put on the sheet, in the order they print.
SECTIONS = ("zones", "energy", "plan", "safety")
#: The calculator page whose settings each calculator section prints.
SECTION_PAGE = {"zones": "heart-rate", "energy": "calories"}


PARENTHESES = re.compile(r"\s*\([^)]*\)")
ACRONYM = re.compile(r"\(([A-Z]{2,})\)")


def _who(authors: str) -> str:
    """The authors in short: the first and "et al." for three or more (or where the list says
    "et al."), asides in parentheses left out, an organisation by its acronym if it has one.

    >>> _who("Roos PE, Barton N, van Deursen RWM"), _who("Garber CE, et al. (ACSM position stand)")
    ('Roos PE et al.', 'Garber CE et al.')
    >>> _who("National Institute for Health and Care Excellence (NICE)"), _who("Wright S, Weyand PG")
    ('NICE', 'Wright S, Weyand PG')
    """
    acronym = ACRONYM.search(authors)
    if acronym:
        return acronym.group(1)
    names = [name for name in PARENTHESES.sub("", authors).split(", ") if name]
    if len(names) > 2 or any(name.startswith("et al") for name in names):
        return f"{names[0].removesuffix(',')} et al."
    return ", ".join(names)


def source_text(ref: Reference, lang: Language = ENGLISH) -> str:
    """A reference in short form, for the back of the sheet: authors (et al.), year, journal,
    volume and pages, and the PMID or DOI (the PMID, shorter, when there are both).

    Titles are left out to keep the list short; RetroEdu's References page lists every source in
    full. Web pages are named by their site.

    >>> from retroedu.content.evidence import LEVEL_BY_ID
    >>> source_text(Reference("k", "Kim KY, Choi JH, Lee S", 2001, "T", "J Rehab",
    ...     LEVEL_BY_ID["lab"], details="25(3):474-478", url="https://www.e-arm.org/x?y=1"))
    'Kim KY et al., 2001. J Rehab 25:474-478'
    >>> source_text(Reference("w", "STACK magazine (no byline)", None, "T", "STACK (magazine)",
    ...     LEVEL_BY_ID["practice"], url="https://www.stack.com/a/x"))
    'STACK magazine, n.d. Magazine'
    >>> source_text(Reference("t", "Tanaka H, Monahan KD, Seals DR", 2001, "T", "J Am Coll Cardiol",
    ...     LEVEL_BY_ID["review"], details="37(1):153-156", doi="10.1016/x", pmid="11153730"))
    'Tanaka H et al., 2001. J Am Coll Cardiol 37:153-156. PMID 11153730'
    """
    who = f"{_who(ref.authors)}, {ref.year_text(lang)}"
    site_name = re.sub(r"^www\d*\.", "", urlparse(ref.url).netloc)
    journal = PARENTHESES.sub("", ref.journal).strip()
    # Volume and pages without the issue: "35(3):307-315" -> "35:307-315".
    details = PARENTHESES.sub("", ref.details).strip()
    if ref.pmid or ref.doi:
        where = f"PMID {ref.pmid}" if ref.pmid else f"doi:{ref.doi}"
    else:
        # An article is found by journal, volume and pages; a web page by its site.
        # A site named like its authors ("Lori Michiel Fitness", lorimichielfitness.com) is
        # found by that name.
        squeezed = re.sub(r"[^a-z0-9]", "", who.lower())
        host = site_name.lower().rsplit(".", 1)[0]
        where = "" if details or host.replace(".", "") in squeezed else site_name
    # A journal that only repeats the authors or the site adds nothing but what kind of page it
    # is: "NICE (guideline)" by NICE is a "Guideline".
    if not details and (
        journal.lower() in who.lower() or journal.lower().removesuffix(".com") in site_name
    ):
        kind = re.search(r"\(([^)]*)\)", ref.journal)
        journal = kind.group(1)[:1].upper() + kind.group(1)[1:] if kind else ""
    published = f"{journal} {details}".strip()
    text = ""
    for part in (who, published, where):
        if part:
            text = f"{text}{' ' if text.endswith('.') else '. '}{part}" if text else part
    return text


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


def _setting(key: str, value: object, system: str, lang: Language = ENGLISH) -> tuple[str, str]:
    """One setting by its field's label, as a link carries it and as a person reads it, in
    `lang` (a choice as its label in `lang`, which the app reads back in any language)."""
    field = fields.FIELDS[key]
    if isinstance(field, fields.NumberField) and isinstance(value, float | int):
        text = field.text(float(value))
        unit = lang._(field.unit_for(system))
        shown = lang.number(float(value), None)
        return text, f"{shown} {unit}" if unit else shown
    if isinstance(field, fields.ChoiceField) and isinstance(value, str):
        label = lang._(field.labels[value])
        return label, label
    raise ValueError(f"The handout cannot print the setting {key!r} = {value!r}.")


def _settings(
    heart_inputs: HeartInputs | None,
    calorie_inputs: CaloriesInputs | None,
    lang: Language = ENGLISH,
) -> list[tuple[str, dict[str, tuple[str, str]]]]:
    """Every setting of the calculators given, page by page: (page key, {URL key: (link text,
    shown text)}). Defaults are written too, so the link and the sheet stand on their own."""
    found: list[tuple[str, dict[str, tuple[str, str]]]] = []
    if heart_inputs is not None:
        found.append(
            (
                SECTION_PAGE["zones"],
                {
                    key: _setting(key, getattr(heart_inputs, name), "metric", lang)
                    for name, key in HeartInputs.KEYS.items()
                    if getattr(heart_inputs, name) is not None
                },
            )
        )
    if calorie_inputs is not None:
        system = calorie_inputs.units
        values = {
            key: _setting(key, getattr(calorie_inputs, name), system, lang)
            for name, key in CaloriesInputs.KEYS.items()
        }
        values["units"] = _setting("units", system, system, lang)
        found.append((SECTION_PAGE["energy"], values))
    return found


def sheet_link(
    base_url: str,
    page_key: str,
    heart_inputs: HeartInputs | None,
    calorie_inputs: CaloriesInputs | None,
    lang: Language = ENGLISH,
) -> str:
    """The address that reopens the sheet's settings on page `page_key`: every setting of the
    calculators printed, defaults included, and the sheet's language unless it is English (an
    English sheet leaves the language to the phone).

    >>> sheet_link("https://r.example.org", "heart-rate", HeartInputs(age_years=68), None)
    'https://r.example.org/heart-rate?age=68&sex=Not+given&formula=Tanaka'
    """
    params = {
        key: link
        for _, values in _settings(heart_inputs, calorie_inputs, lang)
        for key, (link, _) in values.items()
    }
    if lang.code != SOURCE:
        params["lang"] = lang.code
    return page_url(base_url, page_key, params)


def _zones(
    view: HeartView, text: Mapping[str, Any], *, note: bool = True, lang: Language = ENGLISH
) -> Zones:
    """The zones section from the view's hero table; its lines keep their citation markers: the
    method's sources on the method line, the formula's on the maximum heart rate. With `note`,
    the note on steering by heart rate rather than pace."""
    model = view.zone_method
    if view.problem:
        raise ValueError(view.problem_in(lang))
    hero = view.hero.to_dict("records")
    if view.measured:
        how, formula_keys = text["max_measured"], []
    else:
        # The screen's "95 % range", not the formula's error (half of it): one figure for both.
        how = text["max_formula"].format(
            formula=view.formula.name, range=tables.range_text(*view.band_bpm, lang=lang)
        )
        formula_keys = [view.formula.citation]
    resting = view.inputs.resting_hr_bpm
    maximum = text["max_line_reserve" if model.basis == "reserve" else "max_line_max"].format(
        max=lang.number(view.max_bpm, 0),
        how=how,
        resting="" if resting is None else lang.number(resting),
        cite=_cite(formula_keys),
    )
    # Zone names as the screen's table has them (the sheet a patient takes home says what the
    # physiotherapist showed), and each zone's talk test from the same model.
    rows = tuple(
        ZoneRow(
            lang._(str(row["zone"])),
            lang._(str(row["name"])),
            str(row["pct_label"]),
            float(row["low_bpm"]),
            float(row["high_bpm"]),
            lang._(band.talk),
        )
        for row, band in zip(hero, model.bands, strict=True)
    )
    method = text["method_line"].format(
        method=text["method_names"][view.method], cite=_cite(list(model.citations))
    )
    return Zones(method=method, maximum=maximum, note=text["zones_note"] if note else "", rows=rows)


def _energy(view: CaloriesView, text: Mapping[str, Any]) -> Energy:
    """The energy section: the session it is for, the rows (the calorie page's table, for the
    gaits that make sense at the speed) and the note with citation markers, in the view's
    language."""
    inputs, lang = view.inputs, view.lang
    system = inputs.units
    table = {row["mode"]: row for row in tables.comparison_table(view).to_dict("records")}
    rows = []
    for gait in view.gaits:
        forward = view.estimate(gait, "forward")
        backward = view.estimate(gait, "backward")
        activity = text["activity"].format(
            gait=text["gaits"][gait], speed=u.format_speed(inputs.speed_kmh, system, lang=lang)
        )
        ahead, back = (table[lang._(e.mode.label)] for e in (forward, backward))
        rows.append(
            EnergyRow(
                activity,
                float(ahead["session_kcal"]),
                float(back["session_kcal"]),
                float(back["vs_forward_pct"]),
            )
        )
    intro = text["energy_intro"].format(
        minutes=lang.number(inputs.minutes),
        grade=_grade(inputs, text, lang),
        weight=u.format_weight(inputs.weight_kg, system, lang),
    )
    note = text["energy_note"]
    if any(e.extrapolated for e in view.estimates if e.mode.gait in view.gaits):
        note += text["extrapolated"]
    return Energy(intro=intro, note=note, rows=tuple(rows))


def _grade(inputs: CaloriesInputs, text: Mapping[str, Any], lang: Language = ENGLISH) -> str:
    """The slope in words: "level ground" or "+5 % grade" (a decimal as `lang` writes it)."""
    return str(
        text["level"]
        if inputs.grade_pct == 0
        else text["grade"].format(grade=lang.num(inputs.grade_pct))
    )


def settings_line(
    heart_view: HeartView | None,
    calories_view: CaloriesView | None,
    text: Mapping[str, Any],
    lang: Language = ENGLISH,
) -> str:
    """The header's one line of settings, for the calculators whose sections are printed: "Age 68,
    female, resting 72 bpm  ·  82 kg at 3.0 km/h, level ground, 10 min". Empty when neither is
    printed."""
    parts = []
    if heart_view is not None:
        heart = heart_view.inputs
        sex = fields.FIELDS["sex"]
        assert isinstance(sex, fields.ChoiceField)
        parts.append(
            text["settings_zones"].format(
                age=lang.number(heart.age_years),
                sex=""
                if heart.sex == "unspecified"
                else text["sex_part"].format(sex=lang._(sex.labels[heart.sex]).lower()),
                resting=""
                if heart.resting_hr_bpm is None
                else text["resting_part"].format(resting=lang.number(heart.resting_hr_bpm)),
            )
        )
    if calories_view is not None:
        inputs = calories_view.inputs
        parts.append(
            text["settings_energy"].format(
                weight=u.format_weight(inputs.weight_kg, inputs.units, lang),
                speed=u.format_speed(inputs.speed_kmh, inputs.units, lang=lang),
                grade=_grade(inputs, text, lang),
                minutes=lang.number(inputs.minutes),
            )
        )
    return text["settings_line"].format(parts="  \u00b7  ".join(parts)) if parts else ""


def section_values(
    heart_view: HeartView | None,
    calories_view: CaloriesView | None,
    library: Library,
    first_week: int = 1,
) -> dict[str, str]:
    """What each available section will print, in a few words for the physiotherapist: "age 68,
    resting 72, % of heart-rate reserve (Karvonen method)" or "82 kg, 3.0 km/h, level ground,
    10 min". Formatted as the sheet formats them, in the library's language."""
    lang = library.lang
    text = library.page("handout").page.meta
    say = text["section_values"]
    found: dict[str, str] = {}
    for key in available(heart_view, calories_view):
        if key == "zones" and heart_view is not None:
            resting = heart_view.inputs.resting_hr_bpm
            found[key] = say["zones"].format(
                age=lang.number(heart_view.inputs.age_years),
                resting=""
                if resting is None
                else say["zones_resting"].format(resting=lang.number(resting)),
                method=text["method_names"][heart_view.method],
            )
        elif key == "energy" and calories_view is not None:
            inputs = calories_view.inputs
            found[key] = say["energy"].format(
                weight=u.format_weight(inputs.weight_kg, inputs.units, lang),
                speed=u.format_speed(inputs.speed_kmh, inputs.units, lang=lang),
                grade=_grade(inputs, text, lang),
                minutes=lang.number(inputs.minutes),
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
    is filled in with values nobody entered. The sheet is in the library's language (give a
    `calories_view` made with that language's words).
    """
    lang = library.lang
    chosen = available(heart_view, calories_view) if sections is None else tuple(sections)
    unknown = [key for key in chosen if key not in SECTIONS]
    if unknown:
        raise ValueError(f"Unknown handout section(s): {', '.join(unknown)}.")
    if not chosen:
        raise ValueError("A handout needs at least one section; tick one.")
    text = library.page("handout").page.meta

    zones: Zones | None = None
    if "zones" in chosen:
        if heart_view is None:
            raise ValueError("The heart-rate zones need the heart-rate calculator's settings.")
        # The checklist's "judge effort by heart rate" says what the zones' note says.
        zones = _zones(heart_view, text, note="safety" not in chosen, lang=lang)
    energy_section: Energy | None = None
    if "energy" in chosen:
        if calories_view is None:
            raise ValueError("The energy comparison needs the calorie calculator's settings.")
        energy_section = _energy(calories_view, text)
    all_weeks = library.page("getting_started").page.meta["weeks"]
    chosen_weeks = next_weeks(all_weeks, first_week) if "plan" in chosen else []
    week_words = text["week_words"]
    missing = [week["week"] for week in all_weeks if week["week"] not in week_words]
    if missing:
        raise ValueError(f"content/handout.md: week_words has no words for week(s) {missing}.")
    safety = [str(item) for item in text["safety"]] if "safety" in chosen else []

    # Sources in order of first citation: zones, energy, the plan, then the checklist.
    zone_words = "" if zones is None else f"{zones.method} {zones.maximum} {zones.note}"
    energy_words = "" if energy_section is None else energy_section.note
    keys: list[str] = []
    for key in [
        *cited_keys(f"{zone_words} {energy_words}"),
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
                    text["week_label"].format(week=week["week"], minutes=week["minutes"]),
                    plain(
                        text["week_text"].format(
                            what=week_words[week["week"]],
                            cite=_cite([str(key) for key in week.get("refs", [])]),
                        )
                    ),
                )
                for week in chosen_weeks
            ),
        )
        if chosen_weeks
        else None
    )

    printed_heart = heart_view if zones is not None else None
    printed_calories = calories_view if energy_section is not None else None
    heart_inputs = None if printed_heart is None else printed_heart.inputs
    calorie_inputs = None if printed_calories is None else printed_calories.inputs
    value = text["reentry_value"]
    written = tuple(
        text["reentry_page"].format(
            page=lang._(site.page(key).title),
            values="; ".join(
                value.format(label=lang._(fields.FIELDS[name].label), value=shown)
                for name, (_, shown) in values.items()
            ),
        )
        for key, values in _settings(heart_inputs, calorie_inputs, lang)
    )
    link = (
        sheet_link(base_url, page_key, heart_inputs, calorie_inputs, lang)
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
        zones=None
        if zones is None
        else dataclasses.replace(
            zones,
            method=plain(zones.method),
            maximum=plain(zones.maximum),
            note=plain(zones.note),
        ),
        energy=None
        if energy_section is None
        else dataclasses.replace(energy_section, note=plain(energy_section.note)),
        plan=plan,
        safety=tuple(plain(item) for item in safety),
        reentry=reentry,
        sources=tuple(source_text(library.references[key], lang) for key in keys),
        person=" ".join(person.split()),
        date=date,
        # Without a link the settings are written out in full; the one line would repeat them.
        settings=settings_line(printed_heart, printed_calories, text, lang) if link else "",
        paper=paper,
        large_print=large_print,
        headings=Headings(
            zones=headings["zones"],
            energy=headings["energy"],
            weeks=headings["weeks"],
            safety=headings["safety"],
            sources=headings["sources"],
            zone_columns=_four(text["zone_columns"], share=text["share_columns"][basis]),
            energy_columns=_four(text["energy_columns"]),
            person=text["person_label"],
            back=text["footer_back"],
            continued=text["footer_continued"],
            sources_note=" ".join(str(text["sources_note"]).split()),
        ),
        lang=lang.code,
    )
