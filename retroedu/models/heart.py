"""Maximum heart rate, heart-rate reserve (Karvonen) and training zones. [bpm]

Pure functions on plain numbers; every impossible input raises `ValueError` with a sentence a
person understands.

>>> max_hr(40)
180.0
>>> karvonen(0.6, max_hr_bpm=180, resting_hr_bpm=60)
132.0
>>> zones(180, model="hrmax5").loc[2, ["low_bpm", "high_bpm"]].tolist()
[126.0, 144.0]

References
----------
.. [fox1971] Fox SM, Naughton JP, Haskell WL (1971). Ann Clin Res 3:404-432.
.. [robergs2002] Robergs RA, Landwehr R (2002). JEPonline 5(2):1-10.
.. [tanaka2001] Tanaka H, Monahan KD, Seals DR (2001). J Am Coll Cardiol 37(1):153-156.
.. [gellish2007] Gellish RL et al. (2007). Med Sci Sports Exerc 39(5):822-829.
   doi:10.1097/mss.0b013e31803349c6
.. [nes2013] Nes BM et al. (2013). Scand J Med Sci Sports 23(6):697-704.
   doi:10.1111/j.1600-0838.2012.01445.x
.. [gulati2010] Gulati M et al. (2010). Circulation 122(2):130-137.
   doi:10.1161/CIRCULATIONAHA.110.939249
.. [karvonen1957] Karvonen MJ, Kentala E, Mustala O (1957). Ann Med Exp Biol Fenn 35:307-315.
.. [garber2011] Garber CE et al. (2011). Med Sci Sports Exerc 43(7):1334-1359.
   doi:10.1249/MSS.0b013e318213fefb
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

import pandas as pd

from retroedu.content.i18n import ENGLISH, N_, Language, ReaderError
from retroedu.models.checks import real, within

MINUS, TIMES, EN_DASH = "\u2212", "\u00d7", "\u2013"

#: Oldest age [years] any formula here accepts: beyond every recorded human lifespan.
AGE_LIMIT_YEARS = 120.0
#: Ages [years] the formulas' source studies mostly covered; outside them the page cautions.
AGE_STUDIED_YEARS = (18.0, 80.0)
#: Resting heart rates [bpm] common in healthy adults (endurance athletes may sit lower).
RESTING_TYPICAL_BPM = (40.0, 100.0)
#: Highest heart rate [bpm] accepted as humanly possible.
HR_LIMIT_BPM = 300.0
#: The target many training articles quote: 75-85 % of max HR (as fractions of max).
ARTICLE_TARGET_FRACTIONS = (0.75, 0.85)
#: How many typical errors span about 95 % of people (2 x SEE for a normal spread).
COVERAGE_95 = 2.0


@dataclass(frozen=True)
class MaxHrFormula:
    """One age-based prediction, HRmax = intercept - slope x age [bpm], and where it comes from."""

    key: str
    name: str
    intercept_bpm: float
    slope_bpm_per_year: float
    citation: str
    population: str
    error_bpm: float
    error_note: str
    women_only: bool = False
    #: Ages [years] of the people the formula was built from (where the sources say).
    studied_ages: tuple[float, float] = AGE_STUDIED_YEARS

    @property
    def label(self) -> str:
        """The name as a legend or table shows it, with the population when it is restricted.

        >>> FORMULAS["gulati"].label
        'Gulati (women)'
        """
        return self.label_in()

    def label_in(self, lang: Language = ENGLISH) -> str:
        """`label` in `lang`."""
        return lang._("{name} (women)").format(name=self.name) if self.women_only else self.name

    @property
    def equation(self) -> str:
        """The formula as people write it, with a true minus and times sign.

        >>> FORMULAS["tanaka"].equation == "208 \u2212 0.7 \u00d7 age"
        True
        """
        return self.equation_in()

    def equation_in(self, lang: Language = ENGLISH) -> str:
        """`equation` in `lang`: its numbers and the word "age" as `lang` writes them."""
        age = lang._("age")
        slope = (
            f"{lang.number(self.slope_bpm_per_year)} {TIMES} {age}"
            if self.slope_bpm_per_year != 1
            else age
        )
        return f"{lang.number(self.intercept_bpm)} {MINUS} {slope}"


FORMULAS: Mapping[str, MaxHrFormula] = MappingProxyType(
    {
        formula.key: formula
        for formula in (
            MaxHrFormula(
                key="tanaka",
                name="Tanaka",
                intercept_bpm=208.0,
                slope_bpm_per_year=0.7,
                citation="tanaka2001",
                population="Meta-analysis of 351 studies (18,712 healthy adults), "
                "checked in 514 adults tested in the laboratory",
                error_bpm=10.8,
                error_note=N_(
                    "Tanaka's own individual error was not published in what we read; "
                    "the 10.8 bpm error of the Nes equation is used as a typical value."
                ),
            ),
            MaxHrFormula(
                key="nes",
                name="Nes",
                intercept_bpm=211.0,
                slope_bpm_per_year=0.64,
                citation="nes2013",
                population="3,320 healthy Norwegian adults who reached a verified maximal effort",
                error_bpm=10.8,
                error_note=N_("Standard error of the estimate reported by the study."),
                # 20-90 in the HUNT fitness study the sample came from (a secondary report).
                studied_ages=(20.0, 90.0),
            ),
            MaxHrFormula(
                key="gellish",
                name="Gellish",
                intercept_bpm=207.0,
                slope_bpm_per_year=0.7,
                citation="gellish2007",
                population="132 adults aged about 27-78 in records from 1978 to 2003, each followed 5-17 "
                "years (mean 9), 908 maximal treadmill tests",
                error_bpm=10.0,
                error_note=N_("Approximate; the study's prediction interval was not checked."),
                # About 27-78 years when tested [zhu2010].
                studied_ages=(27.0, 78.0),
            ),
            MaxHrFormula(
                key="gulati",
                name="Gulati",
                intercept_bpm=206.0,
                slope_bpm_per_year=0.88,
                citation="gulati2010",
                population="5,437 women without symptoms of heart disease",
                error_bpm=10.0,
                error_note=N_("Approximate; the study's spread was not checked."),
                women_only=True,
                # Mean age 52 +/- 11 years: about 30-74 covers 95 % of them [gulati2010].
                studied_ages=(30.0, 74.0),
            ),
            MaxHrFormula(
                key="fox",
                name="Fox",
                intercept_bpm=220.0,
                slope_bpm_per_year=1.0,
                citation="fox1971",
                population="A line drawn through about ten older studies, mostly of men under 55",
                error_bpm=11.0,
                error_note=N_("Spread of 10-12 bpm reported by later reviews."),
                # Mostly men under 55 (Gellish 2007's review of its origin).
                studied_ages=(18.0, 55.0),
            ),
        )
    }
)


def _span(low_pct: int, high_pct: int) -> str:
    """A percentage range the way it is printed, with an en dash between the numbers."""
    return f"{low_pct}{EN_DASH}{high_pct} %"


@dataclass(frozen=True)
class Band:
    """One zone of a model: a slice of max HR or of heart-rate reserve, with what it feels like,
    what it is for, and its talk test: how much a person can say while moving, in a few everyday
    words (the patient handout's column), said in `feel` too, in the same words."""

    zone: str
    name: str
    low_pct: float
    high_pct: float
    pct_label: str
    feel: str
    purpose: str
    talk: str


@dataclass(frozen=True)
class ZoneModel:
    """A set of contiguous bands taken as a percentage of max HR ("max") or of the reserve."""

    key: str
    name: str
    basis: Literal["max", "reserve"]
    citations: tuple[str, ...]
    bands: tuple[Band, ...]


_HRMAX5 = ZoneModel(
    key="hrmax5",
    name=N_("5 zones, % of max HR"),
    basis="max",
    citations=("polar_manual", "garmin_manual"),
    bands=(
        Band(
            N_("Zone 1"),
            N_("Very light"),
            50,
            60,
            _span(50, 60),
            N_("Easy breathing; you could chat, even sing."),
            N_("Warm-up, cool-down, recovery, learning backward technique."),
            N_("Chat, even sing"),
        ),
        Band(
            N_("Zone 2"),
            N_("Light"),
            60,
            70,
            _span(60, 70),
            N_("Comfortable; full sentences."),
            N_("Long easy sessions that build base endurance."),
            N_("Full sentences"),
        ),
        Band(
            N_("Zone 3"),
            N_("Moderate"),
            70,
            80,
            _span(70, 80),
            N_("Breathing deeper; short sentences."),
            N_("Steady aerobic work."),
            N_("Short sentences"),
        ),
        Band(
            N_("Zone 4"),
            N_("Hard"),
            80,
            90,
            _span(80, 90),
            N_("Breathing hard; a few words at a time."),
            N_("Tempo runs and longer intervals."),
            N_("A few words at a time"),
        ),
        Band(
            N_("Zone 5"),
            N_("Maximum"),
            90,
            100,
            _span(90, 100),
            N_("All-out; no talking."),
            N_("Short sprints and intervals for fit, healthy people."),
            N_("No talking"),
        ),
    ),
)

_HRR5 = ZoneModel(
    key="hrr5",
    name=N_("5 zones, % of heart-rate reserve"),
    basis="reserve",
    citations=("karvonen1957", "garmin_manual", "garber2011"),
    bands=(
        Band(
            N_("Zone 1"),
            N_("Moderate"),
            50,
            60,
            _span(50, 60),
            N_("Breathing faster; full sentences."),
            N_("Easy endurance; counts as moderate activity."),
            N_("Full sentences"),
        ),
        Band(
            N_("Zone 2"),
            N_("Vigorous, lower end"),
            60,
            70,
            _span(60, 70),
            N_("Working; shorter sentences."),
            N_("Steady aerobic sessions."),
            N_("Shorter sentences"),
        ),
        Band(
            N_("Zone 3"),
            N_("Vigorous"),
            70,
            80,
            _span(70, 80),
            N_("Hard breathing; a few words at a time."),
            N_("Tempo work."),
            N_("A few words at a time"),
        ),
        Band(
            N_("Zone 4"),
            N_("Vigorous, upper end"),
            80,
            90,
            _span(80, 90),
            N_("Very hard; talking is an effort."),
            N_("Threshold intervals."),
            N_("Talking is an effort"),
        ),
        Band(
            N_("Zone 5"),
            N_("Near-maximal"),
            90,
            100,
            _span(90, 100),
            N_("All-out; no talking."),
            N_("Short intervals for fit, healthy people."),
            N_("No talking"),
        ),
    ),
)

_ACSM = ZoneModel(
    key="acsm",
    name=N_("ACSM intensity classes, % of heart-rate reserve"),
    basis="reserve",
    citations=("garber2011", "acsm_getp10"),
    bands=(
        Band(
            N_("Light"),
            N_("Light"),
            30,
            40,
            _span(30, 39),
            N_("Barely harder than resting; you could chat, even sing."),
            N_("A first session after illness or injury; a first backward walk."),
            N_("Chat, even sing"),
        ),
        Band(
            N_("Moderate"),
            N_("Moderate"),
            40,
            60,
            _span(40, 59),
            N_("Breathing faster; full sentences."),
            N_("Counts toward 150 minutes a week of moderate activity."),
            N_("Full sentences"),
        ),
        Band(
            N_("Vigorous"),
            N_("Vigorous"),
            60,
            90,
            _span(60, 89),
            N_("Breathing hard; a few words at a time."),
            N_("Counts toward 75 minutes a week of vigorous activity."),
            N_("A few words at a time"),
        ),
        Band(
            N_("Near-maximal"),
            N_("Near-maximal to maximal"),
            90,
            100,
            "\u2265 90 %",
            N_("Can be held for minutes at most; no talking."),
            N_("Short intervals for fit, healthy adults only."),
            N_("No talking"),
        ),
    ),
)

MODELS: Mapping[str, ZoneModel] = MappingProxyType(
    {model.key: model for model in (_HRMAX5, _HRR5, _ACSM)}
)

#: Columns of the table `zones` returns, in order.
ZONE_COLUMNS = (
    "zone",
    "name",
    "basis",
    "low_pct",
    "high_pct",
    "pct_label",
    "low_bpm",
    "high_bpm",
    "feel",
    "purpose",
)


def _check_age(age_years: float) -> float:
    return within(
        age_years,
        "age",
        0.0,
        AGE_LIMIT_YEARS,
        too_low="Age cannot be negative (got {value:g} years).",
        too_high="An age of {value:g} years is beyond any recorded human lifespan; "
        "enter an age up to {limit:g}.",
    )


def _check_hr(value_bpm: float, what: str) -> float:
    return within(
        value_bpm,
        what,
        0.0,
        HR_LIMIT_BPM,
        low_open=True,
        too_low=f"The {what} must be above 0 beats per minute (got {{value:g}}).",
        too_high=f"A {what} of {{value:g}} bpm is beyond what a human heart can beat "
        "(at most {limit:g}).",
    )


def _check_rest_below_max(max_hr_bpm: float, resting_hr_bpm: float) -> None:
    _check_hr(max_hr_bpm, "maximum heart rate")
    _check_hr(resting_hr_bpm, "resting heart rate")
    if resting_hr_bpm >= max_hr_bpm:
        raise ReaderError(
            N_(
                "Resting heart rate ({resting} bpm) must be lower than maximum heart rate "
                "({max} bpm). Check both numbers."
            ),
            resting=float(resting_hr_bpm),
            max=float(max_hr_bpm),
        )


def _check_intensity(intensity: float) -> None:
    fraction = real(intensity, "intensity")
    if not 0 <= fraction <= 1:
        raise ValueError(
            f"Intensity is a fraction from 0 to 1 (write 70 % as 0.7); got {fraction:g}."
        )


def get_formula(key: str) -> MaxHrFormula:
    """The registered max-HR formula called `key`.

    >>> get_formula("nes").intercept_bpm, get_formula("nes").slope_bpm_per_year
    (211.0, 0.64)
    """
    try:
        return FORMULAS[key]
    except (KeyError, TypeError):
        raise ValueError(
            f"Unknown max-HR formula {key!r}; choose one of: {', '.join(FORMULAS)}."
        ) from None


def get_model(key: str) -> ZoneModel:
    """The registered zone model called `key`."""
    try:
        return MODELS[key]
    except (KeyError, TypeError):
        raise ValueError(
            f"Unknown zone model {key!r}; choose one of: {', '.join(MODELS)}."
        ) from None


def max_hr(age_years: float, formula: str = "tanaka") -> float:
    """Age-predicted maximal heart rate. [bpm]

    HRmax = a - b x age [years], with (a, b) from the chosen formula: "fox" (220, 1) [fox1971],
    "tanaka" (208, 0.7) [tanaka2001], "gellish" (207, 0.7) [gellish2007], "nes" (211, 0.64)
    [nes2013], "gulati" (206, 0.88, women) [gulati2010].

    Notes
    -----
    Any age formula misses an individual's true maximum by about 10 bpm (one standard error),
    and by about 20 bpm for 1 person in 20 [nes2013; robergs2002]. A measured maximum is better.

    >>> max_hr(40, "fox"), max_hr(40, "tanaka"), max_hr(40, "nes")
    (180.0, 180.0, 185.4)
    >>> max_hr(-1)
    Traceback (most recent call last):
    ...
    ValueError: Age cannot be negative (got -1 years).
    """
    chosen = get_formula(formula)
    _check_age(age_years)
    return round(chosen.intercept_bpm - chosen.slope_bpm_per_year * age_years, 10)


def error_band(age_years: float, formula: str = "tanaka") -> tuple[float, float]:
    """Where about 95 % of people's true maximum lies: HRmax ± 2 x typical error. [bpm]

    >>> error_band(40, "nes")
    (163.8, 207.0)
    """
    chosen = get_formula(formula)
    centre = max_hr(age_years, formula)
    spread = COVERAGE_95 * chosen.error_bpm
    return round(centre - spread, 10), round(centre + spread, 10)


def karvonen(intensity: float, max_hr_bpm: float, resting_hr_bpm: float) -> float:
    """Target heart rate at a fraction of heart-rate reserve (Karvonen method). [bpm]

    target = rest + intensity x (max - rest), with intensity a fraction from 0 to 1
    [karvonen1957].

    >>> karvonen(0.5, 190, 50)
    120.0
    >>> karvonen(70, 190, 50)
    Traceback (most recent call last):
    ...
    ValueError: Intensity is a fraction from 0 to 1 (write 70 % as 0.7); got 70.
    """
    _check_intensity(intensity)
    _check_rest_below_max(max_hr_bpm, resting_hr_bpm)
    return round(resting_hr_bpm + intensity * (max_hr_bpm - resting_hr_bpm), 10)


def percent_of_max(intensity: float, max_hr_bpm: float) -> float:
    """Target heart rate at a fraction of maximal heart rate. [bpm]

    >>> percent_of_max(0.75, 180)
    135.0
    """
    _check_intensity(intensity)
    _check_hr(max_hr_bpm, "maximum heart rate")
    return round(intensity * max_hr_bpm, 10)


def zones(
    max_hr_bpm: float, resting_hr_bpm: float | None = None, model: str = "hrmax5"
) -> pd.DataFrame:
    """Training zones in beats per minute, one row per zone, lowest first.

    Columns: zone, name, basis ("max" or "reserve"), low_pct, high_pct, pct_label, low_bpm,
    high_bpm [bpm], feel, purpose. Zones share their boundaries (each zone's high_bpm is the
    next zone's low_bpm).

    Models: "hrmax5" (50-60-70-80-90-100 % of max HR; Polar and Garmin default),
    "hrr5" (the same bands as % of heart-rate reserve) and "acsm" (light 30-39, moderate 40-59,
    vigorous 60-89, near-maximal >= 90 % of reserve [garber2011]). Reserve models need
    `resting_hr_bpm`. When a resting heart rate is given, "hrmax5" bounds are never set below
    it (a zone under resting heart rate cannot be trained).

    >>> table = zones(180, 60, "hrr5")
    >>> table.loc[0, ["low_bpm", "high_bpm"]].tolist()
    [120.0, 132.0]
    >>> zones(180, 60, "acsm")["high_pct"].tolist()
    [40.0, 60.0, 90.0, 100.0]
    """
    chosen = get_model(model)
    _check_hr(max_hr_bpm, "maximum heart rate")
    if resting_hr_bpm is not None:
        _check_rest_below_max(max_hr_bpm, resting_hr_bpm)
    elif chosen.basis == "reserve":
        raise ValueError(
            f"The {chosen.name!r} zones use heart-rate reserve, which needs a resting heart rate."
        )

    def bpm(pct: float) -> float:
        if chosen.basis == "reserve":
            assert resting_hr_bpm is not None
            return karvonen(pct / 100, max_hr_bpm, resting_hr_bpm)
        value = percent_of_max(pct / 100, max_hr_bpm)
        return value if resting_hr_bpm is None else max(value, float(resting_hr_bpm))

    rows = [
        {
            "zone": band.zone,
            "name": band.name,
            "basis": chosen.basis,
            "low_pct": float(band.low_pct),
            "high_pct": float(band.high_pct),
            "pct_label": band.pct_label,
            "low_bpm": bpm(band.low_pct),
            "high_bpm": bpm(band.high_pct),
            "feel": band.feel,
            "purpose": band.purpose,
        }
        for band in chosen.bands
    ]
    return pd.DataFrame(rows, columns=list(ZONE_COLUMNS))


def all_zones(max_hr_bpm: float, resting_hr_bpm: float | None = None) -> dict[str, pd.DataFrame]:
    """Every zone model that the inputs allow, keyed by model ("hrmax5", then "hrr5", "acsm").

    Models based on heart-rate reserve are left out when no resting heart rate is given.

    >>> list(all_zones(180)), list(all_zones(180, 60))
    (['hrmax5'], ['hrmax5', 'hrr5', 'acsm'])
    """
    keys = [
        key for key, model in MODELS.items() if resting_hr_bpm is not None or model.basis == "max"
    ]
    return {key: zones(max_hr_bpm, resting_hr_bpm, key) for key in keys}


def max_hr_by_age(ages_years: Iterable[float], formulas: Iterable[str] = FORMULAS) -> pd.DataFrame:
    """Every formula's prediction across ages: an ``age`` column, then one column per formula.

    >>> max_hr_by_age([20, 60], ["fox", "tanaka"]).to_dict("list")
    {'age': [20.0, 60.0], 'fox': [200.0, 160.0], 'tanaka': [194.0, 166.0]}
    """
    given = list(ages_years)
    for age in given:
        _check_age(age)
    ages = [float(age) for age in given]
    table: dict[str, list[float]] = {"age": ages}
    for key in formulas:
        get_formula(key)  # refused even when there are no ages to compute
        table[key] = [max_hr(age, key) for age in ages]
    return pd.DataFrame(table)


Caution = Literal["age_young", "age_old", "age_outside_formula", "resting_low", "resting_high"]


def cautions(
    age_years: float, resting_hr_bpm: float | None = None, formula: str = "tanaka"
) -> tuple[Caution, ...]:
    """Plausible but unusual inputs worth a visible caution (not errors).

    Under 18 the formulas are untested in children; over 80 few people were studied; an age
    outside the chosen formula's own source population makes its estimate less certain; resting
    heart rates outside 40-100 bpm are unusual for adults (endurance athletes can sit below 40).

    >>> cautions(15, 110)
    ('age_young', 'resting_high')
    >>> cautions(25, 60, "gellish"), cautions(40, 60)
    (('age_outside_formula',), ())
    """
    age = _check_age(age_years)
    low, high = get_formula(formula).studied_ages
    found: list[Caution] = []
    if age < AGE_STUDIED_YEARS[0]:
        found.append("age_young")
    elif not low <= age <= high:
        found.append("age_outside_formula")
    if age > AGE_STUDIED_YEARS[1]:
        found.append("age_old")
    if resting_hr_bpm is not None:
        rate = _check_hr(resting_hr_bpm, "resting heart rate")
        if rate < RESTING_TYPICAL_BPM[0]:
            found.append("resting_low")
        elif rate > RESTING_TYPICAL_BPM[1]:
            found.append("resting_high")
    return tuple(found)
