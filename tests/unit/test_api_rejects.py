"""retroedu's public functions refuse bad arguments with ValueError, and only with ValueError
(issue 8).

Each function is listed with what each argument may be (`Arg.good`) and with values that must be
refused (`Arg.bad`: out of range, zero where zero is impossible, NaN, infinities, unknown names,
wrong types). Hypothesis then checks three things per function:

- good arguments: a result with no NaN or infinity in it. A function with a rule across its
  arguments (resting heart rate below maximum) states that rule (`Fn.refused_when`): exactly the
  examples the rule names must be refused, every other one must give a result, and at least a
  quarter of the examples must give one (so a test cannot pass by refusing everything);
- one bad argument among good ones: ValueError, never another exception and never a result;
- anything at all in any argument: ValueError or a clean result, never another exception.

A link's text never raises at all: every field, the link readers of both calculators and the views
built from what they read. The parsers of front-matter data (chart blocks, references, pages) get
arbitrary nested data and near-valid entries: each gives ValueError or a well-formed result, and
known-bad data must raise.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retroedu import site
from retroedu.calculators import calories
from retroedu.calculators.calories import CaloriesInputs, calories_view
from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.content.evidence import (
    KEY_PATTERN,
    LEVELS,
    Reference,
    cited_keys,
    escape_markdown,
    malformed_markers,
    parse_references,
)
from retroedu.content.pages import Page, parse_page
from retroedu.figures import claims as claim_chart
from retroedu.figures import learn as learn_charts
from retroedu.links import fields
from retroedu.links import urls as share
from retroedu.models import energy, heart
from retroedu.models import units as u
from retroedu.models.checks import parse, real
from tests import hostile
from tests.conftest import CALORIE_WORDS

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
NON_FINITE = st.sampled_from([math.nan, -math.nan, math.inf, -math.inf, np.float64("nan")])
WRONG_TYPES = st.sampled_from(
    [None, "40", "", b"1", [40.0], {"x": 1}, (), object(), 1j, Decimal("40"), True]
)


@dataclasses.dataclass(frozen=True)
class Arg:
    good: st.SearchStrategy[Any]
    bad: st.SearchStrategy[Any]
    # False for arguments that are results of other retroedu calls (an estimate) or fixed by the
    # code: passing them a wrong type is a programming error, not bad input. (Also False for the
    # heart view's rates, whose wrong types are a known bug: see BUGGY_RATES.)
    typed: bool = True


@dataclasses.dataclass(frozen=True)
class Fn:
    """A function and its arguments by name. `refused_when` states a rule across arguments: the
    good examples it names must be refused, and only those."""

    function: Callable[..., Any]
    args: dict[str, Arg]
    refused_when: Callable[[dict[str, Any]], bool] | None = None


def number(
    low: float,
    high: float,
    *,
    low_open: bool = False,
    no_limit_above: bool = False,
    types: bool = True,
) -> Arg:
    """A real number in [low, high] (or (low, high] when `low_open`); refused: below that, above
    it (unless `no_limit_above`: the function sets no upper limit), NaN, infinities and, with
    `types`, non-numbers (without it the argument is not drawn of any other type either).
    """
    good = st.one_of(
        st.floats(low, high, exclude_min=low_open),
        st.integers(math.floor(low) + 1, math.floor(high)),
        st.just(np.float64(high)),
    )
    below = st.floats(max_value=low, allow_infinity=False).filter(
        lambda x: x <= low if low_open else x < low
    )
    above = st.floats(min_value=high, allow_infinity=False).filter(lambda x: x > high)
    refused = [NON_FINITE, below, *([WRONG_TYPES.filter(is_not_number)] if types else [])]
    bad = st.one_of(*refused) if no_limit_above else st.one_of(*refused, above)
    return Arg(good, bad, typed=types)


def is_not_number(value: object) -> bool:
    return isinstance(value, bool) or not isinstance(value, int | float | Fraction)


def choice(names: Any) -> Arg:
    names = tuple(names)
    unknown = st.text(max_size=12).filter(lambda text: text not in names)
    wrong = WRONG_TYPES.filter(lambda value: value not in names)
    return Arg(st.sampled_from(names), st.one_of(unknown, wrong, st.just(names[0].upper())))


def optional(arg: Arg) -> Arg:
    return Arg(
        st.one_of(st.none(), arg.good), arg.bad.filter(lambda value: value is not None), arg.typed
    )


def fixed(value: object) -> Arg:
    """An argument the function is always given by the code, never by a person."""
    return Arg(st.just(value), st.nothing(), typed=False)


AGE = number(0, heart.AGE_LIMIT_YEARS)
BPM = number(0, heart.HR_LIMIT_BPM, low_open=True)
# Where both a resting and a maximum rate are given, most draws keep resting below maximum.
RESTING = Arg(number(0, 99, low_open=True).good, BPM.bad)
MAXIMUM = Arg(number(100, heart.HR_LIMIT_BPM).good, BPM.bad)
INTENSITY = number(0, 1)
FORMULA, MODEL = choice(heart.FORMULAS), choice(heart.MODELS)
WEIGHT = number(0, energy.WEIGHT_LIMIT_KG, low_open=True)
SPEED = number(0, energy.SPEED_LIMIT_KMH)
GRADE = number(-energy.GRADE_LIMIT_PCT, energy.GRADE_LIMIT_PCT)
MINUTES = number(0, energy.MINUTES_LIMIT)
GAIT, DIRECTION, ESTIMATE = (
    choice(energy.GAITS),
    choice(energy.DIRECTIONS),
    choice(energy.ESTIMATES),
)
SYSTEM = choice(u.UNIT_SYSTEMS)
# Conversions set no upper limit: anything finite and not negative (up to where the result would
# overflow to infinity: see test_conversions_refuse_results_beyond_floating_point).
AMOUNT = number(0, 1e300, no_limit_above=True)
PACE = Arg(
    st.one_of(st.floats(1e-300, 1e300), st.integers(1, 10**6)),
    st.one_of(NON_FINITE, st.floats(max_value=0.0), WRONG_TYPES.filter(is_not_number)),
)
# The chart draws speeds 10 % beyond the reader's: good speeds stop at 40 km/h here (see
# test_the_chart_takes_every_speed_the_model_takes).
CHART_SPEED = Arg(number(0, 40.0).good, SPEED.bad)
# The calculator's settings, in the reader's units: a speed good in mph is good in km/h, and a
# refused one (above 45) is refused in both; the same for a weight above 650 kg in pounds (and a
# good weight is not so small that it rounds to 0 kg).
READER_SPEED = Arg(number(0, 40.0 / u.KM_PER_MILE).good, SPEED.bad)
READER_WEIGHT = Arg(
    number(0.001, energy.WEIGHT_LIMIT_KG).good,
    number(0, 1434.0, low_open=True).bad,  # 650 kg = 1433.005 lb
)
# The formulas chart runs to a year past the reader's age: good ages stop at 119 here (see
# test_the_heart_view_takes_every_age_the_model_takes).
VIEW_AGE = Arg(number(0, heart.AGE_LIMIT_YEARS - 1).good, AGE.bad)
# Heart-rate settings as the view model receives them. A wrong type for a rate is not drawn here:
# see test_the_heart_view_refuses_rates_of_the_wrong_type.
VIEW_RATE = optional(number(0, heart.HR_LIMIT_BPM, low_open=True, types=False))


def ages(arg: Arg) -> Arg:
    """A list of values, bad when any one is bad."""
    return Arg(
        st.lists(arg.good, max_size=5),
        st.tuples(st.lists(arg.good, max_size=3), arg.bad).map(lambda pair: [*pair[0], pair[1]]),
        typed=False,
    )


def speeds_array() -> Arg:
    good = st.lists(SPEED.good.map(float), max_size=6).map(np.asarray)
    bad = st.tuples(st.lists(SPEED.good, max_size=3), st.one_of(NON_FINITE, st.just(-1.0))).map(
        lambda pair: [*pair[0], pair[1]]
    )
    return Arg(good, st.one_of(bad, st.just("fast"), st.just([[1.0], [2.0, 3.0]]), st.just(None)))


def one_estimate() -> st.SearchStrategy[energy.CostEstimate]:
    return st.builds(
        energy.estimate, WEIGHT.good, SPEED.good, GRADE.good, GAIT.good, DIRECTION.good
    )


def heart_view_of(**settings_: Any) -> object:
    return heart_view(HeartInputs(**settings_))


def calories_view_of(**settings_: Any) -> object:
    return calories_view(CaloriesInputs(**settings_), CALORIE_WORDS)


def resting_not_below_maximum(kwargs: dict[str, Any]) -> bool:
    resting = kwargs["resting_hr_bpm"]
    return resting is not None and resting >= kwargs["max_hr_bpm"]


# function -> its arguments, by name. Bound methods on example objects cover the dataclasses.
SAMPLE_ESTIMATE = energy.estimate(70.0, 8.0, 2.0, "run", "backward")
_TABLE: dict[str, Fn | tuple[Callable[..., Any], dict[str, Arg]]] = {
    "heart.get_formula": (heart.get_formula, {"key": FORMULA}),
    "heart.get_model": (heart.get_model, {"key": MODEL}),
    "heart.max_hr": (heart.max_hr, {"age_years": AGE, "formula": FORMULA}),
    "heart.error_band": (heart.error_band, {"age_years": AGE, "formula": FORMULA}),
    "heart.karvonen": Fn(
        heart.karvonen,
        {"intensity": INTENSITY, "max_hr_bpm": MAXIMUM, "resting_hr_bpm": RESTING},
        resting_not_below_maximum,
    ),
    "heart.percent_of_max": (heart.percent_of_max, {"intensity": INTENSITY, "max_hr_bpm": BPM}),
    "heart.zones": Fn(
        heart.zones,
        {"max_hr_bpm": MAXIMUM, "resting_hr_bpm": optional(RESTING), "model": MODEL},
        lambda kwargs: (
            resting_not_below_maximum(kwargs)
            or (
                kwargs["resting_hr_bpm"] is None
                and heart.MODELS[kwargs["model"]].basis == "reserve"
            )
        ),
    ),
    "heart.all_zones": Fn(
        heart.all_zones,
        {"max_hr_bpm": MAXIMUM, "resting_hr_bpm": optional(RESTING)},
        resting_not_below_maximum,
    ),
    "heart.max_hr_by_age": (
        heart.max_hr_by_age,
        {"ages_years": ages(AGE), "formulas": ages(FORMULA)},
    ),
    "heart.cautions": (heart.cautions, {"age_years": AGE, "resting_hr_bpm": optional(BPM)}),
    "energy.get_mode": (energy.get_mode, {"gait": GAIT, "direction": DIRECTION}),
    "energy.check_speed": (energy.check_speed, {"speed_kmh": SPEED}),
    "energy.check_grade": (energy.check_grade, {"grade_pct": GRADE}),
    "energy.check_weight": (energy.check_weight, {"weight_kg": WEIGHT}),
    "energy.check_minutes": (energy.check_minutes, {"minutes": MINUTES}),
    "energy.vo2_ml_kg_min": (
        energy.vo2_ml_kg_min,
        {
            "speed_kmh": SPEED,
            "grade_pct": GRADE,
            "gait": GAIT,
            "direction": DIRECTION,
            "estimate": ESTIMATE,
        },
    ),
    "energy.kcal_from_vo2": (
        energy.kcal_from_vo2,
        {"vo2": number(0, 200.0, no_limit_above=True), "weight_kg": WEIGHT},
    ),
    "energy.kcal_per_min": (
        energy.kcal_per_min,
        {
            "weight_kg": WEIGHT,
            "speed_kmh": SPEED,
            "grade_pct": GRADE,
            "gait": GAIT,
            "direction": DIRECTION,
            "estimate": ESTIMATE,
        },
    ),
    "energy.estimate": (
        energy.estimate,
        {
            "weight_kg": WEIGHT,
            "speed_kmh": SPEED,
            "grade_pct": GRADE,
            "gait": GAIT,
            "direction": DIRECTION,
        },
    ),
    "energy.compare": (
        energy.compare,
        {"weight_kg": WEIGHT, "speed_kmh": SPEED, "grade_pct": GRADE},
    ),
    "energy.equivalent_forward_minutes": (
        energy.equivalent_forward_minutes,
        {"minutes": MINUTES, "speed_kmh": SPEED, "grade_pct": GRADE, "gait": GAIT},
    ),
    "energy.kcal_per_min_curve": (
        energy.kcal_per_min_curve,
        {
            "weight_kg": WEIGHT,
            "speeds_kmh": speeds_array(),
            "grade_pct": GRADE,
            "gait": GAIT,
            "direction": DIRECTION,
            "estimate": ESTIMATE,
        },
    ),
    "energy.backward_ratio": (
        energy.backward_ratio,
        {"gait": GAIT, "speed_kmh": SPEED, "grade_pct": GRADE},
    ),
    "energy.sensible_gaits": (energy.sensible_gaits, {"speed_kmh": SPEED}),
    "CostEstimate.session_kcal": (SAMPLE_ESTIMATE.session_kcal, {"minutes": MINUTES}),
    "ValidRange.speed_text": (energy.RUN_BACKWARD_RANGE.speed_text, {"system": SYSTEM}),
    "checks.real": (
        real,
        {
            "value": Arg(
                st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers()),
                st.one_of(NON_FINITE, WRONG_TYPES.filter(is_not_number)),
            ),
            "what": fixed("age"),
        },
    ),
    "calories.speed_axis": (calories.speed_axis, {"speed_kmh": SPEED, "system": SYSTEM}),
    "calories.chart_data": (
        calories.chart_data,
        {"weight_kg": WEIGHT, "speed_kmh": CHART_SPEED, "grade_pct": GRADE, "system": SYSTEM},
    ),
    "calories.limit_note": (
        calories.limit_note,
        {
            "result": Arg(one_estimate(), st.nothing(), typed=False),
            "words": fixed(CALORIE_WORDS),
            "system": SYSTEM,
        },
    ),
    "calories.calories_view": (
        calories_view_of,
        {
            "weight": READER_WEIGHT,
            "speed": READER_SPEED,
            "grade_pct": GRADE,
            "minutes": MINUTES,
            "units": SYSTEM,
        },
    ),
    "heart.heart_view": (
        heart_view_of,
        {
            "age_years": VIEW_AGE,
            # Sex only decides whether a women-only formula may be chosen (HeartInputs.from_values).
            "sex": Arg(st.sampled_from(fields.choice("sex").options), st.nothing(), typed=False),
            "formula": FORMULA,
            "resting_hr_bpm": VIEW_RATE,
            "max_hr_bpm": VIEW_RATE,
        },
    ),
    "units.check_system": (u.check_system, {"system": SYSTEM}),
    **{
        f"units.{name}": (getattr(u, name), {"value": AMOUNT})
        for name in (
            "lb_to_kg",
            "kg_to_lb",
            "mph_to_kmh",
            "kmh_to_mph",
            "kmh_to_m_min",
            "m_min_to_kmh",
            "kmh_to_m_s",
            "m_s_to_kmh",
        )
    },
    "units.pace_min_per_km": (u.pace_min_per_km, {"speed_kmh": PACE}),
    "units.pace_min_per_mile": (u.pace_min_per_mile, {"speed_mph": PACE}),
    "units.kmh_from_pace": (u.kmh_from_pace, {"pace_min": PACE, "system": SYSTEM}),
    "units.weight_to_kg": (u.weight_to_kg, {"weight": AMOUNT, "system": SYSTEM}),
    "units.kg_to_weight": (u.kg_to_weight, {"weight_kg": AMOUNT, "system": SYSTEM}),
    "units.speed_to_kmh": (u.speed_to_kmh, {"speed": AMOUNT, "system": SYSTEM}),
    "units.kmh_to_speed": (u.kmh_to_speed, {"speed_kmh": AMOUNT, "system": SYSTEM}),
    "units.pace_from_kmh": (u.pace_from_kmh, {"speed_kmh": PACE, "system": SYSTEM}),
    "units.format_pace": (u.format_pace, {"pace_min": PACE}),
    "units.format_speed": (u.format_speed, {"speed_kmh": AMOUNT, "system": SYSTEM}),
    "units.format_weight": (u.format_weight, {"weight_kg": AMOUNT, "system": SYSTEM}),
    "share.param_text": (
        share.param_text,
        {
            "value": Arg(
                st.one_of(
                    st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text()
                ),
                NON_FINITE,
            )
        },
    ),
    "share.app_base": (
        share.app_base,
        {
            "current_url": Arg(
                st.sampled_from(
                    ["http://localhost:8501/", "https://example.org/retroedu/calories?x=1"]
                ),
                st.sampled_from(["javascript:alert(1)", "", "ftp://x", "//x", "data:text/html,x"]),
                typed=False,
            )
        },
    ),
    "CaloriesInputs.in_units": (CaloriesInputs().in_units, {"system": SYSTEM}),
}
API: dict[str, Fn] = {
    name: entry if isinstance(entry, Fn) else Fn(*entry) for name, entry in _TABLE.items()
}
# Functions of any text: they must never raise for a string (or only ValueError, where named).
ANY_TEXT: dict[str, Callable[[str], object]] = {
    "evidence.escape_markdown": escape_markdown,
    "evidence.cited_keys": cited_keys,
    "evidence.malformed_markers": malformed_markers,
    "site.resolve": site.resolve,
    "site.aliases": site.aliases,
    "units.parse_pace (ValueError allowed)": u.parse_pace,
    "checks.parse (ValueError allowed)": lambda text: parse(text, "age"),
}


def clean(result: object, where: str = "result") -> None:
    """No NaN or infinity anywhere in a result (for tables, their numeric columns)."""
    if isinstance(result, bool | str | bytes | None):
        return
    if isinstance(result, int | float | np.floating | np.integer | Fraction):
        assert math.isfinite(float(result)), f"{where} is {result!r}"
    elif isinstance(result, pd.DataFrame):
        numbers = result.select_dtypes("number")
        assert np.isfinite(numbers.to_numpy(dtype=float)).all(), f"{where} has NaN/inf"
    elif isinstance(result, np.ndarray):
        assert np.isfinite(result).all(), f"{where} has NaN/inf"
    elif isinstance(result, Mapping):
        for key, value in result.items():
            clean(value, f"{where}[{key!r}]")
    elif isinstance(result, list | tuple | frozenset):
        for index, value in enumerate(result):
            clean(value, f"{where}[{index}]")
    elif dataclasses.is_dataclass(result):
        for field in dataclasses.fields(result):
            if field.name not in {"mode", "valid"}:
                clean(getattr(result, field.name), f"{where}.{field.name}")


def call(function: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    names = list(kwargs)
    # Conversions take their one argument by position (their parameter names differ).
    if names == ["value"]:
        return function(kwargs["value"])
    return function(**kwargs)


@pytest.mark.parametrize("name", sorted(API))
def test_good_arguments_give_a_clean_result(name: str) -> None:
    entry = API[name]
    outcomes = {"result": 0, "refused by the rule": 0}

    @EXAMPLES
    @given(st.fixed_dictionaries({key: arg.good for key, arg in entry.args.items()}))
    def good(kwargs: dict[str, Any]) -> None:
        if entry.refused_when is not None and entry.refused_when(kwargs):
            with pytest.raises(ValueError, match=r"\w"):
                call(entry.function, kwargs)
            outcomes["refused by the rule"] += 1
            return
        clean(call(entry.function, kwargs))  # any exception here fails the test
        outcomes["result"] += 1

    good()
    total = sum(outcomes.values())
    assert outcomes["result"] >= max(1, total // 4), outcomes


@pytest.mark.parametrize("name", sorted(API))
def test_one_bad_argument_raises_value_error(name: str) -> None:
    entry = API[name]
    refusable = [key for key, arg in entry.args.items() if not arg.bad.is_empty]

    @EXAMPLES
    @given(st.data())
    def bad(data: st.DataObject) -> None:
        kwargs = {key: data.draw(arg.good, label=key) for key, arg in entry.args.items()}
        which = data.draw(st.sampled_from(refusable), label="bad argument")
        kwargs[which] = data.draw(entry.args[which].bad, label=f"bad {which}")
        # A refusal says why (a sentence, not an empty message); hypothesis shows the draws.
        with pytest.raises(ValueError, match=r"\w"):
            call(entry.function, kwargs)

    if refusable:
        bad()


@pytest.mark.parametrize("name", sorted(API))
def test_anything_gives_value_error_or_a_clean_result(name: str) -> None:
    entry = API[name]

    @EXAMPLES
    @given(
        st.fixed_dictionaries(
            {
                key: st.one_of(arg.good, arg.bad, WRONG_TYPES) if arg.typed else arg.good
                for key, arg in entry.args.items()
            }
        )
    )
    def anything(kwargs: dict[str, Any]) -> None:
        try:
            result = call(entry.function, kwargs)
        except ValueError:
            return
        clean(result)

    anything()


def test_the_heart_view_takes_every_age_the_model_takes() -> None:
    assert heart.max_hr(heart.AGE_LIMIT_YEARS) == pytest.approx(208 - 0.7 * 120)  # 124
    view = heart_view(HeartInputs(age_years=heart.AGE_LIMIT_YEARS))
    assert view.max_bpm == pytest.approx(124.0)


@pytest.mark.parametrize("view", [False, True], ids=["chart_data", "calories_view"])
def test_the_chart_takes_every_speed_the_model_takes(view: bool) -> None:
    assert energy.estimate(70.0, 42.0).speed_kmh == 42.0  # the model takes 42 km/h
    if view:
        calories_view(CaloriesInputs(speed=42.0), CALORIE_WORDS)
    else:
        calories.chart_data(70.0, 42.0, 0.0, "metric")


WRONG_RATES = [
    {"max_hr_bpm": "150"},
    {"max_hr_bpm": b"150"},
    {"max_hr_bpm": True},
    {"max_hr_bpm": [150.0]},
    {"resting_hr_bpm": "60"},
    {"resting_hr_bpm": [60.0]},
]


@pytest.mark.parametrize("rates", WRONG_RATES, ids=lambda rates: repr(rates))
def test_the_heart_view_refuses_rates_of_the_wrong_type(rates: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="must be a number"):
        heart_view(HeartInputs(age_years=40, **rates))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(ANY_TEXT))
@EXAMPLES
@given(text=st.one_of(st.text(), st.sampled_from(hostile.PAYLOADS)))
def test_text_functions_take_any_text(name: str, text: str) -> None:
    try:
        ANY_TEXT[name](text)
    except ValueError:
        assert "ValueError allowed" in name


# --- Links: any text a link carries gives usable values, never an exception ----------------------


def _labels(field: fields.Field) -> list[str]:
    if isinstance(field, fields.ChoiceField):
        return [*field.labels, *field.labels.values()]
    return []


LINK_TEXT = st.one_of(
    st.text(max_size=30),
    st.floats().map(repr),
    st.integers(-1000, 1000).map(str),
    st.sampled_from(hostile.PAYLOADS),
    st.sampled_from([label for f in fields.FIELDS.values() for label in _labels(f)]),
)


LINKS = st.dictionaries(st.sampled_from([*fields.FIELDS, "x", ""]), LINK_TEXT, max_size=8)


def check_value(key: str, value: object, system: str) -> None:
    """A value read from a link is one the field can hold."""
    found = fields.FIELDS[key]
    if isinstance(found, fields.NumberField):
        limits = found.limits(system)
        if value is None:
            assert found.optional, key
            return
        assert isinstance(value, float), (key, value)
        assert limits.low <= value <= limits.high, (key, value)
        assert not found.whole or value.is_integer(), (key, value)
    elif isinstance(found, fields.ChoiceField):
        assert value in found.options, (key, value)
    elif isinstance(found, fields.TextField):
        assert isinstance(value, str), (key, value)
        assert len(value) <= found.max_chars, (key, value)
    else:
        assert isinstance(value, bool), (key, value)


@EXAMPLES
@given(LINKS, st.sampled_from(u.UNIT_SYSTEMS))
def test_reading_a_link_never_raises_and_gives_values_in_range(
    link: dict[str, str], system: str
) -> None:
    every = tuple(fields.FIELDS)
    found = fields.read_link(every, link, system)
    assert set(found.values) == set(every)
    assert set(found.rejected) <= {key for key in every if key in link}
    for key, value in found.values.items():
        check_value(key, value, system)
        if key in found.rejected:
            default = fields.FIELDS[key]
            expected = (
                default.limits(system).default
                if isinstance(default, fields.NumberField)
                else default.default
            )
            assert value == expected, key
        assert isinstance(fields.was_rejected(key, link.get(key, ""), value, system), bool)


@EXAMPLES
@given(LINKS)
def test_any_link_opens_both_calculators(link: dict[str, str]) -> None:
    """A link's settings always give a view: out-of-range or unreadable values fall back to the
    field's default and are named as rejected; an impossible combination (resting at or above a
    measured maximum) is a problem the page shows, not an exception."""
    heart_inputs, heart_rejected = HeartInputs.from_link(link)
    assert set(heart_rejected) <= set(fields.HEART) & set(link)
    view = heart_view(heart_inputs)
    clean(view)
    assert view.problem or not view.hero.empty
    calories_inputs, calories_rejected = CaloriesInputs.from_link(link)
    assert set(calories_rejected) <= set(fields.CALORIES) & set(link)
    assert calories_inputs.units in u.UNIT_SYSTEMS
    clean(calories_view(calories_inputs, CALORIE_WORDS))


# --- Front matter: ValueError or a well-formed result ------------------------------------------

# Nested data as YAML front matter can hold it.
YAML_LIKE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=12),
        st.sampled_from(["heel", "toes", "measured", "claimed", "review", "https://x.org"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.sampled_from(
                    [
                        "name",
                        "forward",
                        "backward",
                        "regions",
                        "text",
                        "label",
                        "low",
                        "high",
                        "kind",
                        "source",
                        "spread",
                        "refs",
                        "week",
                        "year",
                        "authors",
                        "title",
                        "journal",
                        "level",
                        "url",
                    ]
                ),
                st.text(max_size=6),
            ),
            inner,
            max_size=6,
        ),
    ),
    max_leaves=20,
)


def nonblank(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def keys(value: object) -> bool:
    return isinstance(value, tuple) and bool(value) and all(isinstance(key, str) for key in value)


def well_formed_phases(result: object) -> None:
    assert isinstance(result, tuple)
    assert result
    for phase in result:
        assert isinstance(phase, learn_charts.ContactPhase)
        assert nonblank(phase.name)
        for contact in (phase.forward, phase.backward):
            assert isinstance(contact, learn_charts.Contact)
            assert contact.regions
            assert contact.regions <= set(learn_charts.FOOT_REGIONS)
            assert nonblank(contact.text)


def well_formed_studies(result: object) -> None:
    assert isinstance(result, tuple)
    assert result
    for study in result:
        assert isinstance(study, learn_charts.KneeLoadStudy)
        assert nonblank(study.label)
        assert nonblank(study.condition)
        assert keys(study.refs)
        assert isinstance(study.n, int)
        assert not isinstance(study.n, bool)
        assert study.n >= 1
        assert isinstance(study.forward_bw, float)
        assert 0 < study.forward_bw < math.inf
        assert isinstance(study.backward_bw, float)
        assert 0 <= study.backward_bw < math.inf
        for sd in (study.forward_sd_bw, study.backward_sd_bw):
            assert isinstance(sd, float)
            assert math.isnan(sd) or 0 <= sd < math.inf


def well_formed_weeks(result: object) -> None:
    assert isinstance(result, tuple)
    assert result
    for number, week in enumerate(result, start=1):
        assert isinstance(week, learn_charts.PlanWeek)
        assert week.week == number
        assert week.mode in learn_charts.MODES
        assert nonblank(week.what)
        assert nonblank(week.minutes)
        assert nonblank(week.notes)
        assert week.refs == () or keys(week.refs)


def well_formed_events(result: object) -> None:
    assert isinstance(result, tuple)
    assert result
    for event in result:
        assert isinstance(event, learn_charts.TimelineEvent)
        assert isinstance(event.year, int)
        assert not isinstance(event.year, bool)
        assert 1000 <= event.year <= 2100
        assert nonblank(event.label)
        assert nonblank(event.detail)
        assert keys(event.refs)
        assert event.level in LEVELS
    assert [event.year for event in result] == sorted(event.year for event in result)


def well_formed_rows(result: object) -> None:
    assert isinstance(result, list)
    assert result
    for row in result:
        assert isinstance(row, claim_chart.Row)
        assert isinstance(row.label, str)
        assert isinstance(row.source, str)
        assert all(isinstance(v, float) and math.isfinite(v) for v in (row.low, row.high))
        assert row.low <= row.high
        assert row.kind in claim_chart.KINDS
        assert isinstance(row.spread, float)
        assert 0 <= row.spread < math.inf


def well_formed_references(result: object) -> None:
    assert isinstance(result, dict)
    assert result
    for key, ref in result.items():
        assert isinstance(ref, Reference)
        assert ref.key == key
        assert re.fullmatch(KEY_PATTERN, key)
        assert nonblank(ref.authors)
        assert nonblank(ref.title)
        assert nonblank(ref.journal)
        assert ref.level in LEVELS
        assert ref.year is None or (isinstance(ref.year, int) and ref.year >= 1800)
        assert all(isinstance(text, str) for text in (ref.details, ref.doi, ref.pmid, ref.url))
        assert ref.doi or ref.pmid or ref.url or (ref.level.id == "unconfirmed" and ref.note)
        assert not ref.url or ref.url.startswith(("http://", "https://"))


@dataclasses.dataclass(frozen=True)
class Parser:
    """A front-matter parser, a check of what it returns, one valid block and blocks it refuses."""

    parse: Callable[[object], object]
    well_formed: Callable[[object], None]
    valid: object
    refused: tuple[object, ...]


PHASE = {
    "name": "Touch-down",
    "forward": {"regions": ["heel"], "text": "Heel first."},
    "backward": {"regions": ["toes", "forefoot"], "text": "Toes first."},
}
STUDY = {
    "label": "Roos et al. 2012",
    "refs": ["roos2012"],
    "n": 20,
    "condition": "same speed",
    "forward_bw": 4.5,
    "forward_sd_bw": 1.5,
    "backward_bw": 3.4,
    "backward_sd_bw": 1.4,
}
WEEK = {
    "week": 1,
    "mode": "walk",
    "what": "Walk.",
    "minutes": "5",
    "notes": "Slowly.",
    "refs": ["kim2001"],
}
EVENT = {"year": 1991, "label": "L", "detail": "D.", "level": "record", "refs": ["guinness2016"]}
ROW = {"label": "Running", "low": 35, "high": 35, "kind": "measured", "source": "W", "spread": 6}
REFERENCE = {
    "authors": "Smith A",
    "year": 2001,
    "title": "T",
    "journal": "J",
    "url": "https://example.org/t",
    "level": "lab",
}

# Known-bad data, by kind of mistake (the messages are checked where each parser is tested:
# test_learn_charts.py, test_evidence.py): not a list, an entry that is not a mapping, a nested
# part of the wrong type, NaN, booleans for numbers, a value just outside its range.
PARSERS: dict[str, Parser] = {
    "learn_charts.contact_phases": Parser(
        learn_charts.contact_phases,
        well_formed_phases,
        [PHASE],
        (
            PHASE,
            [None],
            [{**PHASE, "forward": "heel"}],
            [{**PHASE, "backward": {"regions": "toes", "text": "T"}}],
            [{**PHASE, "name": "  "}],
        ),
    ),
    "learn_charts.knee_load_studies": Parser(
        learn_charts.knee_load_studies,
        well_formed_studies,
        [STUDY],
        (
            "knee",
            [["Roos"]],
            [{**STUDY, "forward_bw": math.nan}],
            [{**STUDY, "backward_sd_bw": math.inf}],
            [{**STUDY, "n": True}],
            [{**STUDY, "forward_bw": True}],
        ),
    ),
    "learn_charts.plan_weeks": Parser(
        learn_charts.plan_weeks,
        well_formed_weeks,
        [WEEK],
        (
            {"1": WEEK},
            [{**WEEK, "week": True}],
            [{**WEEK, "minutes": True}],
            [{**WEEK, "refs": ["kim2001", 7]}],
            [WEEK, {**WEEK, "week": 3}],
        ),
    ),
    "learn_charts.timeline_events": Parser(
        learn_charts.timeline_events,
        well_formed_events,
        [EVENT],
        (
            None,
            [{**EVENT, "year": True}],
            [{**EVENT, "year": 2101}],
            [{**EVENT, "label": 5}],
            [{**EVENT, "level": ["record"]}],
        ),
    ),
    "claim_chart.parse_rows": Parser(
        claim_chart.parse_rows,
        well_formed_rows,
        [ROW],
        (
            ROW,
            [{**ROW, "low": math.nan}],
            [{**ROW, "low": "35"}],
            [{**ROW, "low": 40, "high": 35}],
            [{**ROW, "spread": -1}],
            [{key: value for key, value in ROW.items() if key != "source"}],
        ),
    ),
    "evidence.parse_references": Parser(
        parse_references,
        well_formed_references,
        {"smith2001": REFERENCE},
        (
            [REFERENCE],
            {"smith2001": [REFERENCE]},
            {"smith2001": {**REFERENCE, "year": 1799}},
            {"smith2001": {**REFERENCE, "url": "javascript:alert(1)"}},
            {"smith2001": {**REFERENCE, "level": ["lab"]}},
            {"smith2001": {**REFERENCE, "doi": ["10.1/x"]}},
        ),
    ),
}

# Nested data as YAML front matter can hold it.
YAML_LIKE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=12),
        st.sampled_from(["heel", "toes", "measured", "claimed", "review", "https://x.org"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.sampled_from(
                    [
                        "name",
                        "forward",
                        "backward",
                        "regions",
                        "text",
                        "label",
                        "low",
                        "high",
                        "kind",
                        "source",
                        "spread",
                        "refs",
                        "week",
                        "year",
                        "authors",
                        "title",
                        "journal",
                        "level",
                        "url",
                    ]
                ),
                st.text(max_size=6),
            ),
            inner,
            max_size=6,
        ),
    ),
    max_leaves=20,
)
DROP = object()


def near(valid: object) -> st.SearchStrategy[object]:
    """`valid` with one field of its first entry dropped or replaced by anything: most such data
    is refused, some is accepted, and then it must be well formed."""
    entry = valid[0] if isinstance(valid, list) else next(iter(valid.values()))  # type: ignore[union-attr]
    assert isinstance(entry, dict)

    def changed(change: tuple[str, object]) -> object:
        name, value = change
        new = {key: item for key, item in entry.items() if key != name}
        if value is not DROP:
            new[name] = value
        return [new] if isinstance(valid, list) else {"smith2001": new}

    return st.tuples(st.sampled_from(sorted(entry)), st.one_of(st.just(DROP), YAML_LIKE)).map(
        changed
    )


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_front_matter_parsers_give_value_error_or_a_well_formed_result(name: str) -> None:
    parser = PARSERS[name]
    parser.well_formed(parser.parse(parser.valid))

    @EXAMPLES
    @given(data=st.one_of(YAML_LIKE, near(parser.valid)))
    def anything(data: object) -> None:
        try:
            result = parser.parse(data)
        except ValueError:
            return
        parser.well_formed(result)

    anything()


@pytest.mark.parametrize(
    ("name", "data"),
    [(name, data) for name, parser in sorted(PARSERS.items()) for data in parser.refused],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_front_matter_parsers_refuse_known_bad_data(name: str, data: object) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        PARSERS[name].parse(data)


def well_formed_page(page: object, name: str = "<text>") -> None:
    assert isinstance(page, Page)
    assert page.name == name
    assert nonblank(page.title)
    assert page.title == page.meta["title"]
    assert nonblank(page.summary)
    assert page.summary == page.meta["summary"]
    assert isinstance(page.body, str)
    assert page.body == page.body.strip()
    assert isinstance(page.meta, dict)


YAML_TEXT = st.text(max_size=30)
HEADERS = st.one_of(
    st.text(max_size=80),
    st.sampled_from([": : :", "[", "{a: [", "- x\n- y", "title: T", "summary: S."]),
    st.builds(
        "title: {}\nsummary: {}\n{}".format,
        YAML_TEXT,
        YAML_TEXT,
        st.one_of(st.just(""), YAML_TEXT),
    ),
)


@EXAMPLES
@given(header=HEADERS, body=st.text(max_size=40))
def test_parse_page_gives_value_error_or_a_well_formed_page(header: str, body: str) -> None:
    try:
        page = parse_page(f"---\n{header}\n---\n{body}", "p")
    except ValueError:
        return
    well_formed_page(page, "p")


def test_parse_page_reads_a_valid_page() -> None:
    page = parse_page("---\ntitle: T\nsummary: S.\nquiz: []\n---\n\nBody.\n", "p")
    well_formed_page(page, "p")
    assert (page.title, page.summary, page.body, page.meta["quiz"]) == ("T", "S.", "Body.", [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: T\nsummary: S.\n", "must start with YAML front matter"),
        ("---\ntitle: T\nsummary: S.\n", "no closing '---'"),
        ("---\ntitle: [\n---\n", "not valid YAML"),
        ("---\n- title\n- summary\n---\n", "must be a mapping of fields"),
        ("---\ntitle: T\n---\n", "missing its 'summary'"),
        ("---\ntitle: 5\nsummary: S.\n---\n", "missing its 'title'"),
        ("---\ntitle: ' '\nsummary: S.\n---\n", "missing its 'title'"),
        ("---\ntitle: T\nsummary: [S]\n---\n", "missing its 'summary'"),
    ],
)
def test_parse_page_refuses_known_bad_pages(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_page(text, "p")


OVERFLOWING = [
    ("kg_to_lb", (1e308,)),  # / 0.45359237 passes the largest float (1.8e308)
    ("mph_to_kmh", (1.5e308,)),  # x 1.609344
    ("kmh_to_m_min", (1e308,)),  # x 16.67
    ("m_s_to_kmh", (1e308,)),  # x 3.6
    ("pace_min_per_km", (5e-324,)),  # 60 / 5e-324
    ("pace_min_per_mile", (5e-324,)),
    ("kmh_from_pace", (5e-324, "metric")),
    ("format_pace", (1e308,)),  # minutes x 60 seconds
]


@pytest.mark.parametrize(("name", "args"), OVERFLOWING, ids=[name for name, _ in OVERFLOWING])
def test_conversions_refuse_results_beyond_floating_point(name: str, args: tuple[Any, ...]) -> None:
    with pytest.raises(ValueError, match="too large"):
        getattr(u, name)(*args)
