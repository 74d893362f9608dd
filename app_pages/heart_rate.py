"""Heart-rate zones, answer first: the recommended zones as a colour bar and a table beside the
inputs, the other methods one click away, then every formula across ages and the background.

Everything shown comes from one `HeartView`. The calculator is a fragment: changing an input
reruns it alone, not the page's fixed words and sources (rendered once per process)."""

from __future__ import annotations

import streamlit as st

from retroedu.calculators.heart import HeartInputs, HeartView
from retroedu.exports import tables
from retroedu.figures import heart as heart_figures
from retroedu.models import heart
from ui import cache, calculator, charts, i18n, learn, links, sidebar, widgets
from ui.i18n import N_, _

LANG = i18n.code()
lang = i18n.language()
number = lang.number
content = cache.page("heart_rate", LANG)
text = content.page.meta
NOTES = {"hrmax5": "hrmax_note", "hrr5": "hrr_note", "acsm": "acsm_note"}
TAB_LABELS = {
    "hrmax5": N_("% of max HR"),
    "hrr5": N_("% of heart-rate reserve"),
    "acsm": N_("ACSM classes"),
}


def say(key: str, **values: object) -> str:
    """A front-matter text with its numbers filled in and its citations rendered."""
    return content.render(str(text[key]).format(**values) if values else str(text[key]))


def read_inputs() -> dict[str, object]:
    """The settings, from widgets built from the field registry (compact: see calculator.css)."""
    age = widgets.number("age")
    sex = widgets.choice("sex", horizontal=True, help=text["sex_help"])
    offered = [key for key, f in heart.FORMULAS.items() if not f.women_only or sex == "female"]
    formula = widgets.choice("formula", offered, kind="selectbox", help=text["formula_help"])
    resting = widgets.number(
        "resting_hr", help=text["resting_help"] + "\n\n" + text["measure_resting"]
    )
    measured = widgets.number("max_hr", help=text["max_help"])
    return {"age": age, "sex": sex, "formula": formula, "resting_hr": resting, "max_hr": measured}


def error_note(view: HeartView) -> str:
    """How far the formula's estimate may be off: its error and the reader's 95 % band."""
    low95, high95 = view.band_bpm
    return say(
        "error_note",
        formula=view.formula.name,
        error=number(view.formula.error_bpm),
        low=number(low95, 0),
        high=number(high95, 0),
        detail=_(view.formula.error_note),
    )


def headline(view: HeartView) -> None:
    """Max heart rate, how far off it may be, and the reserve: the numbers the zones rest on."""
    chosen = view.formula
    # One horizontal row (one block, not a column block per number).
    row = st.container(horizontal=True, key="heart_headline")
    row.metric(
        _("Max heart rate [bpm]"),
        number(view.max_bpm, 0),
        help=_("Measured by you.")
        if view.measured
        else f"{chosen.name}: {chosen.equation_in(lang)}",
    )
    low95, high95 = view.band_bpm
    if view.measured:
        row.metric(
            _("{formula} estimate [bpm]").format(formula=chosen.name),
            number(view.estimate_bpm, 0),
        )
    else:
        row.metric(
            _("95 % range [bpm]"),
            tables.range_text(low95, high95, lang=lang),
            help=f"{chosen.name} \u00b1 2 \u00d7 {number(chosen.error_bpm)} "
            + _("bpm")
            + ". "
            + error_note(view),
        )
    if view.reserve_bpm is not None:
        row.metric(_("Heart-rate reserve [bpm]"), number(view.reserve_bpm, 0))


def cautions(view: HeartView, presenting: bool) -> None:
    """Unusual inputs in one line; what each means on request (presenting: the line alone)."""
    if not view.cautions:
        return
    low_age, high_age = view.formula.studied_ages
    values = {"formula": view.formula.name, "low": number(low_age), "high": number(high_age)}
    lines = [str(text["caution_lines"][caution]).format(**values) for caution in view.cautions]
    if presenting:
        st.caption(f":material/warning: **{text['caution_summary']}** " + "; ".join(lines) + ".")
        return
    with st.container(
        horizontal=True, vertical_alignment="center", wrap=False, key="heart_cautions"
    ):
        st.warning(
            f"**{text['caution_summary']}** " + "; ".join(lines) + ".",
            icon=":material/warning:",
            width="stretch",
        )
        with st.popover(text["caution_details"], icon=":material/info:"):
            for caution in view.cautions:
                st.markdown(content.render(str(text["cautions"][caution]).format(**values)))


def answer(inputs: HeartInputs, view: HeartView, presenting: bool) -> None:
    """The answer: the recommended zones as a colour bar, with their table."""
    method = _(heart_figures.METHOD_NAMES[view.method])
    st.markdown(f"#### {str(text['hero_heading']).format(method=method)}")
    # Drawn before the numbers above it are filled in: the chart is what a change updates first.
    bar = cache.heart_zone_bar(inputs, 140, LANG)
    charts.chart(
        bar.figure,
        alt=bar.alt,
        filename="heart-rate-zones",
        key="zone_bar",
        projector_height_px=260,
        stretch=True,
    )
    if presenting:
        return
    st.table(cache.heart_table(inputs, view.method, purpose=False, lang=LANG), hide_index=True)
    st.caption(content.render(str(text["recommended_note"][view.method])))


def compare(inputs: HeartInputs, view: HeartView) -> None:
    """The other methods, side by side with the recommended one, folded away."""
    others = view.others()
    with st.expander(
        _("Compare methods"),
        icon=":material/compare_arrows:",
        key="compare_methods",
        on_change="rerun",
    ) as box:
        if not box.open:
            return
        st.markdown(text["compare_intro"])
        if not others or view.inputs.resting_hr_bpm is None:
            st.info(text["hrr_missing"], icon=":material/info:")
        low, high = view.target_bpm
        st.markdown(
            f"**{text['chart_heading']}.** "
            + say(
                "target_note",
                max=number(view.max_bpm, 0),
                low=number(low, 0),
                high=number(high, 0),
            )
        )
        zones_chart = cache.heart_zones_chart(inputs, lang=LANG)
        charts.chart(zones_chart.figure, alt=zones_chart.alt, filename="heart-rate-zones-compared")
        for method in (view.method, *others):
            st.markdown(f"**{_(TAB_LABELS[method])}.** " + say(NOTES[method]))
            st.table(cache.heart_table(inputs, method, purpose=True, lang=LANG), hide_index=True)


def formulas(inputs: HeartInputs, view: HeartView) -> None:
    """Every formula across ages, with the reader's estimate and its 95 % band, on request."""
    with calculator.on_request(
        text["formulas_heading"], "formulas_open", ":material/show_chart:"
    ) as shown:
        if shown:
            formulas_chart(inputs, view)


def formulas_chart(inputs: HeartInputs, view: HeartView) -> None:
    chosen = view.formula
    if view.measured:
        st.caption(say("measured_note", formula=chosen.name, estimate=number(view.estimate_bpm, 0)))
    else:
        st.markdown(error_note(view))
    shown = cache.heart_formulas_chart(inputs, LANG)
    charts.chart(shown.figure, alt=shown.alt, filename="max-heart-rate-formulas")
    st.caption(text["formulas_caption"])
    with st.expander(
        _("The numbers behind this chart"), key="age_numbers", on_change="rerun"
    ) as box:
        if box.open:
            st.table(tables.formulas_shown(view, lang), hide_index=True)


@st.fragment
def heart_calculator() -> None:
    """Inputs and everything that depends on them; a change reruns this and nothing else."""
    presenting = sidebar.present()
    raw = links.raw_params()
    notices = st.container()
    inputs_column, results = calculator.columns(presenting)
    with inputs_column:
        settings = read_inputs()
    with notices:
        links.notice_rejected(raw, settings)
    inputs = HeartInputs.from_values(settings)
    view = cache.heart(inputs)
    with results:
        if view.problem:
            st.error(view.problem_in(lang), icon=":material/error:")
            return
        top = st.container()
        answer(inputs, view, presenting)
        with top:
            headline(view)
            cautions(view, presenting)
        if presenting:
            return
        st.info(say("backward"), icon=":material/u_turn_left:")
        widgets.download_csv(
            _("Download zones (CSV)"), lambda: tables.zones_csv(view, lang), "heart-rate-zones.csv"
        )
    compare(inputs, view)
    formulas(inputs, view)
    calculator.handout_section("heart-rate", inputs)


calculator.style()
st.title(content.page.title)
words = cache.words("heart_rate", LANG)
if not sidebar.present():
    st.markdown(words.summary)
heart_calculator()
if not sidebar.present():
    for _kind, chunk in words.chunks:
        st.markdown(chunk)
    learn.next_link("heart-rate")
    st.markdown("### " + _("Sources") + "\n\n" + words.sources, unsafe_allow_html=True)
