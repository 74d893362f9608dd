"""The heart-rate calculator's view model: everything the page, its CSV and the handout show.

`HeartInputs` are the reader's settings, read from the field registry (`retroedu.links.fields`).
`heart_view(inputs)` computes, once, what every output draws: the maximum and its band, the
recommended zone method and its table (heart-rate reserve when a resting rate is known, otherwise
percent of maximum), the other methods for comparison, the cautions, the articles' target and the
formulas across ages. The screen, the CSV and the PDF all read this object, so they cannot differ.

>>> view = heart_view(HeartInputs(age_years=68, sex="female", resting_hr_bpm=72))
>>> view.method, round(view.max_bpm, 1), view.hero.loc[0, ["low_bpm", "high_bpm"]].tolist()
('hrr5', 160.4, [116.2, 125.04])
>>> heart_view(HeartInputs(age_years=68)).method
'hrmax5'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from types import MappingProxyType
from typing import ClassVar

import pandas as pd

from retroedu.content.i18n import ENGLISH, Language, ReaderError, sayable
from retroedu.links import fields as registry
from retroedu.models import heart
from retroedu.models.checks import real

#: The zone method shown first (and printed): % of reserve when a resting rate is known.
METHOD_WITH_RESTING, METHOD_WITHOUT = "hrr5", "hrmax5"
#: Ages the formulas chart always spans. [years]
CHART_AGES = (18, 80)


def _age_default() -> float:
    default = registry.number("age").limits().default
    assert default is not None  # the registry gives age a default
    return default


@dataclass(frozen=True)
class HeartInputs:
    """The heart-rate calculator's settings. `max_hr_bpm` is a measured maximum, if known."""

    age_years: float = _age_default()
    sex: str = registry.choice("sex").default
    formula: str = registry.choice("formula").default
    resting_hr_bpm: float | None = None
    max_hr_bpm: float | None = None

    #: Field key (URL and widget) of each attribute.
    KEYS: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "age_years": "age",
            "sex": "sex",
            "formula": "formula",
            "resting_hr_bpm": "resting_hr",
            "max_hr_bpm": "max_hr",
        }
    )

    @classmethod
    def from_values(cls, values: Mapping[str, object]) -> HeartInputs:
        """Settings from field values by URL key (as widgets or `fields.read_link` give them).

        A women-only formula without `sex=female` falls back to the default formula.
        """
        given = {name: values[key] for name, key in cls.KEYS.items() if key in values}
        inputs = cls(**given)  # type: ignore[arg-type]
        if heart.FORMULAS[inputs.formula].women_only and inputs.sex != "female":
            inputs = replace(inputs, formula=cls.formula)
        return inputs

    @classmethod
    def from_link(
        cls, params: Mapping[str, str], aliases: registry.Aliases | None = None
    ) -> tuple[HeartInputs, tuple[str, ...]]:
        """Settings from URL parameters, and the keys whose values could not be used. A choice
        may be named by its label in another language (`aliases`).

        >>> HeartInputs.from_link({"age": "50", "formula": "Nes", "resting_hr": "abc"})
        (HeartInputs(age_years=50.0, sex='unspecified', formula='nes', resting_hr_bpm=None, max_hr_bpm=None), ('resting_hr',))
        """
        found = registry.read_link(registry.HEART, params, aliases=aliases)
        inputs = cls.from_values(found.values)
        rejected = list(found.rejected)
        if "formula" in params and inputs.formula != found.values["formula"]:
            rejected.append("formula")
        return inputs, tuple(rejected)

    def params(self) -> dict[str, str]:
        """URL parameters that reopen these settings, defaults left out (as Streamlit does).

        >>> HeartInputs(age_years=50, sex="female", resting_hr_bpm=60).params()
        {'age': '50', 'sex': 'Female', 'resting_hr': '60'}
        """
        default = HeartInputs()
        found = {}
        for name in (f.name for f in fields(self)):
            value = getattr(self, name)
            if value is None or value == getattr(default, name):
                continue
            key = self.KEYS[name]
            found[key] = registry.FIELDS[key].text(value)
        return found


@dataclass(frozen=True)
class HeartView:
    """What the heart-rate calculator shows for one set of inputs. Numbers in bpm.

    `problem` is a sentence when the inputs cannot give zones (resting at or above maximum);
    the zone tables are then empty. `problem_in(lang)` says it in another language.
    """

    inputs: HeartInputs
    formula: heart.MaxHrFormula
    estimate_bpm: float
    band_bpm: tuple[float, float]
    max_bpm: float
    method: str
    tables: Mapping[str, pd.DataFrame]
    cautions: tuple[heart.Caution, ...]
    target_bpm: tuple[float, float]
    ages: pd.DataFrame
    problem: str = ""

    def problem_in(self, lang: Language = ENGLISH) -> str:
        """`problem` in `lang` ("" when there is none)."""
        return sayable(self.problem, lang)

    @property
    def measured(self) -> bool:
        """True when a measured maximum replaces the formula."""
        return self.inputs.max_hr_bpm is not None

    @property
    def reserve_bpm(self) -> float | None:
        """Heart-rate reserve (maximum minus resting), when a resting rate is known."""
        resting = self.inputs.resting_hr_bpm
        return None if resting is None else self.max_bpm - resting

    @property
    def hero(self) -> pd.DataFrame:
        """The recommended method's zone table (empty when there is a `problem`)."""
        return self.tables.get(self.method, pd.DataFrame(columns=list(heart.ZONE_COLUMNS)))

    @property
    def zone_method(self) -> heart.ZoneModel:
        return heart.MODELS[self.method]

    def others(self) -> tuple[str, ...]:
        """The other zone methods the inputs allow, for "Compare methods"."""
        return tuple(key for key in self.tables if key != self.method)


def heart_view(inputs: HeartInputs) -> HeartView:
    """Compute everything the heart-rate calculator shows. ValueError only for impossible input
    (an age or rate no person has); resting at or above maximum is a `problem`, not an error."""
    formula = heart.get_formula(inputs.formula)
    estimate = heart.max_hr(inputs.age_years, inputs.formula)
    measured, resting = (
        None if value is None else real(value, what)
        for value, what in (
            (inputs.max_hr_bpm, "measured maximum heart rate"),
            (inputs.resting_hr_bpm, "resting heart rate"),
        )
    )
    max_bpm = estimate if measured is None else measured
    method = METHOD_WITH_RESTING if resting is not None else METHOD_WITHOUT
    problem: str = ""
    try:
        tables = heart.all_zones(max_bpm, resting)
    except ValueError as trouble:
        if resting is None or resting < max_bpm:
            raise
        problem = trouble.message if isinstance(trouble, ReaderError) else str(trouble)
        tables = {}
    low, high = heart.ARTICLE_TARGET_FRACTIONS
    first = min(CHART_AGES[0], int(inputs.age_years))
    last = min(max(CHART_AGES[1], int(inputs.age_years) + 1), int(heart.AGE_LIMIT_YEARS))
    return HeartView(
        inputs=inputs,
        formula=formula,
        estimate_bpm=estimate,
        band_bpm=heart.error_band(inputs.age_years, inputs.formula),
        max_bpm=max_bpm,
        method=method,
        tables=MappingProxyType(tables),
        cautions=heart.cautions(inputs.age_years, resting, inputs.formula),
        target_bpm=(heart.percent_of_max(low, max_bpm), heart.percent_of_max(high, max_bpm)),
        # Straight lines: a few points draw them exactly.
        ages=heart.max_hr_by_age(sorted({*range(first, last, 5), last})),
        problem=problem,
    )
