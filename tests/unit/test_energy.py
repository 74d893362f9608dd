"""Energy model and the calorie view model: values worked by hand from the cited equations,
properties, and every refusal.

The model (retroedu/models/energy.py), with S = speed [m/min] and G = grade as a fraction:
  forward walk   VO2 = 3.5 + 0.1*S + 1.8*S*G                  (ACSM)
  forward run    VO2 = 3.5 + 0.2*S + 0.9*S*G                  (ACSM)
  backward walk  VO2 = 3.5 + k_walk*0.1*S + 1.8*S*G           k_walk = 1.6 (low 1.5, high 1.7)
  backward run   VO2 = 3.5 + k_run*(0.2*S + 0.9*S*G)          k_run = 1.35 (low 1.20, high 1.50)
  kcal/min = VO2 * kg / 1000 * 5;  net subtracts 3.5 first.
For 70 kg, kcal/min = VO2 * 70 / 1000 * 5 = VO2 * 0.35.
k_walk is the net backward/forward ratio within each cited source: Compendium (6.0 - 1) / (4.3 - 1)
= 1.52 at 3.5 mph [ainsworth2011]; Kim & Choi (23.6 - 3.5) / (15.9 - 3.5) = 1.62 at 5 km/h
[kim2001]. Valid speeds of backward walking: 0.89 m/s (3.204 km/h) to 100 m/min (6.0 km/h), where
the ACSM walking equation that k_walk multiplies stops.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retroedu.calculators.calories import CaloriesInputs, calories_view, limit_note
from retroedu.models import energy
from retroedu.models import units as u
from tests.conftest import CALORIE_WORDS, LIBRARY

# Properties run few examples and no deadline: a busy two-core machine must not fail them.
PROPERTIES = settings(max_examples=50, deadline=None)
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
    (6.0, 0.0, "walk", "backward", "central", 3.5 + 1.6 * 0.1 * 100),  # 19.5
    (6.0, 0.0, "walk", "backward", "low", 3.5 + 1.5 * 0.1 * 100),  # 18.5
    (6.0, 0.0, "walk", "backward", "high", 3.5 + 1.7 * 0.1 * 100),  # 20.5
    (6.0, 0.0, "run", "backward", "central", 3.5 + 1.35 * 0.2 * 100),  # 30.5
    (6.0, 0.0, "run", "backward", "low", 3.5 + 1.20 * 0.2 * 100),  # 27.5
    (6.0, 0.0, "run", "backward", "high", 3.5 + 1.50 * 0.2 * 100),  # 33.5
    # 5 km/h level: S = 5000/60 = 83.333 m/min
    (5.0, 0.0, "walk", "forward", "central", 3.5 + 8.33333),  # 11.8333
    (5.0, 0.0, "walk", "backward", "central", 3.5 + 1.6 * 8.33333),  # 16.8333
    # 5 km/h at 5 %: S = 83.333 m/min, S*G = 4.1667, so the climb costs 1.8 x 4.1667 = 7.5
    (5.0, 5.0, "walk", "forward", "central", 3.5 + 8.3333 + 1.8 * 4.16667),  # 19.3333
    (5.0, 5.0, "walk", "backward", "central", 3.5 + 1.6 * 8.33333 + 7.5),  # 24.3333
    (5.0, 5.0, "walk", "backward", "low", 3.5 + 1.5 * 8.33333 + 7.5),  # 23.5
    (5.0, 5.0, "walk", "backward", "high", 3.5 + 1.7 * 8.33333 + 7.5),  # 25.1667
    (5.0, 5.0, "run", "forward", "central", 3.5 + 16.66667 + 0.9 * 4.16667),  # 23.9167
    (5.0, 5.0, "run", "backward", "central", 3.5 + 1.35 * (16.66667 + 3.75)),  # 31.0625
    (5.0, 5.0, "run", "backward", "low", 3.5 + 1.20 * 20.41667),  # 28.0
    (5.0, 5.0, "run", "backward", "high", 3.5 + 1.50 * 20.41667),  # 34.125
    # 12 km/h at 10 %: S = 200 m/min, S*G = 20
    (12.0, 10.0, "walk", "forward", "central", 3.5 + 20 + 36),  # 59.5
    (12.0, 10.0, "walk", "backward", "low", 3.5 + 1.5 * 20 + 36),  # 69.5
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


# Gross backward/forward ratios the cited sources measured on the level, at matched speed:
COMPENDIUM_RATIO = 6.0 / 4.3  # code 17320 against forward walking, 3.5 mph: 1.3953 ("+40 %")
KIM_RATIO = 23.6 / 15.9  # Kim & Choi 2001 at 5 km/h: 1.4843 ("+48 %")


@pytest.mark.parametrize(
    ("speed_kmh", "central", "low", "high"),
    [
        # 3.5 mph = 5.6327 km/h, S = 93.8784 m/min: forward 3.5 + 9.38784 = 12.88784;
        # backward 3.5 + 1.6 x 9.38784 = 18.52054 (1.5: 17.58176, 1.7: 19.45933)
        (3.5 * 1.609344, 18.52054 / 12.88784, 17.58176 / 12.88784, 19.45933 / 12.88784),
        # 5 km/h, S = 83.3333 m/min: forward 3.5 + 8.33333 = 11.83333;
        # backward 3.5 + 1.6 x 8.33333 = 16.83333 (1.5: 16.0, 1.7: 17.66667)
        (5.0, 16.83333 / 11.83333, 16.0 / 11.83333, 17.66667 / 11.83333),
    ],
)
def test_backward_walking_ratio_lies_within_the_cited_measurements(
    speed_kmh: float, central: float, low: float, high: float
) -> None:
    """Issue 12: the "+x % vs forward" the calculator shows for level walking (gross ratio at the
    same speed) lies between the two sources' own ratios, and its band covers both."""
    ratio = energy.backward_ratio("walk", speed_kmh)
    assert (ratio.central, ratio.low, ratio.high) == pytest.approx((central, low, high), rel=1e-5)
    assert COMPENDIUM_RATIO <= ratio.central <= KIM_RATIO
    assert ratio.low <= COMPENDIUM_RATIO
    assert ratio.high >= KIM_RATIO


def test_k_walk_spans_the_net_ratio_of_each_source() -> None:
    # Net (above one MET of rest) backward/forward within each source:
    compendium = (6.0 - 1) / (4.3 - 1)  # 1.515
    kim = (23.6 - 3.5) / (15.9 - 3.5)  # 1.621
    assert energy.K_WALK.low is not None
    assert energy.K_WALK.high is not None
    assert energy.K_WALK.low <= compendium <= energy.K_WALK.value <= kim <= energy.K_WALK.high
    # The published points drawn on the chart carry the same cited values
    # (3.5 mph x 1.609344 = 5.632704 km/h; 1 MET = 3.5 ml/kg/min).
    listed = {p.label: p for p in energy.REFERENCE_POINTS}
    expected = {
        "17320: 6.0 MET": ("backward_walk", 5.632704, 0.0, 6.0 * 3.5),
        "17325: 8.0 MET": ("backward_walk", 5.632704, 5.0, 8.0 * 3.5),
        "Backward, measured": ("backward_walk", 5.0, 0.0, 23.6),
        "Forward, measured": ("forward_walk", 5.0, 0.0, 15.9),
    }
    assert set(listed) == set(expected)
    for label, (mode_key, speed, grade, vo2) in expected.items():
        point = listed[label]
        assert point.mode_key == mode_key, label
        assert (point.speed_kmh, point.grade_pct, point.vo2_ml_kg_min) == pytest.approx(
            (speed, grade, vo2)
        ), label


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
        # Backward walk: 0.89 m/s = 53.4 m/min = 3.204 km/h to 100 m/min = 6.0 km/h, 0-10 %.
        (3.21, 10.0, "walk", "backward", ()),
        (5.9, 0.0, "walk", "backward", ()),
        (6.0, 0.0, "walk", "backward", ()),  # the walking equation's own edge, included
        (3.2, 0.0, "walk", "backward", ("speed_below",)),  # 53.33 m/min < 53.4
        # 6.0-6.5 km/h was measured backward, but the forward equation k_walk multiplies stops.
        (6.1, 0.0, "walk", "backward", ("speed_above",)),
        (6.48, 0.0, "walk", "backward", ("speed_above",)),
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


def test_valid_speeds_are_written_in_the_readers_units() -> None:
    # Backward walk 3.204-6.0 km/h = 1.991-3.728 mph; backward run 6.3-12.6 km/h = 3.91-7.83 mph.
    walk = energy.WALK_BACKWARD_RANGE
    assert walk.speed_text("metric") == "3.2\u20136.0 km/h"
    assert walk.speed_text("imperial") == "2.0\u20133.7 mph"
    assert walk.grade_text() == "0 to +10 %"
    assert energy.RUN_BACKWARD_RANGE.speed_text("metric") == "6.3\u201312.6 km/h"


@pytest.mark.parametrize(
    ("speed_kmh", "gait", "direction", "jogging"),
    [
        # 134 m/min = 8.04 km/h: from 80 m/min (4.8 km/h) up to it, the running equation holds
        # only for true jogging: a caution, not an extrapolation.
        (7.0, "run", "forward", True),
        (8.1, "run", "forward", False),
        (4.0, "run", "forward", False),  # below 4.8 km/h: extrapolated instead
        (7.0, "run", "backward", False),  # the backward measurements carry no such caution
        (5.0, "walk", "forward", False),
    ],
)
def test_jogging_speeds_carry_a_caution_not_an_extrapolation(
    speed_kmh: float, gait: str, direction: str, jogging: bool
) -> None:
    result = energy.estimate(70.0, speed_kmh, 0.0, gait, direction)
    assert result.jogging is jogging
    if jogging:
        assert not result.extrapolated


@pytest.mark.parametrize(
    ("speed_kmh", "gaits"),
    [
        # People switch from backward walking to running at 1.6 m/s (5.76 km/h); running is the
        # cheaper gait from 1.85 m/s (6.66 km/h). In between, both make sense.
        (3.0, ("walk",)),
        (5.7, ("walk",)),  # 1.583 m/s
        (5.8, ("walk", "run")),  # 1.611 m/s
        (6.6, ("walk", "run")),  # 1.833 m/s
        (6.7, ("run",)),  # 1.861 m/s
        (10.0, ("run",)),
    ],
)
def test_sensible_gaits_follow_the_walk_run_transition(
    speed_kmh: float, gaits: tuple[str, ...]
) -> None:
    assert energy.sensible_gaits(speed_kmh) == gaits


def test_equivalent_forward_minutes() -> None:
    # 30 min backward running at 10 km/h: 30 x 48.5 / 36.8333 = 39.50 min (low 43.5: 35.43,
    # high 53.5: 43.57). Walking at 5 km/h level: 30 x 16.8333 / 11.8333 = 42.68 min.
    run = energy.equivalent_forward_minutes(30.0, 10.0, 0.0, "run")
    assert (run.central, run.low, run.high) == pytest.approx((39.502, 35.430, 43.575), abs=1e-3)
    walk = energy.equivalent_forward_minutes(30.0, 5.0, 0.0, "walk")
    assert walk.central == pytest.approx(30 * 16.83333 / 11.83333, rel=1e-5)


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
    keys = set(LIBRARY.citing("calories"))
    for constant in energy.CONSTANTS.values():
        assert constant.citations, constant.symbol
        assert set(constant.citations) <= keys, constant.symbol
    for mode in energy.MODES:
        assert set(mode.valid.citations) <= keys, mode.key
    assert {point.citation for point in energy.REFERENCE_POINTS} <= keys


def test_page_words_agree_with_the_model() -> None:
    """Numbers written in content/calories.md are the model's own numbers or the sources' own
    arithmetic, worked here by hand."""
    page = LIBRARY.page("calories").page
    texts = " ".join(" ".join([page.body, str(page.meta)]).split())
    for constant in (energy.K_RUN, energy.K_WALK):
        assert constant.low is not None
        assert constant.high is not None
        assert f"{constant.value:g}" in texts
        low, high = constant.low, constant.high
        assert re.search(rf"{low:.2f}\u2013{high:.2f}|{low:g}\u2013{high:g}", texts)
    # Where k_walk comes from: (6.0 - 1) / (4.3 - 1) = 1.515 and (23.6 - 3.5) / (15.9 - 3.5) = 1.621.
    assert "(6.0 \u2212 1) / (4.3 \u2212 1) = 1.52" in texts
    assert "(23.6 \u2212 3.5) / (15.9 \u2212 3.5) = 1.62" in texts
    # Gross: 6.0 / 4.3 = 1.395 (+40 %) and 23.6 / 15.9 = 1.484 (+48 %); the model at 5 km/h gives
    # 16.833 / 11.833 = 1.4225 (+42 %), band 16.0 / 11.833 = 1.352 to 17.667 / 11.833 = 1.493.
    assert "+40 % (Compendium, 6.0 / 4.3) and +48 % (Kim and Choi" in texts
    assert "gives 42 % at 5 km/h, band 35\u201349 %" in texts
    # Backward running +35 % above rest is +30 % gross at 1.75 m/s (S = 105: 31.85 / 24.5 = 1.300)
    # and +32 % at 3.5 m/s (S = 210: 60.2 / 45.5 = 1.323).
    assert round(100 * (energy.backward_ratio("run", 6.3).central - 1)) == 30
    assert round(100 * (energy.backward_ratio("run", 12.6).central - 1)) == 32
    assert "about 30\u201332 % on gross numbers" in texts


# --- The calorie view model (more in test_calculators.py) -----------------------------------------


@PROPERTIES
@given(speeds, grades, st.sampled_from(u.UNIT_SYSTEMS))
def test_a_note_appears_exactly_when_an_estimate_is_extrapolated_or_cautioned(
    kmh: float, grade: float, system: str
) -> None:
    for result in energy.compare(70.0, kmh, grade):
        note = limit_note(result, CALORIE_WORDS, system)
        assert bool(note) is (result.extrapolated or result.jogging), result.mode.key


@pytest.mark.parametrize(("speed_kmh", "fast"), [(5.7, False), (5.8, True), (10.0, True)])
def test_speeds_above_the_backward_walk_run_transition_are_fast_for_novices(
    speed_kmh: float, fast: bool
) -> None:
    # People switch from backward walking to backward running at about 1.6 m/s = 5.76 km/h.
    assert calories_view(CaloriesInputs(speed=speed_kmh), CALORIE_WORDS).fast_for_novices is fast


# --- Properties ----------------------------------------------------------------------------


@PROPERTIES
@given(gaits, directions, estimates, speeds, speeds, uphill)
def test_cost_rises_with_speed(
    gait: str, direction: str, which: str, a: float, b: float, grade: float
) -> None:
    slow, fast = sorted((a, b))
    assert energy.vo2_ml_kg_min(slow, grade, gait, direction, which) <= energy.vo2_ml_kg_min(
        fast, grade, gait, direction, which
    )


@PROPERTIES
@given(gaits, directions, estimates, speeds, grades, grades)
def test_cost_rises_with_grade(
    gait: str, direction: str, which: str, speed: float, a: float, b: float
) -> None:
    low, high = sorted((a, b))
    assert energy.vo2_ml_kg_min(speed, low, gait, direction, which) <= energy.vo2_ml_kg_min(
        speed, high, gait, direction, which
    )


@PROPERTIES
@given(gaits, estimates, speeds, grades)
def test_backward_costs_at_least_forward(gait: str, which: str, speed: float, grade: float) -> None:
    assert energy.vo2_ml_kg_min(speed, grade, gait, "backward", which) >= energy.vo2_ml_kg_min(
        speed, grade, gait, "forward", which
    )


@PROPERTIES
@given(estimates, st.floats(min_value=0.1, max_value=energy.SPEED_LIMIT_KMH), uphill)
def test_backward_factors_multiply_the_cost_above_rest(
    which: str, speed: float, grade: float
) -> None:
    """Running: k_run multiplies everything above rest, climbing included. Walking: k_walk
    multiplies the level part only (the climb costs 1.8 x S x G in both directions)."""
    run_forward = energy.vo2_ml_kg_min(speed, grade, "run", "forward") - 3.5
    run_backward = energy.vo2_ml_kg_min(speed, grade, "run", "backward", which) - 3.5
    assert run_backward == pytest.approx(energy.K_RUN.pick(which) * run_forward)
    walk_forward = energy.vo2_ml_kg_min(speed, grade, "walk", "forward") - 3.5
    walk_backward = energy.vo2_ml_kg_min(speed, grade, "walk", "backward", which) - 3.5
    level = 0.1 * speed * 1000 / 60
    assert walk_backward - walk_forward == pytest.approx((energy.K_WALK.pick(which) - 1) * level)


@PROPERTIES
@given(gaits, directions, speeds, grades)
def test_band_is_ordered(gait: str, direction: str, speed: float, grade: float) -> None:
    low, central, high = (
        energy.vo2_ml_kg_min(speed, grade, gait, direction, which)
        for which in ("low", "central", "high")
    )
    assert 3.5 <= low <= central <= high


@PROPERTIES
@given(weights, speeds, grades, gaits, directions)
def test_kcal_scale_with_weight_and_net_is_gross_minus_rest(
    kg: float, kmh: float, grade: float, gait: str, direction: str
) -> None:
    gross = energy.kcal_per_min(kg, kmh, grade, gait, direction)
    net = energy.kcal_per_min(kg, kmh, grade, gait, direction, net=True)
    per_kg = energy.kcal_per_min(1.0, kmh, grade, gait, direction)
    assert gross == pytest.approx(per_kg * kg)
    assert net == pytest.approx(gross - 3.5 * kg / 200.0, abs=1e-9)


@PROPERTIES
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
