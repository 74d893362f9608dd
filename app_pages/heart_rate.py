"""Heart-rate zones: max HR from age (or measured), zones by % of max and % of reserve, charts."""

from __future__ import annotations

import streamlit as st

from retroedu.content.evidence import learn_page
from retroedu.links.settings import AGE_YEARS, MEASURED_BPM, RESTING_BPM, SEX_LABELS
from retroedu.models import heart
from ui import charts, handout, links
from ui.heart_view import TABS, age_view, zone_view

SEXES = {label: key for key, label in SEX_LABELS.items()}
FORMULA_KEYS = {formula.name: key for key, formula in heart.FORMULAS.items()}

content = learn_page("heart_rate")
text = content.page.meta


def say(key: str, **values: object) -> str:
    """A front-matter text with its numbers filled in and its citations rendered."""
    return content.render(str(text[key]).format(**values) if values else str(text[key]))


st.title(content.page.title)
st.markdown(content.page.summary)
raw = links.raw_params()
# A widget writes its option label into the link ("formula=Nes"); accept the API key too ("nes").
for url_key, labels in (
    ("sex", SEX_LABELS),
    ("formula", {k: f.name for k, f in heart.FORMULAS.items()}),
):
    given = raw.get(url_key, "").strip().lower()
    if url_key not in st.session_state and given in labels:
        st.session_state[url_key] = labels[given]
        raw[url_key] = labels[given]
notices = st.container()
inputs, results = st.columns([1, 2], gap="large")

with inputs:
    st.subheader(text["inputs_heading"])
    age = st.number_input(
        "Age [years]",
        min_value=AGE_YEARS[0],
        max_value=AGE_YEARS[1],
        value=40.0,
        step=1.0,
        # Float on purpose: Streamlit 1.67 raises OverflowError for "age=1e400" in a link on an
        # int input but drops it on a float one. "%g" shows 40, not 40.00.
        format="%g",
        key="age",
        bind="query-params",
    )
    sex = SEXES[
        st.radio(
            "Sex",
            list(SEX_LABELS.values()),
            key="sex",
            bind="query-params",
            horizontal=True,
            help=text["sex_help"],
        )
    ]
    offered = [f for f in heart.FORMULAS.values() if not f.women_only or sex == "female"]
    formula = FORMULA_KEYS[
        st.selectbox(
            "Max heart-rate formula",
            [f.name for f in offered],
            key="formula",
            bind="query-params",
            help=text["formula_help"],
        )
    ]
    st.caption(f"{heart.FORMULAS[formula].name}: max HR = {heart.FORMULAS[formula].equation}")
    resting = st.number_input(
        "Resting heart rate [bpm], optional",
        min_value=RESTING_BPM[0],
        max_value=RESTING_BPM[1],
        value=None,
        step=1.0,
        format="%g",
        placeholder="e.g. 60",
        key="resting_hr",
        bind="query-params",
        help=text["resting_help"],
    )
    with st.expander(
        "How to measure resting heart rate",
        icon=":material/bedtime:",
        key="resting_help",
        on_change="rerun",
    ) as how_to:
        if how_to.open:
            st.markdown(say("measure_resting"))
    measured = st.number_input(
        "Measured max heart rate [bpm], optional",
        min_value=MEASURED_BPM[0],
        max_value=MEASURED_BPM[1],
        value=None,
        step=1.0,
        format="%g",
        placeholder="replaces the formula",
        key="max_hr",
        bind="query-params",
        help=text["max_help"],
    )

with notices:
    links.notice_rejected(
        raw,
        {
            "age": ("age", age),
            "sex": ("sex", SEX_LABELS[sex]),
            "formula": ("formula", heart.FORMULAS[formula].name),
            "resting_hr": ("resting heart rate", resting),
            "max_hr": ("measured max heart rate", measured),
        },
    )

chosen = heart.FORMULAS[formula]
estimate = heart.max_hr(age, formula)
max_bpm = measured if measured is not None else estimate

with results:
    st.subheader(text["results_heading"])
    for caution in heart.cautions(age, resting):
        st.warning(content.render(text["cautions"][caution]), icon=":material/warning:")
    try:
        view = zone_view(max_bpm, resting)
    except ValueError as problem:
        st.error(str(problem), icon=":material/error:")
        st.stop()

    # Filled after the chart below is drawn: the chart is what a changed input should update first.
    summary = st.container()
    st.markdown(
        f"### {text['chart_heading']}\n\n"
        + say(
            "target_note",
            max=f"{max_bpm:.0f}",
            low=f"{view.target.low_bpm:.0f}",
            high=f"{view.target.high_bpm:.0f}",
        )
    )
    charts.chart(view.figure, alt=view.alt, filename="heart-rate-zones")


with summary:
    low95, high95 = heart.error_band(age, formula)
    metrics = st.columns(3 if resting is not None else 2)
    metrics[0].metric(
        "Max heart rate [bpm]",
        f"{max_bpm:.0f}",
        help="Measured by you." if measured is not None else f"{chosen.name}: {chosen.equation}",
        border=True,
    )
    if measured is None:
        metrics[1].metric(
            "95 % range [bpm]",
            f"{low95:.0f}\u2013{high95:.0f}",
            help=f"{chosen.name} \u00b1 2 \u00d7 {chosen.error_bpm:g} bpm",
            border=True,
        )
    else:
        metrics[1].metric(f"{chosen.name} estimate [bpm]", f"{estimate:.0f}", border=True)
    if resting is not None:
        metrics[2].metric("Heart-rate reserve [bpm]", f"{max_bpm - resting:.0f}", border=True)
    if measured is not None:
        st.caption(say("measured_note", formula=chosen.name, estimate=f"{estimate:.0f}"))
    else:
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

    st.info(say("backward"), icon=":material/u_turn_left:")
    # Only the open tab runs (on_change="rerun"), so a widget change renders one table, not three.
    tabs = st.tabs([label for _, _, label in TABS], key="zone_tab", on_change="rerun")
    for tab, (model, note, _) in zip(tabs, TABS, strict=True):
        if not tab.open:
            continue
        with tab:
            st.markdown(say(note))
            if model in view.tables:
                st.table(view.tables[model], hide_index=True)
            else:
                st.info(text["hrr_missing"], icon=":material/info:")
    st.download_button(
        "Download zones (CSV)",
        view.csv,
        file_name="heart-rate-zones.csv",
        mime="text/csv",
        icon=":material/download:",
    )

st.subheader(text["formulas_heading"])
ages = age_view(age, formula, measured)
charts.chart(ages.figure, alt=ages.alt, filename="max-heart-rate-formulas")
st.caption(text["formulas_caption"])
with st.expander("The numbers behind this chart", key="age_numbers", on_change="rerun") as numbers:
    if numbers.open:
        st.table(ages.numbers, hide_index=True)

st.markdown(content.render(content.page.body))
handout.render("heart-rate")
st.markdown("### Sources\n\n" + content.source_list(), unsafe_allow_html=True)
