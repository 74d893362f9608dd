"""The team-talk deck's view model: every slide and the data its visual shows. Pure.

The screen, the presenter view and the 16:9 PDF all read one `DeckView`, so a number on a slide
is the same everywhere. Each visual is a forward-vs-backward `Comparison`: the energy slide's from
the calorie calculator's view model (`CaloriesView`) for the deck's example person, the heart-rate
slide's from the measured rates in `content/deck.md`, the knee slide's from the Learn page's
knee-load studies (`content/toe_to_heel.md`).

>>> from retroedu.content.library import Library
>>> view = deck_view(Library.load())
>>> [slide.kind for slide in view.slides][:2], view.slides[-1].kind
(['title', 'point'], 'closing')
>>> heart = view.comparisons["heart"].pairs[0]
>>> heart.forward, heart.backward
(120.9, 166.1)
>>> energy = view.comparisons["energy"].pairs[0]  # 70 kg walking at 5 km/h, kcal/min
>>> round(energy.forward, 2), round(energy.backward, 2)
(4.14, 5.89)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from retroedu.calculators.calories import CaloriesInputs, CaloriesView, calories_view
from retroedu.content import deck
from retroedu.content.evidence import cited_keys
from retroedu.content.i18n import ENGLISH, Language
from retroedu.content.library import Library
from retroedu.figures.learn import knee_load_studies
from retroedu.models import units as u

#: Where the knee-load studies live (the Learn page that draws them first).
KNEE_PAGE = "toe_to_heel"


@dataclass(frozen=True)
class Pair:
    """One forward-vs-backward comparison, with each side's band (low, high) where known."""

    label: str
    forward: float
    backward: float
    forward_band: tuple[float, float] | None = None
    backward_band: tuple[float, float] | None = None

    @property
    def change_pct(self) -> float:
        """Backward relative to forward. [%]

        >>> round(Pair("walk", 120.9, 166.1).change_pct, 1)
        37.4
        """
        return 100.0 * (self.backward - self.forward) / self.forward


@dataclass(frozen=True)
class Comparison:
    """What a slide's visual shows: pairs of bars in one unit, a caption and its sources."""

    axis: str  # the value axis title, with its unit
    pairs: tuple[Pair, ...]
    caption: str
    refs: tuple[str, ...]
    digits: int = 0  # decimals of the value labels


@dataclass(frozen=True)
class DeckView:
    """Every slide, in order, and the comparison each visual draws (by visual name)."""

    title: str
    slides: tuple[deck.Slide, ...]
    comparisons: Mapping[str, Comparison]
    words: Mapping[str, object]
    lang: Language = field(default=ENGLISH, compare=False)

    def sources(self, slide: deck.Slide) -> tuple[str, ...]:
        """The reference keys a slide cites, in order: its text, then its visual's data."""
        keys = cited_keys(" ".join((slide.point, slide.detail, *slide.takeaways)))
        if slide.visual is not None:
            keys += [key for key in self.comparisons[slide.visual].refs if key not in keys]
        return tuple(keys)

    def number(self, slide: deck.Slide) -> int:
        """A slide's number, counting the title slide as 1."""
        return self.slides.index(slide) + 1


def _band(value: float, sd: float) -> tuple[float, float] | None:
    return None if math.isnan(sd) else (value - sd, value + sd)


def energy_comparison(view: CaloriesView, caption: str) -> Comparison:
    """Forward and backward walking at the view's speed: gross kcal/min, with the band, in the
    view's language."""
    lang = view.lang
    forward = view.estimate("walk", "forward").gross_kcal_per_min
    backward = view.estimate("walk", "backward").gross_kcal_per_min
    system = view.inputs.units
    speed = u.format_speed(view.inputs.speed_kmh, system, lang=lang)
    return Comparison(
        lang._("Energy [kcal/min]"),
        (
            Pair(
                lang._("Walking at {speed}").format(speed=speed),
                forward.central,
                backward.central,
                None if forward.low == forward.high else (forward.low, forward.high),
                None if backward.low == backward.high else (backward.low, backward.high),
            ),
        ),
        caption.format(weight=u.format_weight(view.inputs.weight_kg, system, lang), speed=speed),
        tuple(
            dict.fromkeys(
                key
                for e in (view.estimate("walk", "forward"), view.estimate("walk", "backward"))
                for constant in (e.mode.horizontal, e.mode.factor)
                if constant is not None
                for key in constant.citations
            )
        ),
        digits=1,
    )


def deck_view(library: Library, system: str = "metric") -> DeckView:
    """The deck for a reader in `system`'s units, in the library's language. ValueError names a
    content problem."""
    lang: Language = library.lang
    content = library.page("deck").page
    words = content.meta
    person = deck.example(content)
    inputs = CaloriesInputs(
        weight=person["weight_kg"], speed=person["speed_kmh"], grade_pct=person["grade_pct"]
    ).in_units(system)
    calories = calories_view(inputs, library.page("calories").page.meta, lang)
    measured = deck.measured_heart_rate(content)
    walk = u.format_speed(measured.speed_kmh, system, lang=lang)
    studies = knee_load_studies(library.page(KNEE_PAGE).page.meta["knee_load"])
    comparisons = {
        "energy": energy_comparison(calories, str(words["energy_caption"])),
        "heart": Comparison(
            lang._("Heart rate [bpm]"),
            (
                Pair(
                    lang._("Walking at {speed}").format(speed=walk),
                    measured.forward_bpm,
                    measured.backward_bpm,
                ),
            ),
            str(words["heart_caption"]).format(n=measured.n, speed=walk),
            measured.refs,
            # Whole beats, as the slide's own line says them ("121 to 166 bpm").
            digits=0,
        ),
        "knee_load": Comparison(
            lang._("Peak kneecap force [\u00d7 body weight]"),
            tuple(
                Pair(
                    study.label,
                    study.forward_bw,
                    study.backward_bw,
                    _band(study.forward_bw, study.forward_sd_bw),
                    _band(study.backward_bw, study.backward_sd_bw),
                )
                for study in studies
            ),
            str(words["knee_caption"]),
            tuple(dict.fromkeys(key for study in studies for key in study.refs)),
            digits=1,
        ),
    }
    assert set(comparisons) == set(deck.VISUALS)  # a new visual needs its data here
    return DeckView(
        content.title,
        deck.slides(content),
        MappingProxyType(comparisons),
        MappingProxyType(words),
        lang,
    )
