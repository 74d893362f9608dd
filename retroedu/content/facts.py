"""Named numbers from the models, for content to quote: `{{walk_backward_extra_pct}}` in a page.

A number the prose states about the model (how much more backward walking costs, the factor and its
band) is computed here from the model's own constants, so the calculator, the Learn pages, the deck
and the handout cannot disagree. Measured values from a study stay in the prose with their citation.

>>> values()["k_walk"], values()["k_walk_band"].replace(EN_DASH, "-")
('1.6', '1.5-1.7')
"""

from __future__ import annotations

from retroedu.models import energy

EN_DASH = "\u2013"
#: The speed at which the prose quotes the model's backward-walking figure: the measured 5 km/h.
WALK_SPEED_KMH = 5.0


def _pct(ratio: float) -> str:
    return f"{100 * (ratio - 1):.0f} %"


def values() -> dict[str, str]:
    """Every named number, formatted for a sentence."""
    k = energy.K_WALK
    ratio = energy.backward_ratio("walk", WALK_SPEED_KMH)
    return {
        "k_walk": f"{k.value:g}",
        "k_walk_band": f"{k.low:g}{EN_DASH}{k.high:g}",
        "walk_backward_extra_pct": _pct(ratio.central),
        "walk_backward_extra_range": f"{100 * (ratio.low - 1):.0f}{EN_DASH}{_pct(ratio.high)}",
        "k_run": f"{energy.K_RUN.value:g}",
        "k_run_band": f"{energy.K_RUN.low:g}{EN_DASH}{energy.K_RUN.high:g}",
    }
