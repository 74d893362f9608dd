"""Streamlit glue for the patient handout, shown at the foot of both calculator pages.

`render("<page url path>")` gathers both calculators' settings (this page's from its widgets, the
other's from the link, else from this session's last visit to it, else the defaults), offers an
optional name, the paper size and the plan's starting week, and a download button that builds the
PDF on the server when clicked. The name is printed on the page only: it has no URL binding, is not
logged, and nothing is written to disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import streamlit as st

from retroedu.content import evidence
from retroedu.content.pages import load_page
from retroedu.exports.handout import compose
from retroedu.exports.handout_pdf import PAPER_SIZES_MM, Handout, Paper, build_pdf
from retroedu.links.settings import (
    ENERGY_KEYS,
    HEART_KEYS,
    EnergySettings,
    HeartSettings,
    energy_from_params,
    heart_from_params,
)
from retroedu.links.urls import param_text
from ui import links, sidebar

HEART_PAGE, CALORIE_PAGE = "heart-rate", "calories"
# Session keys (memory of this browser session only; never in the URL).
LAST_HEART, LAST_ENERGY = "handout_last_heart", "handout_last_energy"


def _widget_params(keys: tuple[str, ...]) -> dict[str, str]:
    """This page's widget values in URL form (what its bound widgets write into the link)."""
    state = st.session_state
    return {key: param_text(state[key]) for key in keys if state.get(key) is not None}


def gather(page: str) -> tuple[HeartSettings, EnergySettings]:
    """Both calculators' settings as seen from `page`.

    This page's come from its widgets (read the way a link is read, so they follow the same
    rules). The other calculator's come from the link when it carries them (a shared handout
    link does), else from this session's last visit to that page, else its defaults. This page's
    settings are remembered for the other page.
    """
    link = {key: st.query_params.get(key, "") for key in st.query_params}
    if page == HEART_PAGE:
        heart_settings = heart_from_params(_widget_params(HEART_KEYS))[0]
        st.session_state[LAST_HEART] = heart_settings
    elif any(key in link for key in HEART_KEYS):
        heart_settings = heart_from_params(link)[0]
    else:
        heart_settings = st.session_state.get(LAST_HEART, HeartSettings())
    if page == CALORIE_PAGE:
        here = {**_widget_params(ENERGY_KEYS), "units": sidebar.units()}
        energy_settings = energy_from_params(here)[0]
        st.session_state[LAST_ENERGY] = energy_settings
    elif any(key in link for key in ENERGY_KEYS):
        energy_settings = energy_from_params({**link, "units": sidebar.units()})[0]
    else:
        energy_settings = st.session_state.get(LAST_ENERGY, EnergySettings())
    return heart_settings, energy_settings.in_units(sidebar.units())


@functools.lru_cache(maxsize=64)
def _composed(
    heart_settings: HeartSettings,
    energy_settings: EnergySettings,
    link: str,
    first_week: int,
    paper: Paper,
    date: str,
) -> Handout:
    """The handout's contents for these settings, composed once per distinct set (no name in it).

    Composing walks every zone, mode and reference; a rerun that changes nothing on the handout
    (most of them) reuses the result instead of paying for it again.
    """
    return compose(
        heart_settings,
        energy_settings,
        words=load_page("handout"),
        weeks=load_page("getting_started").meta["weeks"],
        refs=evidence.references(),
        link_url=link,
        first_week=first_week,
        person="",
        date=date,
        paper=paper,
    )


def render(page: str) -> None:
    """The handout section: optional name, paper size, starting week, PDF download."""
    words = load_page("handout").meta
    weeks = load_page("getting_started").meta["weeks"]
    heart_settings, energy_settings = gather(page)
    link = links.link_to(page, {**heart_settings.params(), **energy_settings.params()})

    st.subheader(words["ui_heading"], anchor="handout")
    st.caption(words["ui_intro"])
    name_col, paper_col, week_col = st.columns([2, 1, 2])
    name = name_col.text_input(
        words["name_label"],
        max_chars=60,
        help=words["name_help"],
        autocomplete="off",
        key="handout_name",
    )
    paper: Paper = paper_col.radio(
        words["paper_label"], list(PAPER_SIZES_MM), horizontal=True, key="handout_paper"
    )
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
        handout = _composed(
            heart_settings,
            energy_settings,
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
        file_name=f"retroedu-handout-{paper.lower()}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        type="primary",
        key="handout_download",
    )
