"""The view models: one object per calculator holds what the screen, the CSV and the handout show.

Numbers are worked by hand from the cited formulas (Tanaka 208 - 0.7 x age; Karvonen rest + share
x reserve; ACSM walking 3.5 + 0.1 S; backward walking k_walk = 1.6 above rest).
"""

from __future__ import annotations

import pytest

from retroedu.calculators.calories import CaloriesInputs, calories_view
from retroedu.calculators.heart import HeartInputs, heart_view
from tests.conftest import CALORIE_WORDS, plain


def test_a_resting_rate_makes_heart_rate_reserve_the_recommended_method() -> None:
    # The patient: 68, female, resting 72. Tanaka: 208 - 0.7 x 68 = 160.4; reserve 88.4.
    view = heart_view(HeartInputs(age_years=68, sex="female", resting_hr_bpm=72))
    assert view.method == "hrr5"
    assert view.reserve_bpm == pytest.approx(88.4)
    # Zone 1 = 72 + 0.5 x 88.4 = 116.2 to 72 + 0.6 x 88.4 = 125.04.
    assert view.hero.loc[0, ["low_bpm", "high_bpm"]].tolist() == pytest.approx([116.2, 125.04])
    assert view.others() == ("hrmax5", "acsm")


def test_without_a_resting_rate_zones_are_a_share_of_maximum() -> None:
    view = heart_view(HeartInputs(age_years=40))
    assert view.method == "hrmax5"
    assert view.others() == ()
    # 180 x 0.5 = 90 to 180 x 0.6 = 108.
    assert view.hero.loc[0, ["low_bpm", "high_bpm"]].tolist() == [90.0, 108.0]
    # The articles' 75-85 % of 180: 135 to 153.
    assert view.target_bpm == (135.0, 153.0)
    assert view.band_bpm == pytest.approx((180 - 21.6, 180 + 21.6))  # +/- 2 x 10.8


def test_a_measured_maximum_replaces_the_formula() -> None:
    view = heart_view(HeartInputs(age_years=40, max_hr_bpm=200))
    assert view.measured
    assert view.max_bpm == 200
    assert view.estimate_bpm == 180
    assert view.hero.loc[4, "high_bpm"] == 200


def test_resting_at_or_above_maximum_is_a_problem_not_an_exception() -> None:
    view = heart_view(HeartInputs(age_years=100, resting_hr_bpm=120))  # max 138 > 120: fine
    assert view.problem == ""
    view = heart_view(HeartInputs(age_years=40, resting_hr_bpm=120, max_hr_bpm=110))
    assert "must be lower than maximum heart rate" in view.problem
    assert view.tables == {}
    assert view.hero.empty


def test_the_formulas_chart_spans_the_readers_age() -> None:
    young = heart_view(HeartInputs(age_years=12)).ages["age"].tolist()
    old = heart_view(HeartInputs(age_years=95)).ages["age"].tolist()
    assert young[0] == 12
    assert young[-1] >= 80
    assert old[0] == 18
    assert old[-1] == 96


def test_calorie_view_holds_the_readers_session() -> None:
    # The patient: 82 kg walking at 3 km/h (S = 50 m/min) for 10 minutes.
    view = calories_view(CaloriesInputs(weight=82.0, speed=3.0, minutes=10.0), CALORIE_WORDS)
    forward, backward = view.estimate("walk", "forward"), view.estimate("walk", "backward")
    # Forward 3.5 + 5 = 8.5 ml/kg/min; backward 3.5 + 1.6 x 5 = 11.5; x 82 / 200 x 10 minutes.
    assert forward.session_kcal(10).central == pytest.approx(34.85)
    assert backward.session_kcal(10).central == pytest.approx(47.15)
    assert view.gaits == ("walk",)  # nobody runs at 3 km/h
    assert not view.fast_for_novices


def test_notes_say_why_in_the_readers_units() -> None:
    view = calories_view(CaloriesInputs(speed=3.0, grade_pct=-4.0, units="imperial"), CALORIE_WORDS)
    note = view.notes["forward_walk"]
    assert plain(note).startswith("downhill (-4 %)")
    assert "ACSM walking equation" in note
    jogging = calories_view(CaloriesInputs(speed=4.0, units="imperial"), CALORIE_WORDS)
    # The running equation's caution below 134 m/min = 8.04 km/h = 5.0 mph, in mph.
    assert "below 5.0 mph" in jogging.notes["forward_run"]
    assert "km/h" not in jogging.notes["forward_run"]


def test_equivalent_forward_minutes_use_the_same_speed() -> None:
    # 30 min backward running at 10 km/h (S = 166.7): forward 3.5 + 33.33 = 36.83,
    # backward 3.5 + 1.35 x 33.33 = 48.5 -> 30 x 48.5 / 36.83 = 39.5 minutes forward.
    view = calories_view(CaloriesInputs(speed=10.0), CALORIE_WORDS)
    assert view.run_minutes.central == pytest.approx(39.5, abs=0.01)
    assert view.gaits == ("run",)
