"""Figures and tables for the Learn pages on foot contact, rehab, getting started and records.

Plain data in (read from the pages' front matter in `content/`), a Plotly figure or a pandas table
out. No Streamlit, no numbers of its own: every value drawn comes from the content file, which
cites where it was measured. Each parser checks its block and raises `ValueError` with a sentence
naming the block and the problem, so a typo in a content file fails a test, not a reader.

Colours are Okabe-Ito and never carry meaning alone: forward bars are solid and backward bars
hatched, contact regions are hatched and outlined, timeline markers have one shape and one written
badge per evidence level. Fonts are at least 14 px so a projector can show them.

>>> studies = knee_load_studies([{"label": "Roos et al. 2012", "refs": ["roos2012"], "n": 20,
...     "condition": "same speed", "forward_bw": 4.5, "forward_sd_bw": 1.5,
...     "backward_bw": 3.4, "backward_sd_bw": 1.4}])
>>> bars = knee_load_figure(studies).data
>>> bars[0].name, bars[0].y, bars[1].name, bars[1].y
('Forward (solid)', (4.5,), 'Backward (hatched)', (3.4,))

References
----------
.. [flynn1995] Flynn TW, Soutas-Little RW (1995). J Orthop Sports Phys Ther. PMID 7787851.
.. [roos2012] Roos PE, Barton N, van Deursen RWM (2012). J Biomech 45(9):1656-1660.
   doi:10.1016/j.jbiomech.2012.03.020
.. [sterzing2016] Sterzing T, Frommhold C, Rosenbaum D (2016). Gait Posture 46:135-141.
   doi:10.1016/j.gaitpost.2016.03.009
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from retroedu.content.evidence import LEVEL_BY_ID, LEVELS, EvidenceLevel, Reference, escape_markdown
from retroedu.content.i18n import ENGLISH, N_, Language
from retroedu.figures import claims, muscles, posture, style
from retroedu.figures.blocks import items as _items
from retroedu.figures.blocks import number as _number
from retroedu.figures.blocks import only as _only
from retroedu.figures.blocks import refs as _refs
from retroedu.figures.blocks import strip_citations
from retroedu.figures.blocks import text as _text
from retroedu.figures.blocks import wrap as _wrap

INK, MUTED, PAPER, GRID = style.LIGHT.text, style.LIGHT.muted, style.LIGHT.surface, style.LIGHT.grid
FONT_PX, SMALL_FONT_PX = style.FONT_PX, style.SMALL_FONT_PX
ARROW, TIMES, EN_DASH = "\u2192", "\u00d7", "\u2013"

#: Okabe-Ito: forward in vermilion (solid), backward in blue (hatched) on every Learn chart.
FORWARD_COLOUR = "#D55E00"
BACKWARD_COLOUR = "#0072B2"
HATCH = "/"

#: The parts of the sole the schematic foot is split into, from the front (toes) to the back.
FOOT_REGIONS: tuple[str, ...] = ("toes", "forefoot", "midfoot", "heel")

Mode = Literal["walk", "run"]
MODES: tuple[Mode, ...] = ("walk", "run")

#: One marker shape per evidence level, so the timeline reads in grey print and without colour.
LEVEL_SYMBOLS: Mapping[str, str] = {
    "review": "hexagon",
    "trial": "triangle-up",
    "cohort": "pentagon",
    "lab": "square",
    "record": "star",
    "practice": "diamond",
    "anecdote": "circle-open",
    "unconfirmed": "x-thin-open",
}
LEVEL_COLOURS: Mapping[str, str] = {
    "review": "#009E73",
    "trial": "#009E73",
    "cohort": "#56B4E9",
    "lab": "#56B4E9",
    "record": "#E69F00",
    "practice": "#0072B2",
    "anecdote": "#CC79A7",
    # An open cross is drawn in this colour alone: the page's line colour, swapped for the dark
    # theme's (black vanished on the dark page).
    "unconfirmed": style.LIGHT.line,
}


def _layout(fig: go.Figure, *, height_px: int) -> None:
    """The shared layout, keeping the margins each figure set for its own labels."""
    fig.update_layout(
        {key: value for key, value in style.layout(height_px).items() if key != "margin"}
    )


# --- Toe-to-heel contact: the stepped foot diagram ---------------------------------------------


@dataclass(frozen=True)
class Contact:
    """The parts of the sole on the ground in one phase of stance, with a one-line description."""

    regions: frozenset[str]
    text: str


@dataclass(frozen=True)
class ContactPhase:
    """One step of the contact sequence, forward and backward side by side."""

    name: str
    forward: Contact
    backward: Contact


def _contact(value: object, where: str) -> Contact:
    if not isinstance(value, Mapping):
        raise ValueError(f"{where} must be a mapping with 'regions' and 'text'.")
    _only(value, {"regions", "text"}, where)
    regions = value.get("regions")
    if not isinstance(regions, list) or not regions:
        raise ValueError(f"{where} needs 'regions': the parts of the sole on the ground.")
    unknown = [region for region in regions if region not in FOOT_REGIONS]
    if unknown:
        raise ValueError(
            f"{where}: {', '.join(map(str, unknown))} is not a part of the schematic foot "
            f"(use {', '.join(FOOT_REGIONS)})."
        )
    return Contact(frozenset(regions), _text(value, "text", where))


def contact_phases(data: object) -> tuple[ContactPhase, ...]:
    """Read the `contact_phases` block: each phase's name and the sole regions on the ground.

    >>> phases = contact_phases([{"name": "Touch-down",
    ...     "forward": {"regions": ["heel"], "text": "Heel first."},
    ...     "backward": {"regions": ["toes", "forefoot"], "text": "Toes first."}}])
    >>> sorted(phases[0].backward.regions)
    ['forefoot', 'toes']
    >>> contact_phases([{"name": "X", "forward": {"regions": ["knee"], "text": "?"},
    ...     "backward": {"regions": ["heel"], "text": "?"}}])
    Traceback (most recent call last):
    ...
    ValueError: contact_phases 1, forward: knee is not a part of the schematic foot (use toes, forefoot, midfoot, heel).
    """
    phases = []
    for number, item in enumerate(_items(data, "contact_phases"), start=1):
        where = f"contact_phases {number}"
        _only(item, {"name", "forward", "backward"}, where)
        phases.append(
            ContactPhase(
                name=_text(item, "name", where),
                forward=_contact(item.get("forward"), f"{where}, forward"),
                backward=_contact(item.get("backward"), f"{where}, backward"),
            )
        )
    return tuple(phases)


#: Where each region sits along the schematic sole [foot lengths from the back of the heel].
_REGION_SPANS: Mapping[str, tuple[float, float]] = {
    "heel": (0.0, 0.27),
    "midfoot": (0.27, 0.52),
    "forefoot": (0.52, 0.80),
    "toes": (0.80, 1.0),
}
_REGION_LABELS: Mapping[str, str] = {
    "toes": N_("Toes"),
    "forefoot": N_("Ball of foot"),
    "midfoot": N_("Midfoot"),
    "heel": N_("Heel"),
}
_FOOT_LENGTH = 10.0
_WIDTH_SCALE = 1.35
_SAMPLES_PER_REGION = 24


def _half_width(y: float) -> float:
    """Half the schematic sole's width at height `y` along it [same units as _FOOT_LENGTH]."""
    return _WIDTH_SCALE * _unit_half_width(y / _FOOT_LENGTH)


def _unit_half_width(t: float) -> float:
    if t <= 0.1:  # rounded back of the heel
        return 1.0 * math.sqrt(max(0.0, 1.0 - ((0.1 - t) / 0.1) ** 2))
    if t <= 0.27:
        return 1.0
    if t <= 0.8:  # narrow at the arch, widest across the ball of the foot
        return 1.0 + 0.28 * math.sin(math.pi * (t - 0.27) / 0.53 - 0.35) + 0.05
    return 1.2 * math.sqrt(max(0.0, 1.0 - ((t - 0.8) / 0.2) ** 2))  # rounded toes


def _arch(y: float) -> float:
    """How far the inner edge is cut in by the arch at height `y` (midfoot only)."""
    t = y / _FOOT_LENGTH
    return _WIDTH_SCALE * 0.45 * math.sin(math.pi * (t - 0.27) / 0.25) if 0.27 < t < 0.52 else 0.0


def _region_outline(region: str) -> tuple[list[float], list[float]]:
    """A closed polygon (x, y) for one region of the schematic sole."""
    low, high = _REGION_SPANS[region]
    ys = [
        _FOOT_LENGTH * (low + (high - low) * i / _SAMPLES_PER_REGION)
        for i in range(_SAMPLES_PER_REGION + 1)
    ]
    inner = [-_half_width(y) + _arch(y) for y in ys]
    outer = [_half_width(y) for y in reversed(ys)]
    xs = [*inner, *outer, inner[0]]
    return xs, [*ys, *reversed(ys), ys[0]]


def _tint(colour: str, alpha: float = 0.3) -> str:
    """An Okabe-Ito colour as a light tint, so ink text on it stays readable.

    >>> _tint("#0072B2")
    'rgba(0,114,178,0.3)'
    """
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha:g})"


def _region_style(in_contact: bool, colour: str) -> dict[str, Any]:
    return {
        "fillcolor": _tint(colour) if in_contact else PAPER,
        "fillpattern.shape": HATCH if in_contact else "",
        "line.color": INK if in_contact else MUTED,
        "line.width": 3 if in_contact else 1.5,
        "line.dash": "solid" if in_contact else "dot",
    }


def _phase_update(phase: ContactPhase, lang: Language = ENGLISH) -> dict[str, list[Any]]:
    """Restyle values for every trace in one phase: per foot, four regions then the labels.

    A value of None leaves that property at its default (regions have no text, labels no fill).
    """
    names = (*_region_style(True, INK), "text")
    update: dict[str, list[Any]] = {name: [] for name in names}
    for contact, colour in ((phase.forward, FORWARD_COLOUR), (phase.backward, BACKWARD_COLOUR)):
        for region in FOOT_REGIONS:
            for name, value in _region_style(region in contact.regions, colour).items():
                update[name].append(value)
            update["text"].append(None)
        for name in names:
            update[name].append(_region_texts(contact, lang) if name == "text" else None)
    return update


def _region_texts(contact: Contact, lang: Language = ENGLISH) -> list[str]:
    on_ground = lang._("on ground")
    return [
        f"<b>{lang._(_REGION_LABELS[region])}</b><br>{on_ground}"
        if region in contact.regions
        else lang._(_REGION_LABELS[region])
        for region in FOOT_REGIONS
    ]


_CAPTION_CHARS = 24
_FOOT_DOMAINS = ((0.03, 0.47), (0.53, 0.97))
_TITLES = (
    N_("<b>Forward</b> (moving \u2191)<br>heel \u2192 toe"),
    N_("<b>Backward</b> (moving \u2193)<br>toe \u2192 heel \u2192 toe"),
)
#: The two feet, as the diagram names them.
_FEET = (N_("Forward"), N_("Backward"))


def _captions(phase: ContactPhase) -> tuple[str, str]:
    return (
        _wrap(phase.forward.text, _CAPTION_CHARS),
        _wrap(phase.backward.text, _CAPTION_CHARS),
    )


def contact_sequence_figure(
    phases: Sequence[ContactPhase],
    *,
    active: int = 0,
    height_px: int = 668,
    lang: Language = ENGLISH,
) -> go.Figure:
    """A schematic sole, forward beside backward, with a slider that steps through stance.

    Regions on the ground are filled, hatched, outlined in ink and labelled "on ground"; the
    others are white with a dotted outline. Each slider step restyles the regions and rewrites the
    two captions under the feet. The drawing is a schematic, not a measured pressure map.

    >>> phase = ContactPhase("Touch-down", Contact(frozenset({"heel"}), "Heel first."),
    ...                      Contact(frozenset({"toes"}), "Toes first."))
    >>> fig = contact_sequence_figure([phase])
    >>> [step.label for step in fig.layout.sliders[0].steps]
    ['1 Touch-down']
    """
    if not phases:
        raise ValueError("The contact diagram needs at least one phase.")
    if not 0 <= active < len(phases):
        raise ValueError(f"Phase {active + 1} does not exist: there are {len(phases)} phases.")
    fig = go.Figure()
    first = _phase_update(phases[active], lang)
    for foot, (colour, axis) in enumerate(((FORWARD_COLOUR, "x"), (BACKWARD_COLOUR, "x2"))):
        yaxis = "y" if axis == "x" else "y2"
        for index, region in enumerate(FOOT_REGIONS):
            trace = foot * (len(FOOT_REGIONS) + 1) + index
            xs, ys = _region_outline(region)
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    xaxis=axis,
                    yaxis=yaxis,
                    mode="lines",
                    fill="toself",
                    fillcolor=first["fillcolor"][trace],
                    fillpattern={
                        "shape": first["fillpattern.shape"][trace],
                        "fgcolor": colour,
                        "fgopacity": 0.8,
                        "size": 12,
                        "solidity": 0.15,
                    },
                    line={
                        "color": first["line.color"][trace],
                        "width": first["line.width"][trace],
                        "dash": first["line.dash"][trace],
                    },
                    name=f"{lang._(_FEET[foot])}: {lang._(_REGION_LABELS[region])}",
                    hoverinfo="skip",
                    showlegend=False,
                )
            )
        centres = [_FOOT_LENGTH * sum(_REGION_SPANS[region]) / 2 for region in FOOT_REGIONS]
        fig.add_trace(
            go.Scatter(
                x=[0.25 if region == "midfoot" else 0.0 for region in FOOT_REGIONS],
                y=centres,
                xaxis=axis,
                yaxis=yaxis,
                mode="text",
                text=first["text"][(foot + 1) * (len(FOOT_REGIONS) + 1) - 1],
                textfont={"size": SMALL_FONT_PX, "color": INK},
                hoverinfo="skip",
                showlegend=False,
                name=lang._("{foot}: labels").format(foot=lang._(_FEET[foot])),
            )
        )
    captions = _captions(phases[active])
    annotations: list[dict[str, Any]] = []
    for foot, (low, high) in enumerate(_FOOT_DOMAINS):
        annotations.append(  # title above the foot, with the direction of travel
            {
                "text": lang._(_TITLES[foot]),
                "x": (low + high) / 2,
                "y": 1.0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": FONT_PX, "color": INK},
            }
        )
    for foot, (low, high) in enumerate(_FOOT_DOMAINS):
        annotations.append(  # caption under the foot: what touches the ground in this phase
            {
                "text": captions[foot],
                "x": (low + high) / 2,
                "y": -0.02,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "top",
                "align": "center",
                "showarrow": False,
                "font": {"size": SMALL_FONT_PX, "color": INK},
            }
        )
    steps = []
    for number, phase in enumerate(phases, start=1):
        forward_caption, backward_caption = _captions(phase)
        steps.append(
            {
                "label": f"{number} {phase.name}",
                "method": "update",
                "args": [
                    _phase_update(phase, lang),
                    {
                        "annotations[2].text": forward_caption,
                        "annotations[3].text": backward_caption,
                    },
                ],
            }
        )
    axis_range = [-2.2, 2.2]
    fig.update_layout(
        annotations=annotations,
        sliders=[
            {
                "active": active,
                "steps": steps,
                "currentvalue": {
                    "prefix": lang._("Phase of stance: "),
                    "font": {"size": FONT_PX, "color": INK},
                    "xanchor": "left",
                },
                "font": {"size": SMALL_FONT_PX, "color": INK},
                "pad": {"t": 40, "b": 8, "l": 48, "r": 48},
                "len": 1.0,
                "x": 0,
                "y": -0.16,
                "yanchor": "top",
                "bgcolor": style.LIGHT.panel,
                "activebgcolor": BACKWARD_COLOUR,
                "bordercolor": MUTED,
                "tickcolor": MUTED,
            }
        ],
        margin={"l": 8, "r": 8, "t": 84, "b": 170},
        showlegend=False,
        dragmode=False,
    )
    for index, (low, high) in enumerate(_FOOT_DOMAINS, start=1):
        suffix = "" if index == 1 else str(index)
        fig.update_layout(
            {
                f"xaxis{suffix}": {
                    "domain": [low, high],
                    "range": axis_range,
                    "visible": False,
                    "fixedrange": True,
                    # Keep the sole's proportions whatever the screen width.
                    "scaleanchor": f"y{suffix}",
                    "scaleratio": 1,
                    "constrain": "domain",
                },
                f"yaxis{suffix}": {
                    "domain": [0.0, 1.0],
                    "range": [-0.3, _FOOT_LENGTH + 0.3],
                    "visible": False,
                    "fixedrange": True,
                },
            }
        )
    _layout(fig, height_px=height_px)
    return fig


def contact_sequence_alt(phases: Sequence[ContactPhase], lang: Language = ENGLISH) -> str:
    """A text alternative for the contact diagram: every phase, forward and backward.

    >>> phase = ContactPhase("Touch-down", Contact(frozenset({"heel"}), "Heel first."),
    ...                      Contact(frozenset({"toes"}), "Toes first."))
    >>> contact_sequence_alt([phase])
    'Schematic sole, forward beside backward, stepped through stance. 1 Touch-down: forward, Heel first. Backward, Toes first.'
    """
    parts = [lang._("Schematic sole, forward beside backward, stepped through stance.")]
    for number, phase in enumerate(phases, start=1):
        parts.append(
            lang._("{number} {phase}: forward, {forward} Backward, {backward}").format(
                number=number,
                phase=phase.name,
                forward=phase.forward.text,
                backward=phase.backward.text,
            )
        )
    return " ".join(parts)


def contact_table(phases: Sequence[ContactPhase], lang: Language = ENGLISH) -> pd.DataFrame:
    """The contact sequence as a table (the diagram's keyboard- and screen-reader alternative).
    The phases are numbered "1 · Touch-down": "1. Touch-down" would be read as a Markdown list."""
    return pd.DataFrame(
        {
            lang._("Phase"): [
                f"{number} \u00b7 {phase.name}" for number, phase in enumerate(phases, start=1)
            ],
            lang._("Forward"): [phase.forward.text for phase in phases],
            lang._("Backward"): [phase.backward.text for phase in phases],
        }
    )


# --- Knee load: the three study conditions -----------------------------------------------------


@dataclass(frozen=True)
class KneeLoadStudy:
    """Peak patellofemoral (kneecap) compression in one study condition. [body weights]

    An SD of NaN means the source gave none.
    """

    label: str
    refs: tuple[str, ...]
    n: int
    condition: str
    forward_bw: float
    forward_sd_bw: float
    backward_bw: float
    backward_sd_bw: float

    @property
    def change_pct(self) -> float:
        """Backward relative to forward [%]: negative means less force backward.

        >>> round(KneeLoadStudy("R", ("r",), 20, "same speed", 4.5, 1.5, 3.4, 1.4).change_pct, 1)
        -24.4
        """
        return 100.0 * (self.backward_bw - self.forward_bw) / self.forward_bw


def knee_load_studies(data: object) -> tuple[KneeLoadStudy, ...]:
    """Read the `knee_load` block; each entry is one study condition with its reference key.

    >>> knee_load_studies([{"label": "X", "refs": ["x"], "n": 0, "condition": "c",
    ...     "forward_bw": 1, "backward_bw": 1}])
    Traceback (most recent call last):
    ...
    ValueError: knee_load 1 (X): 'n' must be a whole number of people, at least 1.
    """
    fields = {
        "label",
        "refs",
        "n",
        "condition",
        "forward_bw",
        "forward_sd_bw",
        "backward_bw",
        "backward_sd_bw",
    }
    studies = []
    for number, item in enumerate(_items(data, "knee_load"), start=1):
        where = f"knee_load {number} ({item.get('label', '?')})"
        _only(item, fields, where)
        n = item.get("n")
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValueError(f"{where}: 'n' must be a whole number of people, at least 1.")
        forward = _number(item, "forward_bw", where)
        backward = _number(item, "backward_bw", where)
        if forward == 0:
            raise ValueError(f"{where}: a forward force of 0 body weights is not a measurement.")
        studies.append(
            KneeLoadStudy(
                label=_text(item, "label", where),
                refs=_refs(item, where),
                n=n,
                condition=_text(item, "condition", where),
                forward_bw=forward,
                forward_sd_bw=_number(item, "forward_sd_bw", where, optional=True),
                backward_bw=backward,
                backward_sd_bw=_number(item, "backward_sd_bw", where, optional=True),
            )
        )
    return tuple(studies)


def _study_tick(study: KneeLoadStudy) -> str:
    return f"<b>{study.label}</b><br>n = {study.n}<br>{_wrap(study.condition, 13)}"


def knee_load_figure(
    studies: Sequence[KneeLoadStudy], *, height_px: int = 520, lang: Language = ENGLISH
) -> go.Figure:
    """Forward (solid) and backward (hatched) bars per study condition, ± 1 SD where reported."""
    if not studies:
        raise ValueError("The knee-load chart needs at least one study.")
    ticks = [_study_tick(study) for study in studies]
    fig = go.Figure()
    labels: list[tuple[str, list[float], list[float]]] = []
    for name, direction, colour, pattern, values, spreads in (
        (
            lang._("Forward (solid)"),
            lang._("Forward"),
            FORWARD_COLOUR,
            "",
            [s.forward_bw for s in studies],
            [s.forward_sd_bw for s in studies],
        ),
        (
            lang._("Backward (hatched)"),
            lang._("Backward"),
            BACKWARD_COLOUR,
            HATCH,
            [s.backward_bw for s in studies],
            [s.backward_sd_bw for s in studies],
        ),
    ):
        fig.add_trace(
            go.Bar(
                x=ticks,
                y=values,
                name=name,
                marker=style.hatched(colour, pattern, size=9, line=INK),
                error_y={
                    "type": "data",
                    "array": [None if math.isnan(sd) else sd for sd in spreads],
                    "color": INK,
                    "thickness": 2,
                    "width": 8,
                },
                offsetgroup=direction,
                customdata=[
                    lang._("no SD reported")
                    if math.isnan(sd)
                    else lang._("± {sd} SD").format(sd=lang.number(sd, 1))
                    for sd in spreads
                ],
                hovertemplate=f"{direction}: "
                + lang._("%{y:.1f} \u00d7 body weight (%{customdata})")
                + "<extra></extra>",
            )
        )
        labels.append((direction, values, spreads))
    top = max(
        max(
            s.forward_bw + (0 if math.isnan(s.forward_sd_bw) else s.forward_sd_bw) for s in studies
        ),
        max(
            s.backward_bw + (0 if math.isnan(s.backward_sd_bw) else s.backward_sd_bw)
            for s in studies
        ),
    )
    axis_top = math.ceil(top + 0.5)
    # The values just above their whiskers, in the page's text colour: readable in either
    # theme, where a label inside a vermilion or hatched bar is not.
    standoff = style.LABEL_STANDOFF * axis_top
    for direction, values, spreads in labels:
        fig.add_scatter(
            x=ticks,
            y=[
                v + (0 if math.isnan(sd) else sd) + standoff
                for v, sd in zip(values, spreads, strict=True)
            ],
            mode="text",
            text=[lang.number(value, 1) for value in values],
            textposition="top center",
            textfont={"size": FONT_PX, "color": INK, "shadow": style.LABEL_HALO},
            offsetgroup=direction,
            showlegend=False,
            hoverinfo="skip",
        )
    fig.update_layout(
        barmode="group",
        scattermode="group",
        bargap=0.25,
        bargroupgap=0.08,
        margin={"l": 8, "r": 8, "t": 48, "b": 8},
        legend=style.legend_above(1.02, FONT_PX),
        separators=lang.plotly_separators,
        yaxis=style.axis(
            lang._("Peak kneecap force [\u00d7 body weight]"),
            range=[0, axis_top],
            zeroline=True,
            zerolinecolor=INK,
            fixedrange=True,
        ),
        # Never rotate the study names: rotated text is unreadable on a phone or a projector.
        xaxis={
            "tickfont": {"size": SMALL_FONT_PX, "color": INK},
            "tickangle": 0,
            "automargin": True,
            "fixedrange": True,
        },
        dragmode=False,
    )
    _layout(fig, height_px=height_px)
    return fig


def knee_load_alt(studies: Sequence[KneeLoadStudy], lang: Language = ENGLISH) -> str:
    """A text alternative for the knee-load chart.

    >>> s = KneeLoadStudy("Roos et al. 2012", ("roos2012",), 20, "same speed", 4.5, 1.5, 3.4, 1.4)
    >>> knee_load_alt([s])
    'Peak kneecap force in body weights, forward then backward. Roos et al. 2012 (n = 20, same speed): 4.5 ± 1.5 forward, 3.4 ± 1.4 backward (-24 %).'
    """
    parts = [lang._("Peak kneecap force in body weights, forward then backward.")]
    for s in studies:
        parts.append(
            lang._(
                "{study} (n = {n}, {condition}): {forward} forward, {backward} backward "
                "({change} %)."
            ).format(
                study=s.label,
                n=s.n,
                condition=s.condition,
                forward=_value_sd(s.forward_bw, s.forward_sd_bw, lang),
                backward=_value_sd(s.backward_bw, s.backward_sd_bw, lang),
                change=lang.number(s.change_pct, 0, sign=True),
            )
        )
    return " ".join(parts)


def _value_sd(value: float, sd: float, lang: Language = ENGLISH) -> str:
    shown = lang.number(value, 1)
    return shown if math.isnan(sd) else f"{shown} ± {lang.number(sd, 1)}"


# --- Getting started: the week-by-week plan ----------------------------------------------------


@dataclass(frozen=True)
class PlanWeek:
    """One week of the starter plan. `minutes` is backward time per session, e.g. "5" or "5-10"."""

    week: int
    mode: Mode
    what: str
    minutes: str
    notes: str
    refs: tuple[str, ...] = ()


def plan_weeks(data: object) -> tuple[PlanWeek, ...]:
    """Read the `weeks` block: consecutive weeks from 1, each a walking or a running week.

    >>> plan_weeks([{"week": 1, "mode": "walk", "what": "Walk back.", "minutes": "5",
    ...     "notes": "Slowly."}])[0].minutes
    '5'
    >>> plan_weeks([{"week": 2, "mode": "walk", "what": "W", "minutes": "5", "notes": "N"}])
    Traceback (most recent call last):
    ...
    ValueError: weeks: entry 1 is week 2; weeks must run 1, 2, 3, ... without gaps.
    """
    weeks = []
    for number, item in enumerate(_items(data, "weeks"), start=1):
        where = f"weeks {number}"
        _only(item, {"week", "mode", "what", "minutes", "notes", "refs"}, where)
        week = item.get("week")
        if week != number or isinstance(week, bool):
            raise ValueError(
                f"weeks: entry {number} is week {week}; weeks must run 1, 2, 3, ... without gaps."
            )
        mode = item.get("mode")
        if mode not in MODES:
            raise ValueError(f"{where}: 'mode' must be 'walk' or 'run', not {mode!r}.")
        minutes = item.get("minutes")
        if isinstance(minutes, int | float) and not isinstance(minutes, bool):
            minutes = f"{minutes:g}"
        if not isinstance(minutes, str) or not minutes.strip():
            raise ValueError(f"{where} needs 'minutes', e.g. 5 or \"5{EN_DASH}10\".")
        weeks.append(
            PlanWeek(
                week=number,
                mode=mode,
                what=_text(item, "what", where),
                minutes=minutes.strip(),
                notes=_text(item, "notes", where),
                refs=_refs(item, where) if "refs" in item else (),
            )
        )
    return tuple(weeks)


#: How the plan's table names each kind of week.
MODE_WORDS: Mapping[Mode, str] = {"walk": N_("walk"), "run": N_("run")}


def _week_label(week: PlanWeek, lang: Language = ENGLISH) -> str:
    """A week as the table's first column and the card's title write it: "1 · walk"."""
    return f"{week.week} · {lang._(MODE_WORDS[week.mode])}"


def plan_table(weeks: Sequence[PlanWeek], lang: Language = ENGLISH) -> pd.DataFrame:
    """The plan as a table a person can read row by row (a phone shows `plan_cards` instead).

    >>> plan_table([PlanWeek(1, "walk", "Walk back.", "5", "Slowly.")]).to_dict("records")
    [{'Week': '1 · walk', 'What to do': 'Walk back.', 'Backward minutes': '5', 'Notes': 'Slowly.'}]
    """
    return pd.DataFrame(
        {
            lang._("Week"): [_week_label(w, lang) for w in weeks],
            lang._("What to do"): [w.what for w in weeks],
            lang._("Backward minutes"): [w.minutes for w in weeks],
            lang._("Notes"): [w.notes for w in weeks],
        }
    )


def plan_cards(weeks: Sequence[PlanWeek], lang: Language = ENGLISH) -> tuple[str, ...]:
    """The plan for a phone: one card of Markdown per week, the table's headings as labels.

    A four-column table squeezed to a phone's width wraps its longest column to a word or two per
    line; a card gives each week the full width and reads top to bottom.

    >>> print(plan_cards([PlanWeek(1, "walk", "Walk back *slowly*.", "5", "Look back.")])[0])
    **Week 1 · walk** · Backward minutes: 5
    <BLANKLINE>
    Walk back \\*slowly\\*.
    <BLANKLINE>
    *Notes:* Look back.
    """
    week, minutes, notes = lang._("Week"), lang._("Backward minutes"), lang._("Notes")
    return tuple(
        f"**{week} {_week_label(w, lang)}** · "
        f"{minutes}: {escape_markdown(w.minutes)}\n\n"
        f"{escape_markdown(w.what)}\n\n"
        f"*{notes}:* {escape_markdown(w.notes)}"
        for w in weeks
    )


# --- Notable users and records: the timeline ---------------------------------------------------


@dataclass(frozen=True)
class TimelineEvent:
    """A dated story or record, with the evidence level of the claim itself."""

    year: int
    label: str
    detail: str
    level: EvidenceLevel
    refs: tuple[str, ...]


def timeline_events(data: object) -> tuple[TimelineEvent, ...]:
    """Read the `timeline` block, sorted by year (stable for events in the same year).

    >>> events = timeline_events([
    ...     {"year": 2015, "label": "Mile 5:54.25", "detail": "D.", "level": "record",
    ...      "refs": ["guinness2016"]},
    ...     {"year": 1926, "label": "Tunney", "detail": "D.", "level": "unconfirmed",
    ...      "refs": ["claim_tunney_backward"]}])
    >>> [(e.year, e.level.badge) for e in events]
    [(1926, 'unconfirmed'), (2015, 'record')]
    """
    events = []
    for number, item in enumerate(_items(data, "timeline"), start=1):
        where = f"timeline {number} ({item.get('label', '?')})"
        _only(item, {"year", "label", "detail", "level", "refs"}, where)
        year = item.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 2100:
            raise ValueError(f"{where}: 'year' must be a four-digit year.")
        level = item.get("level")
        if not isinstance(level, str) or level not in LEVEL_BY_ID:
            raise ValueError(
                f"{where}: evidence level {level!r} is not in the legend "
                f"({', '.join(LEVEL_BY_ID)})."
            )
        events.append(
            TimelineEvent(
                year=year,
                label=_text(item, "label", where),
                detail=_text(item, "detail", where),
                level=LEVEL_BY_ID[level],
                refs=_refs(item, where),
            )
        )
    return tuple(sorted(events, key=lambda event: event.year))


def _event_row(event: TimelineEvent) -> str:
    return f"{event.year} · {event.label}"


def timeline_figure(
    events: Sequence[TimelineEvent], *, row_px: int = 34, lang: Language = ENGLISH
) -> go.Figure:
    """One row per event (oldest at the top), placed on a year axis.

    Each evidence level has its own marker shape, colour and legend entry, and every marker is
    labelled with the level's badge, so the level never depends on colour.
    """
    if not events:
        raise ValueError("The timeline needs at least one event.")
    rows = [_event_row(event) for event in events]
    first, last = min(e.year for e in events), max(e.year for e in events)
    span = max(last - first, 10)
    low, high = first - 0.06 * span, last + 0.06 * span
    middle = (low + high) / 2
    fig = go.Figure()
    for level in LEVELS:
        members = [event for event in events if event.level == level]
        if not members:
            continue
        fig.add_trace(
            go.Scatter(
                x=[event.year for event in members],
                y=[_event_row(event) for event in members],
                mode="markers+text",
                name=f"[{level.badge}] {lang._(level.label)}",
                marker={
                    "symbol": LEVEL_SYMBOLS[level.id],
                    "size": 16,
                    "color": LEVEL_COLOURS[level.id],
                    "line": {"color": INK, "width": 1.5},
                },
                text=[level.badge for _ in members],
                textposition=[
                    "middle left" if event.year > middle else "middle right" for event in members
                ],
                textfont={"size": SMALL_FONT_PX, "color": INK},
                cliponaxis=False,
                customdata=[_wrap(strip_citations(event.detail), 48) for event in members],
                hovertemplate="%{y}<br>%{customdata}<br>"
                + lang._("Evidence: {level}").format(level=lang._(level.label))
                + "<extra></extra>",
            )
        )
    fig.update_layout(
        margin={"l": 8, "r": 16, "t": 8, "b": 8},
        legend=style.legend_above(1.0),
        xaxis=style.axis(
            lang._("Year"), range=[low, high], fixedrange=True, nticks=6, tickformat="d"
        ),
        yaxis={
            "categoryorder": "array",
            "categoryarray": list(reversed(rows)),
            "automargin": True,
            "tickfont": {"size": SMALL_FONT_PX, "color": INK},
            "gridcolor": GRID,
            "fixedrange": True,
        },
        dragmode=False,
    )
    _layout(fig, height_px=140 + row_px * len(events))
    return fig


def timeline_alt(events: Sequence[TimelineEvent], lang: Language = ENGLISH) -> str:
    """A text alternative for the timeline: every event with its year and evidence level."""
    listed = "; ".join(
        f"{event.year}, {event.label} ({lang._(event.level.label).lower()})" for event in events
    )
    return lang._("Timeline of backward walking and running, oldest first: {events}.").format(
        events=listed
    )


def timeline_table(events: Sequence[TimelineEvent], lang: Language = ENGLISH) -> pd.DataFrame:
    """The timeline's points as a table, oldest first (its data-table alternative).

    >>> event = TimelineEvent(1991, "Adoboe, 100 m 13.6 s", "A record [@guinness2016].",
    ...                       LEVEL_BY_ID["record"], ("guinness2016",))
    >>> timeline_table([event]).to_dict("records")
    [{'Year': 1991, 'Event': 'Adoboe, 100 m 13.6 s', 'Evidence': 'Official record'}]
    """
    return pd.DataFrame(
        {
            lang._("Year"): [event.year for event in events],
            lang._("Event"): [event.label for event in events],
            lang._("Evidence"): [lang._(event.level.label) for event in events],
        }
    )


def timeline_markdown(events: Sequence[TimelineEvent], lang: Language = ENGLISH) -> str:
    """The timeline as a Markdown list, oldest first, each item with its evidence level in words.

    Citation markers in the details are kept, for the page to render as links.

    >>> event = TimelineEvent(1991, "Adoboe, 100 m 13.6 s", "A record [@guinness2016].",
    ...                       LEVEL_BY_ID["record"], ("guinness2016",))
    >>> timeline_markdown([event])
    '- **1991 · Adoboe, 100 m 13.6 s.** A record [@guinness2016]. *Evidence: [record] Official record.*'
    """
    evidence = lang._("Evidence: {level}")
    return "\n".join(
        f"- **{event.year} · {escape_markdown(event.label)}.** {event.detail} "
        f"*{evidence.format(level=f'[{event.level.badge}] {lang._(event.level.label)}')}.*"
        for event in events
    )


@dataclass(frozen=True)
class LearnFigure:
    """A Learn page's figure, its text alternative and the table of its numbers."""

    figure: go.Figure
    alt: str
    table: pd.DataFrame


def learn_figure(
    kind: str,
    meta: Mapping[str, Any],
    references: Mapping[str, Reference] | None = None,
    lang: Language = ENGLISH,
) -> LearnFigure:
    """The figure `kind` drawn from a content page's front matter `meta`.

    Kinds: "contact" and "knee_load" (toe_to_heel.md), "timeline" (notable_users.md), "claims"
    (myths.md: its `chart` block), "emg" (muscles.md; needs `references` for each row's evidence
    level) and "posture" (posture.md: the schematic).
    """
    if kind == "emg":
        if references is None:
            raise ValueError("The muscle chart needs the references, for each row's level.")
        findings = muscles.muscle_findings(meta["emg"])
        return LearnFigure(
            muscles.emg_figure(findings, references, lang=lang),
            muscles.emg_alt(findings, references, lang),
            muscles.emg_table(findings, references, lang),
        )
    if kind == "posture":
        labels = posture.schematic_labels(meta["schematic"])
        return LearnFigure(
            posture.posture_figure(labels), posture.posture_alt(labels, lang), pd.DataFrame()
        )
    if kind == "contact":
        phases = contact_phases(meta["contact_phases"])
        return LearnFigure(
            contact_sequence_figure(phases, lang=lang),
            contact_sequence_alt(phases, lang),
            contact_table(phases, lang),
        )
    if kind == "knee_load":
        studies = knee_load_studies(meta["knee_load"])
        return LearnFigure(
            knee_load_figure(studies, lang=lang), knee_load_alt(studies, lang), pd.DataFrame()
        )
    if kind == "timeline":
        events = timeline_events(meta["timeline"])
        return LearnFigure(
            timeline_figure(events, lang=lang),
            timeline_alt(events, lang),
            timeline_table(events, lang),
        )
    if kind == "claims":
        chart = meta["chart"]
        rows = claims.parse_rows(chart["rows"])
        figure = claims.claims_vs_measured(rows, axis_title=chart["axis_title"], lang=lang)
        return LearnFigure(figure, claims.describe(rows, lang), claims.table(rows, lang))
    raise ValueError(f"No Learn figure {kind!r}.")
