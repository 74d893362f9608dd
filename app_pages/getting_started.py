"""Learn: an eight-week way into backward walking and running, as a table (cards on a phone).

Words, sources and the plan itself (front matter `weeks`, also read by the patient handout):
content/getting_started.md.
"""

import streamlit as st

from retroedu.figures import learn as learn_charts
from ui import cache, i18n, learn


def plan_table() -> None:
    """The plan as a table, and as one card per week for a phone."""
    lang = i18n.language()
    weeks = learn_charts.plan_weeks(cache.page("getting_started", lang.code).page.meta["weeks"])

    table, cards = learn.wide("plan")
    table.table(learn_charts.plan_table(weeks, lang), hide_index=True)
    with cards:
        for number, card in enumerate(learn_charts.plan_cards(weeks, lang), start=1):
            with st.container(border=True, key=f"plan_week_{number}"):
                st.markdown(card)


learn.render("getting_started", hooks={"plan_table": plan_table})
