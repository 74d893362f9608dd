"""Team talk: one key point per slide from content/deck.md, live calculator charts, and
next/previous by button or keyboard (arrow keys, or Page Up/Down from a presentation clicker).

The slide number is in the URL (`slide`), so a coach can open a link at any slide.
"""

from __future__ import annotations

import math
from pathlib import Path

import streamlit as st

from retroedu.calculators.calories import CaloriesInputs
from retroedu.calculators.heart import HeartInputs
from retroedu.content import deck, evidence
from retroedu.models import units as u
from ui import cache, charts, learn, links, sidebar, widgets

# Under a slide's words, a chart this tall leaves room for the buttons on a 1280x720 screen.
CHART_HEIGHT_PX = 320
STYLE = Path(__file__).parent.parent / "assets" / "deck.css"

content = cache.page("deck")
slides = deck.slides(content.page)
person = deck.example(content.page)


def slide_number(value: float) -> int:
    """The slide a widget value points to, rounded as the widget shows it ("%.0f": 2.5 -> 3),
    and 1 for anything that is not a number."""
    return min(len(slides), max(1, math.floor(value + 0.5))) if math.isfinite(value) else 1


def step(change: int) -> None:
    """Move `change` slides on (a button callback: runs before the rerun that shows the slide)."""
    current = slide_number(st.session_state.get("slide", 1.0))
    # A whole number, so the address shows ?slide=3 rather than ?slide=3.0.
    st.session_state["slide"] = min(len(slides), max(1, current + change))


def set_present(on: bool) -> None:
    st.session_state["present"] = on


def draw_chart(name: str) -> None:
    system = sidebar.units()
    if name == "energy":
        calorie_inputs = CaloriesInputs(
            weight=person["weight_kg"], speed=person["speed_kmh"], grade_pct=person["grade_pct"]
        ).in_units(system)
        chart = cache.calories_chart(calorie_inputs, height_px=CHART_HEIGHT_PX, compact=True)
        caption = text["energy_caption"].format(
            weight=u.format_weight(person["weight_kg"], system),
            speed=u.format_speed(person["speed_kmh"], system),
        )
    else:
        heart_inputs = HeartInputs(age_years=person["age_years"])
        chart = cache.heart_zones_chart(
            heart_inputs, ("hrmax5",), height_px=CHART_HEIGHT_PX, one_line=True
        )
        caption = text["zones_caption"].format(
            age=f"{person['age_years']:g}", max=f"{cache.heart(heart_inputs).max_bpm:.0f}"
        )
    charts.chart(
        chart.figure,
        alt=chart.alt,
        filename=f"team-talk-{name}",
        projector_height_px=CHART_HEIGHT_PX,
    )
    st.caption(caption)


def slide_sources(slide: deck.Slide) -> None:
    """The slide's sources, folded away so a slide fits the screen (and Page Down, which also
    scrolls, has nothing to scroll)."""
    keys = evidence.cited_keys(f"{slide.point} {slide.detail}")
    if keys:
        with st.expander(f"Sources for this slide \u00b7 {content.page.title}"):
            lines = [
                f'{content.numbers[key]}. <a id="src-{key}"></a>{content.refs[key].markdown()}'
                for key in keys
            ]
            st.markdown("  \n".join(lines), unsafe_allow_html=True)


text = content.page.meta
# Only a link that has just arrived can carry a bad slide number; after a button press the
# address still shows the previous slide while the new one is drawn, which is not a bad link.
arrived = "slide" not in st.session_state
raw = links.raw_params()
value = widgets.number("slide", where=st.sidebar, high=len(slides))
# NaN or inf sent by a client that bypasses the browser falls back to slide 1.
number = slide_number(1.0 if value is None else value)
slide = slides[number - 1]

if arrived:
    links.notice_rejected(raw, {"slide": number})

st.html(STYLE)
with st.container(key="deck_slide"):
    st.title(content.render(slide.point))
    words, more = st.columns([3, 1], vertical_alignment="bottom")
    if slide.detail:
        words.markdown(content.render(slide.detail))
    if slide.learn:
        with more:
            learn.page_link(slide.learn)
    if slide.chart:
        draw_chart(slide.chart)

nav = st.columns([1, 2, 1], vertical_alignment="center")
nav[0].button(
    "Previous",
    icon=":material/arrow_back:",
    on_click=step,
    args=(-1,),
    disabled=number <= 1,
    shortcut="Left",
    key="deck_previous",
    width="stretch",
)
with nav[1].container(horizontal=True, horizontal_alignment="center", vertical_alignment="center"):
    st.markdown(f"**{number} / {len(slides)}**", width="content")
    if sidebar.present():
        st.button("Exit presentation", on_click=set_present, args=(False,), key="deck_exit")
    else:
        st.button(
            "Present",
            icon=":material/slideshow:",
            on_click=set_present,
            args=(True,),
            type="primary",
            help="Large type for a projector; the sidebar folds away.",
            key="deck_present",
        )
nav[2].button(
    "Next",
    icon=":material/arrow_forward:",
    on_click=step,
    args=(1,),
    disabled=number >= len(slides),
    shortcut="Right",
    key="deck_next",
    width="stretch",
)
# Presentation clickers send Page Up / Page Down. A button takes one shortcut, so these two
# carry the second keys; they are hidden because the buttons above already show the action.
with st.container(key="deck_clicker_keys"):
    st.button("Previous slide", on_click=step, args=(-1,), shortcut="PageUp", key="deck_pageup")
    st.button("Next slide", on_click=step, args=(1,), shortcut="PageDown", key="deck_pagedown")
slide_sources(slide)
