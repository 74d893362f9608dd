"""The Team talk deck through app.py: its address fields (slide, club, date, window), the title and
closing slides, the presenter view, and the controls."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from retroedu.calculators.deck import deck_view
from tests.conftest import LIBRARY, open_link

DECK = "team-talk"
SLIDES = deck_view(LIBRARY).slides
LAST = len(SLIDES)


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def html(at: AppTest) -> str:
    return " ".join(str(element.proto.body) for element in at.get("html"))


def test_the_title_slide_carries_the_club_and_date_from_the_address() -> None:
    at = open_link(DECK, {"team": "Riverside AC", "date": "12 May"})
    no_exception(at)
    assert at.title[0].value == "Backward walking and running"
    assert any(m.value == "Riverside AC \u00b7 12 May" for m in at.markdown)
    assert at.text_input(key="team").value == "Riverside AC"
    assert dict(at.query_params) == {"team": "Riverside AC", "date": "12 May"}


def test_a_club_name_is_shown_as_text_never_as_markup() -> None:
    at = open_link(DECK, {"team": "<img src=x onerror=alert(1)>"})
    no_exception(at)
    assert "<img" not in html(at)
    shown = [m for m in at.markdown if "img src" in m.value]
    assert [m.value for m in shown] == ["\\<img src=x onerror=alert(1)\\>"]
    assert not shown[0].proto.allow_html


def test_a_club_name_longer_than_the_field_falls_back_with_a_notice() -> None:
    at = open_link(DECK, {"team": "x" * 61})
    no_exception(at)
    assert "club or team" in at.info[0].value
    assert not any("x" * 61 in m.value for m in at.markdown)


def test_the_closing_slide_offers_qr_codes_only_with_a_public_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = open_link(DECK, {"slide": str(LAST)})
    assert at.title[0].value == "Three things to take away"
    assert not at.get("image")
    monkeypatch.setenv("RETROEDU_PUBLIC_URL", "https://retroedu.example.org/")
    at = open_link(DECK, {"slide": str(LAST)})
    no_exception(at)
    captions = [image.proto.imgs[0].caption for image in at.get("image")]
    assert captions == ["These slides on your phone", "Your own heart-rate zones"]


def test_the_presenter_view_shows_the_notes_and_the_next_slide() -> None:
    at = open_link(DECK, {"slide": "3", "view": "Presenter"})
    no_exception(at)
    shown = " ".join(str(m.value) for m in at.markdown)
    assert SLIDES[2].notes[:40] in shown.replace("&#x27;", "'")
    assert SLIDES[3].point in shown
    # The next slide's chart, small.
    assert len(at.get("plotly_chart")) == 1


def test_the_presenter_view_says_when_the_deck_ends() -> None:
    at = open_link(DECK, {"slide": str(LAST), "view": "presenter"})
    no_exception(at)
    assert any("End of the deck" in str(c.value) for c in at.caption)


def test_chart_slides_draw_their_visual_and_text_slides_none() -> None:
    for number, slide in enumerate(SLIDES, start=1):
        at = open_link(DECK, {"slide": str(number)})
        no_exception(at)
        assert len(at.get("plotly_chart")) == (slide.visual is not None), number


def test_the_controls_carry_no_keyboard_hint_in_their_labels() -> None:
    """The old buttons showed "← Previous ←": a shortcut hint doubled the icon."""
    at = open_link(DECK, {"slide": "2"})
    for key in ("deck_previous", "deck_next"):
        button = at.button(key=key)
        assert button.label in {"Previous", "Next"}
        assert not button.proto.shortcut
