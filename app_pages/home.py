"""Home: "Start here" for a first visit, what backward locomotion is, a few measured facts, and
links to every other page."""

from __future__ import annotations

import streamlit as st

from retroedu import site
from ui import cache, i18n, learn
from ui.i18n import _

LANG = i18n.code()
home = cache.page("home", LANG)
st.title(home.page.title)

start = home.page.meta["start_here"]
path = site.start_here()
with st.container(border=True, key="start_here"):
    st.subheader(start["heading"], anchor="start-here")
    st.markdown(start["intro"])
    for column, (number, page), step in zip(
        st.columns(len(path)), enumerate(path, start=1), start["steps"], strict=True
    ):
        with column:
            st.page_link(page.script, label=f"{number}. {_(page.title)}", icon=page.icon)
            st.caption(step)

for _kind, chunk in cache.words("home", LANG).chunks:  # home's body has no hooks
    st.markdown(chunk)
learn.legend()

st.header(_("Four measured facts"))
# Row by row, the two cards of a row as tall as each other: the rows line up on a laptop, and a
# phone reads the facts in order (two stacked columns read 1, 3, 2, 4).
facts = home.page.meta["facts"]
for first in range(0, len(facts), 2):
    for column, fact in zip(st.columns(2), facts[first : first + 2], strict=False):
        with column.container(border=True, height="stretch"):
            st.metric(fact["label"], fact["value"])
            st.markdown(fact["detail"])
            st.markdown(_("Sources: {markers}").format(markers=home.cite(fact["refs"])))

for section, words in zip(site.SECTIONS[1:], home.page.meta["sections"], strict=True):
    st.header(words["heading"])
    st.markdown(words["intro"])
    for page in site.in_section(section):
        learn.page_link(page.key)

learn.sources(home)
