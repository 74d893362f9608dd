"""The reference app with parts of RetroEdu's page frame switched on, to split figure 1's ratio
into what the frame costs and what the page's own answer costs (`frame_cost.py` serves it).

`RETROEDU_FRAME` names the parts, comma-separated; with none this is the reference app:

- `fragment`: the input and the chart in an `st.fragment`, as the calculators are;
- `inputs`: four more inputs (a radio, a selectbox, two empty number inputs) in a bordered box
  beside the chart, the calculators' two-column layout;
- `bind`: every input bound to the address (`bind="query-params"`), as RetroEdu's are;
- `navigation`: `st.navigation` with `RETROEDU_FRAME_PAGES` pages and `RETROEDU_FRAME_ALIASES`
  hidden alias pages (frame_cost.py passes the registry's counts);
- `sidebar`: the shared sidebar's controls (a radio, a toggle, a selectbox, a caption);
- `answer`: what follows a calculator's chart (a table, two numbers, a note, an info box, a
  download button, two folded sections), redrawn with the chart;
- `text`: six paragraphs of fixed text around the calculator, outside the fragment.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

PARTS = {part for part in os.environ.get("RETROEDU_FRAME", "").split(",") if part}
BIND = {"bind": "query-params"} if "bind" in PARTS else {}


def calculator() -> None:
    if "inputs" in PARTS:
        left, right = st.columns((1.0, 2.2), gap="medium")
        box = left.container(border=True)
    else:
        box = right = st.container()
    with box:
        value = st.number_input(
            "Value", min_value=1, max_value=100, value=40, step=1, key="value", **BIND
        )
        if "inputs" in PARTS:
            st.radio("Sex", ["female", "male"], horizontal=True, key="sex", **BIND)
            st.selectbox("Formula", ["Tanaka", "Fox", "Gellish"], key="formula", **BIND)
            st.number_input("Resting", min_value=30, max_value=120, value=None, key="rest", **BIND)
            st.number_input("Maximum", min_value=100, max_value=230, value=None, key="top", **BIND)
    with right:
        minutes = list(range(61))
        fig = go.Figure(go.Scatter(x=minutes, y=[value + (m % 10) for m in minutes], mode="lines"))
        fig.update_layout(title="Reference chart", xaxis_title="Minutes", yaxis_title="Value")
        st.plotly_chart(fig)
        if "answer" in PARTS:
            answer(value)


def answer(value: int) -> None:
    st.table({"zone": [1, 2, 3, 4, 5], "from": [value + 10 * z for z in range(5)]}, hide_index=True)
    row = st.container(horizontal=True)
    row.metric("Value", value)
    row.metric("Twice", 2 * value)
    st.caption(f"A note about the value {value}.")
    st.info(f"What the value {value} means.")
    st.download_button("Download", data=f"value,{value}\n", file_name="value.csv")
    for label in ("Compare", "More"):
        with st.expander(label):
            st.write(label)


def sidebar() -> None:
    with st.sidebar:
        st.radio("Units", ["metric", "imperial"], horizontal=True, key="units", **BIND)
        st.toggle("Present", key="present", **BIND)
        st.selectbox("Language", ["English", "Español"], key="lang")
        st.caption("Education, not medical advice.")


def page() -> None:
    if "sidebar" in PARTS:
        sidebar()
    if "text" in PARTS:
        st.title("Frame")
        st.markdown("A paragraph of fixed text before the calculator. " * 6)
    st.fragment(calculator)() if "fragment" in PARTS else calculator()
    if "text" in PARTS:
        for number in range(4):
            st.markdown(f"Paragraph {number}. " + "Fixed text below the calculator. " * 12)


def other() -> None:
    st.write("Another page.")


def pages(make: Callable[[], None]) -> list[st.Page]:
    # The counts come from the page registry (frame_cost.frame_env); alone, one page.
    count = int(os.environ.get("RETROEDU_FRAME_PAGES", "1"))
    aliases = int(os.environ.get("RETROEDU_FRAME_ALIASES", "0"))
    found = [st.Page(make, title="Frame", url_path="frame", default=True)]
    found += [st.Page(other, title=f"Page {n}", url_path=f"page-{n}") for n in range(1, count)]
    found += [
        st.Page(other, title=f"Alias {n}", url_path=f"alias-{n}", visibility="hidden")
        for n in range(aliases)
    ]
    return found


if "navigation" in PARTS:
    st.navigation(pages(page)).run()
else:
    page()
