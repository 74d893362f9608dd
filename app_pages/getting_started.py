"""Learn: an eight-week way into backward walking and running, shown as a table.

Words, sources and the plan itself (front matter `weeks`, also read by the patient handout):
content/getting_started.md.
"""

import streamlit as st

from retroedu.figures import learn as learn_charts
from ui import cache, i18n, learn


def plan_table() -> None:
    lang = i18n.language()
    weeks = learn_charts.plan_weeks(cache.page("getting_started", lang.code).page.meta["weeks"])
    st.table(learn_charts.plan_table(weeks, lang), hide_index=True)


learn.render("getting_started", hooks={"plan_table": plan_table})
