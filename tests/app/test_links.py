"""Shared links through app.py: every calculator setting round-trips through the URL, hostile values
open with defaults and a notice, presentation mode follows `?present=true`, the deck's slide number
lives in the URL, and the handout reads both calculators' settings the way the pages do."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from retroedu import site
from retroedu.calculators.calories import CaloriesInputs, calories_view
from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.exports.handout import compose
from retroedu.exports.handout_pdf import build_pdf
from retroedu.figures.style import PROJECTOR_FONT_PX as FONT_PX
from retroedu.links import fields
from retroedu.links.urls import PUBLIC_URL_SETTING
from tests.conftest import CALORIE_WORDS, LIBRARY, figures, open_link, pdf_text, plain, run_page
from ui import handout
from ui.deck import SLIDE_FONT_PX

HEART, CALORIES, DECK = "heart-rate", "calories", "team-talk"
NOTICE = "could not be used"

# Non-default values for every setting of every page that has settings.
SHARED = [
    (
        HEART,
        {"age": "55", "sex": "Female", "formula": "Nes", "resting_hr": "62", "max_hr": "185"},
    ),
    (HEART, {"sex": "Female", "formula": "Gulati", "units": "imperial", "present": "true"}),
    (CALORIES, {"weight": "82.5", "speed": "9.5", "grade": "2.5", "minutes": "45"}),
    (CALORIES, {"units": "imperial", "weight": "176", "speed": "5.5", "grade": "-3"}),
    (DECK, {"slide": "4", "present": "true", "units": "imperial"}),
]
PAGE_KEYS = {
    HEART: (*fields.HEART, *fields.FRAME),
    CALORIES: (*fields.CALORIES, *fields.FRAME),
    DECK: (*fields.DECK, *fields.FRAME),
}


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def state(at: AppTest, keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: at.session_state[key] for key in keys if key in at.session_state}


def notices(at: AppTest) -> str:
    return " ".join(str(info.value) for info in at.info)


@pytest.mark.parametrize(("script", "params"), SHARED, ids=lambda v: str(v))
def test_every_setting_round_trips_through_the_url(script: str, params: dict[str, str]) -> None:
    first = open_link(script, params)
    no_exception(first)
    assert NOTICE not in notices(first)
    link = dict(first.query_params)
    # Every setting given is still in the address bar, so copying it reproduces the view...
    assert set(link) == set(params)
    # ...and opening that address shows the same values and the same address.
    second = open_link(script, link)
    no_exception(second)
    assert dict(second.query_params) == link
    assert state(second, PAGE_KEYS[script]) == state(first, PAGE_KEYS[script])


def test_changing_a_setting_changes_the_url() -> None:
    at = run_page(DECK, {"slide": "2"})
    at.button(key="deck_next").click().run()
    assert at.query_params["slide"] == "3"
    at = run_page(CALORIES, {"weight": "82.5"})
    at.number_input(key="minutes").set_value(50).run()
    no_exception(at)
    assert at.session_state["minutes"] == 50


@pytest.mark.parametrize(
    "params",
    [
        {"age": "63", "sex": "male", "formula": "FOX", "resting_hr": "58"},
        {"age": "abc", "resting_hr": "500", "formula": "Gulati"},
        {"age": "10", "max_hr": "230", "sex": "Not given"},
    ],
)
def test_the_handout_reads_heart_settings_as_the_heart_page_does(params: dict[str, str]) -> None:
    at = run_page(HEART, params)
    no_exception(at)
    assert at.session_state[handout.LAST_HEART] == HeartInputs.from_link(params)[0]


@pytest.mark.parametrize(
    "params",
    [
        {"weight": "82.5", "speed": "11", "grade": "-2", "minutes": "25"},
        {"units": "imperial", "weight": "200", "speed": "40"},
        {"weight": "5000", "minutes": "0"},
        {"minutes": "45.5"},
    ],
)
def test_the_handout_reads_calorie_settings_as_the_calorie_page_does(
    params: dict[str, str],
) -> None:
    at = run_page(CALORIES, params)
    no_exception(at)
    inputs = CaloriesInputs.from_link(params)[0]
    assert at.session_state[handout.LAST_CALORIES] == inputs
    assert at.number_input(key="minutes").value == inputs.minutes


def test_a_decimal_duration_is_the_same_on_the_page_and_in_the_pdf() -> None:
    """The issue's case: /calories?minutes=45.5 showed 45.5 on the page and printed 30."""
    at = run_page(CALORIES, {"minutes": "45.5"})
    no_exception(at)
    assert at.number_input(key="minutes").value == 45.5
    assert NOTICE not in notices(at)
    printed = at.session_state[handout.LAST_CALORIES]
    view = calories_view(printed, CALORIE_WORDS)
    sheet = compose(None, view, LIBRARY, page_key=CALORIES, base_url=None)
    assert "45.5 min" in pdf_text(build_pdf(sheet))


def test_the_zones_on_screen_are_the_zones_on_the_sheet() -> None:
    """The issue's case: 68, female, resting 72 showed % of max on screen, reserve on paper."""
    at = run_page(HEART, {"age": "68", "sex": "female", "resting_hr": "72"})
    no_exception(at)
    headings = " ".join(str(m.value) for m in at.markdown)
    assert "Your zones, by % of heart-rate reserve" in headings
    shown = at.table[0].value
    # Zone 1 by reserve: 72 + 0.5 x 88.4 = 116.2 to 72 + 0.6 x 88.4 = 125.0.
    assert shown.iloc[0]["Heart rate [bpm]"] == "116\u2013125"
    inputs = at.session_state[handout.LAST_HEART]
    sheet = compose(heart_view(inputs), None, LIBRARY, page_key=HEART, base_url=None)
    text = pdf_text(build_pdf(sheet))
    assert "116-125" in text.replace("\u2013", "-")
    assert "Zone method: % of heart-rate reserve" in text
    assert "Forward or backward" not in text  # no energy section nobody asked for


def test_the_handout_remembers_the_other_calculator_within_a_session() -> None:
    at = run_page(CALORIES, {"weight": "90", "speed": "8"})
    at.switch_page(site.page(HEART).script).run()
    no_exception(at)
    assert at.session_state[handout.LAST_CALORIES] == CaloriesInputs(weight=90.0, speed=8.0)
    assert at.session_state[handout.LAST_HEART] == HeartInputs()


def test_a_calculator_nobody_opened_is_left_off_the_sheet() -> None:
    at = run_page(HEART, {"age": "68"})
    no_exception(at)
    assert handout.LAST_CALORIES not in at.session_state


SECTION_LABELS = LIBRARY.page("handout").page.meta["section_labels"]


def offered_sections(at: AppTest) -> list[str]:
    """The handout sections the page offers (a checkbox each), by key."""
    keys = {handout.section_key(key): key for key in SECTION_LABELS}
    return [keys[box.key] for box in at.checkbox if box.key in keys]


def with_handout(at: AppTest) -> AppTest:
    """The page with its handout section unfolded (it is drawn only while open)."""
    at.session_state["handout_open"] = True
    return at.run()


def captions(at: AppTest) -> list[str]:
    return [plain(str(caption.value)) for caption in at.caption]


@pytest.mark.parametrize(
    ("script", "params", "offered", "values", "missing"),
    [
        (
            HEART,
            {"age": "68", "sex": "female", "resting_hr": "72"},
            ["zones", "plan", "safety"],
            "age 68, resting 72, % of heart-rate reserve (Karvonen method)",
            CALORIES,
        ),
        (
            CALORIES,
            {"weight": "82", "speed": "3", "minutes": "10"},
            ["energy", "plan", "safety"],
            "82 kg, 3.0 km/h, level ground, 10 min",
            HEART,
        ),
    ],
    ids=["heart rate", "calories"],
)
def test_the_handout_offers_only_sections_set_and_shows_what_they_print(
    script: str, params: dict[str, str], offered: list[str], values: str, missing: str
) -> None:
    """From one calculator with only its own inputs set: no section for the other (a link to
    set it instead), and each section beside the values it will print."""
    at = open_link(script, params)
    no_exception(at)
    labels = [button.proto.label for button in at.get("download_button")]
    assert "Download handout (PDF)" not in labels  # folded away until asked for
    assert offered_sections(at) == []
    with_handout(at)
    no_exception(at)
    assert offered_sections(at) == offered
    assert values in captions(at)
    assert "weeks 1\u20134 (walking)" in captions(at)
    links_to = {link.proto.page: link.proto.label for link in at.get("page_link")}
    assert links_to[missing] == f"Set it on {site.page(missing).title}"
    labels = [button.proto.label for button in at.get("download_button")]
    assert "Download handout (PDF)" in labels


def test_both_sections_once_both_calculators_are_set_and_one_can_be_unticked() -> None:
    at = run_page(CALORIES, {"weight": "82", "speed": "3", "minutes": "10"})
    at.switch_page(site.page(HEART).script).run()
    with_handout(at)
    no_exception(at)
    assert offered_sections(at) == ["zones", "energy", "plan", "safety"]
    assert "82 kg, 3.0 km/h, level ground, 10 min" in captions(at)
    at.checkbox(key=handout.section_key("energy")).uncheck().run()
    no_exception(at)
    assert at.checkbox(key=handout.section_key("energy")).value is False
    for key in ("zones", "plan", "safety"):
        at.checkbox(key=handout.section_key(key)).uncheck()
    at.run()
    no_exception(at)
    assert LIBRARY.page("handout").page.meta["nothing_chosen"] in [str(i.value) for i in at.info]
    assert not at.get("download_button") or all(
        button.proto.label != "Download handout (PDF)" for button in at.get("download_button")
    )


def test_the_name_follows_the_physio_between_calculators_and_never_enters_the_link() -> None:
    at = with_handout(run_page(HEART, {"age": "68"}))
    at.text_input(key=handout.NAME).input("Ana Example").run()
    no_exception(at)
    at.switch_page(site.page(CALORIES).script).run()
    with_handout(at)
    no_exception(at)
    assert at.text_input(key=handout.NAME).value == "Ana Example"
    at.switch_page(site.page(HEART).script).run()
    with_handout(at)
    assert at.text_input(key=handout.NAME).value == "Ana Example"
    assert "Ana" not in str(dict(at.query_params))


def test_the_preview_shows_every_page_before_the_download() -> None:
    """Rendered on the server when opened: one image per page, numbered."""
    at = with_handout(open_link(HEART, {"age": "68", "resting_hr": "72"}))
    at.session_state["handout_preview"] = True
    at.run()
    no_exception(at)
    images = [image.proto.imgs[0] for image in at.get("image")]
    pages = len(images)
    assert pages >= 1
    assert [image.caption for image in images] == [
        f"Page {n} of {pages}" for n in range(1, pages + 1)
    ]
    assert all(image.url.endswith(".png") for image in images)


@pytest.mark.parametrize(
    ("setting", "kind", "words"),
    [
        (None, "info", "No QR code on this sheet: this copy of RetroEdu runs at localhost"),
        ("https://retroedu.example.org/", "caption", "open https://retroedu.example.org."),
        ("retroedu.example.org", "error", "must start with http:// or https://"),
        ("http://localhost:8501", "error", "names this computer"),
    ],
    ids=["unset", "public", "no scheme", "loopback"],
)
def test_the_public_address_setting_decides_the_qr_code(
    monkeypatch: pytest.MonkeyPatch, setting: str | None, kind: str, words: str
) -> None:
    """Read in the handout section; a bad value is refused with a sentence, never a traceback."""
    if setting is None:
        monkeypatch.delenv(PUBLIC_URL_SETTING, raising=False)
    else:
        monkeypatch.setenv(PUBLIC_URL_SETTING, setting)
    at = with_handout(open_link(HEART, {"age": "68"}))
    no_exception(at)
    shown = {
        "info": [str(e.value) for e in at.info],
        "caption": captions(at),
        "error": [str(e.value) for e in at.error],
    }[kind]
    assert any(words in text for text in shown), shown


@pytest.mark.parametrize("script", [HEART, CALORIES, DECK])
def test_presentation_flag_enlarges_chart_type(script: str) -> None:
    params = {"slide": "3"} if script == DECK else {}
    normal = open_link(script, params)
    present = open_link(script, {**params, "present": "true"})
    no_exception(present)
    assert present.toggle(key="present").value is True
    assert normal.toggle(key="present").value is False
    assert figures(present), "no chart to check"
    for fig in figures(present):
        # A slide's chart is the screen's main thing: larger still (ui.deck.SLIDE_FONT_PX).
        assert fig["layout"]["font"]["size"] == (SLIDE_FONT_PX if script == DECK else FONT_PX)
    for fig in figures(normal):
        assert fig["layout"]["font"]["size"] < FONT_PX


def test_deck_steps_stay_within_the_slides() -> None:
    at = run_page(DECK, {"slide": "1"})
    assert at.button(key="deck_previous").disabled
    count = at.number_input(key="slide").max
    at = run_page(DECK, {"slide": str(count)})
    assert at.button(key="deck_next").disabled
    at.button(key="deck_previous").click().run()
    assert at.session_state["slide"] == count - 1
