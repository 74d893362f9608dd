"""RetroEdu in Spanish in Chromium (issue 17): what only a browser shows.

How a run picks its language, the catalogue and every page's Spanish are tested through AppTest
(tests/app/test_spanish.py) and the files' contents from their bytes (tests/unit/test_translations.py).
Here: `<html lang="es">` set by the page on every page, the language kept when the reader clicks
through the sidebar, axe on the Spanish pages, and the Spanish handout as a real download.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from retroedu import site
from retroedu.content import i18n
from tests.app.test_spanish import content_translated, english_left
from tests.browser.conftest import (
    PHONE,
    TOUR,
    NewPage,
    assert_no_exception,
    open_handout,
    open_page,
    settle,
)
from tests.browser.test_a11y import serious_axe_violations
from tests.browser.test_layout import chart_text_cut_off, cut_short
from tests.conftest import pdf_text

pytestmark = pytest.mark.browser

SPANISH = i18n.load("es")


#: The text of each element on the page, the source lists (they link their sources) left out.
ELEMENT_TEXTS = """() => [...document.querySelectorAll(
    "[data-testid='stMain'] [data-testid='stElementContainer']")]
  .filter((el) => !el.querySelector("a[id^='src-'], a[href*='doi.org'], a[href*='pubmed']"))
  .map((el) => el.innerText)"""


def in_spanish(path: str) -> str:
    return path + ("&" if "?" in path else "?") + "lang=es"


def expect_html_lang(page: Page, code: str) -> None:
    page.wait_for_function("(code) => document.documentElement.lang === code", arg=code)


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def rule(violation: str) -> str:
    """An axe violation without the elements' text (which is in the page's language)."""
    return violation.split(": ", 1)[0]


def menu_titles(page: Page) -> list[str]:
    links = page.get_by_test_id("stSidebarNav").locator("a span[label]")
    titles: list[str] = links.evaluate_all("els => els.map(e => e.getAttribute('label'))")
    return titles


@pytest.mark.parametrize(("key", "path"), TOUR, ids=[key for key, _ in TOUR])
def test_every_page_in_spanish_sets_html_lang_and_passes_axe(
    new_page: NewPage, base_url: str, key: str, path: str
) -> None:
    page = open_page(new_page(), base_url + in_spanish(path))
    assert_no_exception(page)
    expect_html_lang(page, "es")
    assert menu_titles(page) == [SPANISH._(p.title) for p in site.PAGES]
    expect(page.get_by_text("Idioma", exact=True)).to_be_visible()
    found = serious_axe_violations(page)
    if found:
        # Spanish adds nothing: whatever axe finds here, it finds on the English page too (the
        # deck's faint controls are a choice tests/browser/test_a11y.py answers for).
        english = open_page(new_page(), base_url + path)
        assert [rule(line) for line in found] == [
            rule(line) for line in serious_axe_violations(english)
        ]
    if content_translated():
        assert english_left(page.evaluate(ELEMENT_TEXTS)) == []
    # Spanish runs longer than English: on a phone nothing may be cut short for it.
    page.set_viewport_size(PHONE)
    settle(page)
    assert cut_short(page) == []
    assert chart_text_cut_off(page) == []


def test_the_language_survives_clicking_through_the_sidebar(
    new_page: NewPage, base_url: str
) -> None:
    page = open_page(new_page(), base_url + "/?lang=es")
    expect_html_lang(page, "es")
    for key in ("heart-rate", "team-talk", "home"):
        title = SPANISH._(site.page(key).title)
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
        path = "" if key == site.HOME else key
        page.wait_for_url(lambda url, path=path: urlsplit(url).path.strip("/") == path)
        settle(page)
        page.wait_for_function("() => new URL(location.href).searchParams.get('lang') === 'es'")
        expect_html_lang(page, "es")
        assert_no_exception(page)
        expect(page.get_by_text("Idioma", exact=True)).to_be_visible()


def test_html_lang_is_set_with_the_sidebar_folded_away(new_page: NewPage, base_url: str) -> None:
    """Presentation mode folds the sidebar, where the script that sets it lives."""
    page = open_page(new_page(), base_url + "/team-talk?lang=es&present=true&slide=2")
    expect_html_lang(page, "es")
    assert_no_exception(page)


def test_choosing_spanish_in_the_sidebar_switches_the_page_and_the_address(
    new_page: NewPage, base_url: str
) -> None:
    page = open_page(new_page(), base_url + "/heart-rate?age=68&sex=Female")
    expect_html_lang(page, "en")
    # Streamlit's selectbox is a combobox: the arrow key lists the languages.
    choice = page.locator(".st-key-lang").get_by_role("combobox")
    choice.click()
    choice.press("ArrowDown")
    page.get_by_role("option", name="Español").click()
    # What the choice does, waited for: the page's language, then the address.
    expect_html_lang(page, "es")
    page.wait_for_function("() => new URL(location.href).searchParams.get('lang') === 'es'")
    settle(page)
    expect(page.get_by_text("Frecuencia cardiaca máxima [lpm]")).to_be_visible()
    assert query(page)["sex"] == ["Mujer"]
    assert query(page)["age"] == ["68"]


def test_the_spanish_handout_downloads_and_reads_back_with_its_accents(
    new_page: NewPage, base_url: str
) -> None:
    """The sheet as a real download, read back with pypdf. The test server has no address a
    phone can open, so the sheet writes the settings out, in Spanish: accents and ñ from the
    catalogue; with the Spanish pages, the checklist's ¿...? too."""
    page = open_page(new_page(), base_url + "/heart-rate?lang=es&age=68&sex=Mujer&resting_hr=72")
    open_handout(page)
    with page.expect_download() as download:
        page.locator(".st-key-handout_download button").click()
    pdf = Path(download.value.path()).read_bytes()
    text = " ".join(pdf_text(pdf).split())
    assert "Fórmula de la frecuencia cardiaca máxima Tanaka" in text
    assert "Edad 68 años" in text
    assert "Sexo Mujer" in text
    assert "Zona 1" in text
    # Reserve zone 1 at 68 (Tanaka 160.4, resting 72): 72 + 0.5 x 88.4 = 116.2 to 125.0.
    assert "116\u2013125" in text or "116-125" in text
    days = {i18n.date(dt.date.today() - dt.timedelta(days=n), "es") for n in (0, 1)}
    assert any(day in text for day in days)
    assert b"/Lang (es)" in pdf
    if content_translated():
        assert "¿" in text
