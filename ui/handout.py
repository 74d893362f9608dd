"""Streamlit glue for the patient handout, shown at the foot of both calculator pages.

`render(page, inputs)` takes this page's settings and, for the other calculator, what the link
carries or this session's last visit to it; a calculator nobody set is left off the sheet. It
offers an optional name, the paper size and the plan's starting week, and a download button that
builds the PDF on the server when clicked. The name is printed on the page only: it has no URL
binding, is not logged, and nothing is written to disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from retroedu.calculators.calories import CaloriesInputs
from retroedu.calculators.heart import HeartInputs
from retroedu.exports.handout_pdf import Paper, build_pdf
from retroedu.links import fields
from ui import cache, links, sidebar

HEART_PAGE, CALORIE_PAGE = "heart-rate", "calories"
# Session keys (memory of this browser session only; never in the URL).
LAST_HEART, LAST_CALORIES, PERSON = "handout_last_heart", "handout_last_calories", "handout_person"


def gather(here: HeartInputs | CaloriesInputs) -> tuple[HeartInputs | None, CaloriesInputs | None]:
    """Both calculators' settings as the handout on this page prints them.

    This page's are `here`. The other calculator's come from the link when it carries them (a
    shared handout link does), else from this session's last visit to that page, else None.
    """
    link = links.raw_params()
    heart_inputs: HeartInputs | None
    calorie_inputs: CaloriesInputs | None
    if isinstance(here, HeartInputs):
        heart_inputs = st.session_state[LAST_HEART] = here
    elif any(key in link for key in fields.HEART):
        heart_inputs = HeartInputs.from_link(link)[0]
    else:
        heart_inputs = st.session_state.get(LAST_HEART)
    if isinstance(here, CaloriesInputs):
        calorie_inputs = st.session_state[LAST_CALORIES] = here
    elif any(key in link for key in fields.CALORIES):
        calorie_inputs = CaloriesInputs.from_link({**link, "units": sidebar.units()})[0]
    else:
        remembered = st.session_state.get(LAST_CALORIES)
        calorie_inputs = None if remembered is None else remembered.in_units(sidebar.units())
    return heart_inputs, calorie_inputs


def remember_person() -> None:
    """Keep the typed name for this session, so the other calculator's handout has it too."""
    st.session_state[PERSON] = st.session_state.get("handout_name", "")


def render(page: str, here: HeartInputs | CaloriesInputs) -> None:
    """The handout section: optional name, paper size, starting week, PDF download."""
    library = cache.library()
    words = library.page("handout").page.meta
    weeks = library.page("getting_started").page.meta["weeks"]
    heart_inputs, calorie_inputs = gather(here)
    params: dict[str, str] = {}
    for inputs in (heart_inputs, calorie_inputs):
        if inputs is not None:
            params |= inputs.params()
    link = links.link_to(page, params)

    st.subheader(words["ui_heading"], anchor="handout")
    st.caption(words["ui_intro"])
    name_col, paper_col, week_col = st.columns([2, 1, 2])
    if "handout_name" not in st.session_state and PERSON in st.session_state:
        st.session_state["handout_name"] = st.session_state[PERSON]
    name = name_col.text_input(
        words["name_label"],
        max_chars=60,
        help=words["name_help"],
        autocomplete="off",
        key="handout_name",
        on_change=remember_person,
    )
    papers: list[Paper] = ["A4", "Letter"]
    paper = paper_col.radio(words["paper_label"], papers, horizontal=True, key="handout_paper")
    paper = paper or papers[0]
    first_week = week_col.selectbox(
        words["week_label_ui"],
        [int(week["week"]) for week in weeks],
        format_func=lambda number: words["week_option"].format(
            week=number, mode=words["modes"][weeks[number - 1]["mode"]]
        ),
        help=words["week_help"],
        key="handout_week",
    )
    try:
        handout = cache.handout(
            heart_inputs,
            calorie_inputs,
            link,
            first_week,
            paper,
            dt.date.today().strftime("%d %B %Y").lstrip("0"),
        )
    except ValueError as problem:
        st.error(str(problem), icon=":material/error:")
        return
    st.download_button(
        words["download_label"],
        # Built only when clicked, on the server; nothing is kept after the download.
        # The name goes in only here, so it is never part of anything cached or kept.
        data=lambda: build_pdf(dataclasses.replace(handout, person=" ".join(name.split()))),
        file_name=f"retroedu-handout-{dt.date.today().isoformat()}-{paper.lower()}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        type="primary",
        key="handout_download",
    )
