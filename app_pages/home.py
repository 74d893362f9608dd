"""Home: what backward locomotion is, a few measured facts, and links to every other page."""

from __future__ import annotations

import streamlit as st

from retroedu import site
from ui import cache, learn

home = cache.page("home")
st.title(home.page.title)
st.markdown(home.render(home.page.body))
learn.legend()

st.header("Four measured facts")
columns = st.columns(2)
for index, fact in enumerate(home.page.meta["facts"]):
    with columns[index % 2].container(border=True):
        st.metric(fact["label"], fact["value"])
        st.markdown(fact["detail"])
        st.markdown("Sources: " + home.cite(fact["refs"]))

for section, words in zip(site.SECTIONS[1:], home.page.meta["sections"], strict=True):
    st.header(words["heading"])
    st.markdown(words["intro"])
    for page in site.in_section(section):
        learn.page_link(page.key)

learn.sources(home)
