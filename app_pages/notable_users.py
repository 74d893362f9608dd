"""Learn: famous backward walkers and runners, and the records, each with its evidence level.

Words, sources and the timeline's events: content/notable_users.md.
"""

import streamlit as st

from retroedu.figures import learn as learn_figures
from ui import cache, i18n, learn


def timeline_events() -> None:
    lang = i18n.language()
    page = cache.page("notable_users", lang.code)
    events = learn_figures.timeline_events(page.page.meta["timeline"])
    st.markdown(page.render(learn_figures.timeline_markdown(events, lang)))


learn.render(
    "notable_users",
    hooks={
        "timeline": learn.figure_hook(
            "timeline",
            "notable_users",
            filename="retroedu-backward-records-timeline",
            table="folded",
        ),
        "timeline_events": timeline_events,
    },
)
