"""Muscle activation: which muscles the EMG studies found more or less active backward. No Streamlit.

The rows come from the `emg` block of `content/muscles.md`; each row's evidence level is the
strongest level among its cited sources in `references.yaml`, written on the chart ("[lab]",
"[expert]") so it never depends on colour. The studies report the direction of a change, not its
size, so every bar has the same length: the chart shows which way, never how much.

>>> rows = muscle_findings([{"muscle": "Rectus femoris", "where": "front of the thigh",
...     "change": "more", "measured": "walking", "refs": ["truman2007"]}])
>>> rows[0].change, rows[0].direction
('more', 1)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from retroedu.content.evidence import EvidenceLevel, Reference
from retroedu.content.i18n import ENGLISH, N_, Language
from retroedu.figures import blocks, style

Change = Literal["more", "less"]
CHANGES: tuple[Change, ...] = ("more", "less")
#: Words for each direction, on the bars and in the table.
CHANGE_WORDS: Mapping[Change, str] = {
    "more": N_("more active backward"),
    "less": N_("less active backward"),
}
#: The chart's legend for each direction (the words, capitalised).
CHANGE_NAMES: Mapping[Change, str] = {
    "more": N_("More active backward"),
    "less": N_("Less active backward"),
}
#: More: orange, solid; less: sky blue, hatched (Okabe-Ito; told apart by pattern and words too).
CHANGE_STYLES: Mapping[Change, tuple[str, str]] = {
    "more": (style.ORANGE, ""),
    "less": (style.SKY, "/"),
}
#: Characters a line of a bar's words may take (a 390-px phone has room for about 46).
EVIDENCE_CHARS = 44


@dataclass(frozen=True)
class MuscleFinding:
    """One muscle: where it is, which way its activity changed backward, in what, and the sources."""

    muscle: str
    where: str
    change: Change
    measured: str
    refs: tuple[str, ...]

    @property
    def direction(self) -> int:
        """+1 for more active backward, -1 for less."""
        return 1 if self.change == "more" else -1


def muscle_findings(data: object) -> tuple[MuscleFinding, ...]:
    """Read the `emg` block: muscle, where, change (more | less), measured, refs.

    >>> muscle_findings([{"muscle": "Calf", "where": "w", "change": "same", "measured": "m",
    ...     "refs": ["x"]}])
    Traceback (most recent call last):
    ...
    ValueError: emg 1 (Calf): 'change' must be more or less, not 'same'.
    """
    found = []
    for number, item in enumerate(blocks.items(data, "emg"), start=1):
        where = f"emg {number} ({item.get('muscle', '?')})"
        blocks.only(item, {"muscle", "where", "change", "measured", "refs"}, where)
        change = item.get("change")
        if change not in CHANGES:
            raise ValueError(f"{where}: 'change' must be more or less, not {change!r}.")
        found.append(
            MuscleFinding(
                muscle=blocks.text(item, "muscle", where),
                where=blocks.text(item, "where", where),
                change=change,
                measured=blocks.text(item, "measured", where),
                refs=blocks.refs(item, where),
            )
        )
    return tuple(found)


def strongest_level(keys: Sequence[str], references: Mapping[str, Reference]) -> EvidenceLevel:
    """The strongest evidence level among the sources `keys` (ValueError for an unknown key).

    >>> from retroedu.content.evidence import LEVEL_BY_ID
    >>> refs = {"a": Reference("a", "A", 2001, "T", "J", LEVEL_BY_ID["practice"]),
    ...         "b": Reference("b", "B", 2002, "T", "J", LEVEL_BY_ID["lab"])}
    >>> strongest_level(["a", "b"], refs).badge
    'lab'
    """
    unknown = [key for key in keys if key not in references]
    if unknown or not keys:
        raise ValueError(f"Unknown or missing sources for a finding: {', '.join(unknown)}.")
    return min((references[key].level for key in keys), key=lambda level: level.rank)


def _evidence(finding: MuscleFinding, references: Mapping[str, Reference]) -> str:
    return f"[{strongest_level(finding.refs, references).badge}] {finding.measured}"


def _row(finding: MuscleFinding) -> str:
    return f"<b>{finding.muscle}</b><br>{finding.where}"


#: A row's height, and the bar's share of it: the words sit above each bar. [px]
ROW_PX = 100
BAR_WIDTH = 0.3


def _note(
    finding: MuscleFinding, references: Mapping[str, Reference], lang: Language = ENGLISH
) -> str:
    """The words above a bar: the muscle and where it is, then which way and the evidence."""
    said = f"{lang._(CHANGE_WORDS[finding.change])} \u00b7 {_evidence(finding, references)}"
    return f"<b>{finding.muscle}</b> ({finding.where})<br>{blocks.wrap(said, EVIDENCE_CHARS)}"


def emg_figure(
    findings: Sequence[MuscleFinding],
    references: Mapping[str, Reference],
    *,
    row_px: int = ROW_PX,
    lang: Language = ENGLISH,
) -> go.Figure:
    """One row per muscle: a bar to the right (more active backward) or to the left (less),
    the muscle, the direction in words and the evidence written above it, across the width
    (nothing beside the bars, so a phone keeps its width for them).
    """
    if not findings:
        raise ValueError("The muscle chart needs at least one finding.")
    rows = [_row(finding) for finding in findings]
    fig = go.Figure()
    for change in CHANGES:
        members = [finding for finding in findings if finding.change == change]
        if not members:
            continue
        colour, pattern = CHANGE_STYLES[change]
        fig.add_trace(
            go.Bar(
                orientation="h",
                y=[_row(finding) for finding in members],
                x=[finding.direction for finding in members],
                base=0,
                width=BAR_WIDTH,
                name=lang._(CHANGE_NAMES[change]),
                marker=style.hatched(
                    colour, pattern, size=12, hatch=style.ON_DATA, solidity=0.1, opacity=0.35
                ),
                customdata=[_evidence(finding, references) for finding in members],
                hovertemplate="%{y}<br>"
                + lang._(CHANGE_WORDS[change])
                + "<br>%{customdata}<extra></extra>",
            )
        )
    notes = [
        {
            "x": 0,
            "xref": "paper",
            "y": _row(finding),
            "yanchor": "bottom",
            "yshift": BAR_WIDTH * row_px / 2 + 5,
            "text": _note(finding, references, lang),
            "xanchor": "left",
            "align": "left",
            "showarrow": False,
            "font": {"size": style.SMALL_FONT_PX, "color": style.LIGHT.text},
            # The page's colour behind the words, opaque: the centre line does not cross them
            # (through the translucent veil it still showed, at 15 %).
            "bgcolor": style.LIGHT.surface,
        }
        for finding in findings
    ]
    fig.update_layout(
        style.layout(
            70 + row_px * len(findings),
            barmode="overlay",
            showlegend=False,
            annotations=notes,
            margin={"l": 8, "r": 8, "t": 8, "b": 8},
            xaxis={
                "range": [-1.08, 1.08],
                "tickmode": "array",
                # Half-way along the bars: a label centred on a bar's end would hang off a phone.
                "tickvals": [-0.55, 0, 0.55],
                "ticktext": [
                    lang._("\u2190 less active"),
                    lang._("same"),
                    lang._("more active \u2192"),
                ],
                "tickfont": {"size": style.SMALL_FONT_PX, "color": style.LIGHT.text},
                "showgrid": False,
                "zeroline": True,
                "zerolinecolor": style.LIGHT.line,
                "zerolinewidth": 2,
                "fixedrange": True,
            },
            yaxis={
                "categoryorder": "array",
                "categoryarray": list(reversed(rows)),
                "showticklabels": False,
                # Room above the top bar for its words.
                "range": [-0.5, len(rows) - 0.2],
                "fixedrange": True,
            },
            dragmode=False,
        )
    )
    return fig


def emg_alt(
    findings: Sequence[MuscleFinding],
    references: Mapping[str, Reference],
    lang: Language = ENGLISH,
) -> str:
    """A text alternative: every muscle, its direction and its evidence.

    >>> from retroedu.content.evidence import LEVEL_BY_ID
    >>> refs = {"t": Reference("t", "T", 2007, "T", "J", LEVEL_BY_ID["lab"])}
    >>> emg_alt([MuscleFinding("Calf", "back of the leg", "less", "walking", ("t",))], refs)
    'Muscle activity backward compared with forward, direction only. Calf (back of the leg): less active backward; lab study (small n), walking.'
    """
    parts = [lang._("Muscle activity backward compared with forward, direction only.")]
    for finding in findings:
        level = strongest_level(finding.refs, references)
        parts.append(
            f"{finding.muscle} ({finding.where}): {lang._(CHANGE_WORDS[finding.change])}; "
            f"{lang._(level.label).lower()}, {finding.measured}."
        )
    return " ".join(parts)


def emg_table(
    findings: Sequence[MuscleFinding],
    references: Mapping[str, Reference],
    lang: Language = ENGLISH,
) -> pd.DataFrame:
    """The chart's rows as a table (its data-table alternative)."""
    return pd.DataFrame(
        {
            lang._("Muscle"): [f"{finding.muscle} ({finding.where})" for finding in findings],
            lang._("Backward against forward"): [
                lang._(CHANGE_WORDS[finding.change]) for finding in findings
            ],
            lang._("Measured in"): [finding.measured for finding in findings],
            lang._("Evidence"): [
                lang._(strongest_level(f.refs, references).label) for f in findings
            ],
        }
    )
