"""Team zones: a squad's roster, read from pasted text or a file, and every athlete's zones
computed by the heart-rate calculator's own view model (`HeartView`). Pure; no Streamlit.

A roster is a table whose first row names the columns: name (or initials), age, sex, resting
heart rate and measured maximum heart rate. Only age is required; the bounds of every number are
the calculator's (the field registry), so an athlete gets here exactly what the heart-rate page
gives. Rows are numbered as a spreadsheet numbers them (the header is row 1), so a message such as
"Row 7: age -3 is outside 10-100 years" points at the cell to fix; good rows are used even when
others are not.

>>> roster = read_roster("name,age,resting HR\\nAna,30,60\\nBo,-3,\\n")
>>> team = team_view(roster)
>>> [(a.row, a.name, round(a.view.max_bpm, 1), a.view.method) for a in team.athletes]
[(2, 'Ana', 187.0, 'hrr5')]
>>> [(p.row, p.problem) for p in team.problems]
[(3, 'Age -3 is outside 10\u2013100 years.')]
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from retroedu.calculators.heart import HeartInputs, HeartView, heart_view
from retroedu.content.i18n import ENGLISH, N_, Language, Message, ReaderError
from retroedu.links import fields as registry
from retroedu.models.checks import parse

EN_DASH, ELLIPSIS = "\u2013", "\u2026"
#: Athletes one roster may hold: a squad with its reserves. Rows past it are counted, not read.
MAX_ATHLETES = 100
#: Longest name kept [characters]; a card prints it on one line.
MAX_NAME_CHARS = 40
#: Columns a roster may have, by their key: the calculator's field keys, and the name.
COLUMNS = ("name", "age", "sex", "resting_hr", "max_hr")
#: The template's column names, as a coach would type them, by column key. Marked for the
#: catalogue: each language's template uses its own, and the reader accepts every language's.
TEMPLATE_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "name": N_("name"),
        "age": N_("age"),
        "sex": N_("sex"),
        "resting_hr": N_("resting HR"),
        "max_hr": N_("max HR"),
    }
)
#: Heading spellings people use for each column, compared without case, spaces or punctuation.
HEADINGS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(
            ("name", "names", "athlete", "player", "initials", "runner", "who"), "name"
        ),
        **dict.fromkeys(("age", "ageyears", "years"), "age"),
        **dict.fromkeys(("sex", "gender"), "sex"),
        **dict.fromkeys(
            (
                "resting",
                "restinghr",
                "restingheartrate",
                "rhr",
                "resthr",
                "restinghrbpm",
                "restingbpm",
            ),
            "resting_hr",
        ),
        **dict.fromkeys(
            (
                "max",
                "maxhr",
                "maximum",
                "maxheartrate",
                "measuredmax",
                "measuredmaxhr",
                "measuredmaxheartrate",
                "hrmax",
                "maxhrbpm",
                "maxbpm",
            ),
            "max_hr",
        ),
    }
)
#: Short spellings of sex beyond what the field registry accepts ("female", "Not given", ...).
SEX_WORDS: Mapping[str, str] = MappingProxyType(
    {"f": "female", "w": "female", "woman": "female", "m": "male", "man": "male", "": "unspecified"}
)
#: Separators tried for text, most specific first.
SEPARATORS = ("\t", ";", ",", "|")
#: How a file starts, for the kinds a coach might upload.
XLSX_MAGIC, XLS_MAGIC = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True)
class Row:
    """One athlete's row as read: its spreadsheet row number and its cells by column key."""

    number: int
    cells: Mapping[str, str]


@dataclass(frozen=True)
class Roster:
    """A roster as read: its rows (at most `MAX_ATHLETES`) and notes about the reading."""

    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Athlete:
    """One athlete with zones: the roster row, a name to print, and the calculator's view."""

    row: int
    name: str
    view: HeartView


@dataclass(frozen=True)
class RowProblem:
    """A row that gave no zones, and why, in a sentence (a `Message`, sayable in any language,
    where the app wrote it)."""

    row: int
    name: str
    problem: str


@dataclass(frozen=True)
class TeamView:
    """Everything the team page, its CSV and the zone cards show."""

    athletes: tuple[Athlete, ...]
    problems: tuple[RowProblem, ...]
    notes: tuple[str, ...]
    formula: str


def clean_name(text: str) -> str:
    """A name as printed: control and format characters dropped, spaces tidied, at most
    `MAX_NAME_CHARS` characters.

    >>> clean_name("  Zoë\\u202e  O'Brien\\x00 ")
    "Zoë O'Brien"
    >>> len(clean_name("x" * 500))
    40
    """
    kept = "".join(
        char for char in text if unicodedata.category(char) not in registry.CONTROL or char == " "
    )
    tidy = " ".join(kept.split())
    return tidy if len(tidy) <= MAX_NAME_CHARS else tidy[: MAX_NAME_CHARS - 1] + ELLIPSIS


def squashed(text: str) -> str:
    """A heading as the reader compares it: lower case, letters only, accents dropped.

    >>> squashed("FC máx. (lpm)")
    'fcmaxlpm'
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z]", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


def heading_key(text: str, headings: Mapping[str, str] | None = None) -> str | None:
    """The column a heading names, or None. `headings` adds spellings (squashed, see
    `squashed`), such as the template's column names in other languages.

    >>> heading_key("Resting HR (bpm)"), heading_key(" AGE "), heading_key("Weight")
    ('resting_hr', 'age', None)
    >>> heading_key("Edad", {"edad": "age"})
    'age'
    """
    known = {**HEADINGS, **(headings or {})}
    return known.get(squashed(text.replace("bpm", "").replace("BPM", ""))) or known.get(
        squashed(text)
    )


def _decode(data: bytes) -> tuple[str, str]:
    """Text from a file's bytes, and a note when it was not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            raise ReaderError(
                N_("The file says it is UTF-16 text but is not; save it as CSV.")
            ) from None
    if b"\x00" in data:
        raise ReaderError(
            N_(
                "This file is not a text table; upload a CSV, a tab-separated text or an Excel "
                "(.xlsx) file."
            )
        )
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        # Excel's "CSV" on Windows writes the machine's code page, usually Windows-1252.
        return data.decode("cp1252", errors="replace"), Message(
            N_(
                "The file is not UTF-8, so it was read as Windows-1252 (Excel's usual on "
                "Windows): check names with accents."
            )
        )


def _separator(header: str) -> str | None:
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else None


def _text_rows(text: str) -> Iterator[list[str]]:
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    sep = _separator(first)
    if sep is None:
        yield from ([line] for line in lines)
        return
    try:
        yield from csv.reader(lines, delimiter=sep)
    except csv.Error:
        raise ReaderError(
            N_("The table could not be read: a cell is too long or a quote is not closed.")
        ) from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return str(value)


def _workbook_rows(data: bytes) -> Iterator[list[str]]:
    """The first sheet's rows as text. Any failure inside the reader becomes one sentence."""
    from openpyxl import load_workbook  # an Excel file is rare: load the reader only then

    problem = N_(
        "This file could not be read as an Excel workbook (.xlsx); save it again or as CSV."
    )
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as error:
        raise ReaderError(problem) from error
    try:
        sheet = book.worksheets[0]
        for values in sheet.iter_rows(values_only=True, max_col=len(COLUMNS) * 4):
            yield [_cell_text(value) for value in values]
    except Exception as error:  # a damaged workbook fails in many ways: one sentence for all
        raise ReaderError(problem) from error
    finally:
        book.close()


def read_roster(
    data: str | bytes, filename: str = "", headings: Mapping[str, str] | None = None
) -> Roster:
    """The roster in pasted text, or in a file's bytes (CSV, tab-separated text or .xlsx).
    `headings` adds column names the reader accepts (see `heading_key`).

    ValueError with a sentence when nothing usable is there: no "age" column, an unreadable
    file. A roster with more than `MAX_ATHLETES` rows keeps the first ones and says so.

    >>> read_roster("Name;Age;Sex\\nLi;24;F\\n").rows[0].cells["sex"]
    'F'
    """
    notes: list[str] = []
    if isinstance(data, bytes):
        name = filename.lower()
        if data.startswith(XLS_MAGIC) or name.endswith(".xls"):
            raise ReaderError(
                N_("Old Excel files (.xls) are not read; save the sheet as .xlsx or CSV.")
            )
        if data.startswith(XLSX_MAGIC) or name.endswith((".xlsx", ".xlsm")):
            lines: Iterator[list[str]] = _workbook_rows(data)
        else:
            text, note = _decode(data)
            notes += [note] if note else []
            lines = _text_rows(text)
    else:
        lines = _text_rows(data)
    return _roster(lines, notes, headings)


def _roster(
    lines: Iterator[list[str]], notes: list[str], headings: Mapping[str, str] | None = None
) -> Roster:
    header: list[str] | None = None
    number = 0
    for number, cells in enumerate(lines, start=1):  # noqa: B007 (number is used after the loop)
        if any(cell.strip() for cell in cells):
            header = cells
            break
    if header is None:
        raise ReaderError(
            N_("The table is empty: paste or upload a table whose first row names the columns.")
        )
    columns = [heading_key(cell, headings) for cell in header]
    if "age" not in columns:
        raise ReaderError(
            N_(
                "No age column: the first row must name the columns, for example "
                "{columns} (only {age} is required)."
            ),
            columns=Message(N_("name, age, sex, resting HR, max HR")),
            age=Message(TEMPLATE_COLUMNS["age"]),
        )
    used = {key: columns.index(key) for key in COLUMNS if key in columns}
    unused = [clean_name(cell) for cell, key in zip(header, columns, strict=True) if key is None]
    unused = [cell for cell in unused if cell]
    if unused:
        notes.append(
            Message(
                N_("Columns not used: {columns}."),
                columns=", ".join(unused[:6]) + (", ..." if len(unused) > 6 else ""),
            )
        )
    repeated = sorted({key for key in columns if key is not None and columns.count(key) > 1})
    if repeated:
        notes.append(
            Message(
                N_("Columns named twice; the first of each is used: {columns}."),
                columns=", ".join(repeated),
            )
        )
    rows: list[Row] = []
    first_left = last = 0
    for last, cells in enumerate(lines, start=number + 1):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) == MAX_ATHLETES:
            first_left = first_left or last
            continue
        rows.append(
            Row(
                last,
                {key: cells[at].strip() if at < len(cells) else "" for key, at in used.items()},
            )
        )
    if first_left:
        span = f"{first_left:,}{EN_DASH}{last:,}" if last > first_left else f"{first_left:,}"
        notes.append(
            Message(
                N_(
                    "Up to {count} athletes are read at a time: rows {rows} were left out. "
                    "Split the squad into groups."
                ),
                count=MAX_ATHLETES,
                rows=span,
            )
        )
    if not rows:
        raise ReaderError(N_("The table has column names but no athletes under them."))
    return Roster(tuple(rows), tuple(notes))


def _number(cells: Mapping[str, str], key: str) -> float | None:
    """The number in column `key`, None when blank; ValueError naming the problem. A decimal
    comma ("62,5", as a semicolon-separated file from a European Excel writes it) is read."""
    text = cells.get(key, "")
    if not text:
        return None
    field = registry.number(key)
    limits = field.limits()
    what = Message(field.label)
    shown = clean_name(text)[:12]
    try:
        decimal_comma = text.count(",") == 1 and "." not in text
        value = parse(text.replace(",", ".") if decimal_comma else text, field.label.lower())
    except ValueError:
        raise ReaderError(
            N_("{what} \u201c{shown}\u201d is not a number."), what=what, shown=shown
        ) from None
    if not limits.low <= value <= limits.high:
        raise ReaderError(
            N_("{what} {value} is outside {low}\u2013{high} {unit}."),
            what=what,
            value=value,
            low=limits.low,
            high=limits.high,
            unit=Message(field.unit_for()),
        )
    return value


def _sex(cells: Mapping[str, str], names: registry.OptionNames | None = None) -> str:
    text = cells.get("sex", "").strip()
    if text.lower() in SEX_WORDS:
        return SEX_WORDS[text.lower()]
    reading = registry.choice("sex").read(text, names)
    if reading.rejected:
        raise ReaderError(
            N_("Sex \u201c{shown}\u201d is not female, male or blank."),
            shown=clean_name(text)[:12],
        )
    return reading.value


def athlete_inputs(
    cells: Mapping[str, str], formula: str, aliases: registry.Aliases | None = None
) -> HeartInputs:
    """The calculator's settings for one roster row; ValueError naming the first problem.

    >>> athlete_inputs({"age": "30", "sex": "f", "resting_hr": "55"}, "tanaka")
    HeartInputs(age_years=30.0, sex='female', formula='tanaka', resting_hr_bpm=55.0, max_hr_bpm=None)
    """
    age = _number(cells, "age")
    if age is None:
        raise ReaderError(N_("Age is missing (it is the one number every row needs)."))
    values: dict[str, object] = {
        "age": age,
        "sex": _sex(cells, (aliases or {}).get("sex")),
        "formula": formula,
        "resting_hr": _number(cells, "resting_hr"),
        "max_hr": _number(cells, "max_hr"),
    }
    return HeartInputs.from_values(values)


def team_view(
    roster: Roster,
    formula: str = registry.choice("formula").default,
    view_of: Callable[[HeartInputs], HeartView] = heart_view,
    aliases: registry.Aliases | None = None,
    lang: Language = ENGLISH,
) -> TeamView:
    """Every athlete's zones by `view_of` (the calculator's view model, or its cached copy).
    A sex may be written as its label in another language (`aliases`); a row without a name is
    named by its number in `lang`.

    A row with a problem is left out and named; the others are used.
    """
    registry.choice("formula").labels[formula]  # KeyError for a formula that does not exist
    athletes, problems = [], []
    for row in roster.rows:
        name = clean_name(row.cells.get("name", "")) or lang._("Row {row}").format(row=row.number)
        try:
            view = view_of(athlete_inputs(row.cells, formula, aliases))
        except ValueError as problem:
            said = problem.message if isinstance(problem, ReaderError) else _sentence(str(problem))
            problems.append(RowProblem(row.number, name, said))
            continue
        if view.problem:
            problems.append(RowProblem(row.number, name, view.problem))
            continue
        athletes.append(Athlete(row.number, name, view))
    return TeamView(tuple(athletes), tuple(problems), roster.notes, formula)


def _sentence(text: str) -> str:
    """A problem as a sentence starting with a capital, as the page lists it."""
    return text[:1].upper() + text[1:] if text else text


def zone_names(views: Sequence[HeartView]) -> tuple[str, ...]:
    """The zone labels the views share, in order (every method here has five: Zone 1 to 5).

    >>> zone_names([heart_view(HeartInputs(age_years=40))])
    ('Zone 1', 'Zone 2', 'Zone 3', 'Zone 4', 'Zone 5')
    """
    names: tuple[str, ...] = ()
    for view in views:
        found = tuple(str(zone) for zone in view.hero.zone)
        if names and found != names:
            raise ValueError("The athletes' zone methods do not share their zones.")
        names = found
    return names
