"""A one-page patient handout as PDF bytes: plain data in, PDF out. Pure; no Streamlit.

The handout carries a person's heart-rate zones [bpm], a forward-vs-backward energy comparison
[kcal], a week-by-week backward walking/running progression, a safety checklist, a QR code and link
that reopen the same settings, the sources and an "education, not medical advice" line.

It is drawn with fpdf2's built-in Helvetica (one of the 14 standard PDF fonts), so it needs no font
file and works on any machine, offline. Those fonts cover the Windows-1252 character set (en dash,
curly quotes, the multiplication and plus-minus signs); `pdf_text` turns the few other symbols
RetroEdu writes (approximately equal, true minus, arrows, at least) into close equivalents. The QR
code is drawn as vector squares from segno's matrix, so it stays sharp when printed.

>>> pdf_text("\u2248 +35 % \u2192 120\u2013135 bpm")
'~ +35 % -> 120\u2013135 bpm'
>>> plain_text("Walk **slowly** [@kim2001; @roos2012], see [the page](https://x.org).", {"kim2001": 1})
'Walk slowly [1], see the page.'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

Paper = Literal["A4", "Letter"]
#: Paper sizes the handout supports, as fpdf2 names them, with their size [mm].
PAPER_SIZES_MM: Mapping[str, tuple[float, float]] = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}

ENCODING = "windows-1252"
#: Characters outside Windows-1252 that RetroEdu's texts use, and what the PDF prints instead.
REPLACEMENTS: Mapping[str, str] = {
    "\u2248": "~",
    "\u2212": "-",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2265": ">=",
    "\u2264": "<=",
    "\u2713": "",
    "\u2009": " ",
    "\u202f": " ",
    "\u2011": "-",
    "\u2012": "-",
}

MARGIN_MM = 13.0
QR_MM = 34.0
INK = (26, 29, 33)
MUTED = (80, 86, 94)
RULE = (190, 196, 204)
SHADE = (236, 241, 246)
#: Font scales tried, largest first, until everything fits on one page.
SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7)

CITATION = re.compile(r"\s*\[@([a-z][a-z0-9_]*(?:\s*;\s*@[a-z][a-z0-9_]*)*)\]")
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")


@dataclass(frozen=True)
class ZoneRow:
    """One heart-rate zone: its name, its share of max HR or of reserve, and its range. [bpm]"""

    zone: str
    name: str
    share: str
    low_bpm: float
    high_bpm: float
    feel: str = ""


@dataclass(frozen=True)
class EnergyRow:
    """One activity done forward and backward for the same time: energy used. [kcal]"""

    activity: str
    forward_kcal: float
    backward_kcal: float


@dataclass(frozen=True)
class Week:
    """One step of the progression: when (e.g. "Weeks 1\u20132") and what to do."""

    label: str
    plan: str


@dataclass(frozen=True)
class Headings:
    """The words the handout prints around the data (they come from content/handout.md)."""

    zones: str = "Your heart-rate zones"
    energy: str = "Forward or backward: energy for the same session"
    weeks: str = "Your backward walking and running plan"
    safety: str = "Safety checklist"
    link: str = "Open these settings again"
    sources: str = "Sources"
    zone_columns: tuple[str, str, str, str] = ("Zone", "Share", "Heart rate [bpm]", "How it feels")
    energy_columns: tuple[str, str, str, str] = (
        "Activity",
        "Forward [kcal]",
        "Backward [kcal]",
        "Difference",
    )
    person: str = "For"


@dataclass(frozen=True)
class Handout:
    """Everything the handout shows. Numbers stay numbers; the PDF formats them."""

    title: str
    settings: str
    zones: tuple[ZoneRow, ...]
    zones_note: str
    energy: tuple[EnergyRow, ...]
    energy_note: str
    weeks: tuple[Week, ...]
    weeks_note: str
    safety: tuple[str, ...]
    link_url: str
    sources: tuple[str, ...]
    disclaimer: str
    person: str = ""
    date: str = ""
    paper: Paper = "A4"
    headings: Headings = Headings()


def pdf_text(text: str) -> str:
    """`text` using only characters the PDF's standard font can print (Windows-1252).

    Known symbols get a close equivalent; accented letters outside the set lose their accent;
    anything else becomes "?".

    >>> pdf_text("café \u2212 ß \u2265 3 \u00d7 2 ± 1 \u201cok\u201d \u015d \u4e2d")
    'café - ß >= 3 \u00d7 2 ± 1 \u201cok\u201d s ?'
    """
    out = []
    for char in text:
        char = REPLACEMENTS.get(char, char)
        try:
            char.encode(ENCODING)
        except UnicodeEncodeError:
            base = "".join(
                part
                for part in unicodedata.normalize("NFKD", char)
                if not unicodedata.combining(part)
            )
            try:
                base.encode(ENCODING)
            except UnicodeEncodeError:
                base = "?"
            char = base or "?"
        out.append(char)
    return "".join(out)


def plain_text(markdown: str, numbers: Mapping[str, int]) -> str:
    """Markdown as plain text for print: emphasis and link syntax dropped, citation markers
    `[@key]` turned into the source numbers of `numbers` (unknown keys are left out).

    >>> plain_text("Lower [@a; @b; @zz].", {"a": 2, "b": 1})
    'Lower [2, 1].'
    >>> plain_text("No sources [@zz] here.", {})
    'No sources here.'
    """

    def cite(match: re.Match[str]) -> str:
        keys = [part.strip().removeprefix("@") for part in match.group(1).split(";")]
        found = [str(numbers[key]) for key in keys if key in numbers]
        return f" [{', '.join(found)}]" if found else ""

    text = CITATION.sub(cite, markdown)
    text = LINK.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def _bpm(value: float) -> str:
    return f"{value:.0f}"


def _difference(row: EnergyRow) -> str:
    """Backward minus forward, in kcal and as a percentage of forward.

    >>> _difference(EnergyRow("walk", 100.0, 135.0))
    '+35 kcal (+35 %)'
    """
    extra = row.backward_kcal - row.forward_kcal
    if row.forward_kcal <= 0:
        return f"{extra:+.0f} kcal"
    return f"{extra:+.0f} kcal ({100 * extra / row.forward_kcal:+.0f} %)"


def _check(handout: Handout) -> None:
    if handout.paper not in PAPER_SIZES_MM:
        raise ValueError(
            f"Paper size {handout.paper!r} is not offered; choose one of: "
            f"{', '.join(PAPER_SIZES_MM)}."
        )
    if not handout.zones and not handout.energy:
        raise ValueError("A handout needs heart-rate zones or an energy comparison.")
    for row in handout.zones:
        if not 0 < row.low_bpm <= row.high_bpm:
            raise ValueError(
                f"{row.zone}: the zone's low end ({row.low_bpm:g} bpm) must be above 0 and not "
                f"above its high end ({row.high_bpm:g} bpm)."
            )
    for energy in handout.energy:
        if energy.forward_kcal < 0 or energy.backward_kcal < 0:
            raise ValueError(f"{energy.activity}: energy cannot be negative.")
    if not handout.link_url.startswith(("http://", "https://")):
        raise ValueError(
            "The handout link must be a web address starting with http:// or https://."
        )


class _Page:
    """Draws one handout at one font scale onto an fpdf2 document."""

    def __init__(self, handout: Handout, scale: float) -> None:
        self.h = handout
        self.scale = scale
        self.pdf = FPDF(orientation="portrait", unit="mm", format=handout.paper)
        self.pdf.core_fonts_encoding = ENCODING
        self.pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        # Everything is drawn on one page; `fits` then checks nothing ran past the bottom margin.
        self.pdf.set_auto_page_break(False)
        # Metadata names the document, never the person.
        self.pdf.set_title(pdf_text(handout.title))
        self.pdf.set_creator("RetroEdu")
        self.pdf.set_lang("en")
        self.pdf.add_page()
        self.width = self.pdf.epw

    def font(self, size_pt: float, style: str = "", colour: tuple[int, int, int] = INK) -> None:
        self.pdf.set_font("Helvetica", style, size_pt * self.scale)
        self.pdf.set_text_color(*colour)

    def line_mm(self, size_pt: float) -> float:
        """Line height for a font size: 1.2 x the size, from points to millimetres. [mm]"""
        return size_pt * self.scale * 0.4233

    def para(
        self,
        text: str,
        size_pt: float,
        style: str = "",
        colour: tuple[int, int, int] = INK,
        *,
        width: float = 0,
        link: str = "",
        stay_in_column: bool = False,
    ) -> None:
        """A left-aligned paragraph; the cursor ends under it (at the left margin by default)."""
        self.font(size_pt, style, colour)
        self.pdf.multi_cell(
            width or self.width,
            self.line_mm(size_pt),
            pdf_text(text),
            align="L",
            link=link or None,
            new_x=XPos.LEFT if stay_in_column else XPos.LMARGIN,
            new_y=YPos.NEXT,
        )

    def heading(self, text: str) -> None:
        self.pdf.ln(2.4 * self.scale)
        self.para(text, 11.5, "B")
        y = self.pdf.get_y() + 0.4
        self.pdf.set_draw_color(*RULE)
        self.pdf.set_line_width(0.3)
        self.pdf.line(MARGIN_MM, y, MARGIN_MM + self.width, y)
        self.pdf.ln(1.6 * self.scale)

    def note(self, text: str, *, width: float = 0) -> None:
        if text:
            self.para(text, 8.5, "", MUTED, width=width)
            self.pdf.ln(0.8 * self.scale)

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        width: float,
        align: Sequence[str],
    ) -> None:
        self.font(9.5)
        self.pdf.set_draw_color(*RULE)
        self.pdf.set_line_width(0.2)
        with self.pdf.table(
            width=width,
            col_widths=tuple(widths),
            align="LEFT",
            line_height=self.line_mm(9.5),
            padding=(0.7 * self.scale, 1.2),
            headings_style=FontFace(emphasis="BOLD", size_pt=9 * self.scale, color=INK),
            first_row_as_headings=header is not None,
            text_align=tuple(align),
            cell_fill_color=SHADE,
            cell_fill_mode="ROWS",
            borders_layout="HORIZONTAL_LINES",
        ) as table:
            for values in [header, *rows] if header is not None else rows:
                row = table.row()
                for value in values:
                    row.cell(pdf_text(value))

    def qr(self, x: float, y: float, size: float) -> None:
        """The link as a QR code: filled squares for dark modules, 4-module quiet zone included."""
        matrix = segno.make(self.h.link_url, error="m", micro=False).matrix
        module = size / (len(matrix) + 8)
        self.pdf.set_fill_color(0, 0, 0)
        for row_index, row in enumerate(matrix):
            start: int | None = None
            for col_index, dark in enumerate([*row, 0]):
                if dark and start is None:
                    start = col_index
                elif not dark and start is not None:
                    self.pdf.rect(
                        x + (start + 4) * module,
                        y + (row_index + 4) * module,
                        (col_index - start) * module,
                        module,
                        style="F",
                    )
                    start = None

    def header(self) -> None:
        h = self.h
        self.para(h.title, 18, "B")
        details = [part for part in (h.date, h.settings) if part]
        if h.person:
            details.insert(0, f"{h.headings.person}: {h.person}")
        if details:
            self.pdf.ln(0.8 * self.scale)
            self.para("  |  ".join(details), 9.5)
        self.pdf.ln(0.8 * self.scale)
        self.para(h.disclaimer, 9, "B")

    def zones_and_link(self) -> None:
        """The zones table with the link and its QR code beside it (the link alone, headed as
        such, when the sheet has no zones)."""
        h = self.h
        self.heading(h.headings.zones if h.zones else h.headings.link)
        top = self.pdf.get_y()
        side = QR_MM * max(self.scale, 0.85)
        left_width = self.width - side - 5
        if h.zones:
            self.note(h.zones_note, width=left_width)
            rows = [
                (
                    f"{row.zone}  {row.name}".strip(),
                    row.share,
                    f"{_bpm(row.low_bpm)}\u2013{_bpm(row.high_bpm)}",
                    row.feel,
                )
                for row in h.zones
            ]
            self.table(
                h.headings.zone_columns,
                rows,
                (34, 15, 19, 52),
                width=left_width,
                align=("LEFT", "LEFT", "CENTER", "LEFT"),
            )
        bottom_left = self.pdf.get_y()

        x = MARGIN_MM + self.width - side
        self.pdf.set_xy(x, top)
        if h.zones:
            self.para(h.headings.link, 9, "B", width=side, stay_in_column=True)
        self.qr(x, self.pdf.get_y(), side)
        self.pdf.set_xy(x, self.pdf.get_y() + side + 0.5)
        self.para(h.link_url, 6.5, "", MUTED, width=side, link=h.link_url, stay_in_column=True)
        self.pdf.set_xy(MARGIN_MM, max(bottom_left, self.pdf.get_y()))

    def energy(self) -> None:
        h = self.h
        if not h.energy:
            return
        self.heading(h.headings.energy)
        self.note(h.energy_note)
        rows = [
            (row.activity, f"{row.forward_kcal:.0f}", f"{row.backward_kcal:.0f}", _difference(row))
            for row in h.energy
        ]
        self.table(
            h.headings.energy_columns,
            rows,
            (64, 20, 20, 26),
            width=self.width,
            align=("LEFT", "CENTER", "CENTER", "CENTER"),
        )

    def weeks(self) -> None:
        h = self.h
        if not h.weeks:
            return
        self.heading(h.headings.weeks)
        self.note(h.weeks_note)
        self.table(
            None,
            [(week.label, week.plan) for week in h.weeks],
            (13, 87),
            width=self.width,
            align=("LEFT", "LEFT"),
        )

    def columns(self, items: Sequence[str], size_pt: float, *, boxes: bool) -> None:
        """`items` in two columns, the first filled first; with `boxes`, each item gets an empty
        square to tick by hand."""
        box = 2.8 * self.scale if boxes else 0.0
        indent = box + 1.8 if boxes else 0.0
        gap = 6.0
        column = (self.width - gap) / 2
        half = (len(items) + 1) // 2
        top = self.pdf.get_y()
        bottoms = []
        for index, part in enumerate((items[:half], items[half:])):
            x = MARGIN_MM + index * (column + gap)
            self.pdf.set_xy(x, top)
            for item in part:
                y = self.pdf.get_y()
                if boxes:
                    self.pdf.set_draw_color(*INK)
                    self.pdf.set_line_width(0.3)
                    self.pdf.rect(x, y + 0.7 * self.scale, box, box)
                self.pdf.set_xy(x + indent, y)
                colour = INK if boxes else MUTED
                self.para(item, size_pt, "", colour, width=column - indent, stay_in_column=True)
                self.pdf.set_xy(x, self.pdf.get_y() + (0.9 if boxes else 0.3) * self.scale)
            bottoms.append(self.pdf.get_y())
        self.pdf.set_xy(MARGIN_MM, max(bottoms))

    def safety(self) -> None:
        if self.h.safety:
            self.heading(self.h.headings.safety)
            self.columns(self.h.safety, 9.5, boxes=True)

    def sources(self) -> None:
        if self.h.sources:
            self.heading(self.h.headings.sources)
            numbered = [f"{n}. {source}" for n, source in enumerate(self.h.sources, start=1)]
            self.columns(numbered, 7, boxes=False)

    def draw(self) -> FPDF:
        self.header()
        self.zones_and_link()
        self.energy()
        self.weeks()
        self.safety()
        self.sources()
        return self.pdf


def build_pdf(handout: Handout) -> bytes:
    """The handout as a one-page PDF. [bytes]

    Font sizes shrink step by step (down to 70 %) until everything fits on one page; a handout
    that still does not fit raises `ValueError`, so the caller shortens it rather than printing two
    pages.
    """
    _check(handout)
    for scale in SCALES:
        pdf = _Page(handout, scale).draw()
        # Each section leaves the cursor under its lowest column, so y is the bottom reached.
        if pdf.pages_count == 1 and pdf.get_y() <= pdf.h - MARGIN_MM:
            return bytes(pdf.output())
    raise ValueError(
        "The handout does not fit on one page even with smaller type; "
        "shorten the plan, the checklist or the source list."
    )
