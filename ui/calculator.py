"""The layout both calculator pages share: inputs in a bordered box beside the answer, compact on
a phone, and in presentation mode everything on one projector screen (assets/calculator.css)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from retroedu.calculators.calories import CaloriesInputs
from retroedu.calculators.heart import HeartInputs
from ui import handout
from ui.i18n import N_, _
from ui.sidebar import present

ASSETS = Path(__file__).parent.parent / "assets"
CSS, PRESENT_CSS = ASSETS / "calculator.css", ASSETS / "calculator_present.css"
#: Widths of the inputs and the answer: the answer gets the room, the inputs stay readable.
SPLIT = (1.0, 2.2)
PRESENT_SPLIT = (1.0, 1.9)
HANDOUT_LABEL = N_("Print a one-page handout for a patient or athlete")


def style() -> None:
    """The calculator pages' CSS (and, presenting, the one-screen layout)."""
    st.html(CSS)
    if present():
        st.html(PRESENT_CSS)


def columns(presenting: bool) -> tuple[DeltaGenerator, DeltaGenerator]:
    """A bordered box for the inputs (key `calc_inputs`) and the column for the answer."""
    left, right = st.columns(PRESENT_SPLIT if presenting else SPLIT, gap="medium")
    return left.container(border=True, key="calc_inputs"), right


@contextmanager
def on_request(label: str, key: str, icon: str) -> Iterator[bool]:
    """A section folded away that is only drawn while open: a changed input does not redraw
    what nobody is looking at. Yields whether it is open."""
    with st.expander(label, icon=icon, key=key, on_change="rerun") as box:
        yield bool(box.open)


def handout_section(page: str, inputs: HeartInputs | CaloriesInputs) -> None:
    """The patient handout (ui/handout.py), folded away until asked for. The settings are
    remembered for it on every run, so the other calculator's handout can include them."""
    handout.gather(inputs)
    with on_request(_(HANDOUT_LABEL), "handout_open", ":material/picture_as_pdf:") as shown:
        if shown:
            handout.render(page, inputs)
