"""Calorie cost, plain: the modes that make sense at the reader's speed (all four on request),
each with its likely range and the speeds its data cover, then the chart, the table and the model.

Shared links: `weight`, `speed`, `grade` and `minutes` live in the URL, and `weight`/`speed` are in
the units the sidebar's `units` parameter names (kg and km/h by default, lb and mph with
`units=imperial`). Switching units converts the values on screen, so the person does not change.
The calculator is a fragment: a changed input reruns it alone, not the page's fixed words.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from retroedu.calculators.calories import CaloriesInputs, CaloriesView
from retroedu.exports import tables
from retroedu.links import fields
from retroedu.models import energy
from retroedu.models import units as u
from ui import cache, calculator, charts, i18n, learn, links, sidebar, widgets
from ui.i18n import _

CARDS_CSS = Path(__file__).parent.parent / "assets" / "calories.css"
# Session keys this page keeps for itself (not widgets, never in the URL).
UNITS_SEEN = "calories_units_seen"
PACE_PROBLEM = "calories_pace_problem"

LANG = i18n.code()
lang = i18n.language()
number = lang.number
words = cache.page("calories", LANG)
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
        st.session_state[PACE_PROBLEM] = i18n.sayable(problem)
        return
    if not limits.low <= round(speed, 2) <= limits.high:
        fastest, slowest = (u.format_pace(60.0 / value) for value in (limits.high, limits.low))
        st.session_state[PACE_PROBLEM] = _(
            "That pace is outside what this calculator takes: enter a pace between {fastest} "
            "and {slowest} {unit}."
        ).format(fastest=fastest, slowest=slowest, unit=_(u.PACE_UNIT[system]))
        return
    st.session_state["speed"] = round(speed, 2)


def card(result: energy.CostEstimate, minutes: float) -> None:
    """One mode: the session's kcal; then kcal/min with its likely range, above rest and METs,
    and whether the speed lies inside the measured data."""
    rate, session = result.gross_kcal_per_min, result.session_kcal(minutes)
    with st.container(border=True, height="stretch", key=f"card_{result.mode.key}"):
        st.metric(
            f"{_(result.mode.label)}, {number(minutes)} min", f"{number(session.central, 0)} kcal"
        )
        line = f"**{number(rate.central, 1)} kcal/min**"
        if result.mode.factor is not None:
            likely = tables.range_text(session.low, session.high, lang=lang)
            line += "  \n" + _("likely range {range} kcal").format(range=likely)
        above_rest = _("{rate} kcal/min above rest").format(
            rate=number(result.net_kcal_per_min.central, 1)
        )
        # One Markdown element for the card's fine print and its badge: a card is redrawn on
        # every change, and each element is a message to the browser.
        badge = (
            ":orange-badge[:material/warning: " + _("Outside the measured range") + "]"
            if result.extrapolated
            else ":green-badge[:material/check: " + _("Within the measured data") + "]"
        )
        st.markdown(f"{line}  \n:gray[{above_rest} · {number(result.mets, 1)} MET]\n\n{badge}")


def read_inputs(system: str) -> dict[str, float | None]:
    """The settings, from widgets built from the field registry; a typed pace sets the speed."""
    weight = widgets.number("weight", system, help=text["weight_help"])
    speed = widgets.number("speed", system, help=text["speed_help"])
    speed_kmh = u.speed_to_kmh(speed or 0.0, system)
    st.session_state["pace"] = u.format_pace(u.pace_from_kmh(speed_kmh, system))
    st.text_input(
        _("or pace [{unit}]").format(unit=_(u.PACE_UNIT[system])),
        key="pace",
        max_chars=8,
        on_change=pace_typed,
        args=(system,),
        help=text["pace_help"],
    )
    grade = widgets.number("grade", help=text["grade_help"])
    minutes = widgets.number("minutes", help=text["minutes_help"])
    return {"weight": weight, "speed": speed, "grade": grade, "minutes": minutes}


def notes(view: CaloriesView, shown: tuple[energy.CostEstimate, ...], system: str) -> None:
    """One line per point a reader needs beside the cards: which modes and why, the equivalent
    forward minutes, what gross and the likely range mean, and any mode outside its data."""
    inputs = view.inputs
    speed = u.format_speed(inputs.speed_kmh, system, lang=lang)
    gaits = {e.mode.gait for e in shown}
    for gait in energy.GAITS:
        if gait in gaits:
            spread = view.minutes(gait)
            line = str(text["equivalence"][gait]).format(
                minutes=number(inputs.minutes),
                speed=speed,
                central=number(spread.central, 0),
                low=number(spread.low, 0),
                high=number(spread.high, 0),
            )
            st.markdown(words.render(line))
    st.caption(say("gross_net_line") + "  \n" + say("likely_range_line"))
    flagged = [result for result in shown if result.extrapolated]
    if flagged:
        reasons = " ".join(f"{_(r.mode.label)}: {view.notes[r.mode.key]}." for r in flagged)
        st.caption(say("extrapolated_note", reasons=reasons))
    for caution in sorted({view.notes[r.mode.key] for r in shown if r.jogging}):
        st.caption(_("Note: {caution}.").format(caution=caution))


def answer(view: CaloriesView, every: bool, system: str, presenting: bool) -> None:
    """The cards for the modes shown (the answer), their notes, and the cost-by-speed chart."""
    inputs = view.inputs
    shown = view.shown(every)
    if not presenting:
        st.subheader(text["results_heading"])
        if not every:
            kind = "both" if len(view.gaits) == 2 else view.gaits[0]
            speed = u.format_speed(inputs.speed_kmh, system, lang=lang)
            st.caption(str(text["gaits_note"][kind]).format(speed=speed))
    if view.fast_for_novices:
        limit = u.m_s_to_kmh(energy.NOVICE_BACKWARD_M_S.value)
        walk_run = number(energy.NOVICE_BACKWARD_M_S.value, 1)
        words = {"limit": f"{u.format_speed(limit, system, lang=lang)} ({walk_run} m/s)"}
        if presenting:  # one line, so the chart stays on the projector's screen
            st.caption(":material/warning: " + say("novice_line", **words))
        else:
            st.warning(say("novice_warning", **words), icon=":material/warning:")
    # The cards and their notes sit above the chart but are filled after it: the chart is what a
    # changed input should update first.
    above = st.container()
    cost_chart = cache.calories_chart(inputs, 420 if presenting else 600, presenting, every, LANG)
    charts.chart(
        cost_chart.figure,
        alt=cost_chart.alt,
        filename="calorie-cost-by-speed",
        key="cost_chart",
        projector_height_px=360,
        stretch=True,
    )
    with above:
        if presenting:
            # One row of numbers, however many modes (calculator_present.css sizes them); the
            # session's length is in the inputs beside them.
            with st.container(horizontal=True, wrap=False, key="mode_totals"):
                for result in shown:
                    session = result.session_kcal(inputs.minutes)
                    st.metric(_(result.mode.label), f"{number(session.central, 0)} kcal")
            return
        # Cards in pairs that wrap (assets/calories.css): one row on a wide screen, two rows
        # when narrow or zoomed, one column on a phone, rather than cutting the kcal values short.
        with st.container(horizontal=True, key="mode_cards"):
            for pair in range(0, len(shown), 2):
                with st.container(horizontal=True, key=f"mode_pair_{pair // 2}"):
                    for result in shown[pair : pair + 2]:
                        card(result, inputs.minutes)
        notes(view, shown, system)
    if not presenting:
        measured = next(point for point in energy.REFERENCE_POINTS if point.kind == "Measured")
        st.caption(
            say(
                "chart_caption",
                measured=u.format_speed(measured.speed_kmh, system, digits=1, lang=lang),
            )
        )


@st.fragment
def calories_calculator() -> None:
    """Inputs and everything that depends on them; a change reruns this and nothing else."""
    system, presenting = sidebar.units(), sidebar.present()
    raw = links.raw_params()
    follow_units(system)
    notices = st.container()
    inputs_box, results = calculator.columns(presenting)
    with inputs_box:
        settings = read_inputs(system)
        every = st.toggle(text["show_all_label"], key="all_modes", help=text["show_all_help"])
    with notices:
        links.notice_rejected(raw, settings, system)
        problem = st.session_state.pop(PACE_PROBLEM, None)
        if problem:
            st.error(problem, icon=":material/error:")
    inputs = CaloriesInputs.from_values(settings, system)
    try:
        view = cache.calories(inputs, LANG)
    except ValueError as trouble:
        st.error(i18n.sayable(trouble), icon=":material/error:")
        return
    with results:
        answer(view, every, system, presenting)
    if presenting:
        return
    with calculator.on_request(text["table_heading"], "table_open", ":material/table:") as shown:
        if shown:
            st.table(tables.comparison_shown(view, every), hide_index=True)
            st.caption(say("table_caption"))
    widgets.download_csv(
        _("Download the comparison (CSV)"),
        lambda: tables.comparison_csv(view),
        "calorie-cost-comparison.csv",
    )
    calculator.handout_section("calories", inputs)


def fixed_sections(system: str) -> None:
    """What does not depend on the inputs, rendered once per process: myths, model, sources."""
    fixed = cache.calories_words(system, LANG)
    st.subheader(text["myths_heading"])
    st.markdown(text["myths_intro"])
    # Two cards a row: four in a row cut their verdict badges short on a laptop.
    for first in range(0, len(fixed.myths), 2):
        row = fixed.myths[first : first + 2]
        for column, (title, badge, body) in zip(st.columns(2), row, strict=False):
            with column.container(border=True):
                st.markdown(f"**{title}**")
                if badge:
                    st.badge(badge, icon=":material/gavel:", color="gray")
                st.markdown(body)
    with calculator.on_request(
        text["model_heading"], "model_open", ":material/functions:"
    ) as shown:
        if shown:
            st.markdown(f"## {text['meaning_heading']}\n\n" + "\n\n".join(fixed.meaning))
            learn.markdown_with_tables("model", fixed.model)
    learn.next_link("calories")
    st.subheader(_("Sources"))
    # HTML only for the empty anchors the citation markers jump to.
    st.markdown(fixed.sources, unsafe_allow_html=True)


calculator.style()
st.html(CARDS_CSS)
st.title(words.page.title)
if not sidebar.present():
    st.markdown(cache.words("calories", LANG).summary)
calories_calculator()
if not sidebar.present():
    fixed_sections(sidebar.units())
