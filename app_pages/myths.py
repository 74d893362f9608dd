"""Learn: popular claims about going backward, each set next to what was measured.

Words, sources and the chart's numbers: content/myths.md.
"""

import streamlit as st

from retroedu.content import evidence
from retroedu.figures import claims as claim_chart
from ui import charts, learn


def energy_claims_chart() -> None:
    chart = evidence.learn_page("myths").page.meta["chart"]
    rows = claim_chart.parse_rows(chart["rows"])
    charts.chart(
        claim_chart.claims_vs_measured(rows, axis_title=chart["axis_title"]),
        alt=claim_chart.describe(rows),
        filename="retroedu-claims-vs-measured",
    )
    with st.expander(
        "The numbers behind this chart", key="claims_numbers", on_change="rerun"
    ) as box:
        if box.open:
            st.table(claim_chart.table(rows), hide_index=True)


learn.render("myths", hooks={"energy_claims_chart": energy_claims_chart})
