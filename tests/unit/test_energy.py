"""Energy model: values worked by hand from the cited equations, properties, and every refusal.

The model (retroedu/models/energy.py), with S = speed [m/min] and G = grade as a fraction:
  forward walk   VO2 = 3.5 + 0.1*S + 1.8*S*G                  (ACSM)
  forward run    VO2 = 3.5 + 0.2*S + 0.9*S*G                  (ACSM)
  backward walk  VO2 = 3.5 + k_walk*0.1*S + 1.8*S*G           k_walk = 1.8 (low 1.6, high 1.9)
  backward run   VO2 = 3.5 + k_run*(0.2*S + 0.9*S*G)          k_run = 1.35 (low 1.20, high 1.50)
  kcal/min = VO2 * kg / 1000 * 5;  net subtracts 3.5 first.
For 70 kg, kcal/min = VO2 * 70 / 1000 * 5 = VO2 * 0.35.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from retroedu.content.evidence import learn_page
from retroedu.models import energy
from retroedu.models import units as u

KG70 = 70.0 / 1000.0 * 5.0  # kcal per (ml/kg/min) for 70 kg = 0.35

gaits = st.sampled_from(energy.GAITS)
directions = st.sampled_from(energy.DIRECTIONS)
estimates = st.sampled_from(energy.ESTIMATES)
speeds = st.floats(min_value=0.0, max_value=energy.SPEED_LIMIT_KMH)
grades = st.floats(min_value=-energy.GRADE_LIMIT_PCT, max_value=energy.GRADE_LIMIT_PCT)
uphill = st.floats(min_value=0.0, max_value=energy.GRADE_LIMIT_PCT)
weights = st.floats(min_value=1.0, max_value=energy.WEIGHT_LIMIT_KG)

# (speed km/h, grade %, gait, direction, estimate, VO2 worked by hand [ml/kg/min])
WORKED = [
    # 6 km/h level: S = 6000/60 = 100 m/min, G = 0
    (6.0, 0.0, "walk", "forward", "central", 3.5 + 0.1 * 100),  # 13.5
    (6.0, 0.0, "run", "forward", "central", 3.5 + 0.2 * 100),  # 23.5
    (6.0, 0.0, "walk", "backward", "central", 3.5 + 1.8 * 0.1 * 100),  # 21.5
    (6.0, 0.0, "walk", "backward", "low", 3.5 + 1.6 * 0.1 * 100),  # 19.5
    (6.0, 0.0, "walk", "backward", "high", 3.5 + 1.9 * 0.1 * 100),  # 22.5
    (6.0, 0.0, "run", "backward", "central", 3.5 + 1.35 * 0.2 * 100),  # 30.5
    (6.0, 0.0, "run", "backward", "low", 3.5 + 1.20 * 0.2 * 100),  # 27.5
    (6.0, 0.0, "run", "backward", "high", 3.5 + 1.50 * 0.2 * 100),  # 33.5
    # 5 km/h at 5 %: S = 83.333 m/min, S*G = 4.1667
    (5.0, 5.0, "walk", "forward", "central", 3.5 + 8.3333 + 1.8 * 4.16667),  # 19.3333
    (5.0, 5.0, "walk", "backward", "central", 3.5 + 1.8 * 8.33333 + 7.5),  # 26.0
    (5.0, 5.0, "walk", "backward", "low", 3.5 + 1.6 * 8.33333 + 7.5),  # 24.3333
    (5.0, 5.0, "walk", "backward", "high", 3.5 + 1.9 * 8.33333 + 7.5),  # 26.8333
    (5.0, 5.0, "run", "forward", "central", 3.5 + 16.66667 + 0.9 * 4.16667),  # 23.9167
    (5.0, 5.0, "run", "backward", "central", 3.5 + 1.35 * (16.66667 + 3.75)),  # 31.0625
    (5.0, 5.0, "run", "backward", "low", 3.5 + 1.20 * 20.41667),  # 28.0
    (5.0, 5.0, "run", "backward", "high", 3.5 + 1.50 * 20.41667),  # 34.125
    # 12 km/h at 10 %: S = 200 m/min, S*G = 20
    (12.0, 10.0, "walk", "forward", "central", 3.5 + 20 + 36),  # 59.5
    (12.0, 10.0, "walk", "backward", "low", 3.5 + 1.6 * 20 + 36),  # 71.5
    (12.0, 10.0, "run", "forward", "central", 3.5 + 40 + 18),  # 61.5
    (12.0, 10.0, "run", "backward", "central", 3.5 + 1.35 * 58),  # 81.8
    (12.0, 10.0, "run", "backward", "high", 3.5 + 1.50 * 58),  # 90.5
    # Downhill: the climbing term is dropped, so -10 % at 10 km/h equals level:
    # S = 166.667, forward run 3.5 + 33.333 = 36.833; backward 3.5 + 1.35 * 33.333 = 48.5
    (10.0, -10.0, "run", "forward", "central", 3.5 + 0.2 * 166.66667),
    (10.0, -10.0, "run", "backward", "central", 3.5 + 1.35 * 0.2 * 166.66667),
    # Standing still costs the resting 3.5.
    (0.0, 12.0, "run", "backward", "high", 3.5),
]


@pytest.mark.parametrize(("speed", "grade", "gait", "direction", "which", "vo2"), WORKED)
def test_worked_examples(
    speed: float, grade: float, gait: str, direction: str, which: str, vo2: float
) -> None:
    assert energy.vo2_ml_kg_min(speed, grade, gait, direction, which) == pytest.approx(
        vo2, rel=1e-5
    )
    assert energy.kcal_per_min(70.0, speed, grade, gait, direction, which) == pytest.approx(
        vo2 * KG70, rel=1e-5
    )
    assert energy.kcal_per_min(70.0, speed, grade, gait, direction, which, net=True) == (
        pytest.approx((vo2 - 3.5) * KG70, rel=1e-5, abs=1e-9)
    )


def test_seventy_kilograms_at_six_km_h_in_kcal() -> None:
    # 13.5 x 0.35 = 4.725; 23.5 x 0.35 = 8.225; 21.5 x 0.35 = 7.525; 30.5 x 0.35 = 10.675
    kcal = [energy.kcal_per_min(70.0, 6.0, 0.0, m.gait, m.direction) for m in energy.MODES]
    assert kcal == pytest.approx([4.725, 8.225, 7.525, 10.675])
    # Net: (30.5 - 3.5) x 0.35 = 9.45 kcal/min
    assert energy.kcal_per_min(70.0, 6.0, 0.0, "run", "backward", net=True) == pytest.approx(9.45)


def test_six_mph_backward_costs_about_a_third_more() -> None:
    # 6 mph = 6 x 1609.344 / 60 = 160.9344 m/min; forward 3.5 + 32.18688 = 35.68688,
    # backward 3.5 + 1.35 x 32.18688 = 46.95229; 46.95229 / 35.68688 = 1.3157 (+32 % gross),
    # above rest exactly 1.35 (+35 %).
    speed = u.mph_to_kmh(6.0)
    forward = energy.vo2_ml_kg_min(speed, 0.0, "run", "forward")
    backward = energy.vo2_ml_kg_min(speed, 0.0, "run", "backward")
    assert forward == pytest.approx(35.68688)
    assert backward == pytest.approx(46.95229)
    assert round((backward / forward - 1) * 100) == 32
    assert (backward - 3.5) / (forward - 3.5) == pytest.approx(1.35)


def test_backward_walking_reproduces_the_compendium_codes() -> None:
    # 3.5 mph = 93.8784 m/min; level: 3.5 + 1.8 x 9.38784 = 20.398 ml/kg/min = 5.83 MET
    # (code 17320: 6.0 MET); 5 %: + 1.8 x 93.8784 x 0.05 = 8.449 -> 28.847 = 8.24 MET (17325: 8.0)
    speed = u.mph_to_kmh(3.5)
    level = energy.estimate(70.0, speed, 0.0, "walk", "backward")
    uphill = energy.estimate(70.0, speed, 5.0, "walk", "backward")
    assert level.mets == pytest.approx(20.39811 / 3.5, rel=1e-5)
    assert uphill.mets == pytest.approx(28.84717 / 3.5, rel=1e-5)
    assert round(level.mets, 1) == 5.8
    assert round(uphill.mets, 1) == 8.2
    assert [point.vo2_ml_kg_min / 3.5 for point in energy.REFERENCE_POINTS[:2]] == [6.0, 8.0]


def test_estimate_carries_band_and_both_rates() -> None:
    # 70 kg, 10 km/h level backward run: S = 166.667, VO2 = 3.5 + k x 33.333
    # low 43.5, central 48.5, high 53.5; gross x 0.35 = 15.225 / 16.975 / 18.725;
    # net (VO2 - 3.5) x 0.35 = 14.0 / 15.75 / 17.5; 45 min: 16.975 x 45 = 763.875 kcal
    result = energy.estimate(70.0, 10.0, 0.0, "run", "backward")
    assert (result.vo2.low, result.vo2.central, result.vo2.high) == pytest.approx(
        (43.5, 48.5, 53.5)
    )
    gross, net = result.gross_kcal_per_min, result.net_kcal_per_min
    assert (gross.low, gross.central, gross.high) == pytest.approx((15.225, 16.975, 18.725))
    assert (net.low, net.central, net.high) == pytest.approx((14.0, 15.75, 17.5))
    assert result.session_kcal(45.0).central == pytest.approx(763.875)
    assert result.session_kcal(45.0, net=True).central == pytest.approx(708.75)
    assert result.mets == pytest.approx(48.5 / 3.5)
    assert not result.extrapolated
    assert result.reason() == ""
    assert result.valid is energy.RUN_BACKWARD_RANGE


def test_forward_modes_have_no_band() -> None:
    result = energy.estimate(70.0, 10.0, 3.0, "run", "forward")
    assert result.vo2.low == result.vo2.central == result.vo2.high


def test_compare_returns_the_four_modes_in_order() -> None:
    results = energy.compare(70.0, 6.0, 0.0)
    assert [r.mode.key for r in results] == [
        "forward_walk",
        "forward_run",
        "backward_walk",
        "backward_run",
    ]


@pytest.mark.parametrize(
    ("speed_kmh", "grade", "gait", "direction", "limits"),
    [
        # Forward walk: 50-100 m/min = 3.0-6.0 km/h, level and uphill.
        (3.0, 0.0, "walk", "forward", ()),
        (6.0, 0.0, "walk", "forward", ()),
        (2.9, 0.0, "walk", "forward", ("speed_below",)),
        (6.1, 0.0, "walk", "forward", ("speed_above",)),
        (5.0, -1.0, "walk", "forward", ("grade_below",)),
        (5.0, 30.0, "walk", "forward", ()),
        # Forward run: from 80 m/min = 4.8 km/h, no upper limit.
        (4.8, 0.0, "run", "forward", ()),
        (4.7, 0.0, "run", "forward", ("speed_below",)),
        (40.0, 0.0, "run", "forward", ()),
        # Backward walk: 0.9-1.8 m/s = 3.24-6.48 km/h, 0-10 %.
        (3.24, 10.0, "walk", "backward", ()),
        (6.48, 0.0, "walk", "backward", ()),
        (3.2, 0.0, "walk", "backward", ("speed_below",)),
        (6.5, 10.5, "walk", "backward", ("speed_above", "grade_above")),
        # Backward run: 1.75-3.5 m/s = 6.3-12.6 km/h, 0-25 %.
        (6.3, 25.0, "run", "backward", ()),
        (12.6, 0.0, "run", "backward", ()),
        (6.2, 0.0, "run", "backward", ("speed_below",)),
        (13.0, -5.0, "run", "backward", ("speed_above", "grade_below")),
        (10.0, 26.0, "run", "backward", ("grade_above",)),
    ],
)
def test_valid_ranges(
    speed_kmh: float, grade: float, gait: str, direction: str, limits: tuple[str, ...]
) -> None:
    result = energy.estimate(70.0, speed_kmh, grade, gait, direction)
    assert result.limits == limits
    assert result.extrapolated is bool(limits)
    assert bool(result.reason()) is bool(limits)


def test_reasons_speak_the_readers_units() -> None:
    walk = energy.estimate(70.0, 10.0, 0.0, "walk", "backward")
    assert walk.reason("metric") == (
        "faster than the backward-walking measurements cover (3.2\u20136.5 km/h)"
    )
    # 3.24 km/h = 2.01 mph, 6.48 km/h = 4.03 mph
    assert walk.reason("imperial") == (
        "faster than the backward-walking measurements cover (2.0\u20134.0 mph)"
    )
    downhill = energy.estimate(70.0, 5.0, -4.0, "walk", "forward")
    assert downhill.reason() == (
        "downhill (-4 %): the ACSM walking equation covers level and uphill only"
    )
    steep = energy.estimate(70.0, 10.0, 28.0, "run", "backward")
    assert steep.reason() == ("steeper than the backward-running measurements cover (0 to +25 %)")
    slow = energy.estimate(70.0, 2.0, 0.0, "run", "forward")
    assert slow.reason() == "slower than the ACSM running equation covers (from 4.8 km/h)"


def test_jogging_speeds_carry_a_caution_not_an_extrapolation() -> None:
    # 134 m/min = 8.04 km/h: below it (but from 4.8 km/h) the running equation needs true jogging.
    jog = energy.estimate(70.0, 7.0, 0.0, "run", "forward")
    assert not jog.extrapolated
    assert "truly jogs" in jog.caution
    assert energy.estimate(70.0, 9.0, 0.0, "run", "forward").caution == ""


def test_equivalent_forward_minutes() -> None:
    # 30 min backward running at 10 km/h: 30 x 48.5 / 36.8333 = 39.50 min (low 43.5: 35.43,
    # high 53.5: 43.57). Walking at 5 km/h level: 30 x 18.5 / 11.8333 = 46.90 min.
    run = energy.equivalent_forward_minutes(30.0, 10.0, 0.0, "run")
    assert (run.central, run.low, run.high) == pytest.approx((39.502, 35.430, 43.575), abs=1e-3)
    walk = energy.equivalent_forward_minutes(30.0, 5.0, 0.0, "walk")
    assert walk.central == pytest.approx(30 * 18.5 / 11.83333, rel=1e-5)


def test_comparison_table() -> None:
    # 70 kg, 6 km/h level, 30 min (see test_seventy_kilograms_at_six_km_h_in_kcal):
    # sessions 4.725 x 30 = 141.75, 8.225 x 30 = 246.75, 7.525 x 30 = 225.75, 10.675 x 30 = 320.25
    # backward vs forward: 21.5 / 13.5 - 1 = +59.26 %, 30.5 / 23.5 - 1 = +29.79 %
    table = energy.comparison_table(energy.compare(70.0, 6.0, 0.0), 30.0)
    assert list(table.columns) == list(energy.TABLE_COLUMNS)
    assert table["session_kcal"].tolist() == pytest.approx([141.75, 246.75, 225.75, 320.25])
    assert table["net_session_kcal"].tolist() == pytest.approx([105.0, 210.0, 189.0, 283.5])
    assert math.isnan(table["vs_forward_pct"][0])
    assert table["vs_forward_pct"][2:].tolist() == pytest.approx([59.259, 29.787], abs=1e-3)
    # 6.0 km/h is below the 6.3 km/h where backward running was measured.
    assert table["extrapolated"].tolist() == [False, False, False, True]
    assert table["note"][3] == (
        "slower than the backward-running measurements cover (6.3\u201312.6 km/h)"
    )
    assert "truly jogs" in table["note"][1]


def test_comparison_csv_has_inputs_and_rounded_numbers() -> None:
    table = energy.comparison_table(energy.compare(70.0, 6.0, 2.5), 30.0, "imperial")
    lines = energy.comparison_csv(table, 70.0, 6.0, 2.5).splitlines()
    header = lines[0].split(",")
    assert header[: len(energy.TABLE_COLUMNS)] == list(energy.TABLE_COLUMNS)
    assert header[-3:] == ["weight_kg", "speed_kmh", "grade_pct"]
    assert lines[1].endswith(",70.0,6.0,2.5")
    assert "mph" in lines[3]  # the valid speeds are written in the reader's units
    assert len(lines) == 5


def test_kcal_curve_matches_the_scalar_function() -> None:
    speeds = [0.0, 3.0, 6.0, 12.5, 30.0]
    for mode in energy.MODES:
        for which in energy.ESTIMATES:
            curve = energy.kcal_per_min_curve(70.0, speeds, 4.0, mode.gait, mode.direction, which)
            scalar = [
                energy.kcal_per_min(70.0, s, 4.0, mode.gait, mode.direction, which) for s in speeds
            ]
            assert curve.tolist() == pytest.approx(scalar)


def test_every_constant_names_its_source() -> None:
    keys = set(learn_page("calories").sources)
    for constant in energy.CONSTANTS.values():
        assert constant.citations, constant.symbol
        assert set(constant.citations) <= keys, constant.symbol
    for mode in energy.MODES:
        assert set(mode.valid.citations) <= keys, mode.key
    assert {point.citation for point in energy.REFERENCE_POINTS} <= keys


def test_page_words_agree_with_the_model() -> None:
    """Numbers written in content/calories.md are the model's own numbers."""
    page = learn_page("calories")
    texts = " ".join([page.page.body, str(page.page.meta)])
    for constant in (energy.K_RUN, energy.K_WALK):
        assert constant.low is not None
        assert constant.high is not None
        assert f"{constant.value:g}" in texts
        low, high = constant.low, constant.high
        assert re.search(rf"{low:.2f}\u2013{high:.2f}|{low:g}\u2013{high:g}", texts)
    assert "+32 %" in texts  # see test_six_mph_backward_costs_about_a_third_more
    assert "5.8 and 8.2" in texts  # see test_backward_walking_reproduces_the_compendium_codes


# --- Properties ----------------------------------------------------------------------------


@given(gaits, directions, estimates, speeds, speeds, uphill)
def test_cost_rises_with_speed(
    gait: str, direction: str, which: str, a: float, b: float, grade: float
) -> None:
    slow, fast = sorted((a, b))
    assert energy.vo2_ml_kg_min(slow, grade, gait, direction, which) <= energy.vo2_ml_kg_min(
        fast, grade, gait, direction, which
    )


@given(gaits, directions, estimates, speeds, grades, grades)
def test_cost_rises_with_grade(
    gait: str, direction: str, which: str, speed: float, a: float, b: float
) -> None:
    low, high = sorted((a, b))
    assert energy.vo2_ml_kg_min(speed, low, gait, direction, which) <= energy.vo2_ml_kg_min(
        speed, high, gait, direction, which
    )


@given(gaits, estimates, speeds, grades)
def test_backward_costs_at_least_forward(gait: str, which: str, speed: float, grade: float) -> None:
    assert energy.vo2_ml_kg_min(speed, grade, gait, "backward", which) >= energy.vo2_ml_kg_min(
        speed, grade, gait, "forward", which
    )


@given(gaits, directions, speeds, grades)
def test_band_is_ordered(gait: str, direction: str, speed: float, grade: float) -> None:
    low, central, high = (
        energy.vo2_ml_kg_min(speed, grade, gait, direction, which)
        for which in ("low", "central", "high")
    )
    assert 3.5 <= low <= central <= high


@given(weights, speeds, grades, gaits, directions)
def test_imperial_and_metric_give_the_same_kcal(
    kg: float, kmh: float, grade: float, gait: str, direction: str
) -> None:
    pounds, mph = u.kg_to_weight(kg, "imperial"), u.kmh_to_speed(kmh, "imperial")
    assume(u.speed_to_kmh(mph, "imperial") <= energy.SPEED_LIMIT_KMH)
    via_imperial = energy.kcal_per_min(
        u.weight_to_kg(pounds, "imperial"), u.speed_to_kmh(mph, "imperial"), grade, gait, direction
    )
    assert via_imperial == pytest.approx(energy.kcal_per_min(kg, kmh, grade, gait, direction))


@given(weights, speeds, grades, gaits, directions)
def test_kcal_scale_with_weight_and_net_is_gross_minus_rest(
    kg: float, kmh: float, grade: float, gait: str, direction: str
) -> None:
    gross = energy.kcal_per_min(kg, kmh, grade, gait, direction)
    net = energy.kcal_per_min(kg, kmh, grade, gait, direction, net=True)
    per_kg = energy.kcal_per_min(1.0, kmh, grade, gait, direction)
    assert gross == pytest.approx(per_kg * kg)
    assert net == pytest.approx(gross - 3.5 * kg / 200.0, abs=1e-9)


@given(weights, st.floats(min_value=1.0, max_value=1440.0), speeds, grades, gaits)
def test_equivalent_minutes_ignore_weight(
    kg: float, minutes: float, kmh: float, grade: float, gait: str
) -> None:
    spread = energy.equivalent_forward_minutes(minutes, kmh, grade, gait)
    backward = energy.estimate(kg, kmh, grade, gait, "backward").session_kcal(minutes).central
    forward_rate = energy.estimate(kg, kmh, grade, gait, "forward").gross_kcal_per_min.central
    assert spread.central * forward_rate == pytest.approx(backward)
    # Backward never costs less than forward, so it never buys fewer forward minutes (to rounding).
    assert minutes * (1 - 1e-12) <= spread.low <= spread.central <= spread.high


# --- Refusals --------------------------------------------------------------------------------

REFUSED: list[tuple[Callable[[], object], str]] = [
    (lambda: energy.kcal_per_min(-70.0, 6.0), "Body weight must be above 0 kg"),
    (lambda: energy.kcal_per_min(0.0, 6.0), "Body weight must be above 0 kg"),
    (lambda: energy.kcal_per_min(700.0, 6.0), "beyond any recorded human"),
    (lambda: energy.kcal_per_min(math.nan, 6.0), "body weight must be a finite number"),
    (lambda: energy.kcal_per_min("70", 6.0), "body weight must be a number"),  # type: ignore[arg-type]
    (lambda: energy.vo2_ml_kg_min(-6.0), "Speed cannot be negative"),
    (lambda: energy.vo2_ml_kg_min(50.0), "faster than any human has run"),
    (lambda: energy.vo2_ml_kg_min(math.inf), "speed must be a finite number"),
    (lambda: energy.vo2_ml_kg_min(True), "speed must be a number"),
    (lambda: energy.vo2_ml_kg_min(6.0, 30.5), "steeper than this calculator accepts"),
    (lambda: energy.vo2_ml_kg_min(6.0, -31.0), "steeper than this calculator accepts"),
    (lambda: energy.vo2_ml_kg_min(6.0, math.nan), "grade must be a finite number"),
    (lambda: energy.vo2_ml_kg_min(6.0, 0.0, "skip"), "gait must be 'walk' or 'run'"),
    (lambda: energy.vo2_ml_kg_min(6.0, 0.0, "run", "sideways"), "direction must be 'forward'"),
    (lambda: energy.vo2_ml_kg_min(6.0, 0.0, "run", "forward", "best"), "estimate must be"),
    (lambda: energy.estimate(70.0, 6.0, 0.0, "crawl"), "gait must be 'walk' or 'run'"),
    (lambda: energy.compare(-1.0, 6.0), "Body weight must be above 0 kg"),
    (
        lambda: energy.estimate(70.0, 6.0).session_kcal(-5.0),
        "A session cannot last a negative time",
    ),
    (lambda: energy.equivalent_forward_minutes(2000.0, 6.0), "at most 1440 minutes"),
    (lambda: energy.kcal_per_min_curve(70.0, [1.0, -2.0]), "Speed cannot be negative"),
    (lambda: energy.kcal_per_min_curve(70.0, [1.0, math.nan]), "finite number"),
    (lambda: energy.ValidRange(1, 2, 0, 1, "x", ()).speed_text("klingon"), "Units must be"),
]


@pytest.mark.parametrize(("call", "message"), REFUSED)
def test_impossible_input_is_refused_in_a_sentence(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        call()
