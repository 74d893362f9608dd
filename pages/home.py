"""Home: what backward locomotion is, a few measured facts, and where to go next."""

from __future__ import annotations

import streamlit as st

from retroedu.content import load_page

home = load_page("home")
st.title(home.title)
st.markdown(home.body)

st.header("Four measured facts")
columns = st.columns(2)
for index, fact in enumerate(home.meta["facts"]):
    with columns[index % 2].container(border=True):
        st.metric(fact["label"], fact["value"])
        st.markdown(fact["detail"])
        st.caption("Sources: " + ", ".join(fact["refs"]))
