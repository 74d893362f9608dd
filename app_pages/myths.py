"""Learn: popular claims about going backward, each set next to what was measured.

Words, sources and the chart's numbers: content/myths.md.
"""

from ui import learn

learn.render(
    "myths",
    hooks={
        "energy_claims_chart": learn.figure_hook(
            "claims", "myths", filename="retroedu-claims-vs-measured", table="folded"
        )
    },
)
