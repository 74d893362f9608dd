"""The language through app.py (issue 17): how a run picks it, the sidebar's choice, and every page
in Spanish.

- `?lang=es` wins; without it the browser's language (`st.context.locale`) when RetroEdu speaks
  it, else English; a language RetroEdu does not speak is refused with the usual notice.
- The language is written back into the address and survives page switches; the selector
  switches it and keeps every choice (a bound choice widget holds its label, which is translated).
- Every page renders in Spanish without an exception, its interface in Spanish; with the Spanish
  pages in content/es/, no English interface string of the catalogue is left on any page.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from retroedu import site
from retroedu.calculators.team import TEMPLATE_COLUMNS
from retroedu.content import i18n
from retroedu.content.library import pages_folder
from retroedu.content.pages import CONTENT_DIR
from tests.conftest import APP, LIBRARY, figures, open_link, run_page
from tests.hostile import nodes

SPANISH = i18n.load("es")


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def sidebar_labels(at: AppTest) -> list[str]:
    return [str(widget.label) for widget in at.sidebar.get("radio") + at.sidebar.get("selectbox")]


def test_a_link_with_lang_es_opens_in_spanish_and_keeps_it_in_the_address() -> None:
    at = run_page(site.HOME, {"lang": "es"})
    no_exception(at)
    assert at.query_params["lang"] == "es"
    assert "Idioma" in sidebar_labels(at)
    assert "Unidades" in sidebar_labels(at)
    assert at.sidebar.selectbox(key="lang").value == "es"
    assert "Cuatro datos medidos" in [str(header.value) for header in at.header]


@pytest.mark.parametrize(
    ("locale", "spanish"), [("es-ES", True), ("es-419", True), ("fr-FR", False), (None, False)]
)
def test_without_lang_the_browser_language_decides(locale: str | None, spanish: bool) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.context["locale"] = locale
    at.run()
    no_exception(at)
    assert ("Idioma" in sidebar_labels(at)) is spanish
    # A Spanish browser's choice goes into the address, so a shared link keeps it; English for an
    # English (or any other) browser needs no parameter.
    assert at.query_params.get("lang") == ("es" if spanish else None)


def test_an_explicit_english_in_a_spanish_browser_is_kept_in_the_address() -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.context["locale"] = "es-ES"
    at.query_params["lang"] = "en"
    at.run()
    no_exception(at)
    assert "Language" in sidebar_labels(at)
    assert at.query_params["lang"] == "en"


@pytest.mark.parametrize("given", ["xx", "<b>", "ENGLISH "])
def test_a_language_retroedu_does_not_speak_is_refused_with_the_notice(given: str) -> None:
    at = open_link(site.HOME, {"lang": given})
    no_exception(at)
    notices = [str(info.value) for info in at.info]
    refused = any("could not be used" in notice and "language" in notice for notice in notices)
    assert refused is (given.strip().lower() != "english")
    assert given not in " ".join(notices)


def test_the_language_survives_switching_pages() -> None:
    at = run_page(site.HOME, {"lang": "es"})
    for key in ("heart-rate", "calories", "team-talk", "references", "home"):
        at.switch_page(site.page(key).script).run()
        no_exception(at)
        assert at.session_state["retroedu_lang"] == "es", key
        assert at.query_params["lang"] == "es", key
        assert "Idioma" in sidebar_labels(at), key


def test_the_selector_switches_the_language_and_keeps_every_choice() -> None:
    at = open_link("heart-rate", {"age": "68", "sex": "female", "resting_hr": "72"})
    no_exception(at)
    assert at.radio(key="sex").value == "Female"
    at.sidebar.selectbox(key="lang").set_value("es").run()
    no_exception(at)
    assert at.radio(key="sex").value == "Mujer"
    assert at.radio(key="units").value == "métrico"
    assert at.query_params["lang"] == "es"
    assert at.number_input(key="age").value == 68
    labels = [str(metric.label) for metric in at.metric]
    assert "Frecuencia cardiaca máxima [lpm]" in labels
    # Tanaka at 68: 208 - 0.7 x 68 = 160.4, shown whole.
    assert at.metric[0].value == "160"
    at.sidebar.selectbox(key="lang").set_value("en").run()
    no_exception(at)
    assert at.radio(key="sex").value == "Female"
    # English, for a browser that gets English anyway: the address leaves the language out.
    assert "lang" not in at.query_params
    assert at.session_state["retroedu_lang"] == "en"


def test_a_spanish_link_with_spanish_labels_reads_as_the_same_settings() -> None:
    at = open_link("heart-rate", {"lang": "es", "sex": "Mujer", "formula": "gulati", "age": "50"})
    no_exception(at)
    assert at.radio(key="sex").value == "Mujer"
    assert at.selectbox(key="formula").value == "Gulati"
    assert not [info for info in at.info if "no se pudo usar" in str(info.value)]
    # Gulati: 206 - 0.88 x 50 = 162.
    assert at.metric[0].value == "162"


def test_spanish_numbers_on_the_calorie_page_and_its_chart() -> None:
    at = open_link("calories", {"lang": "es", "speed": "5.5", "weight": "70"})
    no_exception(at)
    # 5.5 km/h = 91.67 m/min; forward walk (3.5 + 0.1 x 91.67) x 70 / 200 = 4.43 kcal/min.
    markdown = " ".join(str(element.value) for element in at.markdown)
    assert "**4,4 kcal/min**" in markdown
    assert all(figure["layout"].get("separators") == ",." for figure in figures(at))


# --- Every page in Spanish --------------------------------------------------------------------


def english_interface_strings() -> dict[str, re.Pattern[str]]:
    """The catalogue's English strings that differ in Spanish and could not be Spanish too:
    phrases (a space) or capitalised words of four letters or more, each as a whole word."""
    with i18n.catalogue_path("es").open("rb") as handle:
        catalogue = read_po(handle, locale="es")
    found = {}
    # The team template's column names are accepted in every language: a page may name them.
    headings = set(TEMPLATE_COLUMNS.values())
    for message in catalogue:
        english, spanish = str(message.id), str(message.string)
        if not message.id or english == spanish or "{" in english or english in headings:
            continue
        if " " in english.strip() or (english[:1].isupper() and len(english) >= 4):
            found[english] = re.compile(rf"(?<![\w-]){re.escape(english.strip())}(?![\w-])")
    return found


ENGLISH = english_interface_strings()
#: Not interface text: Markdown that lists sources (titles stay in their own language), a
#: component's script, and what a page quotes (“...”: a claim as it is made in English).
SOURCES = re.compile(r'id=\\?"src-|\]\(https://(doi\.org|pubmed)|Evidencia:|export default')
QUOTED = re.compile(r"“[^”]*”")
#: Sources' notes, shown under each source on the References page, in the source's language.
#: Each by its opening words, up to the first character Markdown escaping would change.
NOTES = [
    opening
    for ref in LIBRARY.references.values()
    if len(opening := re.split(r"[\\`*_\[\]$:<>#|~]", ref.note)[0][:50]) >= 20
]


def english_left(texts: list[str]) -> list[str]:
    """The catalogue's English strings found in `texts` (quotations cut out, sources' notes and
    reference lists skipped)."""
    kept = [
        QUOTED.sub("", text)
        for text in texts
        if not SOURCES.search(text) and not any(note in text for note in NOTES)
    ]
    return sorted(
        {english for text in kept for english, word in ENGLISH.items() if word.search(text)}
    )


def shown(at: AppTest) -> list[str]:
    """Every element the run drew, widgets included (labels, options, help), as text; the
    elements quoting sources left out, and quotations cut out."""
    texts = []
    for node in nodes(at):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        text = text_format.MessageToString(proto, as_utf8=True)
        if SOURCES.search(text) or any(note in text for note in NOTES):
            continue
        texts.append(QUOTED.sub("", text))
    return texts


def content_translated() -> bool:
    english = {path.name for path in CONTENT_DIR.glob("*.md") if path.name != "README.md"}
    return english <= {path.name for path in pages_folder("es").glob("*.md")}


@pytest.mark.parametrize("key", list(site.BY_KEY))
def test_every_page_renders_in_spanish(key: str) -> None:
    at = run_page(key, {"lang": "es"})
    no_exception(at)
    assert at.query_params["lang"] == "es"
    menu = " ".join(shown(at))
    assert "Idioma" in menu
    if not content_translated():
        pytest.skip("content/es/ is not complete yet: the pages' own words are still English")
    assert english_left(shown(at)) == []


def test_the_calorie_model_opened_in_spanish_leaves_no_english() -> None:
    """The model section is drawn only once opened: opened, its tables and their phone cards
    are Spanish too."""
    at = run_page("calories", {"lang": "es"})
    closed = shown(at)
    at.session_state["model_open"] = True
    opened = shown(at.run())
    no_exception(at)
    assert len(opened) > len(closed)
    assert any("*Valor:*" in text for text in opened)  # a constant's card
    if content_translated():
        assert english_left(opened) == []


def test_the_english_check_would_see_an_english_string() -> None:
    at = run_page("heart-rate")  # English
    leftovers = set(english_left(shown(at)))
    assert {"Max heart rate [bpm]", "Compare methods", "Presentation mode"} <= leftovers


def test_the_deck_links_and_qr_codes_keep_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The presenter view's link and the closing slide's QR codes open the deck in Spanish."""
    from ui import deck

    encoded: list[str] = []
    drawn = deck.qr_svg
    monkeypatch.setattr(deck, "qr_svg", lambda url: encoded.append(url) or drawn(url))
    monkeypatch.setenv("RETROEDU_PUBLIC_URL", "https://retroedu.example.org/")
    from retroedu.calculators.deck import deck_view

    last = len(deck_view(LIBRARY).slides)
    at = open_link("team-talk", {"lang": "es", "slide": str(last)})
    no_exception(at)
    assert encoded == [
        "https://retroedu.example.org/team-talk?lang=es",
        "https://retroedu.example.org/heart-rate?lang=es",
    ]
    presenter = at.get("link_button")[0].proto.url
    assert presenter == f"http://localhost:8501/team-talk?lang=es&slide={last}&view=Presentador"
