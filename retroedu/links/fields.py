"""The field registry: every value that travels in a link or a widget, defined once. Pure.

A field has its URL key (also the widget's key), its label and unit, its limits and default, its
step, and whether it takes whole numbers. The widgets (`ui/widgets.py`), the reading of a link,
the "we changed your link" notices, the handout and the CSV files all read these definitions, so a
value a link carries means the same thing on the page, in the PDF and in a file.

Number fields whose unit depends on the reader's units (weight, speed) carry limits per system.
Choice fields carry their option keys and the labels the page shows; a link may carry either, or
the label in another language (`aliases`, which the app's glue reads from the catalogues).
Labels, units and placeholders are English, marked `N_` for the catalogue and translated where
they are shown; `lang` (the language) names each language in that language, untranslated.

>>> FIELDS["age"].read("68")
Reading(value=68.0, rejected=False)
>>> FIELDS["age"].read("500"), FIELDS["resting_hr"].read("")
(Reading(value=40.0, rejected=True), Reading(value=None, rejected=False))
>>> FIELDS["weight"].limits("imperial")
Limits(low=44.0, high=660.0, default=154.0)
>>> FIELDS["sex"].read("FEMALE"), FIELDS["formula"].read("Nes")
(Reading(value='female', rejected=False), Reading(value='nes', rejected=False))
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from retroedu.content.i18n import N_
from retroedu.models import energy, heart
from retroedu.models.checks import parse
from retroedu.models.units import SPEED_UNIT, WEIGHT_UNIT, UnitSystem, check_system

V = TypeVar("V")


@dataclass(frozen=True)
class Reading(Generic[V]):
    """What a link's text for one field gives: the value to use, and whether the text was refused
    (then `value` is the field's default)."""

    value: V
    rejected: bool


@dataclass(frozen=True)
class Limits:
    """The lowest and highest value a field takes and its default (None: empty until typed)."""

    low: float
    high: float
    default: float | None


@dataclass(frozen=True)
class NumberField:
    """A number a reader types or a link carries."""

    key: str
    label: str
    unit: Mapping[UnitSystem, str]
    by_system: Mapping[UnitSystem, Limits]
    step: float
    whole: bool = False
    placeholder: str = ""

    def limits(self, system: str = "metric") -> Limits:
        """The limits in the reader's units."""
        return self.by_system[check_system(system)]

    def unit_for(self, system: str = "metric") -> str:
        return self.unit[check_system(system)]

    @property
    def optional(self) -> bool:
        return self.by_system["metric"].default is None

    @property
    def format(self) -> str:
        """How the widget shows the number: whole numbers without decimals, "%g" otherwise."""
        return "%.0f" if self.whole else "%g"

    def read(self, text: str | None, system: str = "metric") -> Reading[float | None]:
        """The number a link's `text` gives, in the reader's units.

        No text, or empty text for an optional field, gives the default without complaint.
        Text that is not a finite number, lies outside the limits, or has decimals for a whole
        field gives the default and is marked rejected.

        >>> FIELDS["minutes"].read("45.5"), FIELDS["slide"].read("2.5")
        (Reading(value=45.5, rejected=False), Reading(value=1.0, rejected=True))
        """
        limits = self.limits(system)
        if text is None or (self.optional and not text.strip()):
            return Reading(limits.default, False)
        try:
            value = parse(text, self.label)
        except ValueError:
            return Reading(limits.default, True)
        if not limits.low <= value <= limits.high or (self.whole and not value.is_integer()):
            return Reading(limits.default, True)
        return Reading(value, False)

    def text(self, value: float) -> str:
        """A value as a link carries it: no trailing zeros ("68", not "68.0").

        >>> FIELDS["age"].text(68.0), FIELDS["speed"].text(5.25)
        ('68', '5.25')
        """
        if not math.isfinite(value):
            raise ValueError(f"A link can only carry finite numbers (got {value}).")
        return f"{value:.0f}" if self.whole else f"{value:.6g}"


@dataclass(frozen=True)
class ChoiceField:
    """One of a few options. `labels` are what the page shows (and a link usually carries)."""

    key: str
    label: str
    labels: Mapping[str, str]
    default: str

    @property
    def options(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def read(self, text: str | None, aliases: OptionNames | None = None) -> Reading[str]:
        """The option a link's `text` names, by key, by label or by one of its `aliases` (the
        label in other languages), in any case.

        >>> FIELDS["units"].read("Imperial"), FIELDS["units"].read("<b>")
        (Reading(value='imperial', rejected=False), Reading(value='metric', rejected=True))
        >>> FIELDS["sex"].read("MUJER", {"female": ("Mujer",)})
        Reading(value='female', rejected=False)
        """
        if text is None:
            return Reading(self.default, False)
        wanted = text.strip().lower()
        for key, label in self.labels.items():
            names = {key, label, *(aliases or {}).get(key, ())}
            if wanted in {name.lower() for name in names}:
                return Reading(key, False)
        return Reading(self.default, True)

    def text(self, value: str) -> str:
        """An option as a link carries it: its label, as the bound widget writes it."""
        return self.labels[value]


@dataclass(frozen=True)
class FlagField:
    """On or off."""

    key: str
    label: str
    default: bool = False

    def read(self, text: str | None) -> Reading[bool]:
        """ "true"/"false" (or 1/0) in any case; anything else is refused.

        >>> FIELDS["present"].read("TRUE"), FIELDS["present"].read("yes")
        (Reading(value=True, rejected=False), Reading(value=False, rejected=True))
        """
        if text is None:
            return Reading(self.default, False)
        wanted = text.strip().lower()
        if wanted in {"true", "1"}:
            return Reading(True, False)
        if wanted in {"false", "0"}:
            return Reading(False, False)
        return Reading(self.default, True)

    def text(self, value: bool) -> str:
        return "true" if value else "false"


@dataclass(frozen=True)
class TextField:
    """A short line of text a reader types or a link carries (a team's name on a title slide).

    Shown back only as plain text, never as Markdown or HTML. Text longer than `max_chars`, or
    carrying control characters, is refused; spaces are tidied (runs become one, ends trimmed).
    """

    key: str
    label: str
    max_chars: int
    placeholder: str = ""
    default: str = ""

    def read(self, text: str | None) -> Reading[str]:
        """The tidied text, or the default (marked rejected) for text that cannot be used.

        >>> FIELDS["team"].read("  Riverside   AC "), FIELDS["team"].read("x" * 61).rejected
        (Reading(value='Riverside AC', rejected=False), True)
        >>> FIELDS["team"].read("bell\\x07")
        Reading(value='', rejected=True)
        """
        if text is None:
            return Reading(self.default, False)
        if any(unicodedata.category(char) in CONTROL for char in text):
            return Reading(self.default, True)
        tidy = " ".join(text.split())
        if len(tidy) > self.max_chars:
            return Reading(self.default, True)
        return Reading(tidy, False)

    def text(self, value: str) -> str:
        return value


#: Unicode categories refused in typed text: controls, format characters (bidi overrides),
#: unassigned and private-use code points, surrogates.
CONTROL = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})

Field = NumberField | ChoiceField | FlagField | TextField
#: Other names of a choice field's options (the labels in other languages), by option key.
OptionNames = Mapping[str, Collection[str]]
#: `OptionNames` for several choice fields, by field key.
Aliases = Mapping[str, OptionNames]


T = TypeVar("T")


def _by_system(metric: T, imperial: T) -> Mapping[UnitSystem, T]:
    return MappingProxyType({"metric": metric, "imperial": imperial})


def _number(
    key: str, label: str, limits: Limits, unit: str, step: float, **extra: Any
) -> NumberField:
    """A number field whose unit and limits are the same in both unit systems."""
    return NumberField(
        key, label, _by_system(unit, unit), _by_system(limits, limits), step, **extra
    )


_FIELDS: tuple[Field, ...] = (
    # The frame every page shares.
    ChoiceField(
        "units", N_("Units"), {"metric": N_("metric"), "imperial": N_("imperial")}, "metric"
    ),
    FlagField("present", N_("Presentation mode")),
    # Each language named in itself (never translated), so a reader finds their own.
    ChoiceField("lang", N_("Language"), {"en": "English", "es": "Español"}, "en"),
    # Heart-rate zones.
    _number("age", N_("Age"), Limits(10.0, 100.0, 40.0), N_("years"), 1.0),
    ChoiceField(
        "sex",
        N_("Sex"),
        {"unspecified": N_("Not given"), "female": N_("Female"), "male": N_("Male")},
        "unspecified",
    ),
    ChoiceField(
        "formula",
        N_("Max heart-rate formula"),
        {key: formula.name for key, formula in heart.FORMULAS.items()},
        "tanaka",
    ),
    _number(
        "resting_hr",
        N_("Resting heart rate"),
        Limits(30.0, 120.0, None),
        N_("bpm"),
        1.0,
        placeholder=N_("e.g. 60"),
    ),
    _number(
        "max_hr",
        N_("Measured max heart rate"),
        Limits(100.0, 230.0, None),
        N_("bpm"),
        1.0,
        placeholder=N_("e.g. 185"),
    ),
    # Calorie cost: weight and speed in the reader's units.
    NumberField(
        "weight",
        N_("Body weight"),
        WEIGHT_UNIT,
        _by_system(Limits(20.0, 300.0, 70.0), Limits(44.0, 660.0, 154.0)),
        1.0,
    ),
    NumberField(
        "speed",
        N_("Speed"),
        SPEED_UNIT,
        # 5 km/h (3.1 mph): a walk inside every walking equation's and measurement's range.
        _by_system(Limits(1.0, 30.0, 5.0), Limits(0.6, 18.6, 3.1)),
        0.1,
    ),
    _number(
        "grade", N_("Grade"), Limits(-energy.GRADE_LIMIT_PCT, energy.GRADE_LIMIT_PCT, 0.0), "%", 0.5
    ),
    _number("minutes", N_("Duration"), Limits(1.0, 600.0, 30.0), N_("min"), 5.0),
    # Team talk.
    _number("slide", N_("Go to slide"), Limits(1.0, 99.0, 1.0), "", 1.0, whole=True),
    TextField("team", N_("Club or team"), 60, placeholder=N_("e.g. Riverside AC, under-17s")),
    TextField("date", N_("Date on the title slide"), 40, placeholder=N_("e.g. 12 May")),
    ChoiceField(
        "view", N_("Window"), {"slides": N_("Slides"), "presenter": N_("Presenter")}, "slides"
    ),
)

#: Every field by its URL key.
FIELDS: Mapping[str, Field] = MappingProxyType({f.key: f for f in _FIELDS})
#: The fields each part of the app keeps in the link.
FRAME = ("units", "present", "lang")
HEART = ("age", "sex", "formula", "resting_hr", "max_hr")
CALORIES = ("weight", "speed", "grade", "minutes")
DECK = ("slide", "team", "date", "view")


def _field(key: str, kind: type[T]) -> T:
    found = FIELDS.get(key)
    if not isinstance(found, kind):
        raise ValueError(f"No {kind.__name__} {key!r}.")
    return found


def number(key: str) -> NumberField:
    """The number field `key` (ValueError if there is none)."""
    return _field(key, NumberField)


def choice(key: str) -> ChoiceField:
    """The choice field `key` (ValueError if there is none)."""
    return _field(key, ChoiceField)


def text(key: str) -> TextField:
    """The text field `key` (ValueError if there is none)."""
    return _field(key, TextField)


@dataclass(frozen=True)
class LinkValues:
    """What a link gives for some fields: each value to use, and the keys whose text was refused."""

    values: Mapping[str, object]
    rejected: tuple[str, ...] = field(default=())


def read_link(
    keys: tuple[str, ...],
    params: Mapping[str, str],
    system: str = "metric",
    aliases: Aliases | None = None,
) -> LinkValues:
    """The values of fields `keys` from URL `params`, numbers in the reader's units.

    >>> read_link(HEART, {"age": "50", "formula": "Nes", "resting_hr": "abc"}).rejected
    ('resting_hr',)
    """
    values: dict[str, object] = {}
    rejected = []
    for key in keys:
        found = FIELDS[key]
        text = params.get(key)
        reading = _read(found, text, system, aliases)
        values[key] = reading.value
        if reading.rejected:
            rejected.append(key)
    return LinkValues(MappingProxyType(values), tuple(rejected))


def _read(found: Field, text: str | None, system: str, aliases: Aliases | None) -> Reading[Any]:
    if isinstance(found, NumberField):
        return found.read(text, system)
    if isinstance(found, ChoiceField):
        return found.read(text, (aliases or {}).get(found.key))
    return found.read(text)


def was_rejected(
    key: str, raw: str, value: object, system: str = "metric", aliases: Aliases | None = None
) -> bool:
    """True when the text a link carried for `key` did not survive as given into `value`.

    `value` is what the page settled on (the widget's value). Numbers compare as numbers
    ("68.0" survives as 68); anything refused by the field's reading counts as rejected.

    >>> was_rejected("age", "68.0", 68.0), was_rejected("age", "abc", 40.0)
    (False, True)
    >>> was_rejected("sex", "female", "female"), was_rejected("sex", "<b>", "unspecified")
    (False, True)
    """
    reading = _read(FIELDS[key], raw, system, aliases)
    if reading.rejected:
        return True
    if isinstance(value, bool) or not isinstance(value, int | float) or reading.value is None:
        return bool(reading.value != value)
    return not isinstance(reading.value, int | float) or not math.isclose(
        float(reading.value), float(value), abs_tol=1e-9
    )
