"""Unit conversions and the shared number check: worked values from the definitions, round trips,
and every refusal.

Definitions used for the worked values: 1 lb = 0.45359237 kg and 1 mile = 1.609344 km (exact);
1 km/h = 1000/60 m/min = 1000/3600 m/s.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retroedu.models import units as u
from retroedu.models.checks import parse, real

# Properties run few examples and no deadline: a busy two-core machine must not fail them.
PROPERTIES = settings(max_examples=50, deadline=None)
masses = st.floats(min_value=0.0, max_value=1_000.0, allow_nan=False)
speeds = st.floats(min_value=0.0, max_value=60.0, allow_nan=False)
positive_speeds = st.floats(min_value=0.1, max_value=60.0, allow_nan=False)
systems = st.sampled_from(u.UNIT_SYSTEMS)


def test_pounds_and_kilograms() -> None:
    # 154 lb x 0.45359237 = 69.85322498 kg; 70 kg / 0.45359237 = 154.3235835 lb
    assert u.lb_to_kg(154.0) == pytest.approx(69.85322498)
    assert u.kg_to_lb(70.0) == pytest.approx(154.3235835)
    assert u.weight_to_kg(154.0, "imperial") == pytest.approx(69.85322498)
    assert u.weight_to_kg(70.0, "metric") == 70.0
    assert u.kg_to_weight(70.0, "imperial") == pytest.approx(154.3235835)


def test_miles_and_kilometres_per_hour() -> None:
    # 6 mph x 1.609344 = 9.656064 km/h; 10 km/h / 1.609344 = 6.2137119 mph
    assert u.mph_to_kmh(6.0) == pytest.approx(9.656064)
    assert u.kmh_to_mph(10.0) == pytest.approx(6.2137119)
    assert u.speed_to_kmh(6.0, "imperial") == pytest.approx(9.656064)
    assert u.kmh_to_speed(10.0, "imperial") == pytest.approx(6.2137119)
    assert u.speed_to_kmh(10.0, "metric") == 10.0


def test_metres_per_minute_and_per_second() -> None:
    # 6 km/h = 6000 m / 60 min = 100 m/min; 12 km/h = 200 m/min; 9 km/h = 9000 / 3600 = 2.5 m/s
    assert u.kmh_to_m_min(6.0) == pytest.approx(100.0)
    assert u.kmh_to_m_min(12.0) == pytest.approx(200.0)
    assert u.m_min_to_kmh(134.0) == pytest.approx(8.04)
    assert u.kmh_to_m_s(9.0) == pytest.approx(2.5)
    # The backward-running data range, 1.75-3.5 m/s, is 6.3-12.6 km/h (x 3.6); backward walking
    # starts at 0.89 m/s = 3.204 km/h = 53.4 m/min.
    assert u.m_s_to_kmh(1.75) == pytest.approx(6.3)
    assert u.m_s_to_kmh(3.5) == pytest.approx(12.6)
    assert u.kmh_to_m_min(u.m_s_to_kmh(0.89)) == pytest.approx(53.4)


def test_pace() -> None:
    # 12 km/h: 60 / 12 = 5 min/km; 7.5 mph: 60 / 7.5 = 8 min/mile = 12.07008 km/h
    assert u.pace_min_per_km(12.0) == pytest.approx(5.0)
    assert u.pace_min_per_mile(7.5) == pytest.approx(8.0)
    assert u.pace_from_kmh(12.0, "metric") == pytest.approx(5.0)
    assert u.pace_from_kmh(12.07008, "imperial") == pytest.approx(8.0)
    assert u.kmh_from_pace(5.0, "metric") == pytest.approx(12.0)
    assert u.kmh_from_pace(8.0, "imperial") == pytest.approx(12.07008)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("5:00", 5.0), ("5:30", 5.5), (" 4:05 ", 4 + 5 / 60), ("10:59", 10 + 59 / 60), ("6", 6.0)],
)
def test_parse_pace(text: str, minutes: float) -> None:
    assert u.parse_pace(text) == pytest.approx(minutes)


@pytest.mark.parametrize(
    ("minutes", "text"), [(5.0, "5:00"), (5.5, "5:30"), (4.999, "5:00"), (12.0 + 1 / 3, "12:20")]
)
def test_format_pace(minutes: float, text: str) -> None:
    assert u.format_pace(minutes) == text


def test_formatted_speed_and_weight() -> None:
    assert u.format_speed(9.656064, "imperial") == "6.0 mph"
    assert u.format_speed(6.0, "metric", digits=2) == "6.00 km/h"
    assert u.format_weight(80.0, "imperial") == "176 lb"  # 80 / 0.45359237 = 176.37


@PROPERTIES
@given(masses)
def test_mass_round_trip(kg: float) -> None:
    assert u.lb_to_kg(u.kg_to_lb(kg)) == pytest.approx(kg, rel=1e-12, abs=1e-12)


@PROPERTIES
@given(speeds, systems)
def test_speed_round_trips(kmh: float, system: str) -> None:
    assert u.speed_to_kmh(u.kmh_to_speed(kmh, system), system) == pytest.approx(kmh, abs=1e-12)
    assert u.m_min_to_kmh(u.kmh_to_m_min(kmh)) == pytest.approx(kmh, abs=1e-12)
    assert u.m_s_to_kmh(u.kmh_to_m_s(kmh)) == pytest.approx(kmh, abs=1e-12)


@PROPERTIES
@given(positive_speeds, systems)
def test_pace_round_trip(kmh: float, system: str) -> None:
    assert u.kmh_from_pace(u.pace_from_kmh(kmh, system), system) == pytest.approx(kmh)


@PROPERTIES
@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=59))
def test_typed_pace_round_trip(minutes: int, seconds: int) -> None:
    if minutes == seconds == 0:
        return
    text = f"{minutes}:{seconds:02d}"
    assert u.format_pace(u.parse_pace(text)) == text


@PROPERTIES
@given(st.floats(min_value=0.05, max_value=500.0))
def test_formatted_pace_is_within_half_a_second(minutes: float) -> None:
    assert abs(u.parse_pace(u.format_pace(minutes)) - minutes) <= 0.5 / 60 + 1e-12


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: u.lb_to_kg(-1.0), "cannot be negative"),
        (lambda: u.kg_to_lb(math.nan), "finite number"),
        (lambda: u.mph_to_kmh(-0.1), "cannot be negative"),
        (lambda: u.kmh_to_mph(math.inf), "finite number"),
        (lambda: u.kmh_to_m_min(-5.0), "cannot be negative"),
        (lambda: u.m_s_to_kmh(-1.0), "cannot be negative"),
        (lambda: u.kmh_to_m_s(True), "must be a number"),
        (lambda: u.weight_to_kg("70", "metric"), "must be a number"),  # type: ignore[arg-type]
        (lambda: u.weight_to_kg(70.0, "stone"), "Units must be 'metric' or 'imperial'"),
        (lambda: u.speed_to_kmh(6.0, ""), "Units must be 'metric' or 'imperial'"),
        (lambda: u.pace_min_per_km(0.0), "standing still has no pace"),
        (lambda: u.pace_from_kmh(0.0, "imperial"), "standing still has no pace"),
        (lambda: u.kmh_from_pace(0.0, "metric"), "positive number of minutes"),
        (lambda: u.kmh_from_pace(-5.0, "metric"), "positive number of minutes"),
        (lambda: u.format_pace(0.0), "positive number of minutes"),
        (lambda: u.format_pace(math.nan), "finite number"),
    ],
)
def test_impossible_input_is_refused_in_a_sentence(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "5:7",
        "5:60",
        "5:5a",
        "-5",
        "0",
        "0:00",
        "nan",
        "inf",
        "1e999",
        "5:30:00",
        "<b>1</b>",
    ],
)
def test_unreadable_pace_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="pace"):
        u.parse_pace(text)


# --- The one number check every layer uses (retroedu.models.checks) ---------------------------


@pytest.mark.parametrize(
    ("value", "number"),
    [(70, 70.0), (2.5, 2.5), (-3, -3.0), (Fraction(1, 4), 0.25), (np.float64(1.5), 1.5)],
)
def test_real_numbers_pass_as_floats(value: object, number: float) -> None:
    result = real(value, "age")
    assert result == number
    assert type(result) is float


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "The age must be a number."),  # an int to Python, but nobody typed it as a number
        (None, "The age must be a number."),
        ("40", "The age must be a number."),
        (Decimal("40"), "The age must be a number."),
        (1j, "The age must be a number."),
        (math.nan, "The age must be a finite number (got nan)."),
        (-math.inf, "The age must be a finite number (got -inf)."),
    ],
)
def test_anything_else_is_refused_in_a_sentence_naming_the_value(
    value: object, message: str
) -> None:
    with pytest.raises(ValueError, match=rf"^{re.escape(message)}$"):
        real(value, "age")


@pytest.mark.parametrize(("text", "number"), [(" 5.5 ", 5.5), ("1e2", 100.0), ("-0", 0.0)])
def test_typed_numbers_are_read(text: str, number: float) -> None:
    assert parse(text, "speed") == number


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The speed must be a number."),
        ("abc", "The speed must be a number."),
        ("0x1F", "The speed must be a number."),
        ("4,5", "The speed must be a number."),
        ("nan", "The speed must be a finite number (got nan)."),
        ("1e999", "The speed must be a finite number (got inf)."),
        ("-inf", "The speed must be a finite number (got -inf)."),
    ],
)
def test_unreadable_numbers_are_refused_in_a_sentence(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=rf"^{re.escape(message)}$"):
        parse(text, "speed")
