"""Unit conversions and formatting for body mass, speed and pace. Pure; no Streamlit.

Metric and imperial readers type different numbers for the same run; everything here turns them
into the SI-style values the models use (kg, km/h, m/min, m/s) and back. Conversion factors are the
international definitions: 1 lb = 0.45359237 kg and 1 mile = 1.609344 km exactly.

>>> round(lb_to_kg(154.3236), 3)
70.0
>>> round(mph_to_kmh(6.0), 4), round(kmh_to_m_min(12.0), 1)
(9.6561, 200.0)
>>> format_pace(pace_min_per_km(12.0)), format_pace(pace_min_per_mile(6.0))
('5:00', '10:00')
>>> kmh_from_pace(parse_pace("5:00"), "metric")
12.0
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, ParamSpec, TypeVar

from retroedu.content.i18n import ENGLISH, N_, Language, ReaderError
from retroedu.models.checks import real

_P = ParamSpec("_P")
_R = TypeVar("_R")

UnitSystem = Literal["metric", "imperial"]
UNIT_SYSTEMS: tuple[UnitSystem, ...] = ("metric", "imperial")

#: Kilograms in one international avoirdupois pound (exact, by definition). [kg/lb]
KG_PER_LB = 0.45359237
#: Kilometres in one international mile (exact, by definition). [km/mile]
KM_PER_MILE = 1.609344
#: Metres per minute in one km/h. [(m/min)/(km/h)]
M_MIN_PER_KMH = 1000.0 / 60.0
#: Metres per second in one km/h. [(m/s)/(km/h)]
M_S_PER_KMH = 1000.0 / 3600.0

#: What the reader sees for each system: mass, speed and pace units.
WEIGHT_UNIT: dict[UnitSystem, str] = {"metric": "kg", "imperial": "lb"}
SPEED_UNIT: dict[UnitSystem, str] = {"metric": "km/h", "imperial": "mph"}
PACE_UNIT: dict[UnitSystem, str] = {"metric": N_("min/km"), "imperial": N_("min/mile")}
#: What a reader is told when a conversion leaves floating point.
TOO_LARGE = N_("That number is too large to convert; check the value.")
#: How to type a pace, said when a typed pace cannot be read.
PACE_FORMAT = N_("Type a pace as minutes:seconds, for example 5:30 (seconds 00-59).")


def _within_float_range(convert: Callable[_P, _R]) -> Callable[_P, _R]:
    """Refuse a conversion whose result leaves floating point (inf) or overflows, in words.

    Inputs are checked one by one; this catches finite inputs whose *result* is too large,
    e.g. a pace of 5e-324 min/km (an infinite speed).
    """

    @functools.wraps(convert)
    def checked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            result = convert(*args, **kwargs)
        except OverflowError:
            raise ReaderError(TOO_LARGE) from None
        if isinstance(result, float) and not math.isfinite(result):
            raise ReaderError(TOO_LARGE)
        return result

    return checked


def _non_negative(value: float, what: str, unit: str) -> float:
    number = real(value, what)
    if number < 0:
        raise ValueError(f"The {what} cannot be negative (got {number:g} {unit}).")
    return number


def check_system(system: str) -> UnitSystem:
    """The unit system by name, or ValueError naming the two that exist.

    >>> check_system("imperial")
    'imperial'
    """
    if system == "metric":
        return "metric"
    if system == "imperial":
        return "imperial"
    raise ValueError(f"Units must be 'metric' or 'imperial' (got {system!r}).")


@dataclass(frozen=True)
class Conversion:
    """A linear unit conversion, `value [source] x factor = value [target]`, for a quantity that
    cannot be negative. Calling it checks the value and refuses results beyond floating point.

    >>> round(lb_to_kg(10.0), 7), kg_to_lb(0.45359237)
    (4.5359237, 1.0)
    """

    what: str
    source: str
    target: str
    factor: float
    divide: bool = (
        False  # the inverse divides by the factor (exact where multiplying by 1/x is not)
    )

    def __call__(self, value: float) -> float:
        number = _non_negative(value, self.what, self.source)
        result = number / self.factor if self.divide else number * self.factor
        if not math.isfinite(result):
            raise ReaderError(TOO_LARGE)
        return result

    @property
    def inverse(self) -> Conversion:
        return Conversion(self.what, self.target, self.source, self.factor, not self.divide)


#: Body mass in pounds to kilograms, and back. [lb] <-> [kg]
lb_to_kg = Conversion("body weight", "lb", "kg", KG_PER_LB)
kg_to_lb = lb_to_kg.inverse
#: Miles per hour to kilometres per hour, and back. [mph] <-> [km/h]
mph_to_kmh = Conversion("speed", "mph", "km/h", KM_PER_MILE)
kmh_to_mph = mph_to_kmh.inverse
#: km/h to metres per minute (the unit of the ACSM equations), and back. [km/h] <-> [m/min]
kmh_to_m_min = Conversion("speed", "km/h", "m/min", M_MIN_PER_KMH)
m_min_to_kmh = kmh_to_m_min.inverse
#: km/h to metres per second (the unit most papers report), and back. [km/h] <-> [m/s]
kmh_to_m_s = Conversion("speed", "km/h", "m/s", M_S_PER_KMH)
m_s_to_kmh = kmh_to_m_s.inverse
#: The reader's units to the models' (kg, km/h), by unit system; `.inverse` goes back.
WEIGHT_TO_KG: dict[UnitSystem, Conversion] = {
    "metric": Conversion("body weight", "kg", "kg", 1.0),
    "imperial": lb_to_kg,
}
SPEED_TO_KMH: dict[UnitSystem, Conversion] = {
    "metric": Conversion("speed", "km/h", "km/h", 1.0),
    "imperial": mph_to_kmh,
}


def _positive_speed(speed: float, unit: str) -> float:
    number = _non_negative(speed, "speed", unit)
    if number == 0:
        raise ValueError("A pace needs a speed above zero: standing still has no pace.")
    return number


@_within_float_range
def pace_min_per_km(speed_kmh: float) -> float:
    """Minutes per kilometre at a speed. [km/h] -> [min/km]"""
    return 60.0 / _positive_speed(speed_kmh, "km/h")


@_within_float_range
def pace_min_per_mile(speed_mph: float) -> float:
    """Minutes per mile at a speed. [mph] -> [min/mile]"""
    return 60.0 / _positive_speed(speed_mph, "mph")


@_within_float_range
def kmh_from_pace(pace_min: float, system: str) -> float:
    """Speed [km/h] from a pace in min/km (metric) or min/mile (imperial).

    >>> round(kmh_from_pace(10.0, "imperial"), 4)
    9.6561
    """
    units = check_system(system)
    pace = real(pace_min, "pace")
    if pace <= 0:
        raise ValueError(f"A pace must be a positive number of minutes (got {pace:g}).")
    per_hour = 60.0 / pace
    return per_hour if units == "metric" else mph_to_kmh(per_hour)


def weight_to_kg(weight: float, system: str) -> float:
    """Body mass typed in the reader's units (kg or lb) to kilograms. [kg]"""
    return WEIGHT_TO_KG[check_system(system)](weight)


def kg_to_weight(weight_kg: float, system: str) -> float:
    """Kilograms to the reader's mass unit (kg or lb)."""
    return WEIGHT_TO_KG[check_system(system)].inverse(weight_kg)


def speed_to_kmh(speed: float, system: str) -> float:
    """Speed typed in the reader's units (km/h or mph) to km/h. [km/h]"""
    return SPEED_TO_KMH[check_system(system)](speed)


def kmh_to_speed(speed_kmh: float, system: str) -> float:
    """km/h to the reader's speed unit (km/h or mph)."""
    return SPEED_TO_KMH[check_system(system)].inverse(speed_kmh)


@_within_float_range
def pace_from_kmh(speed_kmh: float, system: str) -> float:
    """Pace [min/km or min/mile] at a speed given in km/h, in the reader's units."""
    return 60.0 / _positive_speed(kmh_to_speed(speed_kmh, system), SPEED_UNIT[check_system(system)])


@_within_float_range
def format_pace(pace_min: float) -> str:
    """A pace in minutes as m:ss, rounded to the nearest second.

    >>> format_pace(5.5), format_pace(4.999), format_pace(62.25)
    ('5:30', '5:00', '62:15')
    """
    pace = real(pace_min, "pace")
    if pace <= 0:
        raise ValueError(f"A pace must be a positive number of minutes (got {pace:g}).")
    total_seconds = round(pace * 60)
    return f"{total_seconds // 60}:{total_seconds % 60:02d}"


def parse_pace(text: str) -> float:
    """Read a pace typed as "m:ss" (or plain minutes, "5.5") into minutes.

    >>> parse_pace("5:30"), parse_pace(" 4:05 "), parse_pace("6")
    (5.5, 4.083333333333333, 6.0)
    >>> parse_pace("5:75")
    Traceback (most recent call last):
    ...
    retroedu.content.i18n.ReaderError: Type a pace as minutes:seconds, for example 5:30 (seconds 00-59).
    """
    cleaned = text.strip()
    message = PACE_FORMAT
    if len(cleaned) > 12:
        raise ReaderError(message)
    minutes_text, colon, seconds_text = cleaned.partition(":")
    try:
        if colon:
            if not (minutes_text.isdigit() and seconds_text.isdigit() and len(seconds_text) == 2):
                raise ReaderError(message)
            minutes, seconds = int(minutes_text), int(seconds_text)
            if seconds >= 60:
                raise ReaderError(message)
            pace = minutes + seconds / 60.0
        else:
            pace = float(cleaned.replace(",", ".", 1) if cleaned.count(",") == 1 else cleaned)
    except ValueError:
        raise ReaderError(message) from None
    if not math.isfinite(pace) or pace <= 0:
        raise ReaderError(N_("A pace must be a positive number of minutes, for example 5:30."))
    return pace


def format_speed(speed_kmh: float, system: str, digits: int = 1, lang: Language = ENGLISH) -> str:
    """A speed in the reader's units with its unit, e.g. "10.0 km/h" or "6.2 mph" ("10,0 km/h"
    in Spanish).

    >>> format_speed(10.0, "metric"), format_speed(10.0, "imperial"), format_speed(5.5, "metric", lang=Language("es"))
    ('10.0 km/h', '6.2 mph', '5,5 km/h')
    """
    units = check_system(system)
    return f"{lang.number(kmh_to_speed(speed_kmh, units), digits)} {SPEED_UNIT[units]}"


def format_weight(weight_kg: float, system: str, lang: Language = ENGLISH) -> str:
    """A body mass in the reader's units, whole numbers, e.g. "70 kg" or "154 lb".

    >>> format_weight(70.0, "metric"), format_weight(70.0, "imperial")
    ('70 kg', '154 lb')
    """
    units = check_system(system)
    return f"{lang.number(kg_to_weight(weight_kg, units), 0)} {WEIGHT_UNIT[units]}"
