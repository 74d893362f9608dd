"""Team zones: a squad's table in, every athlete's zones out (table, chart, CSV, zone cards).

Each athlete's zones come from the heart-rate calculator's own view model. What a coach pastes or
uploads lives in this session only: it is never cached, written to disk or put in the address.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from retroedu.calculators.team import TeamView, read_roster, team_view
from retroedu.content.evidence import escape_markdown
from retroedu.exports import team as team_export
from retroedu.exports.zone_cards import CardWords, zone_cards_pdf
from retroedu.figures.team import team_alt, team_figure
from ui import cache, charts, i18n, learn, links, widgets

lang = i18n.language()
content = cache.page("team_zones", lang.code)
text = content.page.meta
# Comfortably above 100 athletes' rows; a paste longer than this is refused by the box itself.
PASTE_MAX_CHARS = 100_000

st.title(content.page.title)
st.markdown(content.page.summary)
raw = links.raw_params()
notices = st.container()
entry, guide = st.columns([3, 2], gap="large")
with guide:
    formula = widgets.choice("formula", kind="selectbox", help=text["formula_help"])
    with notices:
        links.notice_rejected(raw, {"formula": formula})
    st.markdown(content.render(text["how"]))
    widgets.download_csv(
        text["template_label"], lambda: team_export.template_csv(lang), "team-zones-template.csv"
    )
    st.caption(text["privacy"])
with entry:
    st.subheader(text["input_heading"])
    paste_tab, upload_tab = st.tabs([text["paste_tab"], text["upload_tab"]])
    pasted = paste_tab.text_area(
        text["paste_label"],
        placeholder=text["paste_placeholder"],
        height=220,
        max_chars=PASTE_MAX_CHARS,
        key="team_paste",
    )
    upload = upload_tab.file_uploader(
        text["upload_label"], type=["csv", "tsv", "txt", "xlsx"], key="team_file"
    )


def squad() -> tuple[str | bytes, str] | None:
    """What the coach gave: the uploaded file if there is one, else the pasted text."""
    if upload is not None:
        st.caption(text["using_file"])
        return upload.getvalue(), upload.name
    if pasted.strip():
        return pasted, ""
    return None


def results(source: str | bytes, name: str) -> None:
    """Every athlete's zones: notes, the rows left out, the table, the chart, the downloads."""
    try:
        roster = read_roster(source, name, cache.roster_headings())
        team = team_view(roster, formula, cache.heart, cache.aliases(), lang)
    except ValueError as problem:
        st.error(i18n.sayable(problem), icon=":material/error:")
        return
    for note in team.notes:
        st.info(escape_markdown(i18n.sayable(note)), icon=":material/info:")
    if team.problems:
        st.subheader(text["problems_heading"])
        total = len(team.problems) + len(team.athletes)
        st.warning(
            text["problems_intro"].format(count=len(team.problems), total=total),
            icon=":material/warning:",
        )
        labels = text["problem_columns"]
        st.dataframe(
            {
                labels["row"]: [p.row for p in team.problems],
                labels["name"]: [p.name for p in team.problems],
                labels["problem"]: [i18n.sayable(p.problem) for p in team.problems],
            },
            hide_index=True,
        )
    if not team.athletes:
        return
    st.subheader(text["table_heading"].format(count=len(team.athletes)))
    st.dataframe(team_export.team_shown(team, text["columns"], lang), hide_index=True)
    st.caption(text["max_note"].format(formula=team.athletes[0].view.formula.name))
    st.subheader(text["chart_heading"])
    charts.chart(team_figure(team, lang), alt=team_alt(team, lang), filename="team-zones")
    downloads(team)


def downloads(team: TeamView) -> None:
    st.subheader(text["downloads_heading"])
    today = dt.date.today().isoformat()
    csv_column, paper_column, cards_column = st.columns([2, 1, 2], vertical_alignment="bottom")
    with csv_column:
        widgets.download_csv(
            text["csv_label"], lambda: team_export.team_csv(team, lang), f"team-zones-{today}.csv"
        )
    paper = widgets.paper(text["paper_label"], "team_paper", where=paper_column)
    words = CardWords.from_content(text["zone_cards"])
    cards_column.download_button(
        text["cards_label"],
        # Built on the server when clicked; nothing is kept after the download.
        data=lambda: zone_cards_pdf(team, words, paper, lang),
        file_name=f"zone-cards-{today}-{paper.lower()}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        type="primary",
        key="team_cards",
    )


given = squad()
if given is None:
    st.info(text["start"], icon=":material/table:")
else:
    results(*given)
learn.sources(content)
