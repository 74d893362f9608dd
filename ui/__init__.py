"""Streamlit glue shared by every page: the sidebar frame, URL-parameter notices, charts.

Physiology never lives here (that is `retroedu/`); this module only turns results into widgets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.state.session_state_proxy import get_session_state

from retroedu.figures.projector import HEIGHT_PX as PROJECTOR_HEIGHT_PX
from retroedu.figures.projector import for_projector
from retroedu.links.params import was_rejected
from ui import share_view

UNITS = ("metric", "imperial")
# The URL carries a selection widget's *displayed* text, so the options are shown as they are
# (`?units=imperial`) and the units go in captions.
UNIT_CAPTIONS = {"metric": "kg, km/h", "imperial": "lb, mph"}
PRESENT_CSS = Path(__file__).parent.parent / "assets" / "present.css"
# Session key: link values `drop_infinite_numbers` removed in this run (for the notice).
DROPPED = "link_dropped"


def frame() -> None:
    """The sidebar every page shares: units and presentation mode (both kept in the URL, so a
    shared link keeps them) and a "Copy link" control."""
    st.session_state[DROPPED] = drop_infinite_numbers()
    # Only values that arrive with a link are checked: once a widget exists, a button that
    # changes it leaves the previous value in the address until the run finishes.
    raw = {key: value for key, value in raw_params().items() if key not in st.session_state}
    with st.sidebar:
        system = st.radio(
            "Units",
            UNITS,
            captions=[UNIT_CAPTIONS[system] for system in UNITS],
            key="units",
            bind="query-params",
            horizontal=True,
            help="Used by every calculator. Kept in the page address so a shared link keeps it.",
        )
        presenting = st.toggle(
            "Presentation mode",
            key="present",
            bind="query-params",
            help="Large type and high contrast for a projector. Add ?present=true to a link "
            "(or bookmark it) to open any page this way.",
        )
        share_view.copy_link()
        st.caption("Education, not medical advice. RetroEdu stores nothing you type.")
    notice_rejected(raw, {"units": ("units", system), "present": ("presentation mode", presenting)})
    if present():
        # Projector: sidebar out of the way (still one click away), large high-contrast type.
        st.set_page_config(initial_sidebar_state="collapsed")
        st.html(PRESENT_CSS)
    else:
        st.set_page_config(initial_sidebar_state="auto")


def present() -> bool:
    """True in presentation mode (sidebar toggle or `?present=true` in the link)."""
    return st.session_state.get("present") is True


def units() -> str:
    """The units the reader chose in the sidebar ("metric" or "imperial")."""
    value = st.session_state.get("units", "metric")
    return value if value in UNITS else "metric"


def raw_params() -> dict[str, str]:
    """A snapshot of the URL parameters, taken before bound widgets clean them up (including
    any that `drop_infinite_numbers` removed, so the reader is told about them)."""
    current = {key: st.query_params.get(key, "") for key in st.query_params}
    return {**st.session_state.get(DROPPED, {}), **current}


def drop_infinite_numbers() -> dict[str, str]:
    """Remove link values that read as an infinite number ("inf", "1e999"); return them.

    Streamlit 1.67 raises OverflowError when such a value seeds a whole-number widget bound to
    the URL (its number_input deserializer calls int() on it). RetroEdu's number inputs are all
    decimal now, but the guard stays so that a whole-number widget added later cannot turn a
    link into a crash. The values are taken out before any widget reads the link: from the address and from the copy Streamlit keeps for seeding widgets
    on a page's first run (no public API reaches that copy). tests/app/test_links.py opens pages
    with such links to check this still holds after a Streamlit upgrade.
    """
    dropped = {}
    for key in list(st.query_params):
        value = st.query_params.get(key, "")
        try:
            infinite = math.isinf(float(value))
        except ValueError:
            continue
        if infinite:
            dropped[key] = value
    if not dropped:
        return dropped
    with get_session_state().query_params() as params:
        bound = {key for key in dropped if params.is_bound(key)}
        for key in dropped:
            params._initial_query_params.pop(key, None)
    for key in dropped.keys() - bound:
        del st.query_params[key]
    return dropped


def notice_rejected(raw: Mapping[str, str], values: Mapping[str, tuple[str, Any]]) -> None:
    """Tell the reader which link values could not be used. Never echoes what arrived.

    `values` maps a URL key to (a label a person understands, the value the widget settled on).
    """
    refused = [
        label
        for key, (label, value) in values.items()
        if key in raw and was_rejected(raw[key], value)
    ]
    if refused:
        st.info(
            "Part of this link could not be used, so sensible defaults are shown for: "
            + ", ".join(refused)
            + ".",
            icon=":material/link_off:",
        )


def chart(
    fig: go.Figure,
    *,
    alt: str,
    filename: str,
    key: str | None = None,
    projector_height_px: int = PROJECTOR_HEIGHT_PX,
) -> None:
    """Draw a Plotly figure with a text alternative and a PNG download named after the chart.

    In presentation mode the figure's type is enlarged and its height set for a projector
    (`projector_height_px`, e.g. smaller beside a slide's text).
    """
    st.plotly_chart(
        for_projector(fig, height_px=projector_height_px) if present() else fig,
        key=key,
        alt=alt,
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        },
    )
