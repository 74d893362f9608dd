"""Team talk: a title slide, one key point per slide with the data behind it, three take-aways.

Navigation works like slide software (keys, clicker, click on the slide); the slide number, the
club, the date and the window (slides or presenter) are in the address, so a coach can bookmark
the deck for a team and open the presenter view in a second window.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from retroedu.exports.slides_pdf import TitleDetails, slides_pdf
from ui import cache, deck, i18n, links, sidebar, widgets

ASSETS = Path(__file__).parent.parent / "assets"

LANG = i18n.code()
system = sidebar.units()
view = cache.deck(system, LANG)
words = view.words
total = len(view.slides)

# Only a link that has just arrived can carry a bad value; after a key press the address still
# shows the previous slide while the new one is drawn, which is not a bad link.
arrived = {key: value for key, value in links.raw_params().items() if key not in st.session_state}
with st.sidebar:
    widgets.number("slide", high=total)
    number = deck.slide_number(total)
    team = widgets.text("team")
    date = widgets.text("date")
    window = widgets.choice("view", horizontal=True)
    presenter_words = words["presenter"]
    assert isinstance(presenter_words, dict)
    st.link_button(
        presenter_words["open"],
        links.link_to("team-talk", deck.presenter_params(number, team, date, system)),
        icon=":material/speaker_notes:",
        help=presenter_words["open_help"],
    )
    details = TitleDetails(team, date)
    st.download_button(
        str(words["pdf_label"]),
        # Built on the server when clicked; the club and date go in only here, never a cache.
        data=lambda: slides_pdf(view, cache.library(LANG).references, details, deck.codes(view)),
        file_name="retroedu-team-talk-16x9.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        help=str(words["pdf_help"]),
        key="deck_pdf",
    )
links.notice_rejected(
    arrived, {"slide": number, "team": team, "date": date, "view": window}, system
)

st.html(ASSETS / "deck.css")
if sidebar.present():
    st.html(ASSETS / "deck_present.css")
slide = view.slides[number - 1]
if window == "presenter":
    deck.presenter(view, number, system)
else:
    deck.draw(view, slide, details, system)
deck.footer(view, slide, number)
deck.navigation(number, total)
