"""The "team talk" deck: slides read from `content/deck.md` front matter. Pure; no Streamlit.

Each slide carries one key point, a supporting detail with its citations, optionally a live
calculator chart (`energy` or `zones`) and the Learn page that says more.

>>> from retroedu.content.pages import parse_page
>>> page = parse_page("---\\ntitle: T\\nsummary: S.\\nslides:\\n  - point: One.\\n    chart: zones\\n---\\n")
>>> slides(page)
(Slide(point='One.', detail='', chart='zones', learn=None),)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from retroedu import site
from retroedu.content.pages import Page

#: Live charts a slide may show.
CHARTS = ("energy", "zones")
#: Example person fields (content/deck.md `example:`) and their units.
EXAMPLE_FIELDS = ("age_years", "weight_kg", "speed_kmh", "grade_pct")


@dataclass(frozen=True)
class Slide:
    """One slide: the key point, a supporting detail (Markdown with citations), extras."""

    point: str
    detail: str = ""
    chart: str | None = None
    learn: str | None = None


def slides(page: Page, page_keys: Collection[str] = site.BY_KEY) -> tuple[Slide, ...]:
    """The slides of a deck page, checked: a point each, known charts, existing Learn pages.

    A slide's `learn` names the page that says more, by its key in the page registry.
    """
    found = page.meta.get("slides")
    if not isinstance(found, list) or not found:
        raise ValueError(f"Deck {page.name!r} needs a 'slides' list with at least one slide.")
    deck = []
    for number, item in enumerate(found, start=1):
        where = f"Deck {page.name!r}, slide {number}"
        if not isinstance(item, dict) or not set(item) <= {"point", "detail", "chart", "learn"}:
            raise ValueError(f"{where}: use only the fields point, detail, chart and learn.")
        point = item.get("point")
        if not isinstance(point, str) or not point.strip():
            raise ValueError(f"{where} needs a key point (the 'point' field).")
        detail = item.get("detail", "")
        if not isinstance(detail, str):
            raise ValueError(f"{where}: 'detail' must be text.")
        chart = item.get("chart")
        if chart is not None and chart not in CHARTS:
            raise ValueError(f"{where}: chart {chart!r} is not one of {', '.join(CHARTS)}.")
        learn = item.get("learn")
        if learn is not None and (not isinstance(learn, str) or learn not in page_keys):
            raise ValueError(f"{where}: 'learn' must name a registered page (got {learn!r}).")
        deck.append(Slide(point.strip(), detail.strip(), chart, learn))
    return tuple(deck)


def example(page: Page) -> Mapping[str, float]:
    """The example person the deck's live charts draw, from the `example:` front matter.

    >>> from retroedu.content.pages import parse_page
    >>> text = "---\\ntitle: T\\nsummary: S.\\nexample: {age_years: 40,"
    >>> text += " weight_kg: 70, speed_kmh: 6, grade_pct: 0}\\n---\\n"
    >>> example(parse_page(text))["speed_kmh"]
    6.0
    """
    found = page.meta.get("example")
    if not isinstance(found, dict) or set(found) != set(EXAMPLE_FIELDS):
        raise ValueError(
            f"Deck {page.name!r} needs an 'example' with exactly: {', '.join(EXAMPLE_FIELDS)}."
        )
    values = {}
    for name in EXAMPLE_FIELDS:
        value = found[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"Deck {page.name!r}: example {name} must be a number.")
        values[name] = float(value)
    return values
