"""Learn: popular claims about going backward, each set next to what was measured.

Words, sources and the chart's numbers: content/myths.md.
"""

import learn_view
import ui
from retroedu import claim_chart, evidence


def energy_claims_chart() -> None:
    chart = evidence.learn_page("myths").page.meta["chart"]
    rows = claim_chart.parse_rows(chart["rows"])
    ui.chart(
        claim_chart.claims_vs_measured(rows, axis_title=chart["axis_title"]),
        alt=claim_chart.describe(rows),
        filename="retroedu-claims-vs-measured",
    )


learn_view.render("myths", hooks={"energy_claims_chart": energy_claims_chart})
