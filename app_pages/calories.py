"""Calorie cost: forward and backward walking and running side by side, with bands and valid ranges.

Shared links: `weight`, `speed`, `grade` and `minutes` live in the URL, and `weight`/`speed` are in
the units the sidebar's `units` parameter names (kg and km/h by default, lb and mph with
`units=imperial`). Switching units converts the values on screen, so the person does not change.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from retroedu.calculators.calories import CaloriesInputs
from retroedu.exports import tables
from retroedu.links import fields
from retroedu.models import energy
from retroedu.models import units as u
from ui import cache, charts, handout, links, sidebar, widgets

CARDS_CSS = Path(__file__).parent.parent / "assets" / "calories.css"
# Session keys this page keeps for itself (not widgets, never in the URL).
UNITS_SEEN = "calories_units_seen"
PACE_PROBLEM = "calories_pace_problem"

words = cache.page("calories")
text = words.page.meta


def say(key: str, **values: object) -> str:
    """A front-matter text with its numbers filled in and its citations rendered."""
    return words.render(str(text[key]).format(**values) if values else str(text[key]))


def follow_units(system: str) -> None:
    """Keep weight and speed describing the same person when the sidebar units change.

    Runs before the widgets are drawn, which is when Streamlit lets a page set their values.
    """
    previous = st.session_state.get(UNITS_SEEN)
    st.session_state[UNITS_SEEN] = system
    if previous not in u.UNIT_SYSTEMS or previous == system:
        return
    before = CaloriesInputs(
        **{
            name: st.session_state[key]
            for name, key in CaloriesInputs.KEYS.items()
            if isinstance(st.session_state.get(key), int | float)
        },
        units=previous,
    )
    after = before.in_units(system)
    for key, value in (("weight", after.weight), ("speed", after.speed)):
        if key in st.session_state:
            limits = fields.number(key).limits(system)
            st.session_state[key] = min(max(value, limits.low), limits.high)


def pace_typed(system: str) -> None:
    """Turn a typed pace into the speed widget's value (a callback: runs before the rerun)."""
    limits = fields.number("speed").limits(system)
    try:
        speed = u.kmh_to_speed(
            u.kmh_from_pace(u.parse_pace(st.session_state["pace"]), system), system
        )
    except ValueError as problem:
        st.session_state[PACE_PROBLEM] = str(problem)
        return
    if not limits.low <= round(speed, 2) <= limits.high:
        fastest, slowest = (u.format_pace(60.0 / value) for value in (limits.high, limits.low))
        st.session_state[PACE_PROBLEM] = (
            f"That pace is outside what this calculator takes: enter a pace between {fastest} "
            f"and {slowest} {u.PACE_UNIT[system]}."
        )
        return
    st.session_state["speed"] = round(speed, 2)


def card(result: energy.CostEstimate, minutes: float) -> None:
    """One mode: session kcal with its band, kcal/min, net and METs, and the data check."""
    rate, session = result.gross_kcal_per_min, result.session_kcal(minutes)
    with st.container(border=True, height="stretch", key=f"card_{result.mode.key}"):
        st.metric(f"{result.mode.label}, {minutes:g} min", f"{session.central:.0f} kcal")
        band = (
            f"band {tables.range_text(session.low, session.high)} kcal"
            if result.mode.factor is not None
            else "forward: no band"
        )
        st.markdown(f"**{rate.central:.1f} kcal/min**  \n{band}")
        st.caption(f"Net {result.net_kcal_per_min.central:.1f} kcal/min · {result.mets:.1f} MET")
        if result.extrapolated:
            st.badge("Extrapolated", icon=":material/warning:", color="orange")
        else:
            st.badge("Within the data", icon=":material/check:", color="green")


system = sidebar.units()
st.title(words.page.title)
st.markdown(words.page.summary)
raw = links.raw_params()
follow_units(system)
notices = st.container()

st.subheader(text["inputs_heading"])
columns = st.columns(5)
weight = widgets.number("weight", system, where=columns[0], help=text["weight_help"])
speed = widgets.number("speed", system, where=columns[1], help=text["speed_help"])
speed_kmh = u.speed_to_kmh(speed or 0.0, system)
st.session_state["pace"] = u.format_pace(u.pace_from_kmh(speed_kmh, system))
columns[2].text_input(
    f"or pace [{u.PACE_UNIT[system]}]",
    key="pace",
    max_chars=8,
    on_change=pace_typed,
    args=(system,),
    help=text["pace_help"],
)
grade = widgets.number("grade", where=columns[3], help=text["grade_help"])
minutes = widgets.number("minutes", where=columns[4], help=text["minutes_help"])
settings = {"weight": weight, "speed": speed, "grade": grade, "minutes": minutes}

with notices:
    links.notice_rejected(raw, settings, system)
    problem = st.session_state.pop(PACE_PROBLEM, None)
    if problem:
        st.error(problem, icon=":material/error:")

inputs = CaloriesInputs.from_values(settings, system)
try:
    view = cache.calories(inputs)
except ValueError as trouble:
    st.error(str(trouble), icon=":material/error:")
    st.stop()

st.subheader(text["results_heading"])
if view.fast_for_novices:
    limit = u.m_s_to_kmh(energy.NOVICE_BACKWARD_M_S.value)
    st.warning(
        say("novice_warning", limit=f"{u.format_speed(limit, system)} (1.6 m/s)"),
        icon=":material/warning:",
    )
# Four cards in two pairs that wrap (assets/calories.css): one row on a wide screen, two rows when
# narrow or zoomed, one column on a phone, rather than cutting the kcal values short.
st.html(CARDS_CSS)
with st.container(horizontal=True, key="mode_cards"):
    for pair in range(2):
        with st.container(horizontal=True, key=f"mode_pair_{pair}"):
            for result in view.estimates[2 * pair : 2 * pair + 2]:
                card(result, inputs.minutes)

run, walk = view.run_minutes, view.walk_minutes
st.info(
    say(
        "equivalence",
        minutes=f"{inputs.minutes:g}",
        speed=u.format_speed(inputs.speed_kmh, system),
        run=f"{run.central:.0f}",
        run_low=f"{run.low:.0f}",
        run_high=f"{run.high:.0f}",
        walk=f"{walk.central:.0f}",
        walk_low=f"{walk.low:.0f}",
        walk_high=f"{walk.high:.0f}",
    ),
    icon=":material/swap_horiz:",
)
flagged = [result for result in view.estimates if result.extrapolated]
if flagged:
    reasons = " ".join(f"{r.mode.label}: {view.notes[r.mode.key]}." for r in flagged)
    st.caption(say("extrapolated_note", reasons=reasons))
for caution in sorted({view.notes[r.mode.key] for r in view.estimates if r.jogging}):
    st.caption(f"Note: {caution}.")
st.markdown(say("band_note"))
st.markdown(say("gross_net_note"))

st.subheader(text["chart_heading"])
cost_chart = cache.calories_chart(inputs)
charts.chart(cost_chart.figure, alt=cost_chart.alt, filename="calorie-cost-by-speed")
measured = next(point for point in energy.REFERENCE_POINTS if point.kind == "Measured")
st.caption(say("chart_caption", measured=u.format_speed(measured.speed_kmh, system, digits=1)))

st.subheader(text["table_heading"])
st.table(tables.comparison_shown(view), hide_index=True)
st.caption(say("table_caption"))
widgets.download_csv(
    "Download the comparison (CSV)", tables.comparison_csv(view), "calorie-cost-comparison.csv"
)

st.subheader(text["myths_heading"])
st.markdown(text["myths_intro"])
fixed = cache.calories_words(system)
for column, (title, badge, body) in zip(st.columns(len(fixed.myths)), fixed.myths, strict=True):
    with column.container(border=True):
        st.markdown(f"**{title}**")
        if badge:
            st.badge(badge, icon=":material/gavel:", color="gray")
        st.markdown(body)

with st.expander(text["model_heading"], icon=":material/functions:"):
    st.markdown("\n\n".join(fixed.model))

handout.render("calories", inputs)
st.subheader("Sources")
# HTML only for the empty anchors the citation markers jump to.
st.markdown(fixed.sources, unsafe_allow_html=True)
