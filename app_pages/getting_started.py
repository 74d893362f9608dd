"""Learn: an eight-week way into backward walking and running, shown as a table.

Words, sources and the plan itself (front matter `weeks`, also read by the patient handout):
content/getting_started.md.
"""

import streamlit as st

from retroedu.figures import learn as learn_charts
from ui import cache, learn


def plan_table() -> None:
    weeks = learn_charts.plan_weeks(cache.page("getting_started").page.meta["weeks"])
    st.table(learn_charts.plan_table(weeks), hide_index=True)


learn.render("getting_started", hooks={"plan_table": plan_table})
