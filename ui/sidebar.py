"""The sidebar every page shares: units, presentation mode, the language, "Copy link", and the page
frame.

Physiology never lives here (that is `retroedu/`); this module only turns settings into widgets.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from retroedu.figures import style
from retroedu.links import fields
from ui import cache, i18n, links, widgets
from ui.i18n import _

# The URL carries a selection widget's *displayed* text, so the options are shown by their labels
# (`?units=imperial`; in another language its label there, which every language reads back) and
# the units go in captions.
UNIT_CAPTIONS = {"metric": "kg, km/h", "imperial": "lb, mph"}
PRESENT_CSS = Path(__file__).parent.parent / "assets" / "present.css"
APP_CSS = Path(__file__).parent.parent / "assets" / "app.css"


def frame() -> None:
    """The sidebar every page shares: units, presentation mode and the language (all kept in the
    URL, so a shared link keeps them) and a "Copy link" control; `<html lang>` for the page."""
    # Only values that arrive with a link are checked: once a widget exists, a button that
    # changes it leaves the previous value in the address until the run finishes.
    raw = {key: value for key, value in links.raw_params().items() if key not in st.session_state}
    raw.update(i18n.arrived())
    with st.sidebar:
        system = widgets.choice(
            "units",
            captions=[UNIT_CAPTIONS[system] for system in fields.choice("units").options],
            horizontal=True,
            help=_("Used by every calculator. Kept in the page address so a shared link keeps it."),
        )
        presenting = widgets.flag(
            "present",
            help=_(
                "Large type and high contrast for a projector. Add ?present=true to a link "
                "(or bookmark it) to open any page this way."
            ),
        )
        i18n.selector()
        links.copy_link()
        st.caption(_("Education, not medical advice. RetroEdu stores nothing you type."))
        i18n.html_lang()
    links.notice_rejected(raw, {"units": system, "present": presenting, "lang": i18n.code()})
    # Chart text and gridlines follow a theme switch at once (Streamlit reruns only later).
    st.html(f"<style>{style.chart_css()}</style>")
    st.html(APP_CSS)
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
    field = fields.choice("units")
    return field.read(st.session_state.get("units"), cache.aliases().get("units")).value
