"""Languages: the interface catalogue, and numbers and dates as each language writes them. Pure.

Interface text is English in the code and translated through a gettext catalogue per language,
`locales/<code>/LC_MESSAGES/retroedu.po` (read with Babel; `make translations` extracts and
updates it). Pure modules mark a module-level string with `N_("...")` (the identity: it only tells
the extractor the string is interface text) and translate it where it is shown, with a `Language`:
`lang._("Heart rate [bpm]")`. English is the catalogue's msgid, so English needs no file.

Numbers a reader sees go through `Language.number` (Babel's symbols for the language, no
grouping, the same rounding as Python's own formatting); dates through `Language.date`.

>>> spanish = Language("es", {"Speed": "Velocidad"})
>>> spanish._("Speed"), spanish._("Not in the catalogue")
('Velocidad', 'Not in the catalogue')
>>> number(5.5, 1, "es"), number(5.5, 1, "en"), number(-4.0, None, "es"), number(35, 0, "es", sign=True)
('5,5', '5.5', '-4', '+35')
>>> date(dt.date(2026, 11, 29), "es"), date(dt.date(2026, 11, 29), "en")
('29 de noviembre de 2026', '29 November 2026')
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from babel import Locale
from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_minus_sign_symbol, get_plus_sign_symbol

#: The folder of the catalogues: `<code>/LC_MESSAGES/retroedu.po`, and the template retroedu.pot.
LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "retroedu"
#: The language of the code and of `content/*.md`: its catalogue is the msgids themselves.
SOURCE = "en"
#: English dates as RetroEdu has always printed them ("29 November 2026"); every other language
#: takes its own long date format from Babel ("29 de noviembre de 2026").
ENGLISH_DATE = "d MMMM y"


def N_(text: str) -> str:  # noqa: N802 (the name gettext's tools look for)
    """Mark `text` as interface text for the catalogue; returns it unchanged.

    >>> N_("Heart rate [bpm]")
    'Heart rate [bpm]'
    """
    return text


def catalogue_path(code: str, folder: Path = LOCALES_DIR) -> Path:
    """Where the catalogue of language `code` lives."""
    return folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def _plain(value: float, digits: int | None, sign: bool) -> str:
    """The number as Python writes it: `digits` decimals, or like "%g" when None."""
    plus = "+" if sign else ""
    if digits is None:
        return f"{value:{plus}g}"
    return f"{value:{plus}.{digits}f}"


def number(
    value: float, digits: int | None = None, lang: str = SOURCE, *, sign: bool = False
) -> str:
    """`value` as language `lang` writes it: `digits` decimals ("5,5" in Spanish), or, with
    None, as few as it needs (like "%g": "68", "5.25"). `sign` writes "+" before positive values.
    No thousands separator: the app never needed one, and "1.234" would read as a decimal in
    English. The digits and their rounding are Python's own; Babel gives the language's decimal,
    minus and plus signs.

    >>> number(1234.56, 1, "es"), number(0.125, 2, "en"), number(float("nan"), 1, "es")
    ('1234,6', '0.12', 'nan')
    >>> number(-2.5, 1, "sv"), number(1e27, None, "es")
    ('\u22122,5', '1e+27')
    """
    return _written(value, digits, sign, _signs(lang))


def _signs(lang: str) -> Mapping[str, str]:
    """Python's decimal, minus and plus signs mapped to language `lang`'s (Babel's data)."""
    if lang == SOURCE:
        return {}
    locale = _locale(lang)
    found = {
        ".": get_decimal_symbol(locale),
        "-": get_minus_sign_symbol(locale),
        "+": get_plus_sign_symbol(locale),
    }
    return {python: said for python, said in found.items() if python != said}


def _written(value: float, digits: int | None, sign: bool, signs: Mapping[str, str]) -> str:
    text = _plain(value, digits, sign)
    if not signs or not math.isfinite(value):
        return text
    return "".join(signs.get(char, char) for char in text)


def date(day: dt.date, lang: str = SOURCE) -> str:
    """A date written out in language `lang`, without the weekday.

    >>> date(dt.date(2026, 3, 9), "en"), date(dt.date(2026, 3, 9), "es")
    ('9 March 2026', '9 de marzo de 2026')
    """
    pattern = ENGLISH_DATE if lang == SOURCE else "long"
    return format_date(day, format=pattern, locale=_locale(lang))


def best_language(locale: str | None, codes: Collection[str]) -> str:
    """The language of `codes` a browser's locale asks for ("es-ES" -> "es"), else English.

    >>> best_language("es-ES", ("en", "es")), best_language("pt_BR", ("en", "es")), best_language(None, ("en",))
    ('es', 'en', 'en')
    """
    wanted = (locale or "").replace("_", "-").split("-")[0].strip().lower()
    return wanted if wanted in codes else SOURCE


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang)
    except (ValueError, TypeError) as problem:
        raise ValueError(f"No language {lang!r} is known to Babel.") from problem


@dataclass(frozen=True)
class Language:
    """One language: its code and its catalogue (English msgid -> translation).

    Text missing from the catalogue (or translated as empty) is shown in English, never blank.
    """

    code: str = SOURCE
    messages: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, hash=False, repr=False
    )
    #: The language's number signs, looked up once (see `number`).
    signs: Mapping[str, str] = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "signs", MappingProxyType(dict(_signs(self.code))))

    def _(self, text: str) -> str:
        """`text` (an English msgid) in this language."""
        return self.messages.get(text) or text

    def number(self, value: float, digits: int | None = None, *, sign: bool = False) -> str:
        """`value` as this language writes it (see `number`)."""
        return _written(value, digits, sign, self.signs)

    def date(self, day: dt.date) -> str:
        """`day` written out in this language (see `date`)."""
        return date(day, self.code)

    def num(self, value: float) -> Localised:
        """`value` as a number that formats itself in this language, for a content template
        that carries a format spec: `"{grade:+g} %".format(grade=lang.num(2.5))` gives "+2,5 %"
        in Spanish."""
        return Localised(value, self.decimal)

    @property
    def decimal(self) -> str:
        """The decimal sign ("." in English, "," in Spanish)."""
        return number(0.5, 1, self.code)[1]

    @property
    def plotly_separators(self) -> str:
        """Plotly's `separators`: the decimal sign, then the thousands sign.

        >>> Language("es").plotly_separators, ENGLISH.plotly_separators
        (',.', '.,')
        """
        return ",." if self.decimal == "," else ".,"


class Localised(float):
    """A float that writes itself with a language's decimal sign under any format spec.

    >>> "{grade:+g} %".format(grade=Localised(2.5, ",")), f"{Localised(3.0, ','):.1f}"
    ('+2,5 %', '3,0')
    """

    decimal: str

    def __new__(cls, value: float, decimal: str = ".") -> Localised:
        made = super().__new__(cls, value)
        made.decimal = decimal
        return made

    def __format__(self, spec: str) -> str:
        text = format(float(self), spec)
        return text.replace(".", self.decimal) if self.decimal != "." else text


#: English: the msgids themselves.
ENGLISH = Language()


def load(code: str, folder: Path = LOCALES_DIR) -> Language:
    """Language `code` with its catalogue, read from its PO file (no file for English).

    Fuzzy entries (a guess `pybabel update` made) and empty translations are left out, so they
    show in English until a translator confirms them. ValueError for a language without a file.

    >>> load("es")._("Speed")
    'Velocidad'
    """
    if code == SOURCE:
        return ENGLISH
    path = catalogue_path(code, folder)
    if not path.is_file():
        raise ValueError(f"No catalogue for language {code!r} at {path}.")
    from babel.messages.pofile import read_po  # only where a catalogue is read

    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=code, domain=DOMAIN)
    messages = {
        str(message.id): str(message.string)
        for message in catalogue
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
    }
    return Language(code, MappingProxyType(messages))


class Message(str):
    """A sentence a reader may see, sayable in any language: an English template marked with
    `N_` and the values it is filled with. It *is* the English sentence (a `str`), so code and
    tests that only need English never notice; `say(lang)` gives it in another language.

    >>> message = Message(N_("Age {value} is outside {low}\u2013{high} years."), value=-3.0, low=10, high=100)
    >>> message.replace("\u2013", "-")
    'Age -3 is outside 10-100 years.'
    >>> message.say(Language("es", {"Age {value} is outside {low}\u2013{high} years.":
    ...     "La edad {value} está fuera de {low}\u2013{high} años."})).replace("\u2013", "-")
    'La edad -3 está fuera de 10-100 años.'
    """

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, **values: object) -> Message:
        fixed = MappingProxyType(dict(values))
        made = super().__new__(cls, fill(template, fixed, ENGLISH))
        made.template, made.values = template, fixed
        return made

    def say(self, lang: Language) -> str:
        """The sentence in `lang`, its numbers written as `lang` writes them."""
        return fill(self.template, self.values, lang)


class ReaderError(ValueError):
    """A ValueError a reader may see: its `Message`, sayable in any language.

    >>> str(ReaderError(N_("Speed {speed} is too fast."), speed=99.5))
    'Speed 99.5 is too fast.'
    """

    def __init__(self, template: str, **values: object) -> None:
        self.message = Message(template, **values)
        super().__init__(self.message)

    def say(self, lang: Language) -> str:
        """The sentence in `lang`."""
        return self.message.say(lang)


def fill(template: str, values: Mapping[str, object], lang: Language) -> str:
    """`template` translated, then filled: floats like "%g" in the language (a `Message` said
    in it), the rest as text.

    >>> fill("{n} at {speed}", {"n": 2, "speed": 5.5}, Language("es"))
    '2 at 5,5'
    """
    shown = {
        key: lang.number(value)
        if isinstance(value, float)
        else value.say(lang)
        if isinstance(value, Message)
        else str(value)
        for key, value in values.items()
    }
    return lang._(template).format(**shown)


def sayable(said: object, lang: Language) -> str:
    """What went wrong, or a note, in `lang` when it can say it (a `Message`, or a `ReaderError`),
    else as it is."""
    if isinstance(said, ReaderError):
        return said.say(lang)
    if isinstance(said, Message):
        return said.say(lang)
    return str(said)
