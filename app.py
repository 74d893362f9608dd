"""RetroEdu entrypoint: page config, the navigation (a table of contents) and the shared frame."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

import ui

# A local file, not a Material icon: those are fetched from a font CDN, and RetroEdu works offline.
ICON = Path(__file__).parent / "assets" / "icon.png"

# Each section lists (script, title, Material icon, url path). Pages arrive with their issues.
SECTIONS: dict[str, list[tuple[str, str, str, str]]] = {
    "Start": [
        ("app_pages/home.py", "Home", ":material/home:", "home"),
    ],
    "Learn": [
        (
            "app_pages/learn_why_backward.py",
            "Why go backward",
            ":material/u_turn_left:",
            "why-backward",
        ),
        ("app_pages/learn_muscles.py", "Muscle activation", ":material/directions_run:", "muscles"),
        (
            "app_pages/learn_toe_to_heel.py",
            "Toe-to-heel contact",
            ":material/footprint:",
            "toe-to-heel",
        ),
        ("app_pages/learn_posture.py", "Posture", ":material/accessibility_new:", "posture"),
        (
            "app_pages/learn_rehab_safety.py",
            "Rehab and safety",
            ":material/health_and_safety:",
            "rehab-safety",
        ),
        (
            "app_pages/learn_getting_started.py",
            "Getting started",
            ":material/calendar_month:",
            "getting-started",
        ),
        (
            "app_pages/learn_notable_users.py",
            "Notable users and records",
            ":material/emoji_events:",
            "notable-users",
        ),
        ("app_pages/learn_myths.py", "Myths and evidence", ":material/rule:", "myths"),
        ("app_pages/learn_references.py", "References", ":material/menu_book:", "references"),
    ],
    "Calculate": [
        ("app_pages/heart_rate.py", "Heart-rate zones", ":material/monitor_heart:", "heart-rate"),
        ("app_pages/calories.py", "Calorie cost", ":material/local_fire_department:", "calories"),
    ],
    "Present": [
        ("app_pages/deck.py", "Team talk", ":material/slideshow:", "team-talk"),
    ],
}


def build_navigation() -> StreamlitPage:
    """Build the navigation. A function so tests can see exactly what the app registers."""
    pages = {
        section: [
            st.Page(script, title=title, icon=icon, url_path=path, default=(path == "home"))
            for script, title, icon, path in entries
        ]
        for section, entries in SECTIONS.items()
    }
    return st.navigation(pages, expanded=True)


def run() -> None:
    st.set_page_config(
        page_title="RetroEdu: backward walking and running",
        page_icon=str(ICON),
        layout="wide",
        # The sidebar state is set once per run, in ui.frame(): sending "auto" here and
        # "collapsed" there in the same run reopened the sidebar mid-presentation.
    )
    page = build_navigation()
    ui.frame()
    page.run()


run()
