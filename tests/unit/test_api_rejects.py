"""retroedu's public functions refuse bad arguments with ValueError, and only with ValueError
(issue 8).

Each function is listed with what each argument may be (`Arg.good`) and with values that must be
refused (`Arg.bad`: out of range, zero where zero is impossible, NaN, infinities, unknown names,
wrong types). Hypothesis then checks three things per function:

- good arguments: a result with no NaN or infinity in it (a cross-argument rule, such as resting
  heart rate below maximum, may still refuse with ValueError);
- one bad argument among good ones: ValueError, never another exception and never a result;
- anything at all in any argument: ValueError or a clean result, never another exception.

The parsers of front-matter data (chart blocks, references, pages) get arbitrary nested data.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retroedu.content.evidence import (
    cited_keys,
    escape_markdown,
    malformed_markers,
    parse_references,
)
from retroedu.content.pages import parse_page
from retroedu.figures import claims as claim_chart
from retroedu.figures import energy as energy_charts
from retroedu.figures import learn as learn_charts
from retroedu.links import params
from retroedu.links import settings as app_settings
from retroedu.links import urls as share
from retroedu.models import energy, heart
from retroedu.models import units as u

EXAMPLES = settings(
    max_examples=60,
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
    # False for arguments that are results of other retroedu calls (an estimate, a table):
    # passing them a wrong type is a programming error, not bad input.
    typed: bool = True


def number(low: float, high: float, *, low_open: bool = False, no_limit_above: bool = False) -> Arg:
    """A real number in [low, high] (or (low, high] when `low_open`); refused: below that, above
    it (unless `no_limit_above`: the function sets no upper limit), NaN, infinities, non-numbers.
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
    refused = [NON_FINITE, below, WRONG_TYPES.filter(is_not_number)]
    return Arg(good, st.one_of(*refused) if no_limit_above else st.one_of(*refused, above))


def is_not_number(value: object) -> bool:
    return isinstance(value, bool) or not isinstance(value, int | float | Fraction)


def choice(names: Any) -> Arg:
    names = tuple(names)
    unknown = st.text(max_size=12).filter(lambda text: text not in names)
    wrong = WRONG_TYPES.filter(lambda value: value not in names)
    return Arg(st.sampled_from(names), st.one_of(unknown, wrong, st.just(names[0].upper())))


def optional(arg: Arg) -> Arg:
    return Arg(st.one_of(st.none(), arg.good), arg.bad.filter(lambda value: value is not None))


AGE = number(0, heart.AGE_LIMIT_YEARS)
BPM = number(0, heart.HR_LIMIT_BPM, low_open=True)
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
TEXT = Arg(st.text(max_size=40), WRONG_TYPES.filter(lambda value: not isinstance(value, str)))


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


def estimates() -> st.SearchStrategy[tuple[energy.CostEstimate, ...]]:
    return st.builds(energy.compare, WEIGHT.good, SPEED.good, GRADE.good)


# function -> its arguments, by name. Bound methods on example objects cover the dataclasses.
SAMPLE_ESTIMATE = energy.estimate(70.0, 8.0, 2.0, "run", "backward")
API: dict[str, tuple[Callable[..., Any], dict[str, Arg]]] = {
    "heart.get_formula": (heart.get_formula, {"key": FORMULA}),
    "heart.get_model": (heart.get_model, {"key": MODEL}),
    "heart.max_hr": (heart.max_hr, {"age_years": AGE, "formula": FORMULA}),
    "heart.error_band": (heart.error_band, {"age_years": AGE, "formula": FORMULA}),
    "heart.karvonen": (
        heart.karvonen,
        {"intensity": INTENSITY, "max_hr_bpm": BPM, "resting_hr_bpm": BPM},
    ),
    "heart.percent_of_max": (heart.percent_of_max, {"intensity": INTENSITY, "max_hr_bpm": BPM}),
    "heart.zones": (
        heart.zones,
        {"max_hr_bpm": BPM, "resting_hr_bpm": optional(BPM), "model": MODEL},
    ),
    "heart.all_zones": (heart.all_zones, {"max_hr_bpm": BPM, "resting_hr_bpm": optional(BPM)}),
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
    "energy.comparison_table": (
        energy.comparison_table,
        {
            "estimates": Arg(estimates(), st.nothing(), typed=False),
            "minutes": MINUTES,
            "system": SYSTEM,
        },
    ),
    "CostEstimate.session_kcal": (SAMPLE_ESTIMATE.session_kcal, {"minutes": MINUTES}),
    "CostEstimate.reason": (SAMPLE_ESTIMATE.reason, {"system": SYSTEM}),
    "ValidRange.speed_text": (energy.RUN_BACKWARD_RANGE.speed_text, {"system": SYSTEM}),
    "energy_charts.speed_axis": (
        energy_charts.speed_axis,
        {"speed_kmh": SPEED, "system": SYSTEM},
    ),
    "energy_charts.chart_data": (
        energy_charts.chart_data,
        {"weight_kg": WEIGHT, "speed_kmh": SPEED, "grade_pct": GRADE, "system": SYSTEM},
    ),
    "units.check_system": (u.check_system, {"system": SYSTEM}),
    **{
        f"units.{function.__name__}": (function, {"value": AMOUNT})
        for function in (
            u.lb_to_kg,
            u.kg_to_lb,
            u.mph_to_kmh,
            u.kmh_to_mph,
            u.kmh_to_m_min,
            u.m_min_to_kmh,
            u.kmh_to_m_s,
            u.m_s_to_kmh,
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
    "EnergySettings.in_units": (app_settings.EnergySettings().in_units, {"system": SYSTEM}),
}
# Functions of any text: they must never raise for a string.
ANY_TEXT = {
    "evidence.escape_markdown": escape_markdown,
    "evidence.cited_keys": cited_keys,
    "evidence.malformed_markers": malformed_markers,
    "units.parse_pace (ValueError allowed)": u.parse_pace,
}


def clean(result: object, where: str = "result") -> None:
    """No NaN or infinity anywhere in a result (tables: numeric columns; NaN-by-design columns
    such as a forward row's "vs forward" are documented and skipped)."""
    if isinstance(result, bool | str | bytes | None):
        return
    if isinstance(result, int | float | np.floating | np.integer | Fraction):
        assert math.isfinite(float(result)), f"{where} is {result!r}"
    elif isinstance(result, pd.DataFrame):
        numbers = result.select_dtypes("number").drop(columns=["vs_forward_pct"], errors="ignore")
        assert np.isfinite(numbers.to_numpy(dtype=float)).all(), f"{where} has NaN/inf"
    elif isinstance(result, np.ndarray):
        assert np.isfinite(result).all(), f"{where} has NaN/inf"
    elif isinstance(result, Mapping):
        for key, value in result.items():
            clean(value, f"{where}[{key!r}]")
    elif isinstance(result, list | tuple):
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
    function, args = API[name]

    @EXAMPLES
    @given(st.fixed_dictionaries({key: arg.good for key, arg in args.items()}))
    def good(kwargs: dict[str, Any]) -> None:
        try:
            result = call(function, kwargs)
        except ValueError:
            return  # a rule across arguments (e.g. resting below maximum) may refuse them
        clean(result)

    good()


@pytest.mark.parametrize("name", sorted(API))
def test_one_bad_argument_raises_value_error(name: str) -> None:
    function, args = API[name]
    refusable = [key for key, arg in args.items() if not arg.bad.is_empty]

    @EXAMPLES
    @given(st.data())
    def bad(data: st.DataObject) -> None:
        kwargs = {key: data.draw(arg.good, label=key) for key, arg in args.items()}
        which = data.draw(st.sampled_from(refusable), label="bad argument")
        kwargs[which] = data.draw(args[which].bad, label=f"bad {which}")
        # A refusal says why (a sentence, not an empty message); hypothesis shows the draws.
        with pytest.raises(ValueError, match=r"\w"):
            call(function, kwargs)

    if refusable:
        bad()


@pytest.mark.parametrize("name", sorted(API))
def test_anything_gives_value_error_or_a_clean_result(name: str) -> None:
    function, args = API[name]

    @EXAMPLES
    @given(
        st.fixed_dictionaries(
            {
                key: st.one_of(arg.good, arg.bad, WRONG_TYPES) if arg.typed else arg.good
                for key, arg in args.items()
            }
        )
    )
    def anything(kwargs: dict[str, Any]) -> None:
        try:
            result = call(function, kwargs)
        except ValueError:
            return
        clean(result)

    anything()


@pytest.mark.parametrize("name", sorted(ANY_TEXT))
@EXAMPLES
@given(text=st.text())
def test_text_functions_take_any_text(name: str, text: str) -> None:
    try:
        ANY_TEXT[name](text)
    except ValueError:
        assert "ValueError allowed" in name


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
PARSERS: dict[str, Callable[[object], object]] = {
    "learn_charts.contact_phases": learn_charts.contact_phases,
    "learn_charts.knee_load_studies": learn_charts.knee_load_studies,
    "learn_charts.plan_weeks": learn_charts.plan_weeks,
    "learn_charts.timeline_events": learn_charts.timeline_events,
    "claim_chart.parse_rows": claim_chart.parse_rows,
    "evidence.parse_references": parse_references,
}


@pytest.mark.parametrize("name", sorted(PARSERS))
@EXAMPLES
@given(data=YAML_LIKE)
def test_front_matter_parsers_refuse_bad_data_with_value_error(name: str, data: object) -> None:
    try:
        result = PARSERS[name](data)
    except ValueError:
        return
    clean(result)


@EXAMPLES
@given(
    header=st.one_of(st.text(max_size=80), st.sampled_from([": : :", "[", "{a: [", "- x\n- y"])),
    body=st.text(max_size=40),
)
def test_parse_page_refuses_bad_pages_with_value_error(header: str, body: str) -> None:
    with contextlib.suppress(ValueError):
        parse_page(f"---\n{header}\n---\n{body}")


@EXAMPLES
@given(
    st.dictionaries(
        st.sampled_from([*app_settings.HEART_KEYS, *app_settings.ENERGY_KEYS, "units", "x"]),
        st.one_of(st.text(max_size=30), st.floats().map(repr)),
    )
)
def test_link_readers_never_raise(link: dict[str, str]) -> None:
    heart_settings, _ = app_settings.heart_from_params(link)
    energy_settings, _ = app_settings.energy_from_params(link)
    clean(heart_settings.max_bpm)
    clean((energy_settings.weight_kg, energy_settings.speed_kmh, energy_settings.params()))
    for raw in link.values():
        assert isinstance(params.was_rejected(raw, 40.0), bool)


OVERFLOWING = [
    (u.kg_to_lb, (1e308,)),
    (u.mph_to_kmh, (1.5e308,)),  # x 1.609344 passes the largest float (1.8e308)
    (u.kmh_to_m_min, (1e308,)),
    (u.m_s_to_kmh, (1e308,)),
    (u.pace_min_per_km, (5e-324,)),
    (u.pace_min_per_mile, (5e-324,)),
    (u.kmh_from_pace, (5e-324, "metric")),
    (u.format_pace, (1e308,)),
]


@pytest.mark.parametrize(
    ("function", "args"), OVERFLOWING, ids=lambda v: getattr(v, "__name__", "")
)
def test_conversions_refuse_results_beyond_floating_point(
    function: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    try:
        result = function(*args)
    except ValueError:
        return
    pytest.fail(f"{function.__name__}{args} returned {result!r}")
