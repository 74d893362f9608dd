"""RetroEdu entrypoint: page config, the navigation (a table of contents) and the shared frame."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from retroedu import site
from ui import cache, i18n, sidebar

# A local file, not a Material icon: those are fetched from a font CDN, and RetroEdu works offline.
ICON = Path(__file__).parent / "assets" / "icon.png"


def go_to(target: StreamlitPage) -> None:
    """An alias page's body: open `target` with the link's settings (no "Page not found")."""
    st.switch_page(target, query_params=st.query_params.to_dict())


def build_navigation() -> StreamlitPage:
    """The navigation, read from the page registry, in this run's language. A function so tests
    can call it."""
    _ = i18n._
    pages = {
        page.key: st.Page(
            page.script,
            title=_(page.title),
            icon=page.icon,
            # The home page is served at the root; its key stays free for an alias.
            url_path="" if page.key == site.HOME else page.key,
            default=page.key == site.HOME,
        )
        for page in site.PAGES
    }
    menu: dict[str, list[StreamlitPage]] = {
        _(site.SECTION_TITLES[section]): [pages[page.key] for page in site.in_section(section)]
        for section in site.SECTIONS
    }
    # Paths a person might type ("/home", "/Heart-Rate") open the page instead of a dialog.
    menu[_(site.SECTION_TITLES[site.SECTIONS[0]])] += [
        st.Page(
            partial(go_to, pages[key]), title=pages[key].title, url_path=alias, visibility="hidden"
        )
        for key in pages
        for alias in site.aliases(key)
    ]
    return st.navigation(menu, expanded=True)


def run() -> None:
    # The language first: the page title, the menu and every page speak it.
    i18n.settle()
    st.set_page_config(
        page_title=i18n._("RetroEdu: backward walking and running"),
        page_icon=str(ICON),
        layout="wide",
        # The sidebar state is set once per run, in sidebar.frame(): sending "auto" here and
        # "collapsed" there in the same run reopened the sidebar mid-presentation.
    )
    page = build_navigation()
    sidebar.frame()
    page.run()
    cache.freeze_once()


run()
