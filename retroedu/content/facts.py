"""Named numbers from the models, for content to quote: `{{walk_backward_extra_pct}}` in a page.

A number the prose states about the model (how much more backward walking costs, the factor and its
band) is computed here from the model's own constants, so the calculator, the Learn pages, the deck
and the handout cannot disagree. Measured values from a study stay in the prose with their citation.

>>> values()["k_walk"], values()["k_walk_band"].replace(EN_DASH, "-")
('1.6', '1.5-1.7')
>>> values("es")["k_walk"], values("es")["walk_backward_extra_pct"]
('1,6', '42 %')
>>> values()["run_km_kcal_forward"], values()["run_km_kcal_backward"]  # 0.2 x 70 x 5; x 1.35
('70', '95')
"""

from __future__ import annotations

import math

from retroedu.content.i18n import SOURCE, number
from retroedu.links import fields
from retroedu.models import energy
from retroedu.models.units import pace_min_per_km

EN_DASH = "\u2013"
#: The speed at which the prose quotes the model's backward-walking figure: the measured 5 km/h.
WALK_SPEED_KMH = 5.0
#: The runner whose kilometre the prose prices: the calculator's default weight (the field
#: registry's), so the page and the calculator at its defaults give the same figures.
_WEIGHT_DEFAULT = fields.number("weight").limits("metric").default
assert _WEIGHT_DEFAULT is not None  # the registry gives body weight a default
RUN_WEIGHT_KG: float = _WEIGHT_DEFAULT
#: A running speed inside the measured range: level running's cost per metre does not depend on it.
RUN_SPEED_KMH = 10.0


def _run_km_kcal(direction: str) -> float:
    """Net energy of one level kilometre run by the example runner, in the calculator's model."""
    per_min = energy.kcal_per_min(
        RUN_WEIGHT_KG, RUN_SPEED_KMH, gait="run", direction=direction, net=True
    )
    return per_min * pace_min_per_km(RUN_SPEED_KMH)


def values(lang: str = SOURCE) -> dict[str, str]:
    """Every named number, formatted for a sentence in language `lang` ("1,6" in Spanish)."""
    k, k_run = energy.K_WALK, energy.K_RUN
    ratio = energy.backward_ratio("walk", WALK_SPEED_KMH)
    assert k.low is not None
    assert k.high is not None
    assert k_run.low is not None
    assert k_run.high is not None

    def g(value: float) -> str:
        return number(value, None, lang)

    def pct(ratio: float) -> str:
        return f"{number(100 * (ratio - 1), 0, lang)} %"

    return {
        "k_walk": g(k.value),
        "k_walk_band": f"{g(k.low)}{EN_DASH}{g(k.high)}",
        "walk_backward_extra_pct": pct(ratio.central),
        "walk_backward_extra_range": f"{number(100 * (ratio.low - 1), 0, lang)}{EN_DASH}"
        f"{pct(ratio.high)}",
        "k_run": g(k_run.value),
        "k_run_band": f"{g(k_run.low)}{EN_DASH}{g(k_run.high)}",
        "run_weight": f"{g(RUN_WEIGHT_KG)} kg",
        # Half up (94.5 -> 95), not to even.
        "run_km_kcal_forward": number(math.floor(_run_km_kcal("forward") + 0.5), 0, lang),
        "run_km_kcal_backward": number(math.floor(_run_km_kcal("backward") + 0.5), 0, lang),
    }
