"""The calculators' settings as they travel in a link: read, checked, written back. Pure.

Each calculator page keeps its settings in the URL through widgets bound to query parameters;
Streamlit checks those values against each widget's limits and options. The patient handout needs
both calculators' settings on either page, so this module reads them the same way the widgets do:
the same keys, limits and defaults, and a value that does not fit falls back to the default
(never an exception). `tests/app/test_links.py` checks these rules against the pages themselves.

Selection widgets carry their displayed label in the URL (`sex=Female`, `formula=Nes`); the
heart-rate page also accepts the short keys (`sex=female`, `formula=nes`) in any case, and so does
this module. Number widgets carry the number, in the units the `units` parameter names.

>>> heart, rejected = heart_from_params({"age": "50", "formula": "Nes", "resting_hr": "abc"})
>>> heart.age_years, heart.formula, heart.resting_hr_bpm, rejected
(50.0, 'nes', None, ['resting_hr'])
>>> round(energy_from_params({"units": "imperial", "weight": "176"})[0].weight_kg, 2)
79.83
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from retroedu.models import heart
from retroedu.models import units as u

#: Sex choices (URL/display label by key), as the heart-rate page offers them.
SEX_LABELS: Mapping[str, str] = {"unspecified": "Not given", "female": "Female", "male": "Male"}
#: Heart-rate page limits (low, high) for its number fields. [years], [bpm]
AGE_YEARS = (10.0, 100.0)
RESTING_BPM = (30.0, 120.0)
MEASURED_BPM = (100.0, 230.0)
#: Calorie page limits and defaults (low, high, default) in the reader's units.
WEIGHT = {"metric": (20.0, 300.0, 70.0), "imperial": (44.0, 660.0, 154.0)}
SPEED = {"metric": (1.0, 30.0, 6.0), "imperial": (0.6, 18.6, 3.7)}
GRADE_PCT = (-30.0, 30.0, 0.0)
MINUTES = (1, 600, 30)

HEART_KEYS = ("age", "sex", "formula", "resting_hr", "max_hr")
ENERGY_KEYS = ("weight", "speed", "grade", "minutes")


@dataclass(frozen=True)
class HeartSettings:
    """The heart-rate calculator's inputs. `max_hr_bpm` is a measured maximum, if known."""

    age_years: float = 40.0
    sex: str = "unspecified"
    formula: str = "tanaka"
    resting_hr_bpm: float | None = None
    max_hr_bpm: float | None = None

    @property
    def max_bpm(self) -> float:
        """The maximum the zones use: measured if given, else the formula's estimate. [bpm]"""
        if self.max_hr_bpm is not None:
            return float(self.max_hr_bpm)
        return heart.max_hr(self.age_years, self.formula)

    def _values(self) -> dict[str, object]:
        return {
            "age": self.age_years,
            "sex": SEX_LABELS[self.sex],
            "formula": heart.FORMULAS[self.formula].name,
            "resting_hr": self.resting_hr_bpm,
            "max_hr": self.max_hr_bpm,
        }

    def params(self) -> dict[str, object]:
        """URL parameters that reopen these settings (defaults left out, as Streamlit does).

        >>> HeartSettings(age_years=50, sex="female", resting_hr_bpm=60).params()
        {'age': 50, 'sex': 'Female', 'resting_hr': 60}
        >>> HeartSettings().params()
        {}
        """
        defaults = HeartSettings()._values()
        return {k: v for k, v in self._values().items() if v is not None and v != defaults[k]}


@dataclass(frozen=True)
class EnergySettings:
    """The calorie calculator's inputs, with weight and speed in the `units` system."""

    weight: float = 70.0
    speed: float = 6.0
    grade_pct: float = 0.0
    minutes: int = 30
    units: str = "metric"

    @property
    def weight_kg(self) -> float:
        return u.weight_to_kg(self.weight, self.units)

    @property
    def speed_kmh(self) -> float:
        return u.speed_to_kmh(self.speed, self.units)

    def in_units(self, system: str) -> EnergySettings:
        """The same person and pace in `system`, rounded as the calorie page rounds them.

        >>> EnergySettings(weight=70.0, speed=6.0).in_units("imperial")
        EnergySettings(weight=154.3, speed=3.73, grade_pct=0.0, minutes=30, units='imperial')
        """
        units = u.check_system(system)
        if units == self.units:
            return self
        weight = round(u.kg_to_weight(self.weight_kg, units), 1)
        speed = round(u.kmh_to_speed(self.speed_kmh, units), 2)
        return EnergySettings(weight, speed, self.grade_pct, self.minutes, units)

    def params(self) -> dict[str, object]:
        """URL parameters that reopen these settings (defaults left out, as Streamlit does)."""
        values: dict[str, object] = {
            "weight": self.weight,
            "speed": self.speed,
            "grade": self.grade_pct,
            "minutes": self.minutes,
        }
        defaults = {
            "weight": WEIGHT[self.units][2],
            "speed": SPEED[self.units][2],
            "grade": GRADE_PCT[2],
            "minutes": MINUTES[2],
        }
        found = {k: v for k, v in values.items() if v != defaults[k]}
        if self.units != "metric":
            found["units"] = self.units
        return found


def _number(text: str | None, low: float, high: float, *, whole: bool) -> float | None:
    """`text` as a number within [low, high] (a whole number if `whole`), else None.

    >>> _number("5", 1, 10, whole=True), _number("5.5", 1, 10, whole=True), _number("inf", 1, 10, whole=False)
    (5.0, None, None)
    """
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value) or not low <= value <= high:
        return None
    if whole and not value.is_integer():
        return None
    return value


def _choice(text: str, labels: Mapping[str, str]) -> str | None:
    """The key whose key or label is `text` (any case, spaces trimmed), else None.

    >>> _choice(" FEMALE ", SEX_LABELS), _choice("Not given", SEX_LABELS), _choice("x", SEX_LABELS)
    ('female', 'unspecified', None)
    """
    wanted = text.strip().lower()
    for key, label in labels.items():
        if wanted in {key.lower(), label.lower()}:
            return key
    return None


def heart_from_params(params: Mapping[str, str]) -> tuple[HeartSettings, list[str]]:
    """Heart-rate settings from URL parameters, and the keys whose values could not be used."""
    rejected: list[str] = []
    default = HeartSettings()

    def number(key: str, limits: tuple[float, float]) -> float | None:
        if key not in params:
            return None
        value = _number(params[key], *limits, whole=False)
        if value is None:
            rejected.append(key)
        return value

    def choice(key: str, labels: Mapping[str, str], fallback: str) -> str:
        if key not in params:
            return fallback
        found = _choice(params[key], labels)
        if found is None:
            rejected.append(key)
            return fallback
        return found

    age = number("age", AGE_YEARS)
    sex = choice("sex", SEX_LABELS, default.sex)
    offered = {
        key: formula.name
        for key, formula in heart.FORMULAS.items()
        if not formula.women_only or sex == "female"
    }
    settings = HeartSettings(
        age_years=default.age_years if age is None else age,
        sex=sex,
        formula=choice("formula", offered, default.formula),
        resting_hr_bpm=number("resting_hr", RESTING_BPM),
        max_hr_bpm=number("max_hr", MEASURED_BPM),
    )
    return settings, rejected


def energy_from_params(params: Mapping[str, str]) -> tuple[EnergySettings, list[str]]:
    """Calorie settings from URL parameters, and the keys whose values could not be used."""
    rejected: list[str] = []
    system = params.get("units", "metric")
    if system not in u.UNIT_SYSTEMS:
        rejected.append("units")
        system = "metric"

    def number(key: str, limits: tuple[float, float, float], *, whole: bool = False) -> float:
        low, high, default = limits
        if key not in params:
            return default
        value = _number(params[key], low, high, whole=whole)
        if value is None:
            rejected.append(key)
            return default
        return value

    settings = EnergySettings(
        weight=number("weight", WEIGHT[system]),
        speed=number("speed", SPEED[system]),
        grade_pct=number("grade", GRADE_PCT),
        minutes=int(number("minutes", MINUTES, whole=True)),
        units=system,
    )
    return settings, rejected
