"""The calculators' tables and CSV files: Excel-safe bytes, the inputs first, the same numbers as
the view model, and screen tables as people read them."""

from __future__ import annotations

import csv
import io

import pytest

from retroedu.calculators.calories import CaloriesInputs, calories_view
from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.exports import tables
from tests.conftest import CALORIE_WORDS

BOM = b"\xef\xbb\xbf"


def rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(BOM), "Excel on Windows needs the byte-order mark to read UTF-8"
    assert b"\r\n" in data
    return list(csv.DictReader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))


def test_zones_csv_starts_with_the_inputs_and_lists_the_recommended_method_first() -> None:
    view = heart_view(HeartInputs(age_years=68, sex="female", resting_hr_bpm=72))
    found = rows(tables.zones_csv(view))
    assert list(found[0])[:6] == [
        "age_years",
        "sex",
        "formula",
        "resting_hr_bpm",
        "measured_max_hr_bpm",
        "max_hr_bpm",
    ]
    first = found[0]
    assert (first["age_years"], first["sex"], first["resting_hr_bpm"]) == ("68", "female", "72")
    assert first["max_hr_bpm"] == "160.4"  # 208 - 0.7 x 68
    assert [row["method"] for row in found[:5]] == ["hrr5"] * 5
    assert (first["low_bpm"], first["high_bpm"]) == ("116.2", "125.0")  # 72 + 0.5/0.6 x 88.4
    assert "\u2013" in first["pct_label"]  # survives the round trip through the file


def test_comparison_csv_starts_with_the_inputs_and_keeps_the_views_numbers() -> None:
    view = calories_view(CaloriesInputs(weight=82.0, speed=3.0, minutes=10.0), CALORIE_WORDS)
    found = rows(tables.comparison_csv(view))
    assert list(found[0])[:5] == ["weight_kg", "speed_kmh", "grade_pct", "minutes", "mode"]
    backward_walk = next(row for row in found if row["mode"] == "Backward walk")
    # (3.5 + 1.6 x 5) x 82 / 200 = 4.715 kcal/min; x 10 min.
    assert float(backward_walk["kcal_per_min"]) == pytest.approx(4.715)
    assert float(backward_walk["session_kcal"]) == pytest.approx(47.15)
    # Gross ratio 11.5 / 8.5 = 1.353 -> +35.3 %.
    assert float(backward_walk["vs_forward_pct"]) == pytest.approx(35.294, abs=1e-3)


def test_screen_tables_use_whole_bpm_and_unbreakable_ranges() -> None:
    view = heart_view(HeartInputs(age_years=40))
    shown = tables.zones_shown(view, "hrmax5")
    assert list(shown.columns) == [
        "Zone",
        "% of max",
        "Heart rate [bpm]",
        "How it feels, what it is for",
    ]
    assert shown.iloc[0, 2] == "90\u2013108"
    assert "\u00a0%" in shown.iloc[0, 1]


def test_formula_table_has_the_readers_age_among_the_decades() -> None:
    shown = tables.formulas_shown(heart_view(HeartInputs(age_years=45)))
    assert 45 in shown["Age [years]"].tolist()
    row = shown[shown["Age [years]"] == 45].iloc[0]
    assert row["Fox"] == 175
    assert row["Tanaka"] == 176


def test_comparison_on_screen_has_one_column_per_mode_shown() -> None:
    view = calories_view(CaloriesInputs(), CALORIE_WORDS)
    assert list(tables.comparison_shown(view).columns) == [
        "Measure",
        "Forward walk",
        "Backward walk",
    ]  # 5 km/h: walking only, until the reader asks for all four
    shown = tables.comparison_shown(view, every=True)
    assert list(shown.columns) == [
        "Measure",
        "Forward walk",
        "Forward run",
        "Backward walk",
        "Backward run",
    ]
    assert shown.set_index("Measure").loc["vs forward", "Forward walk"] == "baseline"
