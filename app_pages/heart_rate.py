"""Heart-rate zones: max HR from age (or measured), the recommended zones first, other methods
to compare, and every formula across ages. Everything shown comes from one `HeartView`."""

from __future__ import annotations

import streamlit as st

from retroedu.calculators.heart import HeartInputs
from retroedu.exports import tables
from retroedu.models import heart
from ui import cache, charts, handout, links, widgets

content = cache.page("heart_rate")
text = content.page.meta
NOTES = {"hrmax5": "hrmax_note", "hrr5": "hrr_note", "acsm": "acsm_note"}
TAB_LABELS = {"hrmax5": "% of max HR", "hrr5": "% of heart-rate reserve", "acsm": "ACSM classes"}


def say(key: str, **values: object) -> str:
    """A front-matter text with its numbers filled in and its citations rendered."""
    return content.render(str(text[key]).format(**values) if values else str(text[key]))


st.title(content.page.title)
st.markdown(content.page.summary)
raw = links.raw_params()
notices = st.container()
inputs_column, results = st.columns([1, 2], gap="large")

with inputs_column:
    st.subheader(text["inputs_heading"])
    age = widgets.number("age")
    sex = widgets.choice("sex", horizontal=True, help=text["sex_help"])
    offered = [key for key, f in heart.FORMULAS.items() if not f.women_only or sex == "female"]
    formula = widgets.choice("formula", offered, kind="selectbox", help=text["formula_help"])
    st.caption(f"{heart.FORMULAS[formula].name}: max HR = {heart.FORMULAS[formula].equation}")
    resting = widgets.number("resting_hr", help=text["resting_help"])
    with st.expander(
        "How to measure resting heart rate",
        icon=":material/bedtime:",
        key="resting_help",
        on_change="rerun",
    ) as how_to:
        if how_to.open:
            st.markdown(say("measure_resting"))
    measured = widgets.number("max_hr", help=text["max_help"])

settings = {"age": age, "sex": sex, "formula": formula, "resting_hr": resting, "max_hr": measured}
with notices:
    links.notice_rejected(raw, settings)
inputs = HeartInputs.from_values(settings)
view = cache.heart(inputs)

with results:
    st.subheader(text["results_heading"])
    low_age, high_age = view.formula.studied_ages
    for caution in view.cautions:
        words = str(text["cautions"][caution]).format(
            formula=view.formula.name, low=f"{low_age:g}", high=f"{high_age:g}"
        )
        st.warning(content.render(words), icon=":material/warning:")
    if view.problem:
        st.error(view.problem, icon=":material/error:")
        st.stop()
    # Filled after the chart below is drawn: the chart is what a changed input should update first.
    summary = st.container()
    low, high = view.target_bpm
    st.markdown(
        f"### {text['chart_heading']}\n\n"
        + say("target_note", max=f"{view.max_bpm:.0f}", low=f"{low:.0f}", high=f"{high:.0f}")
    )
    zones_chart = cache.heart_zones_chart(inputs)
    charts.chart(zones_chart.figure, alt=zones_chart.alt, filename="heart-rate-zones")

with summary:
    chosen = view.formula
    metrics = st.columns(3 if view.reserve_bpm is not None else 2)
    metrics[0].metric(
        "Max heart rate [bpm]",
        f"{view.max_bpm:.0f}",
        help="Measured by you." if view.measured else f"{chosen.name}: {chosen.equation}",
        border=True,
    )
    low95, high95 = view.band_bpm
    if view.measured:
        metrics[1].metric(f"{chosen.name} estimate [bpm]", f"{view.estimate_bpm:.0f}", border=True)
        st.caption(say("measured_note", formula=chosen.name, estimate=f"{view.estimate_bpm:.0f}"))
    else:
        metrics[1].metric(
            "95 % range [bpm]",
            tables.range_text(low95, high95),
            help=f"{chosen.name} \u00b1 2 \u00d7 {chosen.error_bpm:g} bpm",
            border=True,
        )
        st.markdown(
            say(
                "error_note",
                formula=chosen.name,
                error=f"{chosen.error_bpm:g}",
                low=f"{low95:.0f}",
                high=f"{high95:.0f}",
                detail=chosen.error_note,
            )
        )
    if view.reserve_bpm is not None:
        metrics[2].metric("Heart-rate reserve [bpm]", f"{view.reserve_bpm:.0f}", border=True)

    st.info(say("backward"), icon=":material/u_turn_left:")
    st.markdown(f"#### Your zones: {TAB_LABELS[view.method]}")
    st.markdown(say(NOTES[view.method]))
    st.table(tables.zones_shown(view, view.method), hide_index=True)
    others = view.others()
    with st.expander("Compare methods", key="compare_methods", on_change="rerun") as compare:
        if compare.open:
            if not others or view.inputs.resting_hr_bpm is None:
                st.info(text["hrr_missing"], icon=":material/info:")
            for method in others:
                st.markdown(f"**{TAB_LABELS[method]}.** " + say(NOTES[method]))
                st.table(tables.zones_shown(view, method), hide_index=True)
    widgets.download_csv("Download zones (CSV)", tables.zones_csv(view), "heart-rate-zones.csv")

st.subheader(text["formulas_heading"])
formulas_chart = cache.heart_formulas_chart(inputs)
charts.chart(formulas_chart.figure, alt=formulas_chart.alt, filename="max-heart-rate-formulas")
st.caption(text["formulas_caption"])
with st.expander("The numbers behind this chart", key="age_numbers", on_change="rerun") as numbers:
    if numbers.open:
        st.table(tables.formulas_shown(view), hide_index=True)

st.markdown(content.render(content.page.body))
handout.render("heart-rate", inputs)
st.markdown("### Sources\n\n" + content.source_list(), unsafe_allow_html=True)
