"""Calorie cost: forward and backward walking and running side by side, with bands and valid ranges.

Shared links: `weight`, `speed`, `grade` and `minutes` live in the URL, and `weight`/`speed` are in
the units the sidebar's `units` parameter names (kg and km/h by default, lb and mph with
`units=imperial`). Switching units converts the values on screen, so the person does not change.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from retroedu.models import energy
from retroedu.models import units as u
from retroedu.models.energy import EN_DASH
from ui import charts, handout, links, sidebar
from ui.calories_view import calculate, content, fixed_words

#: Widget (min, max, default) in the reader's units; the URL carries values in these units.
BOUNDS: dict[str, dict[str, tuple[float, float, float]]] = {
    "metric": {"weight": (20.0, 300.0, 70.0), "speed": (1.0, 30.0, 6.0)},
    "imperial": {"weight": (44.0, 660.0, 154.0), "speed": (0.6, 18.6, 3.7)},
}
GRADE_BOUNDS = (-energy.GRADE_LIMIT_PCT, energy.GRADE_LIMIT_PCT)
MINUTES_BOUNDS = (1, 600)
CARDS_CSS = Path(__file__).parent.parent / "assets" / "calories.css"
# Session keys this page keeps for itself (not widgets, never in the URL).
UNITS_SEEN = "calories_units_seen"
PACE_PROBLEM = "calories_pace_problem"

words = content()
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
    converters = {
        "weight": (u.weight_to_kg, u.kg_to_weight, 1),
        "speed": (u.speed_to_kmh, u.kmh_to_speed, 2),
    }
    for key, (to_base, from_base, digits) in converters.items():
        value = st.session_state.get(key)
        if isinstance(value, int | float):
            low, high, _ = BOUNDS[system][key]
            converted = from_base(to_base(float(value), str(previous)), system)
            st.session_state[key] = round(min(max(converted, low), high), digits)


def pace_typed(system: str) -> None:
    """Turn a typed pace into the speed widget's value (a callback: runs before the rerun)."""
    low, high, _ = BOUNDS[system]["speed"]
    try:
        speed = u.kmh_to_speed(
            u.kmh_from_pace(u.parse_pace(st.session_state["pace"]), system), system
        )
    except ValueError as problem:
        st.session_state[PACE_PROBLEM] = str(problem)
        return
    if not low <= round(speed, 2) <= high:
        fastest, slowest = (u.format_pace(60.0 / value) for value in (high, low))
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
            f"band {session.low:.0f}{EN_DASH}{session.high:.0f} kcal"
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
weight_unit, speed_unit, pace_unit = (
    u.WEIGHT_UNIT[system],
    u.SPEED_UNIT[system],
    u.PACE_UNIT[system],
)
st.title(words.page.title)
st.markdown(words.page.summary)
raw = links.raw_params()
follow_units(system)
notices = st.container()

st.subheader(text["inputs_heading"])
fields = st.columns(5)
weight_low, weight_high, weight_default = BOUNDS[system]["weight"]
weight = fields[0].number_input(
    f"Body weight [{weight_unit}]",
    min_value=weight_low,
    max_value=weight_high,
    value=weight_default,
    step=1.0,
    format="%.1f",
    key="weight",
    bind="query-params",
    help=text["weight_help"],
)
speed_low, speed_high, speed_default = BOUNDS[system]["speed"]
speed = fields[1].number_input(
    f"Speed [{speed_unit}]",
    min_value=speed_low,
    max_value=speed_high,
    value=speed_default,
    step=0.1,
    format="%.2f",
    key="speed",
    bind="query-params",
    help=text["speed_help"],
)
weight_kg, speed_kmh = u.weight_to_kg(weight, system), u.speed_to_kmh(speed, system)
st.session_state["pace"] = u.format_pace(u.pace_from_kmh(speed_kmh, system))
fields[2].text_input(
    f"or pace [{pace_unit}]",
    key="pace",
    max_chars=8,
    on_change=pace_typed,
    args=(system,),
    help=text["pace_help"],
)
grade = fields[3].number_input(
    "Grade [%]",
    min_value=GRADE_BOUNDS[0],
    max_value=GRADE_BOUNDS[1],
    value=0.0,
    step=0.5,
    format="%.1f",
    key="grade",
    bind="query-params",
    help=text["grade_help"],
)
minutes = fields[4].number_input(
    "Duration [min]",
    # A decimal input: Streamlit 1.67 raises on NaN/inf arriving for a whole-number widget.
    min_value=float(MINUTES_BOUNDS[0]),
    max_value=float(MINUTES_BOUNDS[1]),
    value=30.0,
    step=5.0,
    format="%.0f",
    key="minutes",
    bind="query-params",
    help=text["minutes_help"],
)

with notices:
    links.notice_rejected(
        raw,
        {
            "weight": ("body weight", weight),
            "speed": ("speed", speed),
            "grade": ("grade", grade),
            "minutes": ("duration", minutes),
        },
    )
    problem = st.session_state.pop(PACE_PROBLEM, None)
    if problem:
        st.error(problem, icon=":material/error:")

try:
    result_set = calculate(weight_kg, speed_kmh, float(grade), float(minutes), system)
except ValueError as trouble:
    st.error(str(trouble), icon=":material/error:")
    st.stop()

st.subheader(text["results_heading"])
if u.kmh_to_m_s(speed_kmh) > energy.NOVICE_BACKWARD_M_S.value:
    limit = u.m_s_to_kmh(energy.NOVICE_BACKWARD_M_S.value)
    st.warning(
        say("novice_warning", limit=f"{u.format_speed(limit, system)} (1.6 m/s)"),
        icon=":material/warning:",
    )
estimates, run_minutes, walk_minutes = (
    result_set.estimates,
    result_set.run_minutes,
    result_set.walk_minutes,
)
# Four cards in two pairs that wrap (assets/calories.css): one row on a wide screen, two rows when
# narrow or zoomed, one column on a phone, rather than cutting the kcal values short.
st.html(CARDS_CSS)
with st.container(horizontal=True, key="mode_cards"):
    for pair in range(2):
        with st.container(horizontal=True, key=f"mode_pair_{pair}"):
            for result in estimates[2 * pair : 2 * pair + 2]:
                card(result, float(minutes))

st.info(
    say(
        "equivalence",
        minutes=f"{minutes:g}",
        speed=u.format_speed(speed_kmh, system),
        run=f"{run_minutes.central:.0f}",
        run_low=f"{run_minutes.low:.0f}",
        run_high=f"{run_minutes.high:.0f}",
        walk=f"{walk_minutes.central:.0f}",
        walk_low=f"{walk_minutes.low:.0f}",
        walk_high=f"{walk_minutes.high:.0f}",
    ),
    icon=":material/swap_horiz:",
)
flagged = [result for result in estimates if result.extrapolated]
if flagged:
    reasons = " ".join(f"{r.mode.label}: {r.reason(system)}." for r in flagged)
    st.caption(say("extrapolated_note", reasons=reasons))
cautions = {result.caution for result in estimates if result.caution}
for caution in sorted(cautions):
    st.caption(f"Note: {caution}.")
st.markdown(say("band_note"))
st.markdown(say("gross_net_note"))

st.subheader(text["chart_heading"])
charts.chart(result_set.figure, alt=result_set.alt, filename="calorie-cost-by-speed")
st.caption(text["chart_caption"])

st.subheader(text["table_heading"])
st.table(result_set.table, hide_index=True)
st.caption(say("table_caption"))
st.download_button(
    "Download the comparison (CSV)",
    result_set.csv,
    file_name="calorie-cost-comparison.csv",
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
)

st.subheader(text["myths_heading"])
st.markdown(text["myths_intro"])
fixed = fixed_words(system)
myths = fixed.myths
for column, (title, badge, body) in zip(st.columns(len(myths)), myths, strict=True):
    with column.container(border=True):
        st.markdown(f"**{title}**")
        if badge:
            st.badge(badge, icon=":material/gavel:", color="gray")
        st.markdown(body)

with st.expander(text["model_heading"], icon=":material/functions:"):
    st.markdown("\n\n".join(fixed.model))

handout.render("calories")
st.subheader("Sources")
# HTML only for the empty anchors the citation markers jump to.
st.markdown(fixed.sources, unsafe_allow_html=True)
