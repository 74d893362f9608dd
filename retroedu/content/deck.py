"""The "team talk" deck read from `content/deck.md` front matter. Pure; no Streamlit.

The deck opens with a title slide (the topic; the club and date are the presenter's), carries
one key point per slide, each with a supporting detail and its citations, speaker notes and
optionally a visual that shows the data the point is about, and closes with three take-aways: the
points marked `takeaway: true`, said again in the same words (never a second wording).

>>> from retroedu.content.pages import parse_page
>>> text = "---\\ntitle: T\\nsummary: S.\\nslides:\\n  - point: One.\\n    notes: Say it.\\n"
>>> text += "    visual: heart\\n---\\n"
>>> points(parse_page(text))
(Slide(kind='point', point='One.', detail='', visual='heart', learn=None, notes='Say it.', takeaways=()),)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from retroedu import site
from retroedu.content.pages import Page
from retroedu.models.checks import real

#: Visuals a slide may show: the calculator's forward-vs-backward energy, the measured heart rates
#: (`heart_rate:` below), and the Learn page's knee-load chart.
VISUALS = ("energy", "heart", "knee_load")
#: Example person fields (content/deck.md `example:`) and their units.
EXAMPLE_FIELDS = ("age_years", "weight_kg", "speed_kmh", "grade_pct")
#: How many take-aways the closing slide lists (points marked `takeaway: true`).
TAKEAWAYS = 3
#: What the `closing:` block may hold (the QR codes' captions included).
CLOSING_FIELDS = frozenset({"heading", "notes", "scan_deck", "scan_calculator"})

Kind = Literal["title", "point", "closing"]


@dataclass(frozen=True)
class Slide:
    """One slide. `point` is the key point (the topic on the title slide, the heading on the
    closing one); `detail` the supporting line with citations (the title slide's subtitle)."""

    kind: Kind
    point: str
    detail: str = ""
    visual: str | None = None
    learn: str | None = None
    notes: str = ""
    takeaways: tuple[str, ...] = ()


@dataclass(frozen=True)
class Measured:
    """Heart rate measured walking forward and backward at one speed. [bpm]"""

    speed_kmh: float
    n: int
    forward_bpm: float
    backward_bpm: float
    refs: tuple[str, ...]


def _text(item: Mapping[str, Any], name: str, where: str, *, required: bool = True) -> str:
    value = item.get(name, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f"{where} needs the text field {name!r}.")
    return value.strip()


def _block(page: Page, name: str) -> Mapping[str, Any]:
    found = page.meta.get(name)
    if not isinstance(found, dict):
        raise ValueError(f"Deck {page.name!r} needs a {name!r} block.")
    return found


def points(page: Page, page_keys: Collection[str] = site.BY_KEY) -> tuple[Slide, ...]:
    """The key-point slides, checked: a point and notes each, known visuals, existing pages.

    A slide's `learn` names the page that says more, by its key in the page registry.
    """
    found = page.meta.get("slides")
    if not isinstance(found, list) or not found:
        raise ValueError(f"Deck {page.name!r} needs a 'slides' list with at least one slide.")
    deck = []
    allowed = {"point", "detail", "visual", "learn", "notes", "takeaway"}
    for number, item in enumerate(found, start=1):
        where = f"Deck {page.name!r}, slide {number}"
        if not isinstance(item, dict) or not set(item) <= allowed:
            raise ValueError(f"{where}: use only the fields {', '.join(sorted(allowed))}.")
        if not isinstance(item.get("point"), str) or not item["point"].strip():
            raise ValueError(f"{where} needs a key point (the 'point' field).")
        visual = item.get("visual")
        if visual is not None and visual not in VISUALS:
            raise ValueError(f"{where}: visual {visual!r} is not one of {', '.join(VISUALS)}.")
        learn = item.get("learn")
        if learn is not None and (not isinstance(learn, str) or learn not in page_keys):
            raise ValueError(f"{where}: 'learn' must name a registered page (got {learn!r}).")
        if not isinstance(item.get("takeaway", False), bool):
            raise ValueError(f"{where}: 'takeaway' is true or false.")
        deck.append(
            Slide(
                "point",
                item["point"].strip(),
                _text(item, "detail", where, required=False),
                visual,
                learn,
                _text(item, "notes", where),
            )
        )
    return tuple(deck)


def opening(page: Page) -> Slide:
    """The title slide: the topic, a subtitle and the presenter's notes."""
    block = _block(page, "opening")
    where = f"Deck {page.name!r}, opening"
    return Slide(
        "title",
        _text(block, "topic", where),
        _text(block, "subtitle", where, required=False),
        notes=_text(block, "notes", where),
    )


def closing(page: Page) -> Slide:
    """The closing slide: a heading and the `TAKEAWAYS` points marked `takeaway: true`, in order.

    >>> from retroedu.content.pages import parse_page
    >>> text = "---\\ntitle: T\\nsummary: S.\\nclosing: {heading: H, notes: Say it.}\\nslides:\\n"
    >>> for point in ("One.", "Two.", "Three.", "Four."):
    ...     text += f"  - {{point: {point}, notes: N, takeaway: {point != 'Two.'}}}\\n"
    >>> closing(parse_page(text + "---\\n")).takeaways
    ('One.', 'Three.', 'Four.')
    """
    block = _block(page, "closing")
    where = f"Deck {page.name!r}, closing"
    if not set(block) <= CLOSING_FIELDS:
        # A `takeaways:` list here would be ignored: the take-aways are the marked slides.
        raise ValueError(f"{where}: use only the fields {', '.join(sorted(CLOSING_FIELDS))}.")
    marked = tuple(
        item["point"].strip()
        for item in page.meta.get("slides") or ()
        if isinstance(item, dict) and item.get("takeaway") is True
    )
    if len(marked) != TAKEAWAYS:
        raise ValueError(
            f"{where} needs exactly {TAKEAWAYS} take-aways: mark {TAKEAWAYS} slides"
            f" 'takeaway: true' (found {len(marked)})."
        )
    return Slide(
        "closing",
        _text(block, "heading", where),
        notes=_text(block, "notes", where),
        takeaways=marked,
    )


def slides(page: Page, page_keys: Collection[str] = site.BY_KEY) -> tuple[Slide, ...]:
    """The whole deck in order: the title slide, the key points, the closing slide."""
    return (opening(page), *points(page, page_keys), closing(page))


def measured_heart_rate(page: Page) -> Measured:
    """The measured heart rates the heart-rate slide compares (`heart_rate:` front matter).

    >>> from retroedu.content.pages import parse_page
    >>> text = "---\\ntitle: T\\nsummary: S.\\nheart_rate: {speed_kmh: 5, n: 20,"
    >>> text += " forward_bpm: 120.9, backward_bpm: 166.1, refs: [kim2001]}\\n---\\n"
    >>> measured_heart_rate(parse_page(text)).backward_bpm
    166.1
    """
    block = _block(page, "heart_rate")
    where = f"Deck {page.name!r}, heart_rate"
    refs = block.get("refs")
    if not isinstance(refs, list) or not refs or not all(isinstance(key, str) for key in refs):
        raise ValueError(f"{where} needs 'refs': the sources of the numbers.")
    n = block.get("n")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"{where}: 'n' must be a whole number of people, at least 1.")
    values = {
        name: real(block.get(name), f"{name} of {where}")
        for name in ("speed_kmh", "forward_bpm", "backward_bpm")
    }
    if min(values.values()) <= 0:
        raise ValueError(f"{where}: speeds and heart rates must be above zero.")
    return Measured(
        values["speed_kmh"], n, values["forward_bpm"], values["backward_bpm"], tuple(refs)
    )


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
