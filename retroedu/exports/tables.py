"""The calculators' tables, for the screen and as CSV files, drawn from their view models. Pure.

Files open cleanly in Excel on Windows (UTF-8 with a byte-order mark, CRLF line ends) and start
with the inputs that produced them: the first columns of every row are the settings. A file's
column names and words are in the reader's language; its numbers stay machine-readable (a decimal
point, whatever the language) and its codes (`hrmax5`, `tanaka`) stay codes.

>>> from retroedu.calculators.heart import HeartInputs, heart_view
>>> text = zones_csv(heart_view(HeartInputs(age_years=40))).decode("utf-8-sig")
>>> text.splitlines()[0].split(",")[:6]
['age_years', 'sex', 'formula', 'resting_hr_bpm', 'measured_max_hr_bpm', 'max_hr_bpm']
>>> text.splitlines()[1].split(",")[:8]
['40', 'unspecified', 'tanaka', '', '', '180', 'hrmax5', 'Zone 1']
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from retroedu.calculators.calories import CaloriesView
from retroedu.calculators.heart import HeartView
from retroedu.content.i18n import ENGLISH, N_, Language
from retroedu.content.typography import NO_BREAK_SPACE
from retroedu.models import energy, heart

EN_DASH, WORD_JOINER = "\u2013", "\u2060"
#: Every CSV column name, marked for the catalogue: a file's header row is translated.
CSV_HEADERS = (
    N_("age_years"),
    N_("sex"),
    N_("formula"),
    N_("resting_hr_bpm"),
    N_("measured_max_hr_bpm"),
    N_("max_hr_bpm"),
    N_("method"),
    N_("zone"),
    N_("name"),
    N_("basis"),
    N_("low_pct"),
    N_("high_pct"),
    N_("pct_label"),
    N_("low_bpm"),
    N_("high_bpm"),
    N_("feel"),
    N_("purpose"),
    N_("weight_kg"),
    N_("speed_kmh"),
    N_("grade_pct"),
    N_("minutes"),
    N_("mode"),
    N_("kcal_per_min"),
    N_("kcal_per_min_low"),
    N_("kcal_per_min_high"),
    N_("net_kcal_per_min"),
    N_("session_kcal"),
    N_("session_kcal_low"),
    N_("session_kcal_high"),
    N_("net_session_kcal"),
    N_("mets"),
    N_("vs_forward_pct"),
    N_("extrapolated"),
    N_("note"),
    N_("valid_speeds"),
    N_("valid_grades"),
    N_("equation"),
)
#: Columns of `comparison_table` after the inputs, in order.
COMPARISON_COLUMNS = (
    "mode",
    "kcal_per_min",
    "kcal_per_min_low",
    "kcal_per_min_high",
    "net_kcal_per_min",
    "session_kcal",
    "session_kcal_low",
    "session_kcal_high",
    "net_session_kcal",
    "mets",
    "vs_forward_pct",
    "extrapolated",
    "note",
    "valid_speeds",
    "valid_grades",
    "equation",
)


def csv_bytes(table: pd.DataFrame, lang: Language = ENGLISH) -> bytes:
    """A table as a CSV file Excel opens cleanly: UTF-8 with a byte-order mark, CRLF lines; its
    column names in `lang`.

    >>> csv_bytes(pd.DataFrame({"range": ["50\u201360 %"]}))[:3] == b"\\xef\\xbb\\xbf"
    True
    """
    named = table.rename(columns={column: lang._(str(column)) for column in table.columns})
    return named.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def range_text(low: float, high: float, digits: int = 0, lang: Language = ENGLISH) -> str:
    """A range as printed, with an en dash and no spaces; one number when low == high.

    >>> range_text(205.4, 236.2) == f"205{EN_DASH}236", range_text(4.0, 4.0, 1)
    (True, '4.0')
    """
    if round(high, digits) <= round(low, digits):
        return lang.number(low, digits)
    return f"{lang.number(low, digits)}{EN_DASH}{lang.number(high, digits)}"


def _number(value: float | None) -> str:
    """A setting as a file shows it: "72", "160.4"; empty when it was not given."""
    return "" if value is None else f"{round(float(value), 1):g}"


def zones_table(view: HeartView, lang: Language = ENGLISH) -> pd.DataFrame:
    """Every zone method the inputs allow, the recommended one first, with the inputs in front;
    the zones' words in `lang`."""
    inputs = view.inputs
    front = {
        "age_years": _number(inputs.age_years),
        "sex": inputs.sex,
        "formula": inputs.formula,
        "resting_hr_bpm": _number(inputs.resting_hr_bpm),
        "measured_max_hr_bpm": _number(inputs.max_hr_bpm),
        "max_hr_bpm": _number(view.max_bpm),
    }
    frames = [
        view.tables[key].assign(method=key)
        for key in (view.method, *view.others())
        if key in view.tables
    ]
    if not frames:
        return pd.DataFrame(columns=[*front, "method", *heart.ZONE_COLUMNS])
    joined = pd.concat(frames, ignore_index=True).round({"low_bpm": 1, "high_bpm": 1})
    joined = joined[["method", *heart.ZONE_COLUMNS]]
    for column in ("zone", "name", "feel", "purpose"):
        joined[column] = [lang._(str(text)) for text in joined[column]]
    for position, (name, value) in enumerate(front.items()):
        joined.insert(position, name, value)
    return joined


def zones_csv(view: HeartView, lang: Language = ENGLISH) -> bytes:
    """`zones_table` as a CSV file, its column names and words in `lang`."""
    return csv_bytes(zones_table(view, lang), lang)


def zones_shown(
    view: HeartView, method: str, *, purpose: bool = True, lang: Language = ENGLISH
) -> pd.DataFrame:
    """One method's zones as people read them: whole bpm, ranges that do not break. Without
    `purpose`, the last column says only how each zone feels (one line beside the answer's chart).

    >>> from retroedu.calculators.heart import HeartInputs, heart_view
    >>> zones_shown(heart_view(HeartInputs(age_years=40)), "hrmax5").iloc[0, 2] == f"90{EN_DASH}108"
    True
    """
    table = view.tables[method]
    _ = lang._
    share = _("% of max") if table["basis"].iloc[0] == "max" else _("% of reserve")
    feel = [_(str(text)) for text in table.feel]
    return pd.DataFrame(
        {
            _("Zone"): [
                _(zone) if zone == name else f"{_(zone)}: {_(name)}"
                for zone, name in zip(table.zone, table.name, strict=True)
            ],
            share: table.pct_label.str.replace(EN_DASH, EN_DASH + WORD_JOINER).str.replace(
                " %", NO_BREAK_SPACE + "%"
            ),
            _("Heart rate [bpm]"): [
                f"{lang.number(low, 0)}{EN_DASH}{lang.number(high, 0)}"
                for low, high in zip(table.low_bpm, table.high_bpm, strict=True)
            ],
            **(
                {
                    _("How it feels, what it is for"): [
                        f"{text} {_(str(what))}"
                        for text, what in zip(feel, table.purpose, strict=True)
                    ]
                }
                if purpose
                else {_("How it feels"): feel}
            ),
        }
    )


def formulas_shown(view: HeartView, lang: Language = ENGLISH) -> pd.DataFrame:
    """Every formula's maximum every ten years from 20 to 80 and at the reader's age. [bpm]

    >>> from retroedu.calculators.heart import HeartInputs, heart_view
    >>> row = formulas_shown(heart_view(HeartInputs(age_years=40))).iloc[2]
    >>> int(row["Age [years]"]), int(row["Tanaka"]), int(row["Fox"])
    (40, 180, 180)
    """
    ages = sorted({*range(20, 81, 10), view.inputs.age_years})
    table = heart.max_hr_by_age(ages).round(0).astype(int)
    labels = {key: formula.label_in(lang) for key, formula in heart.FORMULAS.items()}
    return table.rename(columns={"age": lang._("Age [years]")} | labels)


def comparison_table(view: CaloriesView) -> pd.DataFrame:
    """One row per mode: gross and net kcal/min, session kcal with band, METs, the cost relative
    to forward at the same gait (gross, central), and whether the row is extrapolated and why;
    the inputs first. Words in the view's language.

    >>> from retroedu.calculators.calories import CaloriesInputs, calories_view
    >>> from retroedu.content.library import Library
    >>> words = Library.load().page("calories").page.meta
    >>> table = comparison_table(calories_view(CaloriesInputs(weight=70.0, speed=5.0), words))
    >>> table[["mode", "session_kcal", "vs_forward_pct"]].round(1).values.tolist()[2]
    ['Backward walk', 176.8, 42.3]
    """
    inputs = view.inputs
    system, length, lang = inputs.units, inputs.minutes, view.lang
    forward = {e.mode.gait: e.vo2.central for e in view.estimates if e.mode.direction == "forward"}
    rows = []
    for e in view.estimates:
        gross, net = e.gross_kcal_per_min, e.net_kcal_per_min
        session = e.session_kcal(length)
        base = forward.get(e.mode.gait)
        vs_forward = (
            (e.vo2.central / base - 1.0) * 100.0
            if e.mode.direction == "backward" and base
            else math.nan
        )
        rows.append(
            (
                lang._(e.mode.label),
                gross.central,
                gross.low,
                gross.high,
                net.central,
                session.central,
                session.low,
                session.high,
                e.session_kcal(length, net=True).central,
                e.mets,
                vs_forward,
                e.extrapolated,
                view.notes[e.mode.key],
                e.valid.speed_text(system, lang),
                e.valid.grade_text(lang),
                e.mode.equation,
            )
        )
    table = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
    front = {
        "weight_kg": round(inputs.weight_kg, 3),
        "speed_kmh": round(inputs.speed_kmh, 3),
        "grade_pct": inputs.grade_pct,
        "minutes": inputs.minutes,
    }
    for position, (name, value) in enumerate(front.items()):
        table.insert(position, name, value)
    return table


def comparison_csv(view: CaloriesView) -> bytes:
    """`comparison_table` as a CSV file, numbers to 3 decimals (column names in the view's
    language; numbers with a decimal point in every language).

    >>> from retroedu.calculators.calories import CaloriesInputs, calories_view
    >>> from retroedu.content.library import Library
    >>> words = Library.load().page("calories").page.meta
    >>> text = comparison_csv(calories_view(CaloriesInputs(), words)).decode("utf-8-sig")
    >>> text.splitlines()[4].split(",")[:7]  # 5 km/h: (3.5 + 1.35 (1.2) x 0.2 x 83.33) x 0.35
    ['70.0', '5.0', '0.0', '30.0', 'Backward run', '9.1', '8.225']
    """
    table = comparison_table(view)
    numbers = table.select_dtypes("number").columns
    return csv_bytes(table.round({column: 3 for column in numbers}), view.lang)


def comparison_shown(view: CaloriesView, every: bool = False) -> pd.DataFrame:
    """The comparison as people read it: one column per mode shown (`view.shown(every)`; fits a
    phone), rounded numbers, likely ranges as ranges. Reasons for "no" are spelled out above it.

    >>> from retroedu.calculators.calories import CaloriesInputs, calories_view
    >>> from retroedu.content.library import Library
    >>> words = Library.load().page("calories").page.meta
    >>> shown = comparison_shown(calories_view(CaloriesInputs(speed=5.0), words))
    >>> list(shown.columns), [cell.replace(EN_DASH, "-") for cell in shown.iloc[1]]
    (['Measure', 'Forward walk', 'Backward walk'], ['likely range, kcal/min', '-', '5.6-6.2'])
    """
    table = comparison_table(view)
    lang = view.lang
    _, number = lang._, lang.number
    labels = {_(e.mode.label) for e in view.shown(every)}
    table = table[table["mode"].isin(labels)].reset_index(drop=True)
    minutes = number(view.inputs.minutes)

    def band(low: float, high: float, digits: int) -> str:
        return f"{number(low, digits)}{EN_DASH}{number(high, digits)}" if high > low else EN_DASH

    rows = {
        "kcal/min": [number(v, 1) for v in table.kcal_per_min],
        _("likely range, kcal/min"): [
            band(low, high, 1)
            for low, high in zip(table.kcal_per_min_low, table.kcal_per_min_high, strict=True)
        ],
        _("above rest (net), kcal/min"): [number(v, 1) for v in table.net_kcal_per_min],
        _("kcal in {minutes} min").format(minutes=minutes): [
            number(v, 0) for v in table.session_kcal
        ],
        _("likely range, kcal"): [
            band(low, high, 0)
            for low, high in zip(table.session_kcal_low, table.session_kcal_high, strict=True)
        ],
        _("above rest (net) in {minutes} min").format(minutes=minutes): [
            number(v, 0) for v in table.net_session_kcal
        ],
        "MET": [number(v, 1) for v in table.mets],
        _("vs forward"): [
            _("baseline") if pd.isna(v) else f"{number(v, 0, sign=True)} %"
            for v in table.vs_forward_pct
        ],
        _("within the measured data"): [
            _("no") if flag else _("yes") for flag in table.extrapolated
        ],
    }
    return pd.DataFrame(rows, index=list(table["mode"])).T.rename_axis(_("Measure")).reset_index()


@dataclass(frozen=True)
class WideTable:
    """A Markdown table with more columns than a phone has room for, and the same rows as one
    short block each (the row's first cell as its title, then "heading: cell" lines) for a
    narrow screen. The page shows one of the two (assets/app.css)."""

    table: str
    cards: str


def wide_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> WideTable:
    """`rows` under `header`, as a table and as cards; an empty cell is left out of its card.

    >>> wide = wide_table(("Symbol", "Value", "Band"), [("k", "1.6", "1.5-1.7"), ("a", "0.1", "")])
    >>> print(wide.table)
    | Symbol | Value | Band |
    |---|---|---|
    | k | 1.6 | 1.5-1.7 |
    | a | 0.1 |  |
    >>> print(wide.cards)
    **k**\\
    *Value:* 1.6\\
    *Band:* 1.5-1.7
    <BLANKLINE>
    **a**\\
    *Value:* 0.1
    >>> wide_table(("Symbol", "Value"), [("k",)])
    Traceback (most recent call last):
    ...
    ValueError: Every row needs 2 cells, one per heading.
    """
    if any(len(row) != len(header) for row in rows):
        raise ValueError(f"Every row needs {len(header)} cells, one per heading.")

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    table = "\n".join([line(header), "|" + "---|" * len(header), *(line(row) for row in rows)])
    cards = "\n\n".join(
        "\\\n".join(
            [f"**{row[0]}**"]
            + [
                f"*{heading}:* {cell}"
                for heading, cell in zip(header[1:], row[1:], strict=True)
                if cell
            ]
        )
        for row in rows
    )
    return WideTable(table, cards)


def constants_table(cite: Callable[[tuple[str, ...]], str], lang: Language = ENGLISH) -> WideTable:
    """Every constant of the energy model with its value, band, unit, meaning and sources, in
    `lang`; `cite` turns citation keys into the page's markers."""
    _, number = lang._, lang.number
    header = (_("Symbol"), _("Value"), _("Band"), _("Unit"), _("Meaning"), _("Source"))
    rows = []
    for c in energy.CONSTANTS.values():
        band = (
            f"{number(c.low)}{EN_DASH}{number(c.high)}"
            if c.low is not None and c.high is not None
            else ""
        )
        rows.append(
            (_(c.symbol), number(c.value), band, _(c.unit), _(c.meaning), cite(c.citations))
        )
    return wide_table(header, rows)


def ranges_table(
    cite: Callable[[tuple[str, ...]], str], system: str, lang: Language = ENGLISH
) -> WideTable:
    """Each mode's equation and the speeds and grades it is valid for, in the reader's units
    and `lang`."""
    _ = lang._
    header = (
        _("Mode"),
        _("Equation"),
        _("Valid speeds"),
        _("Valid grades"),
        _("Based on"),
        _("Source"),
    )
    rows = [
        (
            _(mode.label),
            mode.equation,
            mode.valid.speed_text(system, lang),
            mode.valid.grade_text(lang),
            _(mode.valid.covers),
            cite(mode.valid.citations),
        )
        for mode in energy.MODES
    ]
    return wide_table(header, rows)
