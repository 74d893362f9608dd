"""The field registry and link addresses: a value a link carries is read the way the widget reads
it, refused values fall back to the default and are reported, and a page's link reopens its view."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retroedu.calculators.calories import CaloriesInputs
from retroedu.calculators.heart import HeartInputs
from retroedu.links import fields
from retroedu.links.urls import app_base, page_url, param_text

HOSTILE = [
    "",
    " ",
    "abc",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "0x10",
    "<script>alert(1)</script>",
    "%00",
    "\u202e",
    "9" * 400,
    "-500",
    "40,5",
]
FAST = settings(max_examples=40, deadline=None)


def test_every_number_field_has_ordered_limits_and_a_default_inside_them() -> None:
    for field in fields.FIELDS.values():
        if isinstance(field, fields.NumberField):
            for system in ("metric", "imperial"):
                limits = field.limits(system)
                assert limits.low < limits.high, field.key
                if limits.default is not None:
                    assert limits.low <= limits.default <= limits.high, field.key
        elif isinstance(field, fields.ChoiceField):
            assert field.default in field.options, field.key


NOT_TEXT = [key for key, field in fields.FIELDS.items() if not isinstance(field, fields.TextField)]
TEXT = [key for key, field in fields.FIELDS.items() if isinstance(field, fields.TextField)]


@pytest.mark.parametrize("key", NOT_TEXT)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_falls_back_to_the_default_and_is_reported(key: str, text: str) -> None:
    field = fields.FIELDS[key]
    reading = field.read(text)
    default = field.limits().default if isinstance(field, fields.NumberField) else field.default
    if isinstance(field, fields.NumberField) and field.optional and not text.strip():
        assert reading == fields.Reading(None, False)  # an emptied optional field
    else:
        assert reading == fields.Reading(default, True)


@pytest.mark.parametrize("key", TEXT)
@pytest.mark.parametrize("text", HOSTILE)
def test_text_fields_keep_plain_text_and_refuse_the_rest(key: str, text: str) -> None:
    """A text field takes any printable line up to its length (it is shown as plain text, never
    as Markdown or HTML); longer text, or text with control or bidi-override characters, falls
    back to the default and is reported."""
    field = fields.text(key)
    reading = field.read(text)
    if len(text) > field.max_chars or text == "\u202e":
        assert reading == fields.Reading(field.default, True)
    else:
        assert reading == fields.Reading(" ".join(text.split()), False)


def test_limits_are_accepted_and_one_step_beyond_is_not() -> None:
    age = fields.number("age")
    assert age.read("10").value == 10
    assert age.read("100").value == 100
    assert age.read("9.99").rejected
    assert age.read("100.01").rejected
    assert fields.number("weight").read("660", "imperial") == fields.Reading(660.0, False)
    assert fields.number("weight").read("660", "metric").rejected


def test_whole_fields_refuse_decimals_and_decimal_fields_keep_them() -> None:
    assert fields.number("slide").read("2.5").rejected
    assert fields.number("minutes").read("45.5") == fields.Reading(45.5, False)


def test_choices_accept_key_or_label_in_any_case_and_nothing_else() -> None:
    formula = fields.choice("formula")
    assert formula.read(" nes ").value == "nes"
    assert formula.read("NES").value == "nes"
    assert formula.read("Nes").value == "nes"
    assert formula.read("Nes2").rejected


def test_link_values_keep_their_form_a_widget_writes() -> None:
    assert fields.number("age").text(68.0) == "68"
    assert fields.number("speed").text(5.25) == "5.25"
    assert fields.choice("sex").text("female") == "Female"
    assert fields.FIELDS["present"].text(True) == "true"  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="finite"):
        fields.number("age").text(math.inf)


def test_was_rejected_compares_numbers_as_numbers() -> None:
    assert not fields.was_rejected("age", "68.0", 68.0)
    assert not fields.was_rejected("age", "68", 68.0)
    assert fields.was_rejected("age", "68", 40.0)  # the widget settled elsewhere
    assert fields.was_rejected("resting_hr", "abc", None)
    assert not fields.was_rejected("resting_hr", "", None)
    assert fields.was_rejected("units", "<b>", "metric")


def test_the_womens_formula_needs_sex_female() -> None:
    inputs, rejected = HeartInputs.from_link({"formula": "gulati"})
    assert inputs.formula == "tanaka"
    assert rejected == ("formula",)
    inputs, rejected = HeartInputs.from_link({"formula": "gulati", "sex": "female"})
    assert inputs.formula == "gulati"
    assert rejected == ()


def test_defaults_travel_as_an_empty_link() -> None:
    assert HeartInputs().params() == {}
    assert CaloriesInputs().params() == {}
    assert HeartInputs.from_link({}) == (HeartInputs(), ())
    assert CaloriesInputs.from_link({}) == (CaloriesInputs(), ())


def test_imperial_links_read_pounds_and_mph() -> None:
    inputs, rejected = CaloriesInputs.from_link(
        {"units": "imperial", "weight": "176", "speed": "6.2"}
    )
    assert rejected == ()
    assert inputs.weight_kg == pytest.approx(176 * 0.45359237)
    assert inputs.speed_kmh == pytest.approx(6.2 * 1.609344)


def test_switching_units_keeps_the_person() -> None:
    metric = CaloriesInputs(weight=80.0, speed=10.0)
    imperial = metric.in_units("imperial")
    assert (imperial.weight, imperial.speed) == (176.4, 6.21)  # 80 / 0.45359237; 10 / 1.609344
    assert imperial.weight_kg == pytest.approx(80.0, abs=0.05)


heart_values = st.builds(
    HeartInputs,
    age_years=st.integers(10, 100).map(float),
    sex=st.sampled_from(fields.choice("sex").options),
    formula=st.sampled_from(["tanaka", "nes", "gellish", "fox"]),
    resting_hr_bpm=st.one_of(st.none(), st.integers(30, 120).map(float)),
    max_hr_bpm=st.one_of(st.none(), st.integers(100, 230).map(float)),
)
calorie_values = st.builds(
    CaloriesInputs,
    weight=st.integers(20, 300).map(float),
    speed=st.integers(10, 300).map(lambda tenths: tenths / 10),
    grade_pct=st.integers(-60, 60).map(lambda halves: halves / 2),
    minutes=st.integers(1, 600).map(float),
)


@FAST
@given(heart_values)
def test_heart_settings_round_trip_through_a_link(inputs: HeartInputs) -> None:
    assert HeartInputs.from_link(inputs.params()) == (inputs, ())


@FAST
@given(calorie_values)
def test_calorie_settings_round_trip_through_a_link(inputs: CaloriesInputs) -> None:
    assert CaloriesInputs.from_link(inputs.params()) == (inputs, ())


@FAST
@given(
    st.dictionaries(
        st.sampled_from([*fields.FIELDS, "x"]),
        st.one_of(st.text(max_size=30), st.floats().map(repr), st.sampled_from(HOSTILE)),
    )
)
def test_any_link_gives_settings_inside_the_limits(link: dict[str, str]) -> None:
    heart_inputs, _ = HeartInputs.from_link(link)
    calorie_inputs, _ = CaloriesInputs.from_link(link)
    assert 10 <= heart_inputs.age_years <= 100
    assert 20 <= calorie_inputs.weight_kg <= 300
    assert all(math.isfinite(v) for v in (calorie_inputs.speed_kmh, calorie_inputs.minutes))


def test_page_links_carry_settings_in_the_form_widgets_read() -> None:
    params = HeartInputs(age_years=55, sex="female", resting_hr_bpm=62).params()
    link = page_url("http://127.0.0.1:8501", "heart-rate", params)
    assert link == "http://127.0.0.1:8501/heart-rate?age=55&sex=Female&resting_hr=62"
    assert page_url("http://h:1/app", "home", {}) == "http://h:1/app/"


def test_app_base_drops_only_a_page_path_and_refuses_non_web_addresses() -> None:
    assert app_base("https://example.org/retroedu/Heart-Rate") == "https://example.org/retroedu"
    assert app_base("https://example.org/retroedu/other") == "https://example.org/retroedu/other"
    with pytest.raises(ValueError, match="not a web address"):
        app_base("javascript:alert(1)")


def test_param_text_refuses_non_finite_numbers() -> None:
    assert param_text(70.0) == "70"
    with pytest.raises(ValueError, match="finite"):
        param_text(math.nan)
