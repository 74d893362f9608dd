"""Team talk: one key point per slide from content/deck.md, live calculator charts, and
next/previous by button or keyboard (arrow keys, or Page Up/Down from a presentation clicker).

The slide number is in the URL (`slide`), so a coach can open a link at any slide.
"""

from __future__ import annotations

import math
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from retroedu.content import deck, evidence
from retroedu.figures.energy import chart_data, cost_by_speed_alt, cost_by_speed_figure
from retroedu.figures.heart import Target, zone_bands_alt, zone_bands_figure
from retroedu.models import heart
from retroedu.models import units as u
from ui import charts, learn, links, sidebar

# Under a slide's words, a chart this tall leaves room for the buttons on a 1280x720 screen.
CHART_HEIGHT_PX = 320
STYLE = Path(__file__).parent.parent / "assets" / "deck.css"

content = evidence.learn_page("deck")
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


@st.cache_data(max_entries=16, show_spinner=False)
def energy_chart(system: str) -> tuple[go.Figure, str]:
    data = chart_data(person["weight_kg"], person["speed_kmh"], person["grade_pct"], system)
    # One panel: at projector size four rows of range labels do not fit under a slide's words.
    figure = cost_by_speed_figure(data, height_px=CHART_HEIGHT_PX, compact=True)
    # A short axis title is not clipped at 20 px type.
    figure.update_layout(yaxis_title_text="kcal/min")
    return figure, cost_by_speed_alt(data)


@st.cache_data(max_entries=4, show_spinner=False)
def zones_chart() -> tuple[go.Figure, str]:
    max_bpm = heart.max_hr(person["age_years"])
    spans = tuple(
        (str(row.zone), float(row.low_bpm), float(row.high_bpm))
        for row in heart.zones(max_bpm).itertuples(index=False)
    )
    low, high = heart.ARTICLE_TARGET_FRACTIONS
    target = Target(
        "Articles'<br>target",
        "75\u201385 %<br>of max",
        heart.percent_of_max(low, max_bpm),
        heart.percent_of_max(high, max_bpm),
    )
    columns = (("% of max HR", spans),)
    figure = zone_bands_figure(columns, target=target, height_px=CHART_HEIGHT_PX, one_line=True)
    return figure, zone_bands_alt(columns, target)


def draw_chart(name: str) -> None:
    system = sidebar.units()
    if name == "energy":
        figure, alt = energy_chart(system)
        caption = text["energy_caption"].format(
            weight=u.format_weight(person["weight_kg"], system),
            speed=u.format_speed(person["speed_kmh"], system),
        )
    else:
        figure, alt = zones_chart()
        caption = text["zones_caption"].format(
            age=f"{person['age_years']:g}", max=f"{heart.max_hr(person['age_years']):.0f}"
        )
    charts.chart(
        figure,
        alt=alt,
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
with st.sidebar:
    value = st.number_input(
        "Go to slide",
        # A decimal widget shown as a whole number: the link stays clean (?slide=3), and NaN or
        # inf sent by a client that bypasses the browser reaches the page (which falls back to
        # slide 1) instead of raising inside Streamlit 1.67's whole-number widget.
        min_value=1.0,
        max_value=float(len(slides)),
        step=1.0,
        format="%.0f",
        key="slide",
        bind="query-params",
    )
number = slide_number(value)
slide = slides[number - 1]

if arrived:
    links.notice_rejected(raw, {"slide": ("slide number", number)})

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
