"""Energy cost of walking and running, forward and backward: oxygen uptake and kcal. Pure.

Forward costs come from the ACSM metabolic equations [acsm_getp10; bushman2020]. Backward costs
multiply the forward cost above rest by a published factor: running k_run = 1.35 (band 1.20-1.50)
from two laboratories [wright2001; rasica2020]; walking k_walk = 1.6 (band 1.5-1.7), the ratio of
backward to forward cost above rest within each of two sources: the Compendium's level codes at
3.5 mph [ainsworth2011] and a measurement at 5 km/h [kim2001].
Every constant is a `Constant` in `CONSTANTS` with its citation keys, so a page can print the
model it used. Results carry their valid range: outside the speeds and grades the equations or
the backward measurements cover, an estimate is flagged as extrapolated, with the limits crossed.

>>> round(vo2_ml_kg_min(10.0, gait="run", direction="forward"), 2)
36.83
>>> round(vo2_ml_kg_min(10.0, gait="run", direction="backward"), 2)
48.5
>>> round(kcal_per_min(70.0, 10.0, gait="run", direction="backward"), 3)
16.975
>>> result = estimate(70.0, 10.0, gait="walk", direction="backward")
>>> result.extrapolated, result.limits
(True, ('speed_above',))

References
----------
.. [acsm_getp10] American College of Sports Medicine (2018). ACSM's Guidelines for Exercise Testing
   and Prescription, 10th ed., Table 6.3 (metabolic equations).
.. [bushman2020] Bushman BA (2020). Metabolic calculations in action, parts 1 and 2. ACSM's Health &
   Fitness Journal 24(3):6-10, 24(4):5-8. doi:10.1249/FIT.0000000000000577
.. [wright2001] Wright S, Weyand PG (2001). J Exp Biol 204(10):1805-1815.
.. [rasica2020] Rasica L, Porcelli S, Minetti AE, Pavei G (2020). Eur J Appl Physiol
   120(11):2507-2515. doi:10.1007/s00421-020-04474-7
.. [ainsworth2011] Ainsworth BE et al. (2011). 2011 Compendium of Physical Activities. Med Sci
   Sports Exerc 43(8):1575-1581. Codes 17320 and 17325.
.. [kim2001] Kim KY, Choi JH (2001). J Korean Acad Rehabil Med 25(3):474-478.
.. [hooper2004] Hooper TL et al. (2004). J Orthop Sports Phys Ther 34(2):65-71.
.. [chaloupka1997] Chaloupka EC et al. (1997). J Orthop Sports Phys Ther 25(5):302-306.
.. [flynn1994] Flynn TW et al. (1994). Med Sci Sports Exerc 26(1):89-94.
.. [lacour2015] Lacour J-R, Bourdin M (2015). Eur J Appl Physiol 115(4):651-673.
.. [byrne2005] Byrne NM et al. (2005). J Appl Physiol 99(3):1112-1119.
.. [hreljac2005] Hreljac A et al. (2005). J Sports Sci Med 4:446-454.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, TypeVar

import numpy as np
import numpy.typing as npt

from retroedu.content.i18n import ENGLISH, N_, Language
from retroedu.models import units as u
from retroedu.models.checks import real, within

Gait = Literal["walk", "run"]
Direction = Literal["forward", "backward"]
Estimate = Literal["central", "low", "high"]
Limit = Literal["speed_below", "speed_above", "grade_below", "grade_above"]

EN_DASH = "\u2013"

GAITS: tuple[Gait, ...] = ("walk", "run")
DIRECTIONS: tuple[Direction, ...] = ("forward", "backward")
ESTIMATES: tuple[Estimate, ...] = ("central", "low", "high")

FloatArray = npt.NDArray[np.float64]
_Speed = TypeVar("_Speed", float, FloatArray)

#: Steepest treadmill grade accepted, up or down. [%]
GRADE_LIMIT_PCT = 30.0
#: Faster than any human has run, forward or backward. [km/h]
SPEED_LIMIT_KMH = 45.0
#: Heavier than any recorded human. [kg]
WEIGHT_LIMIT_KG = 650.0
#: Longest session accepted: one day. [min]
MINUTES_LIMIT = 24 * 60.0


@dataclass(frozen=True)
class Constant:
    """One number of the model with its unit, its meaning and where it comes from.

    `low` and `high` give a plausible band where the source supports one (the backward factors).
    """

    symbol: str
    value: float
    unit: str
    meaning: str
    citations: tuple[str, ...]
    low: float | None = None
    high: float | None = None

    def pick(self, which: Estimate) -> float:
        """The central value, or the low or high end of the band (the central value if none).

        >>> K_RUN.pick("low"), K_RUN.pick("central"), A_RUN.pick("high")
        (1.2, 1.35, 0.2)
        """
        if which == "low" and self.low is not None:
            return self.low
        if which == "high" and self.high is not None:
            return self.high
        return self.value


VO2_REST = Constant(
    "VO2rest",
    3.5,
    N_("ml/kg/min"),
    N_("Resting oxygen uptake, one MET, included in every gross value"),
    ("acsm_getp10", "bushman2020"),
)
KCAL_PER_L = Constant(
    "kcal/L",
    5.0,
    N_("kcal per litre O2"),
    N_("Energy released per litre of oxygen (a little less burning fat, more burning sugar)"),
    ("acsm_getp10",),
)
A_WALK = Constant(
    "a_walk",
    0.1,
    N_("ml/kg per m"),
    N_("Oxygen per metre walked on the level (ACSM walking equation)"),
    ("acsm_getp10", "bushman2020"),
)
B_WALK = Constant(
    "b_walk",
    1.8,
    N_("ml/kg per m climbed"),
    N_("Oxygen per metre of height gained walking (ACSM walking equation)"),
    ("acsm_getp10", "bushman2020"),
)
A_RUN = Constant(
    "a_run",
    0.2,
    N_("ml/kg per m"),
    N_("Oxygen per metre run on the level (ACSM running equation)"),
    ("acsm_getp10", "bushman2020"),
)
B_RUN = Constant(
    "b_run",
    0.9,
    N_("ml/kg per m climbed"),
    N_("Oxygen per metre of height gained running (ACSM running equation)"),
    ("acsm_getp10", "bushman2020"),
)
K_RUN = Constant(
    "k_run",
    1.35,
    N_("times forward"),
    N_(
        "Backward/forward cost above rest, running: +35 % measured in two laboratories, level "
        "to +25 % grade"
    ),
    ("wright2001", "rasica2020"),
    low=1.20,
    high=1.50,
)
K_WALK = Constant(
    "k_walk",
    1.6,
    N_("times forward"),
    N_(
        "Backward/forward cost of level walking above rest: 1.52 in the Compendium (6.0 against "
        "4.3 MET at 3.5 mph) and 1.62 measured at 5 km/h (23.6 against 15.9 ml/kg/min); the band "
        "spans both"
    ),
    ("ainsworth2011", "kim2001"),
    low=1.5,
    high=1.7,
)
INDIVIDUAL_SPREAD = Constant(
    "spread",
    0.20,
    N_("fraction"),
    N_("Typical difference in running cost between individuals, on top of every band here"),
    ("lacour2015",),
)
MEASURED_REST = Constant(
    N_("VO2rest measured"),
    2.6,
    N_("ml/kg/min"),
    N_("Average measured resting oxygen uptake in 769 adults (the 3.5 convention overstates rest)"),
    ("byrne2005",),
)
NOVICE_BACKWARD_M_S = Constant(
    "v_transition",
    1.6,
    N_("m/s"),
    N_(
        "Where people choose to switch from backward walking to backward running (1.63 m/s); running "
        "becomes the cheaper gait from about 1.85 m/s. Faster backward movement needs practice"
    ),
    ("hreljac2005",),
    low=1.6,
    high=1.85,
)

#: Every constant of the model by symbol, in the order a reader meets them.
CONSTANTS: Mapping[str, Constant] = MappingProxyType(
    {
        c.symbol: c
        for c in (
            VO2_REST,
            KCAL_PER_L,
            A_WALK,
            B_WALK,
            A_RUN,
            B_RUN,
            K_WALK,
            K_RUN,
            INDIVIDUAL_SPREAD,
            MEASURED_REST,
            NOVICE_BACKWARD_M_S,
        )
    }
)


@dataclass(frozen=True)
class ValidRange:
    """Speeds [m/min] and grades [%] that an equation or a set of measurements covers.

    An upper limit of None means the source sets none. Below `caution_below_m_min` an estimate
    carries a caution without being an extrapolation (the running equation at jogging speeds).
    """

    speed_low_m_min: float
    speed_high_m_min: float | None
    grade_low_pct: float
    grade_high_pct: float | None
    covers: str
    citations: tuple[str, ...]
    caution_below_m_min: float | None = None

    def limits_crossed(self, speed_m_min: float, grade_pct: float) -> tuple[Limit, ...]:
        """Which limits a speed [m/min] and grade [%] fall outside (empty when inside).

        >>> WALK_BACKWARD_RANGE.limits_crossed(120.0, -2.0)
        ('speed_above', 'grade_below')
        """
        tolerance = 1e-9
        crossed: list[Limit] = []
        if speed_m_min < self.speed_low_m_min - tolerance:
            crossed.append("speed_below")
        if self.speed_high_m_min is not None and speed_m_min > self.speed_high_m_min + tolerance:
            crossed.append("speed_above")
        if grade_pct < self.grade_low_pct - tolerance:
            crossed.append("grade_below")
        if self.grade_high_pct is not None and grade_pct > self.grade_high_pct + tolerance:
            crossed.append("grade_above")
        return tuple(crossed)

    def speed_text(self, system: str = "metric", lang: Language = ENGLISH) -> str:
        """The speed range in the reader's units, e.g. "6.3-12.6 km/h" or "from 3.0 mph", in
        `lang`.

        >>> RUN_BACKWARD_RANGE.speed_text("imperial").replace(EN_DASH, "-")
        '3.9-7.8 mph'
        >>> RUN_FORWARD_RANGE.speed_text()
        'from 4.8 km/h'
        """
        low = lang.number(u.kmh_to_speed(u.m_min_to_kmh(self.speed_low_m_min), system), 1)
        unit = u.SPEED_UNIT[u.check_system(system)]
        if self.speed_high_m_min is None:
            return lang._("from {low} {unit}").format(low=low, unit=unit)
        high = lang.number(u.kmh_to_speed(u.m_min_to_kmh(self.speed_high_m_min), system), 1)
        return f"{low}{EN_DASH}{high} {unit}"

    def grade_text(self, lang: Language = ENGLISH) -> str:
        """The grade range, e.g. "0 to +25 %" or "0 % and up", in `lang`.

        >>> RUN_BACKWARD_RANGE.grade_text(), WALK_FORWARD_RANGE.grade_text()
        ('0 to +25 %', '0 % and up')
        """
        low = lang.number(self.grade_low_pct)
        if self.grade_high_pct is None:
            return lang._("{low} % and up").format(low=low)
        return lang._("{low} to {high} %").format(
            low=low, high=lang.number(self.grade_high_pct, sign=True)
        )


WALK_FORWARD_RANGE = ValidRange(
    speed_low_m_min=50.0,
    speed_high_m_min=100.0,
    grade_low_pct=0.0,
    grade_high_pct=None,
    covers=N_("ACSM walking equation"),
    citations=("acsm_getp10", "bushman2020"),
)
RUN_FORWARD_RANGE = ValidRange(
    speed_low_m_min=80.0,
    speed_high_m_min=None,
    grade_low_pct=0.0,
    grade_high_pct=None,
    covers=N_("ACSM running equation"),
    citations=("acsm_getp10", "bushman2020"),
    caution_below_m_min=134.0,
)
WALK_BACKWARD_RANGE = ValidRange(
    speed_low_m_min=0.89 * 60.0,
    # The measurements reach 1.79 m/s, but the forward walking equation k_walk multiplies stops at
    # 100 m/min (6.0 km/h): beyond it the estimate rests on an extrapolated baseline.
    speed_high_m_min=WALK_FORWARD_RANGE.speed_high_m_min,
    grade_low_pct=0.0,
    grade_high_pct=10.0,
    covers=N_("backward-walking measurements and the ACSM walking equation"),
    citations=(
        "jospt1995",
        "ainsworth2011",
        "kim2001",
        "hooper2004",
        "chaloupka1997",
        "acsm_getp10",
    ),
)
RUN_BACKWARD_RANGE = ValidRange(
    speed_low_m_min=1.75 * 60.0,
    speed_high_m_min=3.5 * 60.0,
    grade_low_pct=0.0,
    grade_high_pct=25.0,
    covers=N_("backward-running measurements"),
    citations=("wright2001", "rasica2020"),
)


@dataclass(frozen=True)
class Mode:
    """One way of moving: gait, direction, the equation's constants and where it is valid."""

    key: str
    label: str
    gait: Gait
    direction: Direction
    horizontal: Constant
    vertical: Constant
    factor: Constant | None
    factor_on_climb: bool
    equation: str
    valid: ValidRange


MODES: tuple[Mode, ...] = (
    Mode(
        "forward_walk",
        N_("Forward walk"),
        "walk",
        "forward",
        A_WALK,
        B_WALK,
        None,
        False,
        "VO2 = 3.5 + 0.1·S + 1.8·S·G",
        WALK_FORWARD_RANGE,
    ),
    Mode(
        "forward_run",
        N_("Forward run"),
        "run",
        "forward",
        A_RUN,
        B_RUN,
        None,
        False,
        "VO2 = 3.5 + 0.2·S + 0.9·S·G",
        RUN_FORWARD_RANGE,
    ),
    Mode(
        "backward_walk",
        N_("Backward walk"),
        "walk",
        "backward",
        A_WALK,
        B_WALK,
        K_WALK,
        False,
        "VO2 = 3.5 + k_walk·0.1·S + 1.8·S·G",
        WALK_BACKWARD_RANGE,
    ),
    Mode(
        "backward_run",
        N_("Backward run"),
        "run",
        "backward",
        A_RUN,
        B_RUN,
        K_RUN,
        True,
        "VO2 = 3.5 + k_run·(0.2·S + 0.9·S·G)",
        RUN_BACKWARD_RANGE,
    ),
)
MODE_BY_KEY: Mapping[str, Mode] = MappingProxyType({mode.key: mode for mode in MODES})


def get_mode(gait: str, direction: str) -> Mode:
    """The mode for a gait ("walk"|"run") and a direction ("forward"|"backward").

    >>> get_mode("run", "backward").factor.value
    1.35
    """
    if gait not in GAITS:
        raise ValueError(f"The gait must be 'walk' or 'run' (got {gait!r}).")
    if direction not in DIRECTIONS:
        raise ValueError(f"The direction must be 'forward' or 'backward' (got {direction!r}).")
    return MODE_BY_KEY[f"{direction}_{gait}"]


def _check_estimate(which: str) -> Estimate:
    for known in ESTIMATES:
        if which == known:
            return known
    raise ValueError(f"The estimate must be 'central', 'low' or 'high' (got {which!r}).")


def check_speed(speed_kmh: float) -> float:
    """A speed [km/h] as a float, or ValueError if negative or faster than any human."""
    return within(
        speed_kmh,
        "speed",
        0.0,
        SPEED_LIMIT_KMH,
        too_low="Speed cannot be negative (got {value:g} km/h).",
        too_high="A speed of {value:g} km/h is faster than any human has run; "
        "enter at most {limit:g} km/h.",
    )


def check_grade(grade_pct: float) -> float:
    """A treadmill grade [%] as a float, or ValueError beyond ±30 %."""
    message = (
        "A grade of {value:g} % is steeper than this calculator accepts; "
        f"enter a grade between -{GRADE_LIMIT_PCT:g} and +{GRADE_LIMIT_PCT:g} %."
    )
    return within(
        grade_pct, "grade", -GRADE_LIMIT_PCT, GRADE_LIMIT_PCT, too_low=message, too_high=message
    )


def check_weight(weight_kg: float) -> float:
    """A body mass [kg] as a float, or ValueError if not above zero or beyond any human."""
    return within(
        weight_kg,
        "body weight",
        0.0,
        WEIGHT_LIMIT_KG,
        low_open=True,
        too_low="Body weight must be above 0 kg (got {value:g} kg).",
        too_high="A body weight of {value:g} kg is beyond any recorded human; "
        "enter at most {limit:g} kg.",
    )


def check_minutes(minutes: float) -> float:
    """A session length [min] as a float, or ValueError if negative or longer than a day."""
    return within(
        minutes,
        "session length",
        0.0,
        MINUTES_LIMIT,
        too_low="A session cannot last a negative time (got {value:g} min).",
        too_high="Enter a session of at most {limit:g} minutes (one day).",
    )


def _vo2(mode: Mode, speed_m_min: _Speed, grade_pct: float, which: Estimate) -> _Speed:
    """Gross VO2 [ml/kg/min] for checked inputs; `speed_m_min` may be a float or a numpy array.

    Downhill (G < 0) the climbing term is set to zero: the ACSM equations describe level and
    uphill treadmill work, and applying a negative climb term can drive the cost below rest.
    """
    climb = max(grade_pct, 0.0) / 100.0
    horizontal = mode.horizontal.value * speed_m_min
    vertical = mode.vertical.value * speed_m_min * climb
    k = mode.factor.pick(which) if mode.factor is not None else 1.0
    above_rest = k * (horizontal + vertical) if mode.factor_on_climb else k * horizontal + vertical
    return VO2_REST.value + above_rest


def vo2_ml_kg_min(
    speed_kmh: float,
    grade_pct: float = 0.0,
    gait: str = "run",
    direction: str = "forward",
    estimate: str = "central",
) -> float:
    """Gross oxygen uptake while walking or running, forward or backward. [ml/kg/min]

    S = speed [m/min], G = grade as a fraction (downhill counts as level, see Notes):

    - forward walk (ACSM): VO2 = 3.5 + 0.1·S + 1.8·S·G
    - forward run (ACSM): VO2 = 3.5 + 0.2·S + 0.9·S·G
    - backward walk: VO2 = 3.5 + k_walk·0.1·S + 1.8·S·G, k_walk = 1.6 (1.5-1.7)
    - backward run: VO2 = 3.5 + k_run·(0.2·S + 0.9·S·G), k_run = 1.35 (1.20-1.50)

    Parameters
    ----------
    speed_kmh : speed [km/h], 0 to 45.
    grade_pct : treadmill grade [%], -30 to +30.
    gait : "walk" or "run".
    direction : "forward" or "backward".
    estimate : "central", or "low"/"high" for the ends of the backward factor's band (forward
        modes have no factor, so all three give the same value).

    Notes
    -----
    Downhill, the climbing term is dropped and the level value returned; real downhill cost is
    usually lower, and `estimate(...)` flags it as extrapolated. Valid ranges: see `MODES`.

    >>> round(vo2_ml_kg_min(6.0, 0.0, "walk", "forward"), 3)  # S = 100: 3.5 + 10
    13.5
    >>> round(vo2_ml_kg_min(6.0, 5.0, "walk", "backward", "low"), 3)  # 3.5 + 1.5 x 10 + 9
    27.5
    >>> vo2_ml_kg_min(-1.0)
    Traceback (most recent call last):
    ...
    ValueError: Speed cannot be negative (got -1 km/h).
    """
    mode = get_mode(gait, direction)
    which = _check_estimate(estimate)
    speed = check_speed(speed_kmh)
    grade = check_grade(grade_pct)
    return float(_vo2(mode, u.kmh_to_m_min(speed), grade, which))


def kcal_from_vo2(vo2: float, weight_kg: float, net: bool = False) -> float:
    """Energy rate from oxygen uptake: kcal/min = VO2 x kg / 1000 x 5. [kcal/min]

    With `net`, the resting 3.5 ml/kg/min is subtracted first (exercise cost only).

    >>> round(kcal_from_vo2(36.5, 70.0), 4), round(kcal_from_vo2(36.5, 70.0, net=True), 4)
    (12.775, 11.55)
    """
    uptake = real(vo2, "oxygen uptake")
    if uptake < 0:
        raise ValueError(f"Oxygen uptake cannot be negative (got {uptake:g} ml/kg/min).")
    above = uptake - VO2_REST.value if net else uptake
    return above * check_weight(weight_kg) / 1000.0 * KCAL_PER_L.value


def kcal_per_min(
    weight_kg: float,
    speed_kmh: float,
    grade_pct: float = 0.0,
    gait: str = "run",
    direction: str = "forward",
    estimate: str = "central",
    net: bool = False,
) -> float:
    """Energy cost of walking or running, forward or backward. [kcal/min]

    kcal/min = VO2 [ml/kg/min] x weight [kg] / 1000 x 5 [kcal/L O2], VO2 from `vo2_ml_kg_min`;
    `net=True` subtracts the resting 3.5 ml/kg/min (cost of the exercise alone).

    >>> round(kcal_per_min(70.0, 6.0, gait="walk", direction="forward"), 4)  # 13.5 x 0.35
    4.725
    >>> round(kcal_per_min(70.0, 6.0, gait="walk", direction="forward", net=True), 4)
    3.5
    >>> kcal_per_min(70.0, 6.0, gait="skip")
    Traceback (most recent call last):
    ...
    ValueError: The gait must be 'walk' or 'run' (got 'skip').
    """
    vo2 = vo2_ml_kg_min(speed_kmh, grade_pct, gait, direction, estimate)
    return kcal_from_vo2(vo2, weight_kg, net=net)


@dataclass(frozen=True)
class Spread:
    """A value with the low and high ends of its band (all three equal when there is no band)."""

    central: float
    low: float
    high: float

    def scaled(self, factor: float) -> Spread:
        """Every end multiplied by a non-negative `factor`.

        >>> Spread(2.0, 1.0, 3.0).scaled(10.0)
        Spread(central=20.0, low=10.0, high=30.0)
        """
        return Spread(self.central * factor, self.low * factor, self.high * factor)

    def shifted(self, offset: float) -> Spread:
        """Every end plus `offset`."""
        return Spread(self.central + offset, self.low + offset, self.high + offset)


@dataclass(frozen=True)
class CostEstimate:
    """The cost of one mode at one speed and grade for one person, with band and valid range.

    `vo2` is gross oxygen uptake [ml/kg/min]; its band is the backward factor's band. When the
    speed or grade is outside what the equation or the measurements cover, `extrapolated` is True
    and `limits` names the limits crossed (the words for them live in content/calories.md).
    """

    mode: Mode
    weight_kg: float
    speed_kmh: float
    grade_pct: float
    vo2: Spread
    limits: tuple[Limit, ...]

    @property
    def extrapolated(self) -> bool:
        """True when the speed or grade lies outside the mode's valid range."""
        return bool(self.limits)

    @property
    def valid(self) -> ValidRange:
        return self.mode.valid

    @property
    def gross_kcal_per_min(self) -> Spread:
        """Energy cost including rest. [kcal/min]"""
        return self.vo2.scaled(self.weight_kg / 1000.0 * KCAL_PER_L.value)

    @property
    def net_kcal_per_min(self) -> Spread:
        """Energy cost above the resting 3.5 ml/kg/min. [kcal/min]"""
        return self.vo2.shifted(-VO2_REST.value).scaled(self.weight_kg / 1000.0 * KCAL_PER_L.value)

    @property
    def mets(self) -> float:
        """Central gross cost in METs (multiples of 3.5 ml/kg/min). [MET]"""
        return self.vo2.central / VO2_REST.value

    def session_kcal(self, minutes: float, net: bool = False) -> Spread:
        """Energy over a session of `minutes` at a steady pace. [kcal]"""
        rate = self.net_kcal_per_min if net else self.gross_kcal_per_min
        return rate.scaled(check_minutes(minutes))

    @property
    def jogging(self) -> bool:
        """True where the running equation holds only for true jogging (a caution, not a limit)."""
        below = self.valid.caution_below_m_min
        return below is not None and u.kmh_to_m_min(self.speed_kmh) < below and not self.limits


def estimate(
    weight_kg: float,
    speed_kmh: float,
    grade_pct: float = 0.0,
    gait: str = "run",
    direction: str = "forward",
) -> CostEstimate:
    """The cost of one mode with its band (backward factor low-high) and valid-range check.

    >>> e = estimate(70.0, 10.0, gait="run", direction="backward")
    >>> [round(x, 3) for x in (e.vo2.low, e.vo2.central, e.vo2.high)]  # 3.5 + k x 33.333
    [43.5, 48.5, 53.5]
    >>> round(e.gross_kcal_per_min.central, 3), round(e.net_kcal_per_min.central, 3), e.extrapolated
    (16.975, 15.75, False)
    """
    mode = get_mode(gait, direction)
    weight = check_weight(weight_kg)
    speed = check_speed(speed_kmh)
    grade = check_grade(grade_pct)
    speed_m_min = u.kmh_to_m_min(speed)
    central, low, high = (_vo2(mode, speed_m_min, grade, which) for which in ESTIMATES)
    return CostEstimate(
        mode=mode,
        weight_kg=weight,
        speed_kmh=speed,
        grade_pct=grade,
        vo2=Spread(central, low, high),
        limits=mode.valid.limits_crossed(speed_m_min, grade),
    )


def compare(weight_kg: float, speed_kmh: float, grade_pct: float = 0.0) -> tuple[CostEstimate, ...]:
    """All four modes at one speed and grade, in `MODES` order (forward walk, forward run,
    backward walk, backward run).

    >>> [round(e.gross_kcal_per_min.central, 3) for e in compare(70.0, 6.0)]
    [4.725, 8.225, 6.825, 10.675]
    """
    return tuple(
        estimate(weight_kg, speed_kmh, grade_pct, mode.gait, mode.direction) for mode in MODES
    )


def equivalent_forward_minutes(
    minutes: float, speed_kmh: float, grade_pct: float = 0.0, gait: str = "run"
) -> Spread:
    """Minutes forward that cost as many (gross) kcal as `minutes` backward, same speed and grade.

    Body weight cancels out: both costs scale with it. [min]

    >>> spread = equivalent_forward_minutes(30.0, 10.0, gait="run")  # 30 x 48.5 / 36.833
    >>> round(spread.central, 2), round(spread.low, 2), round(spread.high, 2)
    (39.5, 35.43, 43.57)
    """
    length = check_minutes(minutes)
    forward = estimate(1.0, speed_kmh, grade_pct, gait, "forward").vo2.central
    backward = estimate(1.0, speed_kmh, grade_pct, gait, "backward").vo2
    return backward.scaled(length / forward)


def sensible_gaits(speed_kmh: float) -> tuple[Gait, ...]:
    """The gaits a person would use at a speed: walking up to where running becomes the cheaper
    gait backward (1.85 m/s), running from where people choose to start running (1.6 m/s), both in
    between [hreljac2005]. The backward transition band stands in for both directions.

    >>> sensible_gaits(3.0), sensible_gaits(6.3), sensible_gaits(10.0)
    (('walk',), ('walk', 'run'), ('run',))
    """
    speed_m_s = u.kmh_to_m_s(check_speed(speed_kmh))
    transition = NOVICE_BACKWARD_M_S
    assert transition.high is not None
    found: list[Gait] = []
    if speed_m_s <= transition.high:
        found.append("walk")
    if speed_m_s >= transition.value:
        found.append("run")
    return tuple(found)


def backward_ratio(gait: str, speed_kmh: float, grade_pct: float = 0.0) -> Spread:
    """Gross cost backward over forward at the same speed and grade, with the factor's band.

    This is the figure the calculator shows as "+x % vs forward". At 5 km/h on the level, walking:
    forward 3.5 + 8.333 = 11.833 ml/kg/min; backward 3.5 + 1.6 x 8.333 = 16.833 (band 1.5-1.7:
    16.0-17.667), so about x1.42 (1.35-1.49), between the measured x1.40 [ainsworth2011] and
    x1.48 [kim2001].

    >>> r = backward_ratio("walk", 5.0)
    >>> round(r.central, 3), round(r.low, 3), round(r.high, 3)
    (1.423, 1.352, 1.493)
    """
    forward = estimate(1.0, speed_kmh, grade_pct, gait, "forward").vo2.central
    return estimate(1.0, speed_kmh, grade_pct, gait, "backward").vo2.scaled(1.0 / forward)


def kcal_per_min_curve(
    weight_kg: float,
    speeds_kmh: npt.ArrayLike,
    grade_pct: float = 0.0,
    gait: str = "run",
    direction: str = "forward",
    estimate: str = "central",
) -> FloatArray:
    """`kcal_per_min` over many speeds at once (one numpy pass, for charts). [kcal/min]

    >>> kcal_per_min_curve(70.0, [0.0, 6.0], gait="walk", direction="forward").round(4).tolist()
    [1.225, 4.725]
    """
    mode = get_mode(gait, direction)
    which = _check_estimate(estimate)
    weight = check_weight(weight_kg)
    grade = check_grade(grade_pct)
    speeds = np.asarray(speeds_kmh, dtype=np.float64)
    if speeds.size and not np.all(np.isfinite(speeds)):
        raise ValueError("Every speed must be a finite number.")
    if speeds.size:
        check_speed(float(speeds.min()))
        check_speed(float(speeds.max()))
    vo2 = _vo2(mode, speeds * u.M_MIN_PER_KMH, grade, which)
    return vo2 * (weight / 1000.0 * KCAL_PER_L.value)


@dataclass(frozen=True)
class ReferencePoint:
    """A published value to draw next to the model: a Compendium code or a measurement."""

    label: str
    detail: str
    kind: Literal["Compendium", "Measured"]
    mode_key: str
    speed_kmh: float
    grade_pct: float
    vo2_ml_kg_min: float
    citation: str

    def kcal_per_min(self, weight_kg: float) -> float:
        """This point's gross cost for a person of `weight_kg`. [kcal/min]

        >>> round(REFERENCE_POINTS[0].kcal_per_min(70.0), 3)  # 6.0 MET x 3.5 x 70 / 200
        7.35
        """
        return kcal_from_vo2(self.vo2_ml_kg_min, weight_kg)


REFERENCE_POINTS: tuple[ReferencePoint, ...] = (
    ReferencePoint(
        "17320: 6.0 MET",
        N_("Compendium code 17320: walking backward, 3.5 mph, level (6.0 MET)"),
        "Compendium",
        "backward_walk",
        u.mph_to_kmh(3.5),
        0.0,
        6.0 * VO2_REST.value,
        "ainsworth2011",
    ),
    ReferencePoint(
        "17325: 8.0 MET",
        N_("Compendium code 17325: walking backward, 3.5 mph, 5 % uphill (8.0 MET)"),
        "Compendium",
        "backward_walk",
        u.mph_to_kmh(3.5),
        5.0,
        8.0 * VO2_REST.value,
        "ainsworth2011",
    ),
    ReferencePoint(
        "Backward, measured",
        N_("Measured: 20 young men walking backward at 5 km/h, level (23.6 ml/kg/min)"),
        "Measured",
        "backward_walk",
        5.0,
        0.0,
        23.6,
        "kim2001",
    ),
    ReferencePoint(
        "Forward, measured",
        N_("Measured: the same 20 men walking forward at 5 km/h, level (15.9 ml/kg/min)"),
        "Measured",
        "forward_walk",
        5.0,
        0.0,
        15.9,
        "kim2001",
    ),
)
