"""Posture: a schematic side view of a backward runner, labelled with the coaching cues. No
Streamlit.

The drawing is a schematic, not a measurement, and says so on the figure itself. Its geometry is
fixed here; its words come from the `schematic` block of `content/posture.md` (one label per part
of the body), so the cues and their sources live with the page's text.

>>> labels = schematic_labels({"head": "Look back", "trunk": "Tall", "arms": "Swing",
...     "feet": "Toes first", "travel": "Moving this way", "stamp": "Schematic"})
>>> fig = posture_figure(labels)
>>> [note.text for note in fig.layout.annotations][0]
'<i>Schematic</i>'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go

from retroedu.content.i18n import ENGLISH, N_, Language
from retroedu.figures import blocks, style

#: The parts the drawing labels, in reading order, and the stamp that calls it a schematic.
PARTS: tuple[str, ...] = ("head", "trunk", "arms", "feet", "travel", "stamp")
#: Characters a line of the key may take (a 390-px phone has room for about 46 at 14 px).
LABEL_CHARS = 44
Point = tuple[float, float]

# The runner faces right and moves left (backward). Hip, neck, head [drawing units, 1 = leg].
_HIP: Point = (0.0, 0.95)
_NECK: Point = (0.1, 1.52)  # a slight forward lean: upright, not leaning back
_HEAD: Point = (0.14, 1.7)
_HEAD_R = 0.12
_SHOULDER: Point = (0.09, 1.45)
#: Limbs as polylines: the leg reaching back lands toes first, heel still up.
_LIMBS: Mapping[str, tuple[Point, ...]] = {
    "reaching leg": (_HIP, (-0.24, 0.52), (-0.4, 0.14), (-0.5, 0.16), (-0.27, 0.02)),
    "pushing leg": (_HIP, (0.14, 0.5), (0.08, 0.1), (0.02, 0.04), (0.26, 0.02)),
    "forward arm": (_SHOULDER, (0.3, 1.22), (0.46, 1.3)),
    "back arm": (_SHOULDER, (-0.12, 1.2), (-0.2, 1.02)),
    "trunk": (_HIP, _NECK),
}


def schematic_labels(data: object) -> Mapping[str, str]:
    """Read the `schematic` block: one text per part of the drawing (head, trunk, arms, feet,
    travel) and the stamp that names it a schematic.

    >>> schematic_labels({"head": "x"})
    Traceback (most recent call last):
    ...
    ValueError: The 'schematic' block needs exactly: head, trunk, arms, feet, travel, stamp.
    """
    if not isinstance(data, Mapping) or set(data) != set(PARTS):
        raise ValueError(f"The 'schematic' block needs exactly: {', '.join(PARTS)}.")
    return {part: blocks.text(data, part, f"schematic {part}") for part in PARTS}


def _marker(number: int, at: Point, towards: Point) -> dict[str, Any]:
    """A numbered marker at `at` with a line to the part at `towards` (axis units); the cue
    itself is written in the key under the drawing, where a phone has the width for it."""
    return {
        "x": towards[0],
        "y": towards[1],
        "ax": at[0],
        "ay": at[1],
        "axref": "x",
        "ayref": "y",
        "text": f"<b>{number}</b>",
        "showarrow": True,
        "arrowhead": 0,
        "arrowwidth": 1.5,
        "arrowcolor": style.LIGHT.muted,
        "font": {"size": style.FONT_PX, "color": style.LIGHT.text},
        "bgcolor": style.LIGHT.surface,
        "bordercolor": style.LIGHT.line,
        "borderwidth": 1.5,
        "borderpad": 3,
    }


#: The cues in the key's order, and where each marker sits and points (axis units).
CUES: tuple[tuple[str, Point, Point], ...] = (
    ("head", (-0.8, 1.62), (-0.72, 1.56)),
    ("trunk", (0.62, 1.02), (0.06, 1.2)),
    ("arms", (0.62, 1.5), (0.44, 1.3)),
    ("feet", (-0.8, 0.5), (-0.3, 0.04)),
)
#: Height of a line of the key. [px]
KEY_LINE_PX = 19


def _key(labels: Mapping[str, str]) -> tuple[str, int]:
    """The key under the drawing, one numbered cue a line (wrapped), and its number of lines."""
    lines = [
        f"<b>{number}</b>  " + blocks.wrap(blocks.strip_citations(labels[part]), LABEL_CHARS - 3)
        for number, (part, _, _) in enumerate(CUES, start=1)
    ]
    return "<br>".join(lines), sum(line.count("<br>") + 1 for line in lines)


def posture_figure(labels: Mapping[str, str], *, height_px: int = 460) -> go.Figure:
    """The schematic runner with the cues pointing at the parts they are about."""
    ink = {"color": style.LIGHT.line, "width": 7}
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": [x for x, _ in points],
            "y": [y for _, y in points],
            "mode": "lines",
            "line": {**ink, "width": 9 if name == "trunk" else 7},
            "hoverinfo": "skip",
            "name": name,
            "showlegend": False,
        }
        for name, points in _LIMBS.items()
    ]
    shapes: list[dict[str, Any]] = [
        {  # the head
            "type": "circle",
            "x0": _HEAD[0] - _HEAD_R,
            "x1": _HEAD[0] + _HEAD_R,
            "y0": _HEAD[1] - _HEAD_R,
            "y1": _HEAD[1] + _HEAD_R,
            "line": {"color": style.LIGHT.line, "width": 5},
            "fillcolor": style.LIGHT.surface,
        },
        {  # the ground
            "type": "line",
            "x0": -1.5,
            "x1": 1.5,
            "y0": 0,
            "y1": 0,
            "line": {"color": style.LIGHT.muted, "width": 2},
        },
        {  # the glance back over the shoulder
            "type": "line",
            "x0": _HEAD[0] - 0.08,
            "y0": _HEAD[1] + 0.02,
            "x1": -0.75,
            "y1": 1.55,
            "line": {"color": style.LIGHT.muted, "width": 2, "dash": "dot"},
        },
    ]
    notes = [
        {
            "x": 0.0,
            "y": 1.0,
            "xref": "paper",
            "yref": "paper",
            "text": f"<i>{blocks.strip_citations(labels['stamp'])}</i>",
            "xanchor": "left",
            "yanchor": "top",
            "showarrow": False,
            "font": {"size": style.SMALL_FONT_PX, "color": style.LIGHT.text},
            "bordercolor": style.LIGHT.muted,
            "borderwidth": 1,
            "borderpad": 4,
        },
        *(_marker(number, at, towards) for number, (_, at, towards) in enumerate(CUES, 1)),
        {  # the direction of travel, under the ground line
            "x": -1.2,
            "y": -0.2,
            "ax": 0.2,
            "ay": -0.2,
            "axref": "x",
            "ayref": "y",
            "text": "",
            "showarrow": True,
            "arrowhead": 2,
            "arrowsize": 1.2,
            "arrowwidth": 2.5,
            "arrowcolor": style.LIGHT.line,
        },
        {
            "x": -0.5,
            "y": -0.3,
            "text": blocks.strip_citations(labels["travel"]),
            "yanchor": "top",
            "showarrow": False,
            "font": {"size": style.SMALL_FONT_PX, "color": style.LIGHT.text},
        },
    ]
    key, key_lines = _key(labels)
    notes.append(
        {
            "x": 0,
            "y": 0,
            "xref": "paper",
            "yref": "paper",
            "yshift": -8,
            "text": key,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "font": {"size": style.SMALL_FONT_PX, "color": style.LIGHT.text},
        }
    )
    key_px = 16 + KEY_LINE_PX * key_lines
    layout = style.layout(
        height_px + key_px,
        shapes=shapes,
        annotations=notes,
        showlegend=False,
        margin={"l": 8, "r": 8, "t": 8, "b": 8 + key_px},
        xaxis={"range": [-1.55, 1.55], "visible": False, "fixedrange": True},
        yaxis={
            "range": [-0.45, 1.95],
            "visible": False,
            "fixedrange": True,
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        dragmode=False,
    )
    return go.Figure(data=traces, layout=layout)


#: The parts the text alternative names, as it names them.
PART_NAMES: Mapping[str, str] = {
    "head": N_("Head"),
    "trunk": N_("Trunk"),
    "arms": N_("Arms"),
    "feet": N_("Feet"),
}


def posture_alt(labels: Mapping[str, str], lang: Language = ENGLISH) -> str:
    """A text alternative: what the schematic shows, cue by cue.

    >>> posture_alt({"head": "Look back.", "trunk": "Tall.", "arms": "Swing.",
    ...     "feet": "Toes first.", "travel": "Moving left.", "stamp": "Schematic."})
    'Schematic. A runner seen from the side, facing right and moving left (backward). Head: Look back. Trunk: Tall. Arms: Swing. Feet: Toes first.'
    """
    cues = " ".join(
        f"{lang._(PART_NAMES[part])}: {blocks.strip_citations(labels[part])}"
        for part in ("head", "trunk", "arms", "feet")
    )
    stamp = blocks.strip_citations(labels["stamp"])
    seen = lang._("A runner seen from the side, facing right and moving left (backward).")
    return f"{stamp} {seen} {cues}"
