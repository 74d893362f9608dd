"""Team zones: the roster reader with hostile tables and files, every athlete's zones equal to the
heart-rate calculator's (worked by hand), the CSV, and the zone cards read back from the PDF."""

from __future__ import annotations

import csv
import io
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from PIL import Image
from pypdf import PdfReader

from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.calculators.team import MAX_ATHLETES, MAX_NAME_CHARS, read_roster, team_view
from retroedu.exports.pdf_preview import page_images
from retroedu.exports.team import team_csv, team_table
from retroedu.exports.zone_cards import CARDS_PER_PAGE, CardWords, zone_cards_pdf
from retroedu.figures.team import team_figure
from tests.conftest import LIBRARY

HEADER = "name,age,sex,resting HR,max HR"
WORDS = CardWords.from_content(LIBRARY.page("team_zones").page.meta["zone_cards"])
EN_DASH = "\u2013"


def team(text: str | bytes, filename: str = "") -> object:
    return team_view(read_roster(text, filename))


def problems(text: str | bytes) -> dict[int, str]:
    view = team_view(read_roster(text))
    return {p.row: p.problem for p in view.problems}


# --- Worked examples: the same numbers as the heart-rate calculator --------------------------


def test_zones_by_reserve_worked_by_hand() -> None:
    """Age 30, resting 60: Tanaka max = 208 - 0.7 x 30 = 187 bpm; reserve = 187 - 60 = 127.
    Zone 1 (50-60 % of reserve) = 60 + 0.5 x 127 = 123.5 to 60 + 0.6 x 127 = 136.2 bpm;
    zone 5 ends at the maximum, 187."""
    [ana] = team_view(read_roster(f"{HEADER}\nAna,30,F,60,\n")).athletes
    assert ana.view.method == "hrr5"
    assert ana.view.max_bpm == pytest.approx(187.0)
    zones = ana.view.hero
    assert zones.loc[0, ["low_bpm", "high_bpm"]].tolist() == pytest.approx([123.5, 136.2])
    assert zones.loc[4, "high_bpm"] == pytest.approx(187.0)


def test_a_measured_maximum_replaces_the_formula_worked_by_hand() -> None:
    """Measured max 190, no resting rate: zones by % of max; zone 3 = 70-80 % of 190 = 133-152."""
    [bo] = team_view(read_roster(f"{HEADER}\nBo,45,M,,190\n")).athletes
    assert (bo.view.method, bo.view.max_bpm) == ("hrmax5", 190.0)
    assert bo.view.hero.loc[2, ["low_bpm", "high_bpm"]].tolist() == pytest.approx([133.0, 152.0])


def test_every_athlete_gets_exactly_the_calculators_view() -> None:
    text = f"{HEADER}\nAna,30,F,60,\nBo,45,M,,190\nCy,67,,72,\nDi,16,female,,\n"
    view = team_view(read_roster(text), formula="nes")
    expected = [
        HeartInputs(30, "female", "nes", 60.0, None),
        HeartInputs(45, "male", "nes", None, 190.0),
        HeartInputs(67, "unspecified", "nes", 72.0, None),
        HeartInputs(16, "female", "nes", None, None),
    ]
    assert [athlete.view.inputs for athlete in view.athletes] == expected
    for athlete, inputs in zip(view.athletes, expected, strict=True):
        calculator = heart_view(inputs)
        assert athlete.view.max_bpm == calculator.max_bpm
        pd.testing.assert_frame_equal(athlete.view.hero, calculator.hero)


def test_gulati_applies_to_women_only_as_in_the_calculator() -> None:
    view = team_view(read_roster(f"{HEADER}\nAna,50,F,,\nBo,50,M,,\n"), formula="gulati")
    # Gulati: 206 - 0.88 x 50 = 162 for her; Tanaka (the default) 208 - 35 = 173 for him.
    assert [a.view.max_bpm for a in view.athletes] == pytest.approx([162.0, 173.0])


# --- Bad rows: named, and the good rows still work ---------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Neg,-3,,,", "Age -3 is outside 10\u2013100 years."),
        ("Word,twenty,,,", "Age \u201ctwenty\u201d is not a number."),
        ("Huge,1e308,,,", "Age 1e+308 is outside"),
        ("NaN,nan,,,", "Age \u201cnan\u201d is not a number."),
        ("Inf,inf,,,", "Age \u201cinf\u201d is not a number."),
        ("Blank,,F,,", "Age is missing"),
        ("Rest,30,,abc,", "Resting heart rate \u201cabc\u201d is not a number."),
        ("Max,30,,,1e308", "Measured max heart rate 1e+308 is outside 100\u2013230 bpm."),
        ("Sex,30,x,,", "Sex \u201cx\u201d is not female, male or blank."),
        ("Above,30,,110,105", "Resting heart rate (110 bpm) must be lower than maximum"),
        ("Equal,30,,120,120", "Resting heart rate (120 bpm) must be lower than maximum"),
    ],
)
def test_a_bad_row_is_named_with_its_problem_and_the_good_rows_still_work(
    row: str, message: str
) -> None:
    view = team_view(read_roster(f"{HEADER}\nGood,30,,,\n{row}\nAlso,40,,,\n"))
    assert [a.name for a in view.athletes] == ["Good", "Also"]
    [problem] = view.problems
    assert problem.row == 3  # the spreadsheet's row: the header is row 1
    assert problem.name == row.split(",")[0]
    assert message in problem.problem


def test_hostile_cells_never_echo_more_than_a_short_snippet() -> None:
    [problem] = team_view(read_roster(f"{HEADER}\nX,{'9' * 5000}x,,,\n")).problems
    assert len(problem.problem) < 80


# --- Hostile tables and files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("weight,height\n70,180\n", "No age column"),
        ("", "The table is empty"),
        ("\n\n  \n", "The table is empty"),
        ("name,age\n", "no athletes under them"),
        (b"\x00\x01\x02binary\x00", "not a text table"),
        (b"PK\x03\x04this is no workbook", "could not be read as an Excel workbook"),
        (b"\xd0\xcf\x11\xe0old excel", "Old Excel files (.xls)"),
        ('name,age\n"never closed,30\n' + "x" * 200_000, "could not be read"),
    ],
)
def test_unusable_tables_give_one_sentence(data: str | bytes, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        read_roster(data)


def test_only_age_is_required_and_other_columns_are_named_as_unused() -> None:
    roster = read_roster("Age;Team;Weight\n30;U17;70\n")
    view = team_view(roster)
    assert [a.name for a in view.athletes] == ["Row 2"]
    assert view.notes == ("Columns not used: Team, Weight.",)


def test_ten_thousand_rows_keep_the_first_hundred_and_say_so() -> None:
    text = HEADER + "\n" + "\n".join(f"A{i},{20 + i % 50},,," for i in range(10_000))
    view = team_view(read_roster(text))
    assert len(view.athletes) == MAX_ATHLETES
    [note] = view.notes
    assert f"rows {MAX_ATHLETES + 2}\u201310,001 were left out" in note


def test_text_that_is_not_utf8_is_read_as_windows_1252_with_a_note() -> None:
    data = "name;age\nJosé Müller;30\n".encode("cp1252")
    view = team_view(read_roster(data, "squad.csv"))
    assert view.athletes[0].name == "José Müller"
    assert "not UTF-8" in view.notes[0]


def test_excel_unicode_text_utf16_with_tabs_is_read() -> None:
    data = "name\tage\r\nŁukasz\t22\r\n".encode("utf-16")
    assert team_view(read_roster(data, "squad.txt")).athletes[0].name == "Łukasz"


def test_names_keep_html_and_formulas_as_text_and_the_csv_neutralises_formulas() -> None:
    names = ["<script>alert(1)</script>", '=HYPERLINK("http://x","y")', "@SUM(A1)", "+1", "-2"]
    rows = "\n".join(f'"{name.replace(chr(34), chr(34) * 2)}",30,,,' for name in names)
    view = team_view(read_roster(f"{HEADER}\n{rows}\n"))
    assert [a.name for a in view.athletes] == names
    text = team_csv(view).decode("utf-8-sig")
    cells = [row[1] for row in csv.reader(io.StringIO(text))][1:]
    assert cells == ["<script>alert(1)</script>", *("'" + name for name in names[1:])]
    # The chart never draws a name as markup.
    assert not any("<" in label for label in team_figure(view).data[0].y)


def test_names_are_tidied_and_cut_to_a_card_line() -> None:
    view = team_view(read_roster(f'name,age\n"  Zoë\u202e\x07  O\'Brien ",30\n{"y" * 300},31\n'))
    assert view.athletes[0].name == "Zoë O'Brien"
    assert len(view.athletes[1].name) == MAX_NAME_CHARS


def test_quoted_commas_and_decimal_commas_are_read() -> None:
    view = team_view(read_roster('name,age,resting HR\n"Smith, J",30,61\n'))
    assert view.athletes[0].name == "Smith, J"
    view = team_view(read_roster("name;age;resting HR\nAna;30,5;61,5\n"))
    assert view.athletes[0].view.inputs.resting_hr_bpm == 61.5


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_workbook_is_read_numbers_and_all() -> None:
    data = xlsx([["Name", "Age", "Sex", "Resting HR", "Max HR"], ["Ana", 30, "F", 60, None]])
    [ana] = team_view(read_roster(data, "squad.xlsx")).athletes
    assert (ana.name, ana.view.inputs.resting_hr_bpm, ana.view.max_bpm) == ("Ana", 60.0, 187.0)


def test_a_formula_in_a_workbook_is_never_run() -> None:
    data = xlsx([["Name", "Age"], ['=HYPERLINK("http://x","y")', 30], ["Bo", "=20+10"]])
    view = team_view(read_roster(data, "squad.xlsx"))
    # openpyxl gives a formula's last computed value; a file saved by a script has none.
    assert [a.name for a in view.athletes] == ["Row 2"]
    assert "Age is missing" in view.problems[0].problem


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_any_input_gives_a_roster_or_one_sentence(data: str | bytes) -> None:
    try:
        view = team_view(read_roster(data, "x.csv"))
    except ValueError as problem:
        message = str(problem)
    else:
        message = "."
    assert message.endswith(".")
    for athlete in view.athletes if message == "." else ():
        assert not athlete.view.problem
        assert math.isfinite(athlete.view.max_bpm)


# --- Exports: the CSV and the zone cards --------------------------------------------------------


def test_the_csv_carries_the_calculators_numbers() -> None:
    view = team_view(read_roster(f"{HEADER}\nAna,30,F,60,\n"))
    row = team_table(view).iloc[0]
    assert (row["zone_1_low_bpm"], row["zone_1_high_bpm"], row["max_hr_bpm"]) == (
        123.5,
        136.2,
        187.0,
    )


def squad(count: int) -> str:
    lines = [HEADER]
    for index in range(count):
        resting = "" if index % 3 else str(50 + index)
        measured = "188" if index % 4 == 1 else ""
        lines.append(
            f"Athlete {index:02d} Zoë,{18 + index},{'F' if index % 2 else 'M'},{resting},{measured}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_zone_cards_read_back_eight_per_page_with_the_calculators_numbers(paper: str) -> None:
    view = team_view(read_roster(squad(25)))
    reader = PdfReader(io.BytesIO(zone_cards_pdf(view, WORDS, paper)))  # type: ignore[arg-type]
    assert len(reader.pages) == math.ceil(25 / CARDS_PER_PAGE) == 4
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert width_mm == pytest.approx(210.0 if paper == "A4" else 215.9, abs=0.2)
    texts = [page.extract_text() for page in reader.pages]
    per_page = [len(re.findall(r"Athlete \d\d Zoë", text)) for text in texts]
    assert per_page == [8, 8, 8, 1]
    for athlete in view.athletes:
        page = texts[(athlete.row - 2) // CARDS_PER_PAGE]
        card = page[page.index(athlete.name) :]
        for low, high in zip(athlete.view.hero.low_bpm, athlete.view.hero.high_bpm, strict=True):
            assert f"{low:.0f}{EN_DASH}{high:.0f}" in card, (athlete.name, low, high)
        assert f"{athlete.view.max_bpm:.0f} bpm" in card


def test_a_name_as_long_as_a_roster_keeps_is_printed_whole() -> None:
    """A 40-character name was cut to "Christopher Montgomery…"; it is set smaller instead."""
    name = "Christopher Montgomery-Wellington Smythe"
    assert len(name) == MAX_NAME_CHARS
    view = team_view(read_roster(f"{HEADER}\n{name},24,M,52,\n"))
    for paper in ("A4", "Letter"):
        text = PdfReader(io.BytesIO(zone_cards_pdf(view, WORDS, paper))).pages[0].extract_text()  # type: ignore[arg-type]
        assert name in text
        assert "\u2026" not in text


def test_a_part_page_of_cards_has_no_empty_cut_outlines() -> None:
    """Four athletes fill the top two rows of eight places: the bottom half of the page is blank
    paper, not four empty dashed boxes to cut out."""
    view = team_view(read_roster(squad(4)))
    [png] = page_images(zone_cards_pdf(view, WORDS))
    page = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    half = page.shape[0] // 2
    # The edge the two cards of a row share: 10 mm margin + 95 mm card on a 210 mm page. The cut
    # lines are the light grid grey (#D9DEE3), dashed: grey runs with white gaps between.
    x = round((10 + 95) / 210 * page.shape[1])
    edge = page[: half - 4, x - 1 : x + 2].min(axis=1) < 245
    runs = int(np.count_nonzero(edge[1:] & ~edge[:-1]))
    assert runs >= 30, runs  # a dash every 3.5 mm down two 69 mm cards; solid would be 1 or 2
    assert not (page[half + 2 :] < 245).any()  # under the four cards: blank paper


def test_no_cards_without_athletes() -> None:
    view = team_view(read_roster(f"{HEADER}\nBad,-1,,,\n"))
    with pytest.raises(ValueError, match="no cards to print"):
        zone_cards_pdf(view, WORDS)
