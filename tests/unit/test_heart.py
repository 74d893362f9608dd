"""retroedu.models.heart: values worked by hand from the cited formulas, properties, and every
refusal. (The view model built on it is tested in test_calculators.py.)"""

from __future__ import annotations

import itertools
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retroedu.content import i18n
from retroedu.models import heart
from retroedu.models.heart import (
    FORMULAS,
    MODELS,
    cautions,
    error_band,
    karvonen,
    max_hr,
    max_hr_by_age,
    percent_of_max,
    zones,
)

# Properties run few examples and no deadline: a busy two-core machine must not fail them.
PROPERTIES = settings(max_examples=50, deadline=None)

# --- Max HR: each formula at several ages, the arithmetic written out -------------------------

HAND_WORKED = [
    # Fox 1971: 220 - age
    ("fox", 20, 220 - 20),  # 200
    ("fox", 45, 220 - 45),  # 175
    ("fox", 70, 220 - 70),  # 150
    # Tanaka 2001: 208 - 0.7 x age
    ("tanaka", 20, 208 - 14.0),  # 0.7 x 20 = 14   -> 194
    ("tanaka", 45, 208 - 31.5),  # 0.7 x 45 = 31.5 -> 176.5
    ("tanaka", 70, 208 - 49.0),  # 0.7 x 70 = 49   -> 159
    # Gellish 2007: 207 - 0.7 x age
    ("gellish", 20, 207 - 14.0),  # 193
    ("gellish", 45, 207 - 31.5),  # 175.5
    ("gellish", 70, 207 - 49.0),  # 158
    # Nes 2013: 211 - 0.64 x age
    ("nes", 20, 211 - 12.8),  # 0.64 x 20 = 12.8 -> 198.2
    ("nes", 45, 211 - 28.8),  # 0.64 x 45 = 28.8 -> 182.2
    ("nes", 70, 211 - 44.8),  # 0.64 x 70 = 44.8 -> 166.2
    # Gulati 2010 (women): 206 - 0.88 x age
    ("gulati", 20, 206 - 17.6),  # 0.88 x 20 = 17.6 -> 188.4
    ("gulati", 45, 206 - 39.6),  # 0.88 x 45 = 39.6 -> 166.4
    ("gulati", 70, 206 - 61.6),  # 0.88 x 70 = 61.6 -> 144.4
]


@pytest.mark.parametrize(("formula", "age", "expected"), HAND_WORKED)
def test_max_hr_matches_the_hand_worked_formula(formula: str, age: float, expected: float) -> None:
    assert max_hr(age, formula) == pytest.approx(expected, abs=1e-9)


def test_tanaka_is_the_default_formula() -> None:
    assert max_hr(40) == 208 - 0.7 * 40 == 180


def test_registry_carries_citation_population_and_error_for_every_formula() -> None:
    assert set(FORMULAS) == {"fox", "tanaka", "gellish", "nes", "gulati"}
    errors = {key: formula.error_bpm for key, formula in FORMULAS.items()}
    # science.md "Model recommendations A": Tanaka uses Nes's SEE 10.8 as a typical value.
    assert errors == {"tanaka": 10.8, "nes": 10.8, "gellish": 10.0, "gulati": 10.0, "fox": 11.0}
    assert {key: f.citation for key, f in FORMULAS.items()} == {
        "fox": "fox1971",
        "tanaka": "tanaka2001",
        "gellish": "gellish2007",
        "nes": "nes2013",
        "gulati": "gulati2010",
    }
    for formula in FORMULAS.values():
        assert formula.population.strip()
        assert formula.error_note.strip()
    assert [key for key, f in FORMULAS.items() if f.women_only] == ["gulati"]
    assert "Nes" in FORMULAS["tanaka"].error_note


def test_equations_are_written_the_way_people_write_them() -> None:
    assert FORMULAS["fox"].equation == "220 \u2212 age"
    assert FORMULAS["gulati"].equation == "206 \u2212 0.88 \u00d7 age"


def test_error_band_is_two_typical_errors_either_side() -> None:
    # Tanaka at 40: 180 +/- 2 x 10.8 = 180 +/- 21.6 -> 158.4 to 201.6
    assert error_band(40, "tanaka") == pytest.approx((158.4, 201.6))
    # Fox at 60: 160 +/- 2 x 11 = 160 +/- 22 -> 138 to 182
    assert error_band(60, "fox") == pytest.approx((138.0, 182.0))


def test_max_hr_by_age_has_one_column_per_formula() -> None:
    table = max_hr_by_age([30, 50])
    assert list(table.columns) == ["age", *FORMULAS]
    # Nes at 50: 211 - 0.64 x 50 = 211 - 32 = 179
    assert table.loc[1, "nes"] == pytest.approx(179.0)


# --- Karvonen and % of max ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("intensity", "max_bpm", "rest_bpm", "expected"),
    [
        (0.6, 190, 60, 60 + 0.6 * 130),  # reserve 190 - 60 = 130; 0.6 x 130 = 78 -> 138
        (0.75, 185, 55, 55 + 97.5),  # reserve 130; 0.75 x 130 = 97.5 -> 152.5
        (0.5, 200, 40, 40 + 80),  # reserve 160; half of it = 80 -> 120
        (0.0, 180, 70, 70),  # no intensity: resting heart rate
        (1.0, 180, 70, 180),  # full intensity: maximum heart rate
    ],
)
def test_karvonen_matches_the_hand_worked_formula(
    intensity: float, max_bpm: float, rest_bpm: float, expected: float
) -> None:
    assert karvonen(intensity, max_bpm, rest_bpm) == pytest.approx(expected)


def test_percent_of_max() -> None:
    assert percent_of_max(0.75, 180) == pytest.approx(135)  # 0.75 x 180
    assert percent_of_max(0.85, 176) == pytest.approx(149.6)  # 0.85 x 176


# --- Zone models --------------------------------------------------------------------------------


def flat(pairs: list[tuple[float, float]]) -> list[float]:
    return [value for pair in pairs for value in pair]


def bounds(table: pd.DataFrame) -> list[tuple[float, float]]:
    return [
        (float(low), float(high)) for low, high in zip(table.low_bpm, table.high_bpm, strict=True)
    ]


def test_hrmax5_zones_by_hand() -> None:
    # 50/60/70/80/90/100 % of 190: 95, 114, 133, 152, 171, 190
    table = zones(190)
    assert list(table.zone) == ["Zone 1", "Zone 2", "Zone 3", "Zone 4", "Zone 5"]
    assert flat(bounds(table)) == pytest.approx(
        flat([(95, 114), (114, 133), (133, 152), (152, 171), (171, 190)])
    )
    assert list(table.low_pct) == [50, 60, 70, 80, 90]
    assert set(table.basis) == {"max"}


def test_hrr5_zones_by_hand() -> None:
    # max 190, rest 60 -> reserve 130. 50 %: 60 + 65 = 125; 60 %: 60 + 78 = 138;
    # 70 %: 60 + 91 = 151; 80 %: 60 + 104 = 164; 90 %: 60 + 117 = 177; 100 %: 190
    table = zones(190, 60, "hrr5")
    assert flat(bounds(table)) == pytest.approx(
        flat([(125, 138), (138, 151), (151, 164), (164, 177), (177, 190)])
    )
    assert set(table.basis) == {"reserve"}


def test_acsm_classes_by_hand() -> None:
    # max 190, rest 60 -> reserve 130. 30 %: 60 + 39 = 99; 40 %: 60 + 52 = 112;
    # 60 %: 60 + 78 = 138; 90 %: 60 + 117 = 177; 100 %: 190
    table = zones(190, 60, "acsm")
    assert list(table.zone) == ["Light", "Moderate", "Vigorous", "Near-maximal"]
    assert flat(bounds(table)) == pytest.approx(
        flat([(99, 112), (112, 138), (138, 177), (177, 190)])
    )
    assert list(table.pct_label) == [
        "30\u201339 %",
        "40\u201359 %",
        "60\u201389 %",
        "\u2265 90 %",
    ]


def test_hrmax5_never_goes_below_a_given_resting_rate() -> None:
    # max 180, rest 100: 50 % = 90 would sit under rest, so zone 1 starts at 100; 60 % = 108.
    table = zones(180, 100)
    assert bounds(table)[0] == pytest.approx((100, 108))
    assert bounds(table)[1] == pytest.approx((108, 126))


def test_zone_table_columns_and_plain_language() -> None:
    table = zones(180, 60, "hrr5")
    assert list(table.columns) == list(heart.ZONE_COLUMNS)
    assert all(text.strip() for text in [*table.feel, *table.purpose, *table.name])


# --- Cautions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "rest", "formula", "expected"),
    [
        # Ages 18-80 were studied by the formulas' sources; resting 40-100 bpm is typical.
        (40, 60, "tanaka", ()),
        (17, None, "tanaka", ("age_young",)),
        (18, 40, "tanaka", ()),
        (80, 100, "tanaka", ()),
        (81, None, "nes", ("age_old",)),  # Nes's own sample ran to 90
        (40, 39, "tanaka", ("resting_low",)),
        (40, 101, "tanaka", ("resting_high",)),
        (15, 110, "tanaka", ("age_young", "resting_high")),
        # Ages outside the chosen formula's own source population: Gellish about 27-78,
        # Gulati 30-74 (52 +/- 2 x 11), Fox mostly under 55, Nes 20-90.
        (25, None, "gellish", ("age_outside_formula",)),
        (78, None, "gellish", ()),
        (75, None, "gulati", ("age_outside_formula",)),
        (60, None, "fox", ("age_outside_formula",)),
        (20, None, "nes", ()),
    ],
)
def test_cautions(age: float, rest: float | None, formula: str, expected: tuple[str, ...]) -> None:
    assert cautions(age, rest, formula) == expected


# --- Properties ---------------------------------------------------------------------------------

ages = st.floats(min_value=0, max_value=120, allow_nan=False)
formulas = st.sampled_from(sorted(FORMULAS))


@PROPERTIES
@given(formulas, ages, ages)
def test_max_hr_falls_with_age(formula: str, first: float, second: float) -> None:
    younger, older = sorted((first, second))
    if older - younger > 1e-6:
        assert max_hr(younger, formula) > max_hr(older, formula)


@PROPERTIES
@given(
    st.floats(min_value=100, max_value=230, allow_nan=False),
    st.floats(min_value=30, max_value=99, allow_nan=False),
    st.sampled_from(sorted(MODELS)),
)
def test_zones_are_contiguous_ordered_and_inside_rest_to_max(
    max_bpm: float, rest_bpm: float, model: str
) -> None:
    table = zones(max_bpm, rest_bpm, model)
    pairs = bounds(table)
    assert pairs[0][0] >= rest_bpm - 1e-9
    assert pairs[-1][1] == pytest.approx(max_bpm)
    for low, high in pairs:
        assert rest_bpm - 1e-9 <= low <= high <= max_bpm + 1e-9
    for (_, high), (next_low, _) in itertools.pairwise(pairs):
        assert high == next_low  # shared boundary: no gap, no overlap


@PROPERTIES
@given(
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.floats(min_value=120, max_value=220, allow_nan=False),
    st.floats(min_value=35, max_value=110, allow_nan=False),
)
def test_karvonen_rises_with_intensity_and_stays_in_range(
    a: float, b: float, max_bpm: float, rest_bpm: float
) -> None:
    low, high = sorted((a, b))
    assert rest_bpm - 1e-9 <= karvonen(low, max_bpm, rest_bpm) <= karvonen(high, max_bpm, rest_bpm)
    assert karvonen(high, max_bpm, rest_bpm) <= max_bpm + 1e-9


# --- Refusals: each impossible input gets a sentence ---------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: max_hr(-1), "Age cannot be negative"),
        (lambda: max_hr(150), "beyond any recorded human lifespan"),
        (lambda: max_hr(math.nan), "age must be a finite number"),
        (lambda: max_hr("40"), "age must be a number"),  # type: ignore[arg-type]
        (lambda: max_hr(40, "astrand"), "Unknown max-HR formula 'astrand'"),
        (lambda: error_band(40, "Tanaka"), "Unknown max-HR formula"),
        (lambda: karvonen(0.5, 180, 180), "must be lower than maximum heart rate"),
        (lambda: karvonen(0.5, 150, 170), "must be lower than maximum heart rate"),
        (lambda: karvonen(-0.1, 180, 60), "Intensity is a fraction from 0 to 1"),
        (lambda: karvonen(1.1, 180, 60), "Intensity is a fraction from 0 to 1"),
        (lambda: karvonen(70, 180, 60), "write 70 % as 0.7"),
        (lambda: karvonen(0.5, 180, 0), "resting heart rate must be above 0"),
        (lambda: karvonen(0.5, 400, 60), "beyond what a human heart can beat"),
        (lambda: percent_of_max(0.5, -180), "maximum heart rate must be above 0"),
        (lambda: zones(180, 180), "must be lower than maximum heart rate"),
        (lambda: zones(180, 200, "hrr5"), "must be lower than maximum heart rate"),
        (lambda: zones(180, model="zones7"), "Unknown zone model 'zones7'"),
        (lambda: zones(180, model="hrr5"), "needs a resting heart rate"),
        (lambda: zones(180, model="acsm"), "needs a resting heart rate"),
        (lambda: zones(math.inf), "maximum heart rate must be a finite number"),
        (lambda: cautions(-5), "Age cannot be negative"),
    ],
)
def test_impossible_input_is_refused_with_a_sentence(call: object, message: str) -> None:
    assert callable(call)
    with pytest.raises(ValueError, match=message) as caught:
        call()
    text = str(caught.value)
    assert text[0].isupper()
    assert text.rstrip().endswith((".", ")"))


@pytest.mark.parametrize("code", ["en", "es"])
def test_each_zone_says_its_talk_test_in_the_same_words_as_how_it_feels(code: str) -> None:
    """The handout prints a zone's talk test, the screen how it feels; one is part of the other,
    word for word, so the sheet and the screen never describe a zone two ways."""
    lang = i18n.load(code)
    for model in heart.MODELS.values():
        for band in model.bands:
            talk, feel = lang._(band.talk), lang._(band.feel)
            assert talk.lower() in feel.lower(), (model.key, band.zone, talk, feel)
