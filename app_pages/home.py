"""Home: what backward locomotion is, a few measured facts, and links to every other page."""

from __future__ import annotations

import streamlit as st

from retroedu.content import evidence
from ui import learn_view

home = evidence.learn_page("home")
st.title(home.page.title)
st.markdown(home.render(home.page.body))
learn_view.legend()

st.header("Four measured facts")
columns = st.columns(2)
for index, fact in enumerate(home.page.meta["facts"]):
    with columns[index % 2].container(border=True):
        st.metric(fact["label"], fact["value"])
        st.markdown(fact["detail"])
        st.markdown("Sources: " + home.cite(fact["refs"]))

for section in home.page.meta["sections"]:
    st.header(section["heading"])
    st.markdown(section["intro"])
    for script in section["pages"]:
        learn_view.page_link(script)

learn_view.sources(home)
