"""Streamlit glue for the patient handout, shown at the foot of both calculator pages.

`render(page, inputs)` takes this page's settings and, for the other calculator, what the link
carries or this session's last visit to it; a calculator nobody set offers no section (a link to
set it instead). The physiotherapist ticks the sections to print, each shown with the values it
will print, chooses the paper, large print and the plan's first week, sees the pages rendered on
the server, and downloads the PDF.

The public address for the QR code comes from the environment (`RETROEDU_PUBLIC_URL`, see
docs/deploy.md), read here and passed down as a plain value. The name is kept in this browser
session's memory only (so the other calculator's section has it too): it has no URL binding, is
not logged, is not part of anything cached or of the file name, and nothing is written to disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from urllib.parse import urlsplit

import streamlit as st

from retroedu import site
from retroedu.calculators.calories import CaloriesInputs, CaloriesView
from retroedu.calculators.heart import HeartInputs, HeartView
from retroedu.exports.handout import SECTION_PAGE, SECTIONS, available, file_name, section_values
from retroedu.exports.handout_pdf import build_pdf
from retroedu.exports.pdf_preview import page_images
from retroedu.links import fields
from retroedu.links.urls import PUBLIC_URL_SETTING, app_base, public_address, reachable_base
from ui import cache, i18n, links, sidebar, widgets
from ui.i18n import _

HEART_PAGE, CALORIE_PAGE = "heart-rate", "calories"
# Session keys (memory of this browser session only; never in the URL).
LAST_HEART, LAST_CALORIES = "handout_last_heart", "handout_last_calories"
NAME = "handout_name"


def section_key(section: str) -> str:
    """The session key of a section's checkbox."""
    return f"handout_section_{section}"


def gather(here: HeartInputs | CaloriesInputs) -> tuple[HeartInputs | None, CaloriesInputs | None]:
    """Both calculators' settings as the handout on this page prints them.

    This page's are `here`. The other calculator's come from the link when it carries them (a
    shared handout link does), else from this session's last visit to that page, else None.
    """
    link = links.raw_params()
    aliases = cache.aliases()
    heart_inputs: HeartInputs | None
    calorie_inputs: CaloriesInputs | None
    if isinstance(here, HeartInputs):
        heart_inputs = st.session_state[LAST_HEART] = here
    elif any(key in link for key in fields.HEART):
        heart_inputs = HeartInputs.from_link(link, aliases)[0]
    else:
        heart_inputs = st.session_state.get(LAST_HEART)
    if isinstance(here, CaloriesInputs):
        calorie_inputs = st.session_state[LAST_CALORIES] = here
    elif any(key in link for key in fields.CALORIES):
        calorie_inputs = CaloriesInputs.from_link({**link, "units": sidebar.units()}, aliases)[0]
    else:
        remembered = st.session_state.get(LAST_CALORIES)
        calorie_inputs = None if remembered is None else remembered.in_units(sidebar.units())
    return heart_inputs, calorie_inputs


def public_setting() -> tuple[str | None, str]:
    """The public address the deployment set (or None), and why it cannot be used ("" if it
    can, or if none is set)."""
    configured = os.environ.get(PUBLIC_URL_SETTING, "").strip()
    if not configured:
        return None, ""
    try:
        return public_address(configured), ""
    except ValueError as problem:
        return None, i18n.sayable(problem)


def served_base() -> str:
    """The address the physiotherapist's browser reaches the app at (localhost in tests)."""
    current = st.context.url
    return app_base(current, site.BY_KEY) if current else "http://localhost:8501"


def views(
    heart_inputs: HeartInputs | None, calorie_inputs: CaloriesInputs | None
) -> tuple[HeartView | None, CaloriesView | None]:
    """The view models the screens draw, for the calculators that were set."""
    heart_view = None if heart_inputs is None else cache.heart(heart_inputs)
    try:
        calories_view = (
            None if calorie_inputs is None else cache.calories(calorie_inputs, i18n.code())
        )
    except ValueError:
        calories_view = None
    return heart_view, calories_view


def choose_sections(
    words: dict[str, object],
    offered: tuple[str, ...],
    values: dict[str, str],
    heart_view: HeartView | None,
) -> tuple[str, ...]:
    """One line per section: a checkbox with the values it will print, or, for a calculator that
    was not set, a link to set it. The chosen sections, in print order."""
    labels = words["section_labels"]
    assert isinstance(labels, dict)
    chosen = []
    for section in SECTIONS:
        label, show = st.columns([2, 5], vertical_alignment="center")
        if section in offered:
            if label.checkbox(
                labels[section], value=True, key=section_key(section), persist_state="session"
            ):
                chosen.append(section)
            show.caption(values[section])
            continue
        label.markdown(f"{labels[section]}")
        other = site.page(SECTION_PAGE[section])
        problem = (
            heart_view.problem_in(i18n.language())
            if section == "zones" and heart_view is not None
            else ""
        )
        show.caption(problem or str(words["section_missing"]))
        show.page_link(
            other.script,
            label=str(words["set_on_page"]).format(page=_(other.title)),
            icon=":material/arrow_forward:",
        )
    return tuple(chosen)


def qr_notice(words: dict[str, object], base: str | None, problem: str) -> None:
    """Say where the QR code leads, or why there is none."""
    if problem:
        st.error(str(words["qr_bad"]).format(problem=problem), icon=":material/error:")
    elif base is not None:
        st.caption(str(words["qr_public"]).format(address=base))
    else:
        host = urlsplit(served_base()).hostname or _("this computer")
        st.info(str(words["qr_local"]).format(host=host), icon=":material/qr_code_2:")


def render(page: str, here: HeartInputs | CaloriesInputs) -> None:
    """The handout section: what goes on the sheet, print options, a preview, the download, in
    the reader's language."""
    lang = i18n.language()
    library = cache.library(lang.code)
    words = dict(library.page("handout").page.meta)
    weeks = library.page("getting_started").page.meta["weeks"]
    heart_view, calories_view = views(*gather(here))

    st.subheader(words["ui_heading"], anchor="handout")
    st.caption(words["ui_intro"])
    # Two rows of two: a narrow column cuts the print options' labels short at 200 % zoom.
    name_col, week_col = st.columns(2)
    paper_col, print_col = st.columns(2, vertical_alignment="bottom")
    name = name_col.text_input(
        words["name_label"],
        max_chars=60,
        help=words["name_help"],
        autocomplete="off",
        key=NAME,
        # Kept in this session's memory, so the other calculator's section has it too.
        persist_state="session",
    )
    paper = widgets.paper(words["paper_label"], "handout_paper", where=paper_col, keep=True)
    large_print = print_col.checkbox(
        words["large_print_label"],
        help=words["large_print_help"],
        key="handout_large_print",
        persist_state="session",
    )
    first_week = week_col.selectbox(
        words["week_label_ui"],
        [int(week["week"]) for week in weeks],
        format_func=lambda number: words["week_option"].format(
            week=number, mode=words["modes"][weeks[number - 1]["mode"]]
        ),
        help=words["week_help"],
        key="handout_week",
        persist_state="session",
    )

    st.markdown(f"**{words['ui_sections']}**")
    offered = available(heart_view, calories_view)
    values = section_values(heart_view, calories_view, library, first_week)
    chosen = choose_sections(words, offered, values, heart_view)

    public, problem = public_setting()
    base = reachable_base(public, served_base())
    qr_notice(words, base, problem)
    if not chosen:
        st.info(words["nothing_chosen"], icon=":material/checklist:")
        return
    today = dt.date.today()
    try:
        handout = cache.handout(
            None if heart_view is None else heart_view.inputs,
            None if calories_view is None else calories_view.inputs,
            page,
            base,
            chosen,
            first_week,
            paper,
            large_print,
            lang.date(today),
            lang.code,
        )
    except ValueError as trouble:
        st.error(i18n.sayable(trouble), icon=":material/error:")
        return
    # The name goes in only here, so it is never part of anything cached or kept.
    personal = dataclasses.replace(handout, person=" ".join(name.split()))

    with st.expander(
        words["preview_label"], icon=":material/preview:", key="handout_preview", on_change="rerun"
    ) as preview:
        if preview.open:
            try:
                images = page_images(build_pdf(personal))
            except ValueError as trouble:
                st.error(i18n.sayable(trouble), icon=":material/error:")
                return
            pages = len(images)
            for row in range(0, pages, 2):
                for column, number in zip(
                    st.columns(2), range(row, min(row + 2, pages)), strict=False
                ):
                    say = {"page": number + 1, "pages": pages}
                    column.image(
                        images[number],
                        caption=str(words["preview_caption"]).format(**say),
                        alt=str(words["preview_alt"]).format(**say),
                        # Text stays crisp in a PNG (the automatic choice is a JPEG).
                        output_format="PNG",
                    )
    st.download_button(
        words["download_label"],
        # Built only when clicked, on the server; nothing is kept after the download.
        data=lambda: build_pdf(personal),
        file_name=file_name(today, paper, large_print),
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        type="primary",
        key="handout_download",
    )
