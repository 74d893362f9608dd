"""Learn: the reversed (toe-heel-toe) foot contact and what it does to the load on the kneecap.

Words, sources, the contact phases and the knee-load numbers: content/toe_to_heel.md.
"""

import streamlit as st

from retroedu.content import evidence
from retroedu.figures import learn as learn_charts
from ui import charts, learn

PAGE = evidence.learn_page("toe_to_heel")


def contact_sequence() -> None:
    phases = learn_charts.contact_phases(PAGE.page.meta["contact_phases"])
    charts.chart(
        learn_charts.contact_sequence_figure(phases),
        alt=learn_charts.contact_sequence_alt(phases),
        filename="retroedu-toe-to-heel-contact",
        key="contact-sequence",
    )
    st.caption(PAGE.render(PAGE.page.meta["contact_caption"]))
    st.table(learn_charts.contact_table(phases), hide_index=True)


def knee_load_chart() -> None:
    studies = learn_charts.knee_load_studies(PAGE.page.meta["knee_load"])
    charts.chart(
        learn_charts.knee_load_figure(studies),
        alt=learn_charts.knee_load_alt(studies),
        filename="retroedu-kneecap-force-forward-backward",
        key="knee-load",
    )
    st.caption(PAGE.render(PAGE.page.meta["knee_load_caption"]))


learn.render(
    "toe_to_heel",
    hooks={"contact_sequence": contact_sequence, "knee_load_chart": knee_load_chart},
)
