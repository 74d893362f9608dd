"""The layout both calculator pages share: inputs in a bordered box beside the answer, compact on
a phone, and in presentation mode everything on one projector screen (assets/calculator.css)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui.sidebar import present

ASSETS = Path(__file__).parent.parent / "assets"
CSS, PRESENT_CSS = ASSETS / "calculator.css", ASSETS / "calculator_present.css"
#: Widths of the inputs and the answer: the answer gets the room, the inputs stay readable.
SPLIT = (1.0, 2.2)
PRESENT_SPLIT = (1.0, 1.9)


def style() -> None:
    """The calculator pages' CSS (and, presenting, the one-screen layout)."""
    st.html(CSS)
    if present():
        st.html(PRESENT_CSS)


def columns(presenting: bool) -> tuple[DeltaGenerator, DeltaGenerator]:
    """A bordered box for the inputs (key `calc_inputs`) and the column for the answer."""
    left, right = st.columns(PRESENT_SPLIT if presenting else SPLIT, gap="medium")
    return left.container(border=True, key="calc_inputs"), right.container(key="calc_answer")
