"""The patient handout as PDF bytes: plain data in, PDF out. Pure; no Streamlit.

The handout carries the sections the physiotherapist chose: heart-rate zones [bpm] with the talk
test, a forward-vs-backward energy comparison [kcal, gross], a week-by-week plan and a safety
checklist; then a QR code and link that reopen the same settings (or, where the app has no address
a phone can open, the settings written out), the sources and an "education, not medical advice"
line.

Type is set for older readers: nothing on the sheet is smaller than 11 pt, and large print sets
body and table text at 14 pt. The type never shrinks to fit: sections flow onto the back of the
sheet (and, in large print with everything chosen, onto a second sheet), each section kept whole
on one page; the sources go last, on the back when the front is full, and the front's footer says
where they are.

The text is drawn in DejaVu Sans, shipped in `assets/fonts` (with its licence) and embedded,
subset, in the PDF: it covers Latin-1 and Latin Extended-A (á é í ó ú ñ ü ¿ ¡ and more), so the
sheet works offline on any machine. `pdf_text` replaces any character the font lacks. The QR code
is drawn as vector squares from segno's matrix, so it stays sharp when printed.

>>> pdf_text("\u2248 +35 % \u2192 120\u2013135 bpm, ¿sí? \u4e2d")
'\u2248 +35 % \u2192 120\u2013135 bpm, ¿sí? ?'
>>> plain_text("Walk **slowly** [@kim2001; @roos2012], see [the page](https://x.org).", {"kim2001": 1})
'Walk slowly [1], see the page.'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import segno
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

Paper = Literal["A4", "Letter"]
#: Paper sizes the handout supports, as fpdf2 names them, with their size [mm].
PAPER_SIZES_MM: Mapping[str, tuple[float, float]] = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT_FILES: Mapping[str, str] = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FAMILY = "DejaVuSans"

MM_PER_PT = 25.4 / 72
#: Line height as a multiple of the type size: generous leading helps older readers.
LEADING = 1.3
MARGIN_MM = 15.0
#: Side of the QR code, quiet zone included. [mm]
QR_MM = 30.0
#: Space between the two columns of a list. [mm]
COLUMN_GAP_MM = 6.0
#: Pages one handout may take: two sheets printed on both sides.
MAX_PAGES = 6
INK = (20, 22, 26)
RULE = (150, 158, 168)
SHADE = (232, 238, 245)
CITATION = re.compile(r"\s*\[@([a-z][a-z0-9_]*(?:\s*;\s*@[a-z][a-z0-9_]*)*)\]")
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")


@dataclass(frozen=True)
class TypeSizes:
    """The type sizes of one print size. [pt]"""

    title: float
    heading: float
    body: float
    sources: float


#: Normal print: body and tables at 11 pt, the floor for an older reader; sources too.
NORMAL_PRINT = TypeSizes(title=20.0, heading=14.0, body=11.0, sources=11.0)
#: Large print: body and tables at 14 pt. The sources, which the clinician rather than the patient
#: reads, stay at 12 pt so they fit on the back.
LARGE_PRINT = TypeSizes(title=24.0, heading=17.0, body=14.0, sources=12.0)


@dataclass(frozen=True)
class ZoneRow:
    """One heart-rate zone: its plain name, its share of max HR or of reserve, its range [bpm]
    and the talk test for it."""

    zone: str
    name: str
    share: str
    low_bpm: float
    high_bpm: float
    talk: str


@dataclass(frozen=True)
class Zones:
    """The zones section: the method named, the settings it used, a note and the table."""

    method: str
    settings: str
    note: str
    rows: tuple[ZoneRow, ...]


@dataclass(frozen=True)
class EnergyRow:
    """One activity done forward and backward for the same time: gross energy [kcal], and how
    much more backward costs than forward [%]."""

    activity: str
    forward_kcal: float
    backward_kcal: float
    vs_forward_pct: float


@dataclass(frozen=True)
class Energy:
    """The energy section: a note (weight, gross or net, sources) and one row per gait."""

    note: str
    rows: tuple[EnergyRow, ...]


@dataclass(frozen=True)
class Week:
    """One step of the progression: when (e.g. "Week 1") and what to do."""

    label: str
    plan: str


@dataclass(frozen=True)
class Plan:
    """The plan section: a note and the chosen weeks."""

    note: str
    weeks: tuple[Week, ...]


@dataclass(frozen=True)
class Reentry:
    """How to open the same settings again: a link (printed and as a QR code) or, when the app
    has no address a phone can open, the settings written out to enter by hand."""

    link_url: str
    intro: str
    settings: tuple[str, ...]


@dataclass(frozen=True)
class Headings:
    """The words the handout prints around the data (they come from content/handout.md)."""

    zones: str = "Your heart-rate zones"
    energy: str = "Forward or backward: energy for the same session"
    weeks: str = "Your backward walking and running plan"
    safety: str = "Safety checklist"
    link: str = "Open these settings again"
    sources: str = "Sources"
    zone_columns: tuple[str, str, str, str] = (
        "Zone",
        "Heart rate [bpm]",
        "Share",
        "Talk test: how it feels",
    )
    energy_columns: tuple[str, str, str, str] = (
        "Activity",
        "Forward, gross [kcal]",
        "Backward, gross [kcal]",
        "Backward vs forward",
    )
    person: str = "For"
    page: str = "Page {page} of {pages}"
    turn_over: str = "please turn over"
    sources_on: str = "sources on page {page}"


@dataclass(frozen=True)
class Handout:
    """Everything the handout shows. A section left out is None (or empty); numbers stay numbers
    and the PDF formats them."""

    title: str
    disclaimer: str
    zones: Zones | None
    energy: Energy | None
    plan: Plan | None
    safety: tuple[str, ...]
    reentry: Reentry | None
    sources: tuple[str, ...]
    person: str = ""
    date: str = ""
    paper: Paper = "A4"
    large_print: bool = False
    headings: Headings = Headings()

    @property
    def sizes(self) -> TypeSizes:
        return LARGE_PRINT if self.large_print else NORMAL_PRINT


def _coverage() -> frozenset[int]:
    """The characters both faces of the handout's font can draw (none if a font file is
    missing: `build_pdf` then says so)."""
    found: frozenset[int] | None = None
    for name in FONT_FILES.values():
        path = FONT_DIR / name
        if not path.is_file():
            return frozenset()
        with TTFont(path, lazy=True) as font:
            cmap = frozenset(font.getBestCmap())
        found = cmap if found is None else found & cmap
    assert found is not None
    # Control characters have no glyph to draw; a line break ("\n") is kept as one.
    printable = (code for code in found if code >= 0x20 and not 0x7F <= code < 0xA0)
    return frozenset([*printable, ord("\n")])


#: What the handout's font covers, read once from the font files when the module loads.
COVERAGE = _coverage()


def pdf_text(text: str) -> str:
    """`text` using only characters the handout's font can draw.

    A letter the font lacks loses its accent if that helps; anything else becomes "?". (Left to
    itself, fpdf2 would log the missing characters, and a name must never reach a log.)

    >>> pdf_text("café \u2212 ß \u2265 3 \u00d7 2 ± 1 \u201cok\u201d \u0149 \u4e2d\x07")
    'café \u2212 ß \u2265 3 \u00d7 2 ± 1 \u201cok\u201d \u0149 ??'
    """
    covered = COVERAGE
    out = []
    for char in text:
        if ord(char) not in covered:
            base = "".join(
                part
                for part in unicodedata.normalize("NFKD", char)
                if not unicodedata.combining(part)
            )
            char = base if base and all(ord(part) in covered for part in base) else "?"
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


def bpm_range(low: float, high: float) -> str:
    """A zone's range as printed: whole bpm, en dash.

    >>> bpm_range(116.2, 125.04)
    '116\u2013125'
    """
    return f"{low:.0f}\u2013{high:.0f}"


def vs_forward(pct: float) -> str:
    """How much more (or less) backward costs than forward, as the calorie page's table shows it.

    >>> vs_forward(42.3), vs_forward(-3.0)
    ('+42 %', '-3 %')
    """
    return f"{pct:+.0f} %"


def _check(handout: Handout) -> None:
    missing = [name for name in FONT_FILES.values() if not (FONT_DIR / name).is_file()]
    if missing:
        raise ValueError(
            f"The handout's font is missing from {FONT_DIR}: {', '.join(missing)} "
            "(DejaVu Sans; see assets/fonts/LICENSE)."
        )
    if handout.paper not in PAPER_SIZES_MM:
        raise ValueError(
            f"Paper size {handout.paper!r} is not offered; choose one of: "
            f"{', '.join(PAPER_SIZES_MM)}."
        )
    if not (handout.zones or handout.energy or handout.plan or handout.safety):
        raise ValueError("A handout needs at least one section; tick one.")
    for row in handout.zones.rows if handout.zones else ():
        if not 0 < row.low_bpm <= row.high_bpm:
            raise ValueError(
                f"{row.zone}: the zone's low end ({row.low_bpm:g} bpm) must be above 0 and not "
                f"above its high end ({row.high_bpm:g} bpm)."
            )
    for energy in handout.energy.rows if handout.energy else ():
        if energy.forward_kcal < 0 or energy.backward_kcal < 0:
            raise ValueError(f"{energy.activity}: energy cannot be negative.")
    link = handout.reentry.link_url if handout.reentry else ""
    if link and not link.startswith(("http://", "https://")):
        raise ValueError(
            "The handout link must be a web address starting with http:// or https://."
        )


@dataclass(frozen=True)
class Piece:
    """A part of the sheet that is never split: `draw(top)` draws it (or, while the sheet only
    measures, does not) and returns its height [mm]. A piece kept with the next goes on the same
    page as the one after it (a heading with its first lines, a table header with its first row)."""

    draw: Callable[[float], float]
    keep_with_next: bool = False
    #: Drawn above this piece when it starts a page: a table's header row above a continued table.
    repeat: Piece | None = None


@dataclass(frozen=True)
class Flow:
    """A list set in two columns that fills what is left of a page and goes on over the page:
    the checklist and the sources. Its `intro` (the heading) stays with its first item."""

    intro: Piece
    items: tuple[str, ...]
    size_pt: float
    indent_mm: float
    space_mm: float
    boxes: bool


class _Sheet:
    """Draws one handout onto an fpdf2 document.

    Every block (the header, each section, the link, the sources) is a method that takes the top
    of the block [mm] and returns its height [mm]. With `drawing` off it only measures (fpdf2's
    dry runs), so the layout can place each block whole before anything is drawn.
    """

    def __init__(self, handout: Handout) -> None:
        self.h = handout
        self.sizes = handout.sizes
        self.pdf = FPDF(orientation="portrait", unit="mm", format=handout.paper)
        for style, name in FONT_FILES.items():
            self.pdf.add_font(FAMILY, style, FONT_DIR / name)
        self.pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.pdf.set_auto_page_break(False)
        # Metadata names the document, never the person.
        self.pdf.set_title(pdf_text(handout.title))
        self.pdf.set_creator("RetroEdu")
        self.pdf.set_lang("en")
        # fpdf2 measures text only on a page: the first page is there from the start.
        self.pdf.add_page()
        self.width = self.pdf.w - 2 * MARGIN_MM
        self.column_mm = (self.width - COLUMN_GAP_MM) / 2
        self.left = MARGIN_MM
        self.drawing = False
        self.heights: dict[tuple[float, str, float, str], float] = {}
        #: Vertical space between blocks and around headings. [mm]
        self.gap = 0.45 * self.sizes.body

    # Drawing primitives -------------------------------------------------------------------------

    def line_mm(self, size_pt: float) -> float:
        return size_pt * LEADING * MM_PER_PT

    def height(self, width: float, text: str, size_pt: float, style: str = "") -> float:
        """How tall `text` sets in a column `width` wide. [mm] Each paragraph is measured once
        per sheet: the layout and the drawing ask for the same heights."""
        key = (round(width, 3), text, size_pt, style)
        if key not in self.heights:
            self.pdf.set_font(FAMILY, style, size_pt)
            found = self.pdf.multi_cell(
                width,
                self.line_mm(size_pt),
                pdf_text(text),
                dry_run=True,
                output=MethodReturnValue.HEIGHT,
            )
            assert isinstance(found, float | int)
            self.heights[key] = float(found)
        return self.heights[key]

    def text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        size_pt: float,
        style: str = "",
        *,
        align: str = "L",
        link: str = "",
    ) -> float:
        """A left-aligned paragraph at (x, y); its height. [mm]"""
        if not text:
            return 0.0
        tall = self.height(width, text, size_pt, style)
        if self.drawing:
            self.pdf.set_font(FAMILY, style, size_pt)
            self.pdf.set_text_color(*INK)
            self.pdf.set_xy(x, y)
            self.pdf.multi_cell(
                width,
                self.line_mm(size_pt),
                pdf_text(text),
                align=align,
                link=link or None,
                new_x=XPos.LEFT,
                new_y=YPos.NEXT,
            )
        return tall

    def rule(self, y: float, x: float | None = None, width: float | None = None) -> None:
        if self.drawing:
            self.pdf.set_draw_color(*RULE)
            self.pdf.set_line_width(0.3)
            x = self.left if x is None else x
            self.pdf.line(x, y, x + (self.width if width is None else width), y)

    def heading(self, y: float, text: str) -> float:
        size = self.sizes.heading
        tall = self.text(self.left, y, self.width, text, size, "B")
        self.rule(y + tall + 0.6)
        return tall + 0.6 + self.gap * 0.6

    def row(
        self,
        y: float,
        cells: Sequence[str],
        shares: Sequence[float],
        *,
        bold: Collection[int] = (),
        align: str = "",
        header: bool = False,
    ) -> float:
        """One table row: cells side by side, a rule under them (the header row shaded and
        bold). `shares` are the columns' parts of the width; `bold` the columns set in bold. [mm]"""
        size = self.sizes.body
        pad = 0.12 * size
        widths = [share * self.width / sum(shares) for share in shares]
        styles = ["B" if header or col in bold else "" for col in range(len(cells))]
        tall = 2 * pad + max(
            self.height(width - 2 * pad, cell, size, style)
            for width, cell, style in zip(widths, cells, styles, strict=True)
        )
        if self.drawing and header:
            self.pdf.set_fill_color(*SHADE)
            self.pdf.rect(self.left, y, self.width, tall, style="F")
        x = self.left
        for col, (width, cell, style) in enumerate(zip(widths, cells, styles, strict=True)):
            side = align[col] if col < len(align) else "L"
            self.text(x + pad, y + pad, width - 2 * pad, cell, size, style, align=side)
            x += width
        self.rule(y + tall)
        return tall

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        shares: Sequence[float],
        *,
        bold: Collection[int] = (),
        align: str = "",
    ) -> list[Piece]:
        """A table as pieces: the header (kept with the first row), then one piece per row, so a
        long table may continue on the next page."""
        top = (
            None
            if header is None
            else Piece(functools.partial(self.row, cells=header, shares=shares, header=True), True)
        )
        body = [
            Piece(
                functools.partial(self.row, cells=cells, shares=shares, bold=bold, align=align),
                repeat=top,
            )
            for cells in rows
        ]
        return body if top is None else [top, *body]

    def item_height(self, item: str, flow: Flow) -> float:
        """The height of one item of a two-column list, with the space under it. [mm]"""
        return self.height(self.column_mm - flow.indent_mm, item, flow.size_pt) + flow.space_mm

    def two_columns(
        self, y: float, first: Sequence[str], second: Sequence[str], flow: Flow
    ) -> float:
        """Items in two columns, `first` down the left and `second` down the right; with
        `flow.boxes`, each item gets an empty square to tick by hand. [mm]"""
        box = flow.indent_mm - 2.0 if flow.boxes else 0.0
        bottoms = []
        for index, items in enumerate((first, second)):
            x = self.left + index * (self.column_mm + COLUMN_GAP_MM)
            at = y
            for item in items:
                if self.drawing and flow.boxes:
                    self.pdf.set_draw_color(*INK)
                    self.pdf.set_line_width(0.35)
                    self.pdf.rect(x, at + (self.line_mm(flow.size_pt) - box) / 2, box, box)
                self.text(
                    x + flow.indent_mm, at, self.column_mm - flow.indent_mm, item, flow.size_pt
                )
                at += self.item_height(item, flow)
            bottoms.append(at - y)
        return max(bottoms)

    def flow(self, intro: Piece, items: Sequence[str], size_pt: float, *, boxes: bool) -> Flow:
        return Flow(
            intro,
            tuple(items),
            size_pt,
            indent_mm=0.3 * size_pt + 2.0 if boxes else 0.0,
            space_mm=(0.2 if boxes else 0.15) * size_pt,
            boxes=boxes,
        )

    def qr(self, x: float, y: float, size: float) -> None:
        """The link as a QR code: filled squares for dark modules, 4-module quiet zone included."""
        if not self.drawing:
            return
        assert self.h.reentry is not None
        matrix = segno.make(self.h.reentry.link_url, error="m", micro=False).matrix
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

    # Blocks: each a list of pieces, the first kept with the next -----------------------------

    def header(self) -> list[Piece]:
        def draw(y: float) -> float:
            h, body = self.h, self.sizes.body
            top = y
            y += self.text(self.left, y, self.width, h.title, self.sizes.title, "B")
            person = f"{h.headings.person}: {h.person}" if h.person else ""
            line = "  \u00b7  ".join(part for part in (person, h.date) if part)
            y += self.text(self.left, y + 0.3 * self.gap, self.width, line, body)
            y += self.text(self.left, y + 0.3 * self.gap, self.width, h.disclaimer, body, "B")
            return y + 0.6 * self.gap - top

        return [Piece(draw)]

    def intro(self, heading: str, *paragraphs: tuple[str, str]) -> Piece:
        """A section's heading and its opening paragraphs (text, style), kept with what follows."""

        def draw(y: float) -> float:
            top = y
            size = self.sizes.heading
            y += self.text(self.left, y, self.width, heading, size, "B") + 0.6
            self.rule(y)
            y += 0.4 * self.gap
            for text, style in paragraphs:
                if text:
                    y += self.text(self.left, y, self.width, text, self.sizes.body, style)
                    y += 0.25 * self.gap
            return y + 0.15 * self.gap - top

        return Piece(draw, True)

    def zones(self) -> list[Piece]:
        zones = self.h.zones
        assert zones is not None
        rows = [
            (f"{row.zone}: {row.name}", bpm_range(row.low_bpm, row.high_bpm), row.share, row.talk)
            for row in zones.rows
        ]
        return [
            self.intro(
                self.h.headings.zones, (zones.method, "B"), (zones.settings, ""), (zones.note, "")
            ),
            *self.table(
                self.h.headings.zone_columns,
                rows,
                # Large print: wider number columns, so "% of reserve" and "90-100 %" keep whole.
                (25, 18, 17, 40) if self.h.large_print else (24, 17, 13, 46),
                bold=(1,),
                align="LCCL",
            ),
        ]

    def energy(self) -> list[Piece]:
        energy = self.h.energy
        assert energy is not None
        rows = [
            (
                row.activity,
                f"{row.forward_kcal:.0f}",
                f"{row.backward_kcal:.0f}",
                vs_forward(row.vs_forward_pct),
            )
            for row in energy.rows
        ]
        return [
            self.intro(self.h.headings.energy, (energy.note, "")),
            *self.table(
                self.h.headings.energy_columns,
                rows,
                # Large print: wider number columns, so "Backward," keeps whole in the header.
                (34, 21, 23, 22) if self.h.large_print else (43, 19, 19, 19),
                bold=(2,),
                align="LCCC",
            ),
        ]

    def plan(self) -> list[Piece]:
        plan = self.h.plan
        assert plan is not None
        rows = [(week.label, week.plan) for week in plan.weeks]
        return [
            self.intro(self.h.headings.weeks, (plan.note, "")),
            *self.table(None, rows, (16, 84), bold=(0,)),
        ]

    def safety(self) -> Flow:
        return self.flow(
            self.intro(self.h.headings.safety), self.h.safety, self.sizes.body, boxes=True
        )

    def reentry(self) -> list[Piece]:
        """The QR code with the printed link beside it, and the settings written out."""
        again, body = self.h.reentry, self.sizes.body
        assert again is not None

        def draw(y: float) -> float:
            x, width = self.left, self.width
            if again.link_url:
                self.qr(self.left, y, QR_MM)
                x, width = self.left + QR_MM + 4.0, self.width - QR_MM - 4.0
            top = y
            y += self.text(x, y, width, again.intro, body)
            if again.link_url:
                y += self.text(x, y, width, again.link_url, body, "B", link=again.link_url)
            for line in again.settings:
                y += self.text(x, y + 0.2 * self.gap, width, line, body) + 0.2 * self.gap
            return max(y - top, QR_MM if again.link_url else 0.0)

        return [self.intro(self.h.headings.link), Piece(draw)]

    def sources(self) -> Flow:
        numbered = [f"{n}. {source}" for n, source in enumerate(self.h.sources, start=1)]
        return self.flow(
            self.intro(self.h.headings.sources), numbered, self.sizes.sources, boxes=False
        )

    def footer(self, page: int, pages: int, sources_page: int | None) -> None:
        words = self.h.headings
        parts = [words.page.format(page=page, pages=pages)]
        if sources_page is not None and sources_page > page:
            parts.append(words.sources_on.format(page=sources_page))
        if page < pages:
            parts.append(words.turn_over)
        size = self.sizes.body
        y = self.pdf.h - MARGIN_MM - self.line_mm(size)
        self.text(self.left, y, self.width, "  \u00b7  ".join(parts), size, align="R")

    # Layout -------------------------------------------------------------------------------------

    def draw(self) -> FPDF:
        """Lay the sheet out, then draw the pages with their footers."""
        placed, pages, starts = self.layout()
        self.drawing = True
        for number in range(1, pages + 1):
            if number > 1:
                self.pdf.add_page()
            for where, top, piece in placed:
                if where == number:
                    piece.draw(top)
            self.footer(number, pages, starts.get("sources"))
        return self.pdf

    def layout(self) -> tuple[list[tuple[int, float, Piece]], int, dict[str, int]]:
        """Where each piece goes: (page, top [mm], piece); the number of pages; the page each
        section starts on.

        Pieces go in order, each whole on a page, a piece kept with the next on the same page as
        the one after it. A two-column list fills the rest of a page, left column first, and goes
        on over the page; its last part is balanced between the columns."""
        h = self.h
        blocks: list[tuple[str, list[Piece] | Flow]] = [("header", self.header())]
        if h.zones:
            blocks.append(("zones", self.zones()))
        if h.energy:
            blocks.append(("energy", self.energy()))
        if h.plan:
            blocks.append(("plan", self.plan()))
        if h.safety:
            blocks.append(("safety", self.safety()))
        if h.reentry:
            blocks.append(("reentry", self.reentry()))
        if h.sources:
            blocks.append(("sources", self.sources()))

        self.drawing = False
        bottom = self.pdf.h - MARGIN_MM - self.line_mm(self.sizes.body) - self.gap
        room = bottom - MARGIN_MM
        placed: list[tuple[int, float, Piece]] = []
        starts: dict[str, int] = {}
        page, y = 1, MARGIN_MM

        def place(piece: Piece, tall: float) -> None:
            nonlocal y
            placed.append((page, y, piece))
            y += tall

        def too_long() -> ValueError:
            return ValueError(
                "One part of the handout is longer than a page; shorten it or leave it out."
            )

        for name, block in blocks:
            if placed:
                y += self.gap
            if isinstance(block, Flow):
                heights = [self.item_height(item, block) for item in block.items]
                if max(heights) > room:
                    raise too_long()
                intro = block.intro.draw(0.0)
                if y + intro + heights[0] > bottom:
                    page, y = page + 1, MARGIN_MM
                starts[name] = page
                place(block.intro, intro)
                start = 0
                while start < len(heights):
                    first, second = _fill(heights[start:], bottom - y)
                    if not first:
                        page, y = page + 1, MARGIN_MM
                        continue
                    left = block.items[start : start + first]
                    right = block.items[start + first : start + first + second]
                    chunk = Piece(
                        functools.partial(self.two_columns, first=left, second=right, flow=block)
                    )
                    place(chunk, chunk.draw(0.0))
                    start += first + second
                    if start < len(heights):
                        page, y = page + 1, MARGIN_MM
                continue
            # Runs of pieces that must share a page: each kept piece with the one after it.
            runs: list[list[tuple[Piece, float]]] = []
            for index, piece in enumerate(block):
                tall = piece.draw(0.0)
                if index and block[index - 1].keep_with_next:
                    runs[-1].append((piece, tall))
                else:
                    runs.append([(piece, tall)])
            for number, run in enumerate(runs):
                need = sum(tall for _, tall in run)
                if need > room:
                    raise too_long()
                if y + need > bottom:
                    page, y = page + 1, MARGIN_MM
                    repeat = run[0][0].repeat
                    if repeat is not None:
                        place(repeat, repeat.draw(0.0))
                if number == 0:
                    starts[name] = page
                for piece, tall in run:
                    place(piece, tall)
        if page > MAX_PAGES:
            raise ValueError(
                f"The handout would take {page} pages (at most {MAX_PAGES}); leave out a section "
                "or choose normal print."
            )
        return placed, page, starts


def _fill(heights: Sequence[float], room: float) -> tuple[int, int]:
    """How many of the items (of these `heights`) go down the left column and how many down the
    right, in `room` [mm]: all of them, balanced, if they fit; else as many as fit, left first.

    >>> _fill([10, 10, 10, 10], 25), _fill([10, 10, 10], 40), _fill([10], 40), _fill([30], 20)
    ((2, 2), (2, 1), (1, 0), (0, 0))
    """
    total = len(heights)
    # The left column never stays empty: of two equally good splits, the one with more on the left.
    split = min(range(total, 0, -1), key=lambda at: max(sum(heights[:at]), sum(heights[at:])))
    if max(sum(heights[:split]), sum(heights[split:])) <= room:
        return split, total - split
    first = 0
    while first < total and sum(heights[: first + 1]) <= room:
        first += 1
    second = 0
    while first + second < total and sum(heights[first : first + second + 1]) <= room:
        second += 1
    return first, second


def build_pdf(handout: Handout) -> bytes:
    """The handout as a PDF of one or two sheets (up to `MAX_PAGES` pages). [bytes]

    Type sizes are fixed by the print size (`NORMAL_PRINT`, `LARGE_PRINT`); a handout that does
    not fit raises `ValueError` with a sentence saying what to leave out.
    """
    _check(handout)
    return bytes(_Sheet(handout).draw().output())
