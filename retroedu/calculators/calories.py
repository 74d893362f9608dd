"""The calorie calculator's view model: everything the page, its CSV and the handout show.

`CaloriesInputs` are the reader's settings (weight and speed in the reader's units), read from the
field registry. `calories_view(inputs, words, lang)` computes, once, the four modes at the reader's
speed with their bands, valid ranges and notes (in the language of `words`, the calorie page's
front matter, and `lang`), the forward minutes that cost as much as the backward session, and the
curves the chart draws. The screen, the CSV and the handout read this one object.

>>> from retroedu.content.library import Library
>>> words = Library.load().page("calories").page.meta
>>> view = calories_view(CaloriesInputs(weight=82.0, speed=3.0, minutes=10.0), words)
>>> walk = view.estimate("walk", "backward")  # 50 m/min: (3.5 + 1.6 x 0.1 x 50) x 82 / 200 x 10
>>> round(walk.session_kcal(10).central, 2)
47.15
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from retroedu.content.i18n import ENGLISH, Language
from retroedu.links import fields as registry
from retroedu.models import energy
from retroedu.models import units as u
from retroedu.models.energy import FloatArray

#: Speeds the x axis always shows for each gait, [km/h] for metric, [mph] for imperial: walking
#: up to a brisk walk, running from a jog; both gaits shown, the span of both.
AXIS_SPEEDS: Mapping[str, Mapping[energy.Gait, tuple[float, float]]] = MappingProxyType(
    {
        "metric": MappingProxyType({"walk": (1.0, 8.0), "run": (4.0, 16.0)}),
        "imperial": MappingProxyType({"walk": (0.6, 5.0), "run": (2.5, 10.0)}),
    }
)
#: Evenly spaced speeds on the axis (hover points). Every cost here is a straight line in speed,
#: so a few points plus the valid-range ends draw the curves exactly and keep the figure small.
GRID_POINTS = 16


def _default(key: str, system: str = "metric") -> float:
    default = registry.number(key).limits(system).default
    assert default is not None  # every calorie field has a default
    return default


@dataclass(frozen=True)
class CaloriesInputs:
    """The calorie calculator's settings, weight and speed in the `units` system."""

    weight: float = _default("weight")
    speed: float = _default("speed")
    grade_pct: float = _default("grade")
    minutes: float = _default("minutes")
    units: u.UnitSystem = "metric"

    #: Field key (URL and widget) of each setting.
    KEYS: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"weight": "weight", "speed": "speed", "grade_pct": "grade", "minutes": "minutes"}
    )

    @property
    def weight_kg(self) -> float:
        return u.weight_to_kg(self.weight, self.units)

    @property
    def speed_kmh(self) -> float:
        return u.speed_to_kmh(self.speed, self.units)

    @classmethod
    def from_values(cls, values: Mapping[str, object], system: str = "metric") -> CaloriesInputs:
        """Settings from field values by URL key, numbers in `system`'s units."""
        given = {name: values[key] for name, key in cls.KEYS.items() if values.get(key) is not None}
        return cls(**given, units=u.check_system(system))  # type: ignore[arg-type]

    @classmethod
    def from_link(
        cls, params: Mapping[str, str], aliases: registry.Aliases | None = None
    ) -> tuple[CaloriesInputs, tuple[str, ...]]:
        """Settings from URL parameters (the `units` parameter names the system), and the keys
        whose values could not be used.

        >>> round(CaloriesInputs.from_link({"units": "imperial", "weight": "176"})[0].weight_kg, 2)
        79.83
        >>> CaloriesInputs.from_link({"minutes": "45.5"})[0].minutes
        45.5
        """
        system = (
            registry.choice("units").read(params.get("units"), (aliases or {}).get("units")).value
        )
        found = registry.read_link(registry.CALORIES, params, system)
        return cls.from_values(found.values, system), found.rejected

    def in_units(self, system: str) -> CaloriesInputs:
        """The same person and pace in `system`, rounded as the calorie page rounds them.

        >>> CaloriesInputs(weight=70.0, speed=6.0).in_units("imperial")
        CaloriesInputs(weight=154.3, speed=3.73, grade_pct=0.0, minutes=30.0, units='imperial')
        """
        units = u.check_system(system)
        if units == self.units:
            return self
        weight = round(u.kg_to_weight(self.weight_kg, units), 1)
        speed = round(u.kmh_to_speed(self.speed_kmh, units), 2)
        return CaloriesInputs(weight, speed, self.grade_pct, self.minutes, units)

    def params(self) -> dict[str, str]:
        """URL parameters that reopen these settings, defaults left out (as Streamlit does).

        >>> CaloriesInputs(weight=80.0, minutes=45.5).params()
        {'weight': '80', 'minutes': '45.5'}
        """
        found = {}
        for name in (f.name for f in fields(self) if f.name != "units"):
            key = self.KEYS[name]
            field = registry.number(key)
            value = getattr(self, name)
            if value != field.limits(self.units).default:
                found[key] = field.text(value)
        if self.units != registry.choice("units").default:
            found["units"] = self.units
        return found


@dataclass(frozen=True)
class Curve:
    """One mode across the speed axis: kcal/min (gross) with its band and its valid speeds."""

    key: str
    label: str
    gait: str
    direction: str
    speeds: FloatArray
    central: FloatArray
    low: FloatArray
    high: FloatArray
    valid_low: float
    valid_high: float | None
    range_text: str
    has_band: bool

    def inside(self) -> npt.NDArray[np.bool_]:
        """Which of `speeds` lie inside the valid range."""
        high = np.inf if self.valid_high is None else self.valid_high
        return (self.speeds >= self.valid_low - 1e-9) & (self.speeds <= high + 1e-9)


@dataclass(frozen=True)
class ChartData:
    """Everything the figure draws, in the reader's speed unit."""

    system: str
    speed_unit: str
    weight_kg: float
    grade_pct: float
    speed: float
    curves: tuple[Curve, ...]
    at_speed: tuple[energy.CostEstimate, ...]
    references: tuple[tuple[energy.ReferencePoint, float, float], ...]


def speed_axis(
    speed_kmh: float,
    system: str,
    ends: Sequence[float] = (),
    gaits: Sequence[energy.Gait] = energy.GAITS,
) -> FloatArray:
    """The speeds to draw [in the reader's unit]: an even grid over the span of `gaits` (widened
    to include `speed_kmh`), plus the `ends` of valid ranges that fall inside it.

    >>> axis = speed_axis(20.0, "metric", ends=[6.3, 12.6, 40.0])
    >>> float(axis[0]), float(axis[-1]) >= 20.0, 6.3 in axis, 40.0 in axis, len(axis)
    (1.0, True, True, False, 18)
    >>> walking = speed_axis(5.0, "metric", gaits=("walk",))
    >>> float(walking[0]), float(walking[-1])
    (1.0, 8.0)
    """
    units = u.check_system(system)
    if not gaits or any(gait not in energy.GAITS for gait in gaits):
        raise ValueError(f"Draw at least one of the gaits {', '.join(energy.GAITS)}.")
    spans = [AXIS_SPEEDS[units][gait] for gait in gaits]
    low, high = min(span[0] for span in spans), max(span[1] for span in spans)
    shown = u.kmh_to_speed(energy.check_speed(speed_kmh), units)
    fastest = u.kmh_to_speed(energy.SPEED_LIMIT_KMH, units)
    grid = np.linspace(low, min(max(high, shown * 1.1), fastest), GRID_POINTS)
    inside = [end for end in ends if grid[0] < end < grid[-1]]
    return np.unique(np.concatenate([grid, np.asarray(inside, dtype=np.float64)]))


def chart_data(
    weight_kg: float,
    speed_kmh: float,
    grade_pct: float,
    system: str,
    gaits: Sequence[energy.Gait] = energy.GAITS,
    lang: Language = ENGLISH,
) -> ChartData:
    """Curves for the modes of `gaits` (forward and backward), the reader's point on each and
    the published reference points for them, over the speeds those gaits are used at; labels
    in `lang`.

    >>> walking = chart_data(70.0, 5.0, 0.0, "metric", gaits=("walk",))
    >>> [curve.label for curve in walking.curves], len(walking.references)
    (['Forward walk', 'Backward walk'], 4)
    >>> [curve.label for curve in chart_data(70.0, 10.0, 0.0, "metric", ("run",)).curves]
    ['Forward run', 'Backward run']
    """
    units = u.check_system(system)
    modes = [mode for mode in energy.MODES if mode.gait in gaits]
    m_min_per_unit = u.M_MIN_PER_KMH * (1.0 if units == "metric" else u.KM_PER_MILE)
    limits = {
        mode.key: (
            mode.valid.speed_low_m_min / m_min_per_unit,
            None
            if mode.valid.speed_high_m_min is None
            else mode.valid.speed_high_m_min / m_min_per_unit,
        )
        for mode in modes
    }
    ends = [end for pair in limits.values() for end in pair if end is not None]
    axis = speed_axis(speed_kmh, units, ends, gaits)
    speeds_kmh = axis * (1.0 if units == "metric" else u.KM_PER_MILE)
    curves = []
    for mode in modes:
        low, central, high = (
            energy.kcal_per_min_curve(
                weight_kg, speeds_kmh, grade_pct, mode.gait, mode.direction, which
            )
            for which in ("low", "central", "high")
        )
        curves.append(
            Curve(
                key=mode.key,
                label=lang._(mode.label),
                gait=mode.gait,
                direction=mode.direction,
                speeds=axis,
                central=central,
                low=low,
                high=high,
                valid_low=limits[mode.key][0],
                valid_high=limits[mode.key][1],
                range_text=mode.valid.speed_text(units, lang),
                has_band=mode.factor is not None,
            )
        )
    shown = {mode.key for mode in modes}
    references = tuple(
        (point, u.kmh_to_speed(point.speed_kmh, units), point.kcal_per_min(weight_kg))
        for point in energy.REFERENCE_POINTS
        if point.mode_key in shown
    )
    return ChartData(
        system=units,
        speed_unit=u.SPEED_UNIT[units],
        weight_kg=weight_kg,
        grade_pct=grade_pct,
        speed=u.kmh_to_speed(speed_kmh, units),
        curves=tuple(curves),
        at_speed=tuple(
            e for e in energy.compare(weight_kg, speed_kmh, grade_pct) if e.mode.key in shown
        ),
        references=references,
    )


def limit_note(
    result: energy.CostEstimate,
    words: Mapping[str, Any],
    system: str,
    lang: Language = ENGLISH,
) -> str:
    """Why `result` is extrapolated, or its caution, in the reader's units ("" if neither), in
    the language of `words` and `lang`.

    `words` is the calorie page's front matter (its `limit_words` and `jogging_caution`).

    >>> words = {"limit_words": {"downhill": "downhill ({grade} %), not the {covers}"}}
    >>> limit_note(energy.estimate(70.0, 5.0, -4.0, "walk", "forward"), words, "metric")
    'downhill (-4 %), not the ACSM walking equation'
    """
    valid = result.valid
    templates = words["limit_words"]
    values = {
        "covers": lang._(valid.covers),
        "speeds": valid.speed_text(system, lang),
        "grades": valid.grade_text(lang),
        "grade": lang.number(result.grade_pct),
    }
    parts = []
    for limit in result.limits:
        name = "downhill" if limit == "grade_below" and valid.grade_low_pct == 0 else limit
        parts.append(str(templates[name]).format(**values))
    if result.jogging and valid.caution_below_m_min is not None:
        speed = u.format_speed(u.m_min_to_kmh(valid.caution_below_m_min), system, lang=lang)
        parts.append(str(words["jogging_caution"]).format(speed=speed).strip())
    return "; ".join(parts)


@dataclass(frozen=True)
class CaloriesView:
    """What the calorie calculator shows for one set of inputs. `notes` says, per mode key, why
    an estimate is extrapolated or what caution it carries ("" for neither). `chart` draws all
    four modes; `chart_sensible` only those of the gaits that make sense at the reader's speed,
    which the page shows unless the reader asks for all four."""

    inputs: CaloriesInputs
    estimates: tuple[energy.CostEstimate, ...]
    run_minutes: energy.Spread
    walk_minutes: energy.Spread
    chart: ChartData
    chart_sensible: ChartData
    notes: Mapping[str, str]
    lang: Language = ENGLISH

    @property
    def gaits(self) -> tuple[energy.Gait, ...]:
        """The gaits that make sense at the reader's speed (walking, running or both)."""
        return energy.sensible_gaits(self.inputs.speed_kmh)

    def shown(self, every: bool = False) -> tuple[energy.CostEstimate, ...]:
        """The estimates the page shows: all four with `every`, else those of `gaits`.

        >>> from retroedu.content.library import Library
        >>> words = Library.load().page("calories").page.meta
        >>> view = calories_view(CaloriesInputs(speed=5.0), words)
        >>> [e.mode.label for e in view.shown()], len(view.shown(every=True))
        (['Forward walk', 'Backward walk'], 4)
        """
        return tuple(e for e in self.estimates if every or e.mode.gait in self.gaits)

    def minutes(self, gait: str) -> energy.Spread:
        """Forward minutes of `gait` that cost as much as the backward session (gross)."""
        return self.run_minutes if gait == "run" else self.walk_minutes

    @property
    def fast_for_novices(self) -> bool:
        """True above the speed where people switch from backward walking to running."""
        return u.kmh_to_m_s(self.inputs.speed_kmh) > energy.NOVICE_BACKWARD_M_S.value

    def estimate(self, gait: str, direction: str) -> energy.CostEstimate:
        """The estimate for one mode."""
        key = energy.get_mode(gait, direction).key
        return next(e for e in self.estimates if e.mode.key == key)


def calories_view(
    inputs: CaloriesInputs, words: Mapping[str, Any], lang: Language = ENGLISH
) -> CaloriesView:
    """Compute everything the calorie calculator shows, its notes in `words` (the calorie page's
    front matter, in `lang`). ValueError for impossible input."""
    weight_kg, speed_kmh = inputs.weight_kg, inputs.speed_kmh
    grade, minutes = inputs.grade_pct, inputs.minutes
    estimates = energy.compare(weight_kg, speed_kmh, grade)
    return CaloriesView(
        inputs=inputs,
        estimates=estimates,
        notes=MappingProxyType(
            {e.mode.key: limit_note(e, words, inputs.units, lang) for e in estimates}
        ),
        run_minutes=energy.equivalent_forward_minutes(minutes, speed_kmh, grade, "run"),
        walk_minutes=energy.equivalent_forward_minutes(minutes, speed_kmh, grade, "walk"),
        chart=chart_data(weight_kg, speed_kmh, grade, inputs.units, lang=lang),
        chart_sensible=chart_data(
            weight_kg, speed_kmh, grade, inputs.units, energy.sensible_gaits(speed_kmh), lang
        ),
        lang=lang,
    )
