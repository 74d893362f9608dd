"""Languages (issue 17): the interface catalogues, numbers and dates as each language writes them,
and each language's content against the English pages.

- The catalogue of every language RetroEdu offers (`lang` in the field registry) has a translation
  for every string the code marks, none empty or fuzzy, with the same placeholders; the code's
  marked strings are extracted here with Babel, as `make translations` does, and compared.
- Numbers and dates are checked against values worked by hand.
- `content/<lang>/<name>.md` parity with `content/<name>.md`: the same front-matter keys at every
  depth, list lengths, numbers and codes, citation markers per field, tokens, placeholders,
  headings and hooks. It runs once a language's pages exist (issue 17's Spanish pages are written
  beside this machinery); until then it is skipped, saying why.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from retroedu.content import evidence, i18n
from retroedu.content.i18n import Language, Message, ReaderError, best_language, date, number
from retroedu.content.library import Library, page_files, pages_folder
from retroedu.content.pages import CONTENT_DIR
from retroedu.links import fields
from tests.conftest import ROOT

LANGUAGES = [code for code in fields.choice("lang").options if code != i18n.SOURCE]
LOCALES = ROOT / "locales"


def catalogue(code: str) -> Any:
    with i18n.catalogue_path(code).open("rb") as handle:
        return read_po(handle, locale=code)


def template_ids() -> set[str]:
    with (LOCALES / "retroedu.pot").open("rb") as handle:
        return {str(message.id) for message in read_po(handle) if message.id}


def extracted_ids() -> set[str]:
    """Every string the code marks, extracted as `make translations` does (babel.cfg, `_`, `N_`)."""
    method_map = [
        (pattern, "python")
        for pattern in re.findall(r"^\[python: (.+)\]$", (ROOT / "babel.cfg").read_text(), re.M)
    ]
    found = extract_from_dir(
        str(ROOT), method_map=method_map, keywords={"_": None, "N_": None}, comment_tags=()
    )
    return {str(message) for _, _, message, _, _ in found if message}


# --- The catalogues ----------------------------------------------------------------------------


def test_every_language_offered_has_a_catalogue() -> None:
    assert "es" in LANGUAGES
    for code in LANGUAGES:
        assert i18n.catalogue_path(code).is_file(), code


def test_the_template_holds_exactly_the_strings_the_code_marks() -> None:
    """Stale template: run `make translations`."""
    extracted = extracted_ids()
    assert len(extracted) > 300  # the extraction really ran over the code
    template = template_ids()
    assert sorted(extracted - template) == [], "marked in the code, missing from the template"
    assert sorted(template - extracted) == [], "in the template, no longer in the code"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_marked_string_is_translated_none_empty_none_fuzzy(code: str) -> None:
    messages = {str(m.id): m for m in catalogue(code) if m.id}
    assert sorted(extracted_ids() - set(messages)) == [], "not in the catalogue"
    assert sorted(set(messages) - template_ids()) == [], "obsolete in the catalogue"
    assert [key for key, m in messages.items() if not str(m.string).strip()] == [], "empty"
    assert [key for key, m in messages.items() if m.fuzzy] == [], "fuzzy (unconfirmed)"


PLACEHOLDER = re.compile(r"\{[a-z_]*(?:[:!][^{}]*)?\}")
PLOTLY = re.compile(r"%\{[^}]*\}")
MARKUP = re.compile(r"</?[a-z]+>|\*\*|:material/[a-z_]+:|\?[a-z]+=[a-z]+")


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_placeholders_plotly_fields_and_markup(code: str) -> None:
    """A translation fills the same {placeholders}, shows the same %{plotly} values and keeps
    the same tags, bold and link parameters as its English."""
    wrong = []
    for message in catalogue(code):
        if not message.id:
            continue
        english, said = str(message.id), str(message.string)
        for pattern in (PLACEHOLDER, PLOTLY, MARKUP):
            if Counter(pattern.findall(english)) != Counter(pattern.findall(said)):
                wrong.append((english, said))
    assert wrong == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_runtime_catalogue_is_the_po_file(code: str) -> None:
    language = i18n.load(code)
    assert len(language.messages) == len(template_ids())
    assert language._("not a msgid at all") == "not a msgid at all"
    assert i18n.load("es")._("Heart rate [bpm]") == "Frecuencia cardiaca [lpm]"


def test_a_fuzzy_or_empty_entry_shows_english(tmp_path: Path) -> None:
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "retroedu.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Speed"\nmsgstr "Vitesse"\n\n'
        '#, fuzzy\nmsgid "Grade"\nmsgstr "Pente"\n\n'
        'msgid "Duration"\nmsgstr ""\n',
        encoding="utf-8",
    )
    language = i18n.load("fr", tmp_path)
    assert (language._("Speed"), language._("Grade"), language._("Duration")) == (
        "Vitesse",
        "Grade",
        "Duration",
    )
    with pytest.raises(ValueError, match="No catalogue for language 'zz'"):
        i18n.load("zz", tmp_path)


def _marked_inside_fstring(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        for part in ast.walk(node):
            if (
                isinstance(part, ast.Call)
                and isinstance(part.func, ast.Name | ast.Attribute)
                and (getattr(part.func, "id", None) or getattr(part.func, "attr", None))
                in {"_", "N_"}
                and part.args
                and isinstance(part.args[0], ast.Constant)
            ):
                yield str(part.args[0].value)


def test_no_marked_string_hides_inside_an_f_string() -> None:
    """Babel's extractor (on Python 3.11) does not look inside f-strings: a `_("...")` there
    would never reach the catalogue."""
    sources = [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    sources += list((ROOT / "retroedu").rglob("*.py"))
    hidden = {
        str(path.relative_to(ROOT)): found
        for path in sources
        if (found := list(_marked_inside_fstring(ast.parse(path.read_text("utf-8")))))
    }
    assert hidden == {}


# --- Numbers and dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "digits", "lang", "sign", "expected"),
    [
        (5.5, 1, "es", False, "5,5"),
        (5.5, 1, "en", False, "5.5"),
        (1234.56, 1, "es", False, "1234,6"),  # no thousands sign: "1.234" reads as a decimal
        (-4.25, 2, "es", False, "-4,25"),
        (42.3, 0, "es", True, "+42"),
        (-3.0, 0, "es", True, "-3"),
        (160.4, None, "es", False, "160,4"),  # like "%g"
        (68.0, None, "es", False, "68"),
        (0.125, 2, "en", False, "0.12"),  # Python's rounding, kept
        (3.1, 1, "es", False, "3,1"),
    ],
)
def test_numbers_in_each_language(
    value: float, digits: int | None, lang: str, sign: bool, expected: str
) -> None:
    assert number(value, digits, lang, sign=sign) == expected


@given(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.sampled_from([None, 0, 1, 2, 3]),
)
def test_english_numbers_are_pythons_own_and_spanish_only_swaps_the_decimal_sign(
    value: float, digits: int | None
) -> None:
    python = f"{value:g}" if digits is None else f"{value:.{digits}f}"
    assert number(value, digits, "en") == python
    if "e" not in python:
        assert number(value, digits, "es") == python.replace(".", ",")


def test_dates_in_each_language() -> None:
    day = dt.date(2026, 11, 29)
    assert date(day, "es") == "29 de noviembre de 2026"
    assert date(day, "en") == "29 November 2026"
    assert date(dt.date(2026, 3, 9), "es") == "9 de marzo de 2026"


def test_content_numbers_with_a_format_spec_take_the_decimal_sign() -> None:
    spanish = Language("es")
    assert f"{spanish.num(2.5):+g} %" == "+2,5 %"
    assert spanish.plotly_separators == ",."
    assert i18n.ENGLISH.plotly_separators == ".,"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("es-ES", "es"),
        ("es_MX", "es"),
        ("ES", "es"),
        ("en-GB", "en"),
        ("fr-FR", "en"),
        (None, "en"),
    ],
)
def test_the_browser_language_when_retroedu_speaks_it(locale: str | None, expected: str) -> None:
    assert best_language(locale, ("en", "es")) == expected


def test_a_message_is_english_text_and_says_itself_in_spanish() -> None:
    spanish = i18n.load("es")
    message = Message(
        "Resting heart rate ({resting} bpm) must be lower than maximum heart rate "
        "({max} bpm). Check both numbers.",
        resting=182.5,
        max=180.0,
    )
    assert message.startswith("Resting heart rate (182.5 bpm)")
    assert message.say(spanish) == (
        "La frecuencia cardiaca en reposo (182,5 lpm) debe ser menor que la frecuencia "
        "cardiaca máxima (180 lpm). Revise ambos números."
    )
    problem = ReaderError("Row {row}", row=7)
    assert isinstance(problem, ValueError)
    assert str(problem) == "Row 7"
    assert i18n.sayable(problem, spanish) == "Fila 7"
    assert i18n.sayable(ValueError("plain"), spanish) == "plain"


# --- Content per language ----------------------------------------------------------------------


def test_the_spanish_library_keeps_the_references_and_speaks_spanish_around_them() -> None:
    english, spanish = Library.load(), Library.load("es")
    assert spanish.references == english.references  # sources stay in their own language
    assert set(spanish.pages) == set(english.pages)  # a page not yet translated reads in English
    assert spanish.lang.code == "es"
    legend = evidence.legend_markdown(spanish.lang).splitlines()
    assert len(legend) == len(evidence.LEVELS)
    assert legend[0].startswith("- **[review] Revisión o metaanálisis.** Reúne muchos estudios")
    ref = english.references["kim2001"]
    assert "**Evidencia: estudio de laboratorio (n pequeña)**" in ref.markdown(spanish.lang)
    # Tokens are written as Spanish writes numbers.
    assert i18n.number(1.6, None, "es") == "1,6"


def test_a_page_file_is_the_translation_when_there_is_one(tmp_path: Path) -> None:
    for name in ("a.md", "b.md", "README.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "b.md").write_text("y", encoding="utf-8")
    found = [path.relative_to(tmp_path).as_posix() for path in page_files("es", tmp_path)]
    assert found == ["a.md", "es/b.md"]
    assert pages_folder("es", tmp_path) == tmp_path / "es"


# --- Parity of each language's pages with the English ones -------------------------------------

ENGLISH_PAGES = sorted(path.stem for path in CONTENT_DIR.glob("*.md") if path.name != "README.md")
#: Front-matter fields that may hold codes: a page key, a walk/run mode, an evidence level,
#: reference keys, a chart row's kind... Where the English value is code-like (one lower-case
#: word), it is the same in every language; "level: level ground" (handout.md) is words.
CODE_FIELDS = frozenset(
    {"refs", "learn", "mode", "level", "change", "kind", "regions", "visual", "week", "minutes"}
)
CODE = re.compile(r"[a-z0-9_-]+")
TOKEN = re.compile(r"\{\{\s*[a-z][a-z0-9_]*\s*\}\}")
SINGLE = re.compile(r"(?<!\{)\{[a-z_]+(?:[:!][^{}]*)?\}(?!\})")
HEADING = re.compile(r"^(#{1,6}) ", re.M)


def split_page(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text("utf-8")
    header, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(header) or {}
    assert isinstance(meta, dict)
    return meta, body


def markers(text: str) -> Counter[frozenset[str]]:
    """Each citation marker as the set of keys it cites (their order inside it is free)."""
    return Counter(
        frozenset(part.strip().removeprefix("@") for part in match.split(";"))
        for match in evidence.CITATION.findall(text)
    )


def differences(english: object, other: object, where: str, field: str = "") -> Iterator[str]:
    """Every way `other` (a translation's front matter) departs from `english`'s structure."""
    if isinstance(english, dict):
        if not isinstance(other, dict):
            yield f"{where}: a mapping in English"
            return
        if set(map(str, english)) != set(map(str, other)):
            yield f"{where}: keys {sorted(map(str, english))} != {sorted(map(str, other))}"
        for key in english:
            if key in other:
                yield from differences(english[key], other[key], f"{where}.{key}", str(key))
    elif isinstance(english, list):
        if not isinstance(other, list) or len(english) != len(other):
            yield f"{where}: {len(english)} items in English"
            return
        for index, (a, b) in enumerate(zip(english, other, strict=True)):
            yield from differences(a, b, f"{where}[{index}]", field)
    elif isinstance(english, str):
        if not isinstance(other, str):
            yield f"{where}: text in English"
        elif field in CODE_FIELDS and CODE.fullmatch(english) and english != other:
            yield f"{where}: {field} is a code, {english!r} in English"
        else:
            yield from same_marks(english, other, where)
    elif english != other or type(english) is not type(other):
        yield f"{where}: {english!r} in English, {other!r} here"


def same_marks(english: str, other: str, where: str) -> Iterator[str]:
    if markers(english) != markers(other):
        yield f"{where}: citation markers differ"
    if Counter(TOKEN.findall(english)) != Counter(TOKEN.findall(other)):
        yield f"{where}: {{{{tokens}}}} differ"
    if Counter(SINGLE.findall(english)) != Counter(SINGLE.findall(other)):
        yield f"{where}: {{placeholders}} differ"


def parity_problems(lang: str, name: str) -> list[str]:
    english_meta, english_body = split_page(CONTENT_DIR / f"{name}.md")
    meta, body = split_page(pages_folder(lang) / f"{name}.md")
    found = list(differences(english_meta, meta, name))
    if HEADING.findall(english_body) != HEADING.findall(body):
        found.append(f"{name}: headings (levels, count) differ in the body")
    if evidence.HOOK.findall(english_body) != evidence.HOOK.findall(body):
        found.append(f"{name}: hooks differ in the body")
    # Markers section by section: the body cut at its headings and hooks.
    english_parts = re.split(r"^#{1,6} .*$|^<!--\s*hook:.*$", english_body, flags=re.M)
    parts = re.split(r"^#{1,6} .*$|^<!--\s*hook:.*$", body, flags=re.M)
    if len(english_parts) == len(parts):
        for index, (a, b) in enumerate(zip(english_parts, parts, strict=True)):
            found += list(same_marks(a, b, f"{name} body section {index + 1}"))
    return found


def translated(lang: str) -> bool:
    return any(pages_folder(lang).glob("*.md"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_english_page_has_its_translation_and_no_other(lang: str) -> None:
    if not translated(lang):
        pytest.skip(f"content/{lang}/ has no pages yet (issue 17: written beside this branch)")
    own = sorted(path.stem for path in pages_folder(lang).glob("*.md") if path.name != "README.md")
    assert own == ENGLISH_PAGES


@pytest.mark.parametrize("name", ENGLISH_PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_translated_page_has_the_english_structure_markers_and_codes(
    lang: str, name: str
) -> None:
    if not (pages_folder(lang) / f"{name}.md").is_file():
        pytest.skip(f"content/{lang}/{name}.md is not written yet")
    assert parity_problems(lang, name) == []


def test_the_parity_check_can_fail(tmp_path: Path) -> None:
    """The checks above see a dropped key, a changed answer, a lost marker, a translated code,
    a lost placeholder and a missing hook."""
    english: dict[str, Any] = {
        "title": "T",
        "quiz": [{"question": "Q?", "options": ["a", "b"], "answer": 1, "explain": "E [@x]."}],
        "weeks": [{"week": 1, "mode": "walk", "what": "Walk {minutes} min."}],
    }
    broken: dict[str, Any] = {
        "quiz": [{"question": "¿P?", "options": ["a", "b"], "answer": 0, "explain": "E."}],
        "weeks": [{"week": 1, "mode": "caminar", "what": "Camine."}],
    }
    found = list(differences(english, broken, "page"))
    assert "page: keys ['quiz', 'title', 'weeks'] != ['quiz', 'weeks']" in found
    assert "page.quiz[0].answer: 1 in English, 0 here" in found
    assert "page.quiz[0].explain: citation markers differ" in found
    assert "page.weeks[0].mode: mode is a code, 'walk' in English" in found
    assert "page.weeks[0].what: {placeholders} differ" in found
    assert list(differences(english, english, "page")) == []
    assert markers("a [@x; @y] b [@y; @x]") == Counter({frozenset({"x", "y"}): 2})


# --- What the calculators export and draw, in Spanish ------------------------------------------


@pytest.fixture(scope="module")
def spanish() -> Library:
    return Library.load("es")


def test_the_spanish_zones_csv_has_spanish_headers_and_machine_numbers() -> None:
    from retroedu.calculators.heart import HeartInputs, heart_view
    from retroedu.exports import tables

    view = heart_view(HeartInputs(age_years=68, sex="female", resting_hr_bpm=72))
    lines = tables.zones_csv(view, i18n.load("es")).decode("utf-8-sig").splitlines()
    header, first = lines[0].split(","), lines[1].split(",")
    assert header[:6] == [
        "edad_años",
        "sexo",
        "fórmula",
        "fc_reposo_lpm",
        "fc_max_medida_lpm",
        "fc_max_lpm",
    ]
    # Tanaka at 68: 208 - 0.7 x 68 = 160.4, written with a point (machine-readable).
    assert first[:6] == ["68", "female", "tanaka", "72", "", "160.4"]
    # Zone 1 by reserve: 72 + 0.5 x 88.4 = 116.2.
    assert first[6:9] == ["hrr5", "Zona 1", "Moderada"]
    assert "116.2" in first


def test_the_spanish_calorie_table_writes_decimal_commas_on_screen_points_in_the_file(
    spanish: Library,
) -> None:
    from retroedu.calculators.calories import CaloriesInputs, calories_view
    from retroedu.exports import tables

    words = spanish.page("calories").page.meta
    view = calories_view(CaloriesInputs(weight=70.0, speed=5.0), words, spanish.lang)
    shown = tables.comparison_shown(view)
    assert list(shown.columns) == ["Medida", "Caminar hacia delante", "Caminar hacia atrás"]
    # 5 km/h = 83.33 m/min; forward (3.5 + 8.333) x 0.35 = 4.14 kcal/min; backward
    # (3.5 + 1.6 x 8.333) x 0.35 = 5.89.
    assert shown.iloc[0].tolist() == ["kcal/min", "4,1", "5,9"]
    text = tables.comparison_csv(view).decode("utf-8-sig").splitlines()
    assert text[0].split(",")[:5] == [
        "peso_kg",
        "velocidad_kmh",
        "pendiente_pct",
        "minutos",
        "modo",
    ]
    assert text[1].split(",")[:6] == [
        "70.0",
        "5.0",
        "0.0",
        "30.0",
        "Caminar hacia delante",
        "4.142",
    ]


def test_spanish_charts_take_the_decimal_comma_and_spanish_words() -> None:
    from retroedu.calculators.calories import chart_data
    from retroedu.calculators.heart import HeartInputs, heart_view
    from retroedu.figures import energy as energy_figures
    from retroedu.figures import heart as heart_figures

    es = i18n.load("es")
    bar = heart_figures.zone_bar(heart_view(HeartInputs(age_years=40)), es)
    figure = heart_figures.zone_bar_figure(bar, lang=es)
    assert figure.layout.separators == ",."
    assert figure.layout.xaxis.title.text == "Frecuencia cardiaca [lpm]"
    assert figure.layout.xaxis.ticktext[-1] == "180 máx."
    data = chart_data(70.0, 5.5, 0.0, "metric", lang=es)
    alt = energy_figures.cost_by_speed_alt(data, es)
    # 5.5 km/h = 91.67 m/min: forward walk (3.5 + 9.167) x 0.35 = 4.43 kcal/min.
    assert "A su velocidad de 5,5 km/h: caminar hacia delante 4,4 kcal/min" in alt
    assert [curve.label for curve in data.curves][:2] == [
        "Caminar hacia delante",
        "Correr hacia delante",
    ]


def test_the_spanish_handout_speaks_spanish_and_reopens_in_spanish(spanish: Library) -> None:
    from retroedu.calculators.calories import CaloriesInputs, calories_view
    from retroedu.calculators.heart import HeartInputs, heart_view
    from retroedu.exports.handout import compose
    from retroedu.exports.handout_pdf import build_pdf
    from tests.conftest import pdf_text

    heart = heart_view(HeartInputs(age_years=68, sex="female", resting_hr_bpm=72))
    words = spanish.page("calories").page.meta
    calories = calories_view(
        CaloriesInputs(weight=82.0, speed=5.5, grade_pct=2.5, minutes=10.0), words, spanish.lang
    )
    sheet = compose(
        heart,
        calories,
        spanish,
        page_key="heart-rate",
        base_url="https://r.example.org",
        date=date(dt.date(2026, 11, 29), "es"),
    )
    assert sheet.lang == "es"
    assert sheet.reentry is not None
    assert sheet.reentry.link_url.endswith("&lang=es")
    assert "sex=Mujer" in sheet.reentry.link_url  # the label the Spanish page writes and reads
    assert "5,5 km/h" in sheet.settings
    assert "82 kg" in sheet.settings
    assert sheet.zones is not None
    assert sheet.zones.rows[0].zone == "Zona 1"
    text = pdf_text(build_pdf(sheet))
    assert "29 de noviembre de 2026" in text
    assert "5,5 km/h" in text
    assert "/Lang (es)" in build_pdf(sheet).decode("latin-1")


def test_a_spanish_roster_reads_with_spanish_headings_and_words() -> None:
    from retroedu.calculators.team import TEMPLATE_COLUMNS, read_roster, squashed, team_view
    from retroedu.exports.team import template_csv

    es = i18n.load("es")
    headings = {squashed(es._(name)): key for key, name in TEMPLATE_COLUMNS.items()}
    roster = read_roster("nombre;edad;sexo;FC reposo\nAna;30;Mujer;60\n;41;;\n", "", headings)
    team = team_view(roster, aliases={"sex": {"female": ("Mujer",)}}, lang=es)
    assert [(a.name, a.view.inputs.sex, a.view.inputs.resting_hr_bpm) for a in team.athletes] == [
        ("Ana", "female", 60.0),
        ("Fila 3", "unspecified", None),
    ]
    assert template_csv(es).decode("utf-8-sig").strip() == "nombre,edad,sexo,FC reposo,FC máx"
    bad = team_view(read_roster("edad\n300\n", "", headings), lang=es)
    assert [i18n.sayable(p.problem, es) for p in bad.problems] == [
        "Edad 300 está fuera de 10\u2013100 años."
    ]


def test_the_spanish_deck_labels_its_charts_in_spanish(spanish: Library) -> None:
    from retroedu.calculators.deck import deck_view

    view = deck_view(spanish)
    assert view.lang.code == "es"
    assert view.comparisons["energy"].axis == "Energía [kcal/min]"
    assert view.comparisons["heart"].pairs[0].label.startswith("Caminando a 5,0 km/h")
