"""Learn: famous backward walkers and runners, and the records, each with its evidence level.

Words, sources and the timeline's events: content/notable_users.md.
"""

import streamlit as st

from retroedu.content import evidence
from retroedu.figures import learn as learn_charts
from ui import charts, learn

PAGE = evidence.learn_page("notable_users")


EVENTS = learn_charts.timeline_events(PAGE.page.meta["timeline"])


def timeline() -> None:
    charts.chart(
        learn_charts.timeline_figure(EVENTS),
        alt=learn_charts.timeline_alt(EVENTS),
        filename="retroedu-backward-records-timeline",
        key="timeline",
    )
    with st.expander("The timeline as a table", key="timeline_numbers", on_change="rerun") as box:
        if box.open:
            st.table(learn_charts.timeline_table(EVENTS), hide_index=True)


def timeline_events() -> None:
    st.markdown(PAGE.render(learn_charts.timeline_markdown(EVENTS)))


learn.render("notable_users", hooks={"timeline": timeline, "timeline_events": timeline_events})
