"""The team's zones as a table for the screen and as a CSV file, drawn from the `TeamView`. Pure.

Every number comes from each athlete's `HeartView`, the object the heart-rate calculator draws,
so the team sheet, the cards and the calculator cannot disagree. A CSV cell that starts with
= + - @ (or a tab or carriage return) is prefixed with an apostrophe, so a name such as
`=HYPERLINK(...)` is shown as text by a spreadsheet, never run as a formula.

>>> from retroedu.calculators.team import read_roster, team_view
>>> team = team_view(read_roster("name,age\\n=1+1,40\\n"))
>>> row = team_table(team).loc[0, ["name", "max_hr_bpm", "zone_1_low_bpm", "zone_5_high_bpm"]]
>>> [str(value) for value in row]
['=1+1', '180.0', '90.0', '180.0']
>>> team_csv(team).decode("utf-8-sig").splitlines()[1].split(",")[:3]
['2', "'=1+1", '40.0']
"""

from __future__ import annotations

import pandas as pd

from retroedu.calculators.team import TEMPLATE_COLUMNS, TeamView, zone_names
from retroedu.content.i18n import ENGLISH, N_, Language
from retroedu.exports.tables import EN_DASH, csv_bytes
from retroedu.links import fields

#: Column names of the team's CSV beyond the calculator's (tables.CSV_HEADERS), for the catalogue.
TEAM_HEADERS = (N_("row"), N_("zone_{number}_low_bpm"), N_("zone_{number}_high_bpm"))
#: First characters a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: object) -> object:
    """A text cell a spreadsheet will show as text; other values unchanged.

    >>> neutralised("=HYPERLINK(1)"), neutralised("@SUM"), neutralised("Ana"), neutralised(-1.0)
    ("'=HYPERLINK(1)", "'@SUM", 'Ana', -1.0)
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def team_table(team: TeamView, lang: Language = ENGLISH) -> pd.DataFrame:
    """One row per athlete: the settings, the maximum used, the method, each zone's bounds. [bpm]

    Bounds keep one decimal, as the heart-rate calculator's CSV does; the zones' columns are
    named in `lang` (the others are translated with the file, `csv_bytes`).
    """
    zones = zone_names([athlete.view for athlete in team.athletes])
    rows = []
    for athlete in team.athletes:
        view, inputs = athlete.view, athlete.view.inputs
        row: dict[str, object] = {
            "row": athlete.row,
            "name": athlete.name,
            "age_years": inputs.age_years,
            "sex": inputs.sex,
            "resting_hr_bpm": inputs.resting_hr_bpm,
            "measured_max_hr_bpm": inputs.max_hr_bpm,
            "formula": inputs.formula,
            "max_hr_bpm": round(view.max_bpm, 1),
            "method": view.method,
        }
        bounds = zip(view.hero.low_bpm, view.hero.high_bpm, strict=True)
        for number, (low, high) in enumerate(bounds, start=1):
            row[lang._("zone_{number}_low_bpm").format(number=number)] = round(float(low), 1)
            row[lang._("zone_{number}_high_bpm").format(number=number)] = round(float(high), 1)
        assert len(zones) == len(view.hero)
        rows.append(row)
    return pd.DataFrame(rows)


def team_csv(team: TeamView, lang: Language = ENGLISH) -> bytes:
    """`team_table` as a CSV file (Excel-ready), text cells neutralised, column names in `lang`."""
    return csv_bytes(team_table(team, lang).map(neutralised), lang)


def template_csv(lang: Language = ENGLISH) -> bytes:
    """An empty roster with the column names the reader understands, in `lang`, to fill in.

    >>> template_csv().decode("utf-8-sig").strip()
    'name,age,sex,resting HR,max HR'
    """
    return csv_bytes(pd.DataFrame(columns=[lang._(name) for name in TEMPLATE_COLUMNS.values()]))


def team_shown(team: TeamView, labels: dict[str, str], lang: Language = ENGLISH) -> pd.DataFrame:
    """The team as people read it: whole bpm, each zone as one "low-high" range, in `lang`.

    `labels` names the columns (from content): name, age, sex, resting, max, basis.
    """
    sex = fields.choice("sex")
    zones = zone_names([athlete.view for athlete in team.athletes])
    rows = []
    for athlete in team.athletes:
        view, inputs = athlete.view, athlete.view.inputs
        row: dict[str, object] = {
            labels["name"]: athlete.name,
            labels["age"]: lang.number(inputs.age_years),
            labels["sex"]: ""
            if inputs.sex == "unspecified"
            else lang._(sex.labels[inputs.sex]).lower(),
            labels["resting"]: ""
            if inputs.resting_hr_bpm is None
            else lang.number(inputs.resting_hr_bpm, 0),
            labels["max"]: lang.number(view.max_bpm, 0) + ("" if view.measured else " *"),
            labels["basis"]: lang._("% of reserve")
            if view.method == "hrr5"
            else lang._("% of max"),
        }
        for zone, low, high in zip(zones, view.hero.low_bpm, view.hero.high_bpm, strict=True):
            row[lang._(zone)] = f"{lang.number(low, 0)}{EN_DASH}{lang.number(high, 0)}"
        rows.append(row)
    return pd.DataFrame(rows)
