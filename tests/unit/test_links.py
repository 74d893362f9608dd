"""Shareable-link logic: settings read from a URL the way the widgets read them, written back so the
link reopens the same view, and page addresses built from the browser's view of the app."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retroedu.links.settings import (
    AGE_YEARS,
    GRADE_PCT,
    MEASURED_BPM,
    MINUTES,
    RESTING_BPM,
    SEX_LABELS,
    SPEED,
    WEIGHT,
    EnergySettings,
    HeartSettings,
    energy_from_params,
    heart_from_params,
)
from retroedu.links.urls import app_base, page_url, param_text
from retroedu.models import heart

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
    "'; DROP TABLE x; --",
    "%00",
    "\u202e",
    "9" * 400,
    "-500",
    "40,5",
]


def as_link(params: dict[str, object]) -> dict[str, str]:
    return {key: param_text(value) for key, value in params.items()}


def test_defaults_travel_as_an_empty_link() -> None:
    assert HeartSettings().params() == {}
    assert EnergySettings().params() == {}
    assert heart_from_params({}) == (HeartSettings(), [])
    assert energy_from_params({}) == (EnergySettings(), [])


def test_selection_values_are_read_by_label_or_key_in_any_case() -> None:
    for text in ("Female", "female", " FEMALE "):
        assert heart_from_params({"sex": text})[0].sex == "female"
    for text in ("Nes", "nes", "NES"):
        assert heart_from_params({"formula": text})[0].formula == "nes"


def test_the_womens_formula_needs_sex_female_as_on_the_page() -> None:
    name = heart.FORMULAS["gulati"].name
    assert heart_from_params({"formula": name, "sex": "Female"})[0].formula == "gulati"
    settings_, rejected = heart_from_params({"formula": name})
    assert settings_.formula == "tanaka"
    assert rejected == ["formula"]


def test_out_of_range_values_fall_back_to_defaults_and_are_reported() -> None:
    heart_settings, rejected = heart_from_params(
        {"age": "101", "resting_hr": "29", "max_hr": "231"}
    )
    assert heart_settings == HeartSettings()
    assert sorted(rejected) == ["age", "max_hr", "resting_hr"]
    energy_settings, rejected = energy_from_params({"weight": "19", "minutes": "30.5"})
    assert energy_settings == EnergySettings()
    assert sorted(rejected) == ["minutes", "weight"]


def test_limits_themselves_are_accepted() -> None:
    low = heart_from_params({"age": "10", "resting_hr": "30", "max_hr": "230"})
    assert low == (HeartSettings(age_years=10, resting_hr_bpm=30, max_hr_bpm=230), [])


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("key", ["age", "sex", "formula", "resting_hr", "max_hr"])
def test_hostile_heart_values_never_raise(key: str, value: str) -> None:
    settings_, rejected = heart_from_params({key: value})
    assert settings_ == HeartSettings()
    assert rejected == [key]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("key", ["weight", "speed", "grade", "minutes", "units"])
def test_hostile_energy_values_never_raise(key: str, value: str) -> None:
    settings_, rejected = energy_from_params({key: value})
    assert settings_ == EnergySettings()
    assert rejected == [key]


@st.composite
def heart_settings(draw: st.DrawFn) -> HeartSettings:
    sex = draw(st.sampled_from(list(SEX_LABELS)))
    formulas = [k for k, f in heart.FORMULAS.items() if not f.women_only or sex == "female"]
    return HeartSettings(
        age_years=draw(st.integers(int(AGE_YEARS[0]), int(AGE_YEARS[1]))),
        sex=sex,
        formula=draw(st.sampled_from(formulas)),
        resting_hr_bpm=draw(st.none() | st.integers(int(RESTING_BPM[0]), int(RESTING_BPM[1]))),
        max_hr_bpm=draw(st.none() | st.integers(int(MEASURED_BPM[0]), int(MEASURED_BPM[1]))),
    )


@st.composite
def energy_settings(draw: st.DrawFn) -> EnergySettings:
    system = draw(st.sampled_from(["metric", "imperial"]))

    def tenths(limits: tuple[float, float, float]) -> float:
        return draw(st.integers(int(limits[0] * 10), int(limits[1] * 10))) / 10

    return EnergySettings(
        weight=tenths(WEIGHT[system]),
        speed=tenths(SPEED[system]),
        grade_pct=tenths(GRADE_PCT),
        minutes=draw(st.integers(MINUTES[0], MINUTES[1])),
        units=system,
    )


@settings(max_examples=200)
@given(heart_settings(), energy_settings())
def test_settings_round_trip_through_a_link(
    heart_value: HeartSettings, energy_value: EnergySettings
) -> None:
    link = as_link({**heart_value.params(), **energy_value.params()})
    assert heart_from_params(link) == (heart_value, [])
    assert energy_from_params(link) == (energy_value, [])


@settings(max_examples=200)
@given(st.dictionaries(st.sampled_from(["age", "sex", "formula", "resting_hr", "max_hr",
    "weight", "speed", "grade", "minutes", "units"]), st.text(max_size=20)))  # fmt: skip
def test_any_link_gives_usable_settings(params: dict[str, str]) -> None:
    heart_value, _ = heart_from_params(params)
    energy_value, _ = energy_from_params(params)
    assert heart_value.max_bpm > 0
    assert heart.zones(heart_value.max_bpm).shape[0] == 5
    assert energy_value.weight_kg > 0
    assert energy_value.speed_kmh > 0


def test_switching_units_keeps_the_person() -> None:
    # 70 kg / 0.45359237 = 154.32 lb -> 154.3; 6 km/h / 1.609344 = 3.728 mph -> 3.73.
    imperial = EnergySettings(weight=70.0, speed=6.0).in_units("imperial")
    assert (imperial.weight, imperial.speed, imperial.units) == (154.3, 3.73, "imperial")
    assert imperial.weight_kg == pytest.approx(70.0, abs=0.05)


def test_page_links_carry_settings_in_the_form_widgets_read() -> None:
    base = app_base("http://10.0.0.5:8501/calories", "calories")
    params = {**HeartSettings(age_years=55, sex="female").params(), "weight": 80.0}
    assert page_url(base, "heart-rate", params) == (
        "http://10.0.0.5:8501/heart-rate?age=55&sex=Female&weight=80"
    )


def test_app_base_keeps_a_path_prefix_and_refuses_non_web_addresses() -> None:
    assert (
        app_base("https://x.org/tools/retro/team-talk", "team-talk") == "https://x.org/tools/retro"
    )
    with pytest.raises(ValueError, match="not a web address"):
        app_base("javascript:alert(1)")


def test_param_text_refuses_non_finite_numbers() -> None:
    with pytest.raises(ValueError, match="finite"):
        param_text(float("inf"))
