"""The patient handout as PDF bytes: plain data in, PDF out. Pure; no Streamlit.

The handout is one sheet printed on both sides, as a physiotherapist hands it over. The front holds
what the patient needs: a compact header (title, person, date, the settings in one line, and the QR
code that reopens them or, where the app has no address a phone can open, the settings written
out), then the sections the physiotherapist chose: heart-rate zones [bpm] with the talk test, a
forward-vs-backward energy comparison [kcal, gross], and the plan and the safety checklist side by
side (or flowed over two columns). The back holds the references, numbered, in two columns.

Type is set for older readers: nothing on the sheet is smaller than 11 pt, and large print sets
everything on the front at 14 pt or more (the references, which the clinician rather than the
patient reads, at 12 pt). The type never shrinks to fit: if a large-print front cannot hold every
section, the columns go on over the page, on the back above the references, and the front's footer
says so. Nothing goes beyond the one sheet: a handout that cannot fit raises `ValueError`.

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

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import segno
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos
from fpdf.fonts import TTFFont

from retroedu.content.i18n import N_, ReaderError
from retroedu.content.typography import collapsed
from retroedu.exports.fonts import FAMILY, FONT_DIR, FONT_FILES, printable

Paper = Literal["A4", "Letter"]
#: Paper sizes the handout supports, as fpdf2 names them, with their size [mm].
PAPER_SIZES_MM: Mapping[str, tuple[float, float]] = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}


MM_PER_PT = 25.4 / 72
#: Line height as a multiple of the type size: open enough for older readers, close enough that
#: one sheet holds the front.
LEADING = 1.2
#: Line height of the reference list on the back: a list the clinician scans, set closer.
LIST_LEADING = 1.15
#: Line height of the title and headings, set tighter: they are short and bold.
HEADING_LEADING = 1.15
#: Margin on every side: within what home and clinic printers print. [mm]
MARGIN_MM = 10.0
#: Side of the QR code, quiet zone included. [mm]
QR_MM = 26.0
#: Space between the two columns. [mm]
COLUMN_GAP_MM = 6.0
#: Pages one handout takes at most: one sheet, printed on both sides.
MAX_PAGES = 2
#: Slack when fitting text to a column: rounding must not push out a text exactly as wide. [mm]
FIT_MM = 0.01
#: How far the space between sections and items may close up on a full front, step by step.
SPACINGS = (1.0, 0.85, 0.7)
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


#: Normal print: body and tables at 11 pt, the floor for an older reader; the references too.
NORMAL_PRINT = TypeSizes(title=16.0, heading=12.5, body=11.0, sources=11.0)
#: Large print: everything on the front at 14 pt or more. The references on the back, which the
#: clinician rather than the patient reads, stay at 11 pt, so the sheet stays one sheet.
LARGE_PRINT = TypeSizes(title=19.0, heading=15.0, body=14.0, sources=11.0)


@dataclass(frozen=True)
class ZoneRow:
    """One heart-rate zone: its name as the screen writes it, its share of max HR or of reserve,
    its range [bpm] and the talk test for it."""

    zone: str
    name: str
    share: str
    low_bpm: float
    high_bpm: float
    talk: str


@dataclass(frozen=True)
class Zones:
    """The zones section: the method named, the maximum heart rate it used (and where from), a
    note and the table."""

    method: str
    maximum: str
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
    """The energy section: the session it is for, a note (gross, sources) and one row per gait."""

    intro: str
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
    energy: str = "Energy: forward or backward"
    weeks: str = "Your plan, week by week"
    safety: str = "Safety checklist"
    sources: str = "References"
    zone_columns: tuple[str, str, str, str] = ("Zone", "Heart rate [bpm]", "Share", "Talk test")
    energy_columns: tuple[str, str, str, str] = (
        "Activity",
        "Forward, gross [kcal]",
        "Backward, gross [kcal]",
        "Backward vs forward",
    )
    person: str = "For"
    back: str = "References on the back"
    continued: str = "Continued on the back"
    sources_note: str = ""


@dataclass(frozen=True)
class Handout:
    """Everything the handout shows. A section left out is None (or empty); numbers stay numbers
    and the PDF formats them. `settings` is the header's one line of settings."""

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
    settings: str = ""
    paper: Paper = "A4"
    large_print: bool = False
    headings: Headings = Headings()
    #: The language the words are in (the PDF's /Lang, which screen readers use).
    lang: str = "en"

    @property
    def sizes(self) -> TypeSizes:
        return LARGE_PRINT if self.large_print else NORMAL_PRINT


def pdf_text(text: str) -> str:
    """`text` using only characters the handout's font can draw.

    A letter the font lacks loses its accent if that helps; anything else becomes "?". (Left to
    itself, fpdf2 would log the missing characters, and a name must never reach a log.)

    >>> pdf_text("café \u2212 ß \u2265 3 \u00d7 2 ± 1 \u201cok\u201d \u0149 \u4e2d\x07")
    'café \u2212 ß \u2265 3 \u00d7 2 ± 1 \u201cok\u201d \u0149 ??'
    """
    return "\n".join(printable(line) for line in text.split("\n"))


def plain_text(markdown: str, numbers: Mapping[str, int]) -> str:
    """Markdown as plain text for print: emphasis and link syntax dropped, citation markers
    `[@key]` turned into the source numbers of `numbers` (unknown keys are left out).

    >>> plain_text("Lower [@a; @b; @zz].", {"a": 2, "b": 1})
    'Lower [2, 1].'
    >>> plain_text("No sources [@zz] here.", {})
    'No sources here.'
    >>> plain_text("Hold  2\u00a0s [@a].", {"a": 1})  # the unit stays with its number
    'Hold 2\xa0s [1].'
    """

    def cite(match: re.Match[str]) -> str:
        keys = [part.strip().removeprefix("@") for part in match.group(1).split(";")]
        found = [str(numbers[key]) for key in keys if key in numbers]
        return f" [{', '.join(found)}]" if found else ""

    text = CITATION.sub(cite, markdown)
    text = LINK.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    return collapsed(text)


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


def url_pieces(url: str) -> list[str]:
    """A link cut where a reader would break it to type it: after the "?" and each "&".

    >>> url_pieces("https://r.org/heart-rate?age=68&sex=Female")
    ['https://r.org/heart-rate?', 'age=68&', 'sex=Female']
    """
    return [piece for piece in re.split(r"(?<=[?&])", url) if piece]


CITED = re.compile(r" (\[\d+(?:, \d+)*\])")


def keep_together(text: str) -> str:
    """`text` with non-breaking spaces before and inside its citation numbers, so a line never
    breaks between a word and its sources or inside them.

    >>> keep_together("a slope [14, 16].") == "a slope\u00a0[14,\u00a016]."
    True
    """
    return CITED.sub(lambda cited: "\u00a0" + cited.group(1).replace(", ", ",\u00a0"), text)


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


class HandoutTooLongError(ReaderError):
    """The handout cannot be set on one sheet; the message says what to leave out (in any
    language: a `ReaderError`)."""


@dataclass(frozen=True)
class Unit:
    """A part of the sheet that is never split: `draw(x, y, width)` draws it (or, while the sheet
    only measures, does not) and returns its height [mm]. `space` is the space above it, left out
    at the top of a column or a page. [mm]"""

    draw: Callable[[float, float, float], float]
    space: float = 0.0


@dataclass(frozen=True)
class Section:
    """A section set in two columns: its `intro` (the heading, and any opening words) across the
    page above `items`, which fill the two columns, balanced. The intro stays with the first
    items; items that do not fit on the page go on over it."""

    intro: Unit
    items: tuple[Unit, ...]


@dataclass(frozen=True)
class Placed:
    """A unit where it is drawn: page (from 1), left edge, top and width. [mm]"""

    page: int
    x: float
    y: float
    width: float
    unit: Unit


class _Sheet:
    """Lays out and draws one handout onto an fpdf2 document.

    Every unit draws itself at (x, y) in a given width and returns its height [mm]. With `drawing`
    off it only measures (fpdf2's dry runs), so the layout can place each unit whole before
    anything is drawn; the layout and the drawing ask for the same heights.
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
        self.pdf.set_lang(handout.lang)
        # fpdf2 measures text only on a page: the first page is there from the start.
        self.pdf.add_page()
        self.left = MARGIN_MM
        self.width = self.pdf.w - 2 * MARGIN_MM
        self.column = (self.width - COLUMN_GAP_MM) / 2
        self.top = MARGIN_MM
        body = self.sizes.body
        #: The footer: the disclaimer on the left, on the front what is on the back on the right;
        #: on two lines when one cannot hold both. Where it starts, and the lowest
        #: a unit may reach above it. [mm]
        words = handout.headings
        longest = max(words.continued, words.back, key=len)
        self.pdf.set_font(FAMILY, "B", body)
        wide = self.pdf.get_string_width(pdf_text(handout.disclaimer))
        self.pdf.set_font(FAMILY, "", body)
        wide += self.pdf.get_string_width(pdf_text(longest)) + 6.0
        self.footer_lines = 1 if wide <= self.width else 2
        self.footer_y = self.pdf.h - MARGIN_MM - self.footer_lines * self.line_mm(body)
        self.bottom = self.footer_y - 0.3 * body
        self.space(1.0)
        self.drawing = False
        self.broken: dict[
            tuple[float, str, float, str, float, bool], tuple[tuple[str, ...], float]
        ] = {}

    def space(self, scale: float) -> None:
        """Set the space between sections and between the items of a list [mm], `scale` times
        the usual: a full front closes up a little before anything goes over the page."""
        body = self.sizes.body
        self.gap = 0.45 * body * scale
        self.item_gap = 0.16 * body * scale

    # Drawing primitives -------------------------------------------------------------------------

    def line_mm(self, size_pt: float, leading: float = LEADING) -> float:
        return size_pt * leading * MM_PER_PT

    def wide(self, text: str, size_pt: float, style: str = "") -> float:
        """How wide `text` sets on one line [mm], from the font's own advance widths (what
        fpdf2's `get_string_width` computes, without its per-call overhead)."""
        font = self.pdf.fonts[f"{FAMILY.lower()}{style}"]
        assert isinstance(font, TTFFont)
        return sum(font.cw[ord(char)] for char in text) * size_pt * 0.001 / self.pdf.k

    def lines(
        self,
        width: float,
        text: str,
        size_pt: float,
        style: str = "",
        leading: float = LEADING,
        markdown: bool = False,
    ) -> tuple[tuple[str, ...], float]:
        """`text` broken into lines for a column `width` wide [mm], and its height [mm]. Each
        paragraph is broken once per sheet: the layout and the drawing use the same lines.

        Lines break at spaces, never inside a citation or between it and its word (no "[16]."
        alone on a line); a word wider than a line breaks between letters. A paragraph with bold
        runs (`markdown`) is broken by fpdf2, which sets it."""
        key = (round(width, 3), text, size_pt, style, leading, markdown)
        if key not in self.broken:
            words = keep_together(pdf_text(text))
            if markdown:
                self.pdf.set_font(FAMILY, style, size_pt)
                found = self.pdf.multi_cell(
                    width,
                    self.line_mm(size_pt, leading),
                    words,
                    dry_run=True,
                    markdown=True,
                    output=MethodReturnValue.LINES,
                )
                assert isinstance(found, list)
                broken = [str(line) for line in found]
            else:
                broken = self.break_lines(words, width - 2 * self.pdf.c_margin, size_pt, style)
            self.broken[key] = (tuple(broken), len(broken) * self.line_mm(size_pt, leading))
        return self.broken[key]

    def break_lines(self, text: str, room: float, size_pt: float, style: str) -> list[str]:
        """`text` in lines no wider than `room` [mm]: broken at spaces (and at line breaks),
        a word wider than a line between its letters."""
        room += FIT_MM  # a text exactly as wide as its column fits (the gutter's "23.")
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                joined = f"{line} {word}" if line else word
                if self.wide(joined, size_pt, style) <= room:
                    line = joined
                    continue
                if line:
                    lines.append(line)
                while len(word) > 1 and self.wide(word, size_pt, style) > room:
                    cut = len(word) - 1
                    while cut > 1 and self.wide(word[:cut], size_pt, style) > room:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                line = word
            lines.append(line)
        return lines

    def height(
        self,
        width: float,
        text: str,
        size_pt: float,
        style: str = "",
        leading: float = LEADING,
        markdown: bool = False,
    ) -> float:
        """How tall `text` sets in a column `width` wide. [mm]"""
        return self.lines(width, text, size_pt, style, leading, markdown)[1]

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
        leading: float = LEADING,
        markdown: bool = False,
    ) -> float:
        """A paragraph at (x, y), `width` wide; its height. [mm] With `markdown`, **bold** runs
        are set in bold."""
        if not text:
            return 0.0
        lines, tall = self.lines(width, text, size_pt, style, leading, markdown)
        if self.drawing:
            self.pdf.set_font(FAMILY, style, size_pt)
            self.pdf.set_text_color(*INK)
            step = self.line_mm(size_pt, leading)
            if markdown:
                # A bold run may go on over a line: fpdf2 sets the paragraph as a whole.
                self.pdf.set_xy(x, y)
                self.pdf.multi_cell(
                    width,
                    step,
                    keep_together(pdf_text(text)),
                    align=align,
                    link=link or None,
                    markdown=True,
                    new_x=XPos.LEFT,
                    new_y=YPos.NEXT,
                )
            else:
                for index, line in enumerate(lines):
                    self.pdf.set_xy(x, y + index * step)
                    self.pdf.cell(width, step, line, align=align, link=link or "")
        return tall

    def rule(self, x: float, y: float, width: float) -> None:
        if self.drawing:
            self.pdf.set_draw_color(*RULE)
            self.pdf.set_line_width(0.3)
            self.pdf.line(x, y, x + width, y)

    def heading(self, x: float, y: float, width: float, text: str) -> float:
        """A section heading with a rule under it; its height with the space below. [mm]"""
        tall = self.text(x, y, width, text, self.sizes.heading, "B", leading=HEADING_LEADING)
        self.rule(x, y + tall + 0.5, width)
        return tall + 0.5 + 0.3 * self.gap

    def row(
        self,
        x: float,
        y: float,
        cells: Sequence[str],
        widths: Sequence[float],
        *,
        bold: Collection[int] = (),
        align: str = "",
        header: bool = False,
    ) -> float:
        """One table row: cells side by side in columns `widths` wide [mm], a rule under them (the
        header row shaded and bold); `bold` the columns set in bold. Its height. [mm]"""
        size = self.sizes.body
        pad = 0.06 * size
        styles = ["B" if header or col in bold else "" for col in range(len(cells))]
        tall = 2 * pad + max(
            self.height(cell_width, cell, size, style)
            for cell_width, cell, style in zip(widths, cells, styles, strict=True)
        )
        if self.drawing and header:
            self.pdf.set_fill_color(*SHADE)
            self.pdf.rect(x, y, sum(widths), tall, style="F")
        left = x
        for col, (cell_width, cell, style) in enumerate(zip(widths, cells, styles, strict=True)):
            side = align[col] if col < len(align) else "L"
            self.text(left, y + pad, cell_width, cell, size, style, align=side)
            left += cell_width
        self.rule(x, y + tall, sum(widths))
        return tall

    def column_widths(
        self,
        width: float,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        bold: Collection[int],
    ) -> list[float]:
        """The widths of a table's columns [mm], `width` in all: each column as wide as its
        widest cell on one line, the room left shared out in proportion; if that is too wide,
        the header cells may take two lines (split between words where the longer line is
        shortest); if even that is too wide, the columns in proportion to their widest cells."""
        size = self.sizes.body
        # fpdf2 keeps a cell margin on each side of the text, and a little more for safety.
        margin = 2 * self.pdf.c_margin + 0.6

        def wide(text: str, style: str) -> float:
            self.pdf.set_font(FAMILY, style, size)
            return float(self.pdf.get_string_width(pdf_text(text))) + margin

        def body(col: int) -> float:
            style = "B" if col in bold else ""
            return max((wide(row[col], style) for row in rows), default=margin)

        def longest_word(text: str) -> float:
            return max(wide(word, "B") for word in text.split())

        def two_lines(text: str) -> float:
            words = text.split()
            return min(
                (
                    max(wide(" ".join(words[:cut]), "B"), wide(" ".join(words[cut:]), "B"))
                    for cut in range(1, len(words))
                ),
                default=wide(text, "B"),
            )

        for head in (
            [wide(text, "B") for text in header],
            [two_lines(text) for text in header],
        ):
            natural = [max(body(col), head[col]) for col in range(len(header))]
            if sum(natural) <= width:
                return [part + (width - sum(natural)) * part / sum(natural) for part in natural]
        natural = [max(body(col), longest_word(text)) for col, text in enumerate(header)]
        return [width * part / sum(natural) for part in natural]

    def table(
        self,
        x: float,
        y: float,
        width: float,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        bold: Collection[int] = (),
        align: str = "",
    ) -> float:
        """A table with a shaded header row; its height. [mm]"""
        widths = self.column_widths(width, header, rows, bold)
        top = y
        y += self.row(x, y, header, widths, align=align, header=True)
        for cells in rows:
            y += self.row(x, y, cells, widths, bold=bold, align=align)
        return y - top

    def qr(self, x: float, y: float, size: float, link: str) -> None:
        """`link` as a QR code: filled squares for dark modules, 4-module quiet zone included."""
        if not self.drawing:
            return
        matrix = segno.make(link, error="m", micro=False).matrix
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

    def wrap(
        self, words: str, link: str, width: Callable[[int], float], size_pt: float
    ) -> list[str]:
        """`words` then `link` in lines, line n no wider than `width(n)`: the words broken at
        spaces, the link after its "?" and each "&" (and inside a piece only when one piece is
        wider than a line), so a reader can type it."""
        self.pdf.set_font(FAMILY, "", size_pt)

        def wide(text: str) -> float:
            return float(self.pdf.get_string_width(pdf_text(text.rstrip())))

        def room(n: int) -> float:
            # The room `text` gives a line (`break_lines`): a wider line would be broken again
            # when drawn, inside a setting.
            return width(n) - 2 * self.pdf.c_margin + FIT_MM

        atoms = [f"{word} " for word in words.split()] + url_pieces(link)
        lines: list[str] = []
        line = ""
        for atom in atoms:
            while wide(atom) > room(len(lines)):
                # A piece wider than a line: as many characters as fit, then the rest.
                cut = len(atom) - 1
                while cut > 1 and wide(line + atom[:cut]) > room(len(lines)):
                    cut -= 1
                if cut <= 1 and line:
                    lines.append(line.rstrip())
                    line = ""
                    continue
                lines.append((line + atom[:cut]).rstrip())
                line, atom = "", atom[cut:]
            if line and wide(line + atom) > room(len(lines)):
                lines.append(line.rstrip())
                line = ""
            line += atom
        if line.strip():
            lines.append(line.rstrip())
        return lines

    # The front --------------------------------------------------------------------------------

    def header(self) -> Unit:
        """Title, person and date, the settings in one line and, beside them, the QR code; the
        link under it. Without a link, the settings written out to enter by hand."""

        def draw(x: float, y: float, width: float) -> float:
            h, sizes = self.h, self.sizes
            body = sizes.body
            again = h.reentry
            link = again.link_url if again else ""
            beside = width - (QR_MM + 3.0 if link else 0.0)
            top = y
            if link:
                # The code's own quiet zone gives it its margin: its modules start 4 in.
                self.qr(x + width - QR_MM, y - 0.1 * QR_MM, QR_MM, link)
            y += self.text(x, y, beside, h.title, sizes.title, "B", leading=HEADING_LEADING)
            y += 0.15 * self.gap
            person = f"{h.headings.person} {h.person}" if h.person else ""
            line = "  \u00b7  ".join(part for part in (person, h.date, h.settings) if part)
            y += self.text(x, y, beside, line, body)
            if link:
                assert again is not None
                # Beside the code while the code goes on, across the page below it.
                line_mm = self.line_mm(body)
                below = int(max(0.0, top + QR_MM - y) // line_mm + 1)
                for index, piece in enumerate(
                    self.wrap(again.intro, link, lambda n: beside if n < below else width, body)
                ):
                    y += self.text(x, y, beside if index < below else width, piece, body, link=link)
            elif again is not None:
                y += self.text(x, y, width, again.intro, body)
            for setting in again.settings if again else ():
                y += self.text(x, y, width, setting, body)
            y = max(y, top + 0.85 * QR_MM if link else 0.0) + 0.4 * self.gap
            self.rule(x, y, width)
            return y + 0.1 * self.gap - top

        return Unit(draw)

    def zones(self) -> Unit:
        zones = self.h.zones
        assert zones is not None
        rows = [
            (f"{row.zone}: {row.name}", bpm_range(row.low_bpm, row.high_bpm), row.share, row.talk)
            for row in zones.rows
        ]

        def draw(x: float, y: float, width: float) -> float:
            body, top = self.sizes.body, y
            y += self.heading(x, y, width, self.h.headings.zones)
            # The method named in bold, then the maximum heart rate it used.
            words = f"**{zones.method.replace('*', '')}** {zones.maximum.replace('*', '')}"
            y += self.text(x, y, width, words, body, markdown=True) + 0.3 * self.gap
            y += self.table(
                x,
                y,
                width,
                self.h.headings.zone_columns,
                rows,
                bold=(1,),
                align="LCCL",
            )
            if zones.note:
                y += self.text(x, y + 0.3 * self.gap, width, zones.note, body) + 0.3 * self.gap
            return y - top

        return Unit(draw, space=self.gap)

    def energy(self) -> Unit:
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

        def draw(x: float, y: float, width: float) -> float:
            body, top = self.sizes.body, y
            y += self.heading(x, y, width, self.h.headings.energy)
            y += self.table(
                x,
                y,
                width,
                self.h.headings.energy_columns,
                rows,
                bold=(2,),
                align="LCCC",
            )
            words = f"{energy.intro} {energy.note}"
            y += self.text(x, y + 0.3 * self.gap, width, words, body) + 0.3 * self.gap
            return y - top

        return Unit(draw, space=self.gap)

    def intro(self, text: str, *paragraphs: str, size_pt: float | None = None) -> Unit:
        """A section's heading with its opening paragraphs, as wide as it is drawn."""
        size = self.sizes.body if size_pt is None else size_pt

        def draw(x: float, y: float, width: float) -> float:
            top = y
            y += self.heading(x, y, width, text)
            for paragraph in paragraphs:
                if paragraph:
                    y += self.text(x, y, width, paragraph, size) + self.item_gap
            return y - top

        return Unit(draw, space=self.gap)

    def plan(self) -> Section:
        plan = self.h.plan
        assert plan is not None

        def week(label: str, text: str) -> Unit:
            # The week in bold at the start of its paragraph ("*" cannot occur in the words).
            words = f"**{label.replace('*', '')}:** {text.replace('*', '')}"

            def draw(x: float, y: float, width: float) -> float:
                return self.text(x, y, width, words, self.sizes.body, markdown=True)

            return Unit(draw, space=1.5 * self.item_gap)

        return Section(
            self.intro(self.h.headings.weeks, plan.note),
            tuple(week(item.label, item.plan) for item in plan.weeks),
        )

    def safety(self) -> Section:
        body = self.sizes.body
        indent = 0.3 * body + 2.0
        box = indent - 2.0

        def item(text: str) -> Unit:
            def draw(x: float, y: float, width: float) -> float:
                if self.drawing:
                    self.pdf.set_draw_color(*INK)
                    self.pdf.set_line_width(0.35)
                    self.pdf.rect(x, y + (self.line_mm(body) - box) / 2, box, box)
                return self.text(x + indent, y, width - indent, text, body)

            return Unit(draw, space=1.5 * self.item_gap)

        return Section(
            self.intro(self.h.headings.safety), tuple(item(text) for text in self.h.safety)
        )

    # The back ---------------------------------------------------------------------------------

    def sources(self) -> Section:
        size = self.sizes.sources
        self.pdf.set_font(FAMILY, "", size)
        # The numbers right-aligned in a gutter as wide as the widest ("26."), fpdf2's cell
        # margins included. [mm]
        number_mm = self.pdf.get_string_width(f"{len(self.h.sources)}.") + 2 * self.pdf.c_margin

        def source(number: int, text: str) -> Unit:
            def draw(x: float, y: float, width: float) -> float:
                self.text(x, y, number_mm, f"{number}.", size, align="R", leading=LIST_LEADING)
                return self.text(
                    x + number_mm, y, width - number_mm, text, size, leading=LIST_LEADING
                )

            return Unit(draw, space=0.07 * size)

        return Section(
            self.intro(self.h.headings.sources, self.h.headings.sources_note, size_pt=size),
            tuple(source(n, text) for n, text in enumerate(self.h.sources, start=1)),
        )

    def footer(self, page: int, pages: int, continued: bool) -> None:
        """The disclaimer (bold) and, on the front of a two-page sheet, what is on the back."""
        words = self.h.headings
        size = self.sizes.body
        y = self.footer_y
        self.rule(self.left, y - 0.15 * size, self.width)
        self.text(self.left, y, self.width, self.h.disclaimer, size, "B")
        if page == 1 and pages > 1:
            if self.footer_lines == 2:
                y += self.line_mm(size)
            back = words.continued if continued else words.back
            self.text(self.left, y, self.width, back, size, align="R")

    # Layout -------------------------------------------------------------------------------------

    def draw(self) -> FPDF:
        """Lay the sheet out, then draw the pages with their footers.

        If the front cannot hold every section at the usual spacing, the space between sections
        and items closes up (down to `TIGHTEST`) before the front goes on over the page."""
        found: tuple[list[Placed], int, bool] | None = None
        for scale in SPACINGS:
            self.space(scale)
            try:
                layout = self.layout()
            except HandoutTooLongError:
                continue
            if found is None or (found[2] and not layout[2]):
                found, chosen = layout, scale
            if not layout[2]:
                break
        if found is None:
            self.space(SPACINGS[-1])
            self.layout()  # raises: the sheet cannot hold it at any spacing
            raise AssertionError("unreachable")
        self.space(chosen)
        placed, pages, continued = found
        self.drawing = True
        for number in range(1, pages + 1):
            if number > 1:
                self.pdf.add_page()
            for where in placed:
                if where.page == number:
                    where.unit.draw(where.x, where.y, where.width)
            self.footer(number, pages, continued)
        return self.pdf

    def measure(self, unit: Unit, width: float) -> float:
        drawing, self.drawing = self.drawing, False
        try:
            return unit.draw(0.0, 0.0, width)
        finally:
            self.drawing = drawing

    def layout(self) -> tuple[list[Placed], int, bool]:
        """Where each unit goes; the number of pages; whether the front goes on over the page.

        The front: the header, the zones and the energy across the page, then the plan and the
        checklist side by side if each fits its own column, else one after the other, each in
        two balanced columns. The back: whatever of the front did not fit (large print), then the
        references in two balanced columns."""
        h = self.h
        front: list[Unit | Section] = [self.header()]
        if h.zones:
            front.append(self.zones())
        if h.energy:
            front.append(self.energy())
        sections = ([self.plan()] if h.plan else []) + ([self.safety()] if h.safety else [])

        placed: list[Placed] = []
        page, y = 1, self.top
        for block in front:
            page, y = self.place_across(block, page, y, placed)
        beside = self.side_by_side(sections, page, y, placed) if len(sections) == 2 else None
        if beside is not None:
            self.side_by_side(sections, page, y, placed, put=True)
            y = beside
        else:
            for section in sections:
                page, y = self.place_section(section, page, y, placed)
        continued = page > 1
        if h.sources:
            if page == 1:
                page, y = 2, self.top
            page, y = self.place_section(self.sources(), page, y, placed)
        return placed, page, continued

    def next_page(self, page: int) -> int:
        if page >= MAX_PAGES:
            raise HandoutTooLongError(
                N_(
                    "The handout does not fit on one sheet (front and back); leave out a section "
                    "or choose normal print."
                )
            )
        return page + 1

    def too_long(self) -> HandoutTooLongError:
        return HandoutTooLongError(
            N_("One part of the handout is longer than a page; shorten it or leave it out.")
        )

    def place_across(
        self, unit: Unit | Section, page: int, y: float, placed: list[Placed]
    ) -> tuple[int, float]:
        """Place a unit across the page, whole, on this page or the next; the page and the `y`
        below it."""
        if isinstance(unit, Section):
            return self.place_section(unit, page, y, placed)
        tall = self.measure(unit, self.width)
        space = unit.space if y > self.top else 0.0
        if y + space + tall > self.bottom:
            page, y, space = self.next_page(page), self.top, 0.0
            if y + tall > self.bottom:
                raise self.too_long()
        placed.append(Placed(page, self.left, y + space, self.width, unit))
        return page, y + space + tall

    def side_by_side(
        self,
        sections: Sequence[Section],
        page: int,
        y: float,
        placed: list[Placed],
        *,
        put: bool = False,
    ) -> float | None:
        """The plan in the left column and the checklist in the right, each whole with its own
        heading, if both fit on this page: the `y` below them (None if they do not fit). With
        `put`, place them."""
        first = sections[0].intro
        top = y + (first.space if y > self.top else 0.0)
        bottoms = []
        for index, section in enumerate(sections):
            x = self.left + index * (self.column + COLUMN_GAP_MM)
            at = top
            for number, unit in enumerate((section.intro, *section.items)):
                at += unit.space if number else 0.0
                if put:
                    placed.append(Placed(page, x, at, self.column, unit))
                at += self.measure(unit, self.column)
            bottoms.append(at)
        return max(bottoms) if max(bottoms) <= self.bottom else None

    def place_section(
        self, section: Section, page: int, y: float, placed: list[Placed]
    ) -> tuple[int, float]:
        """Place a section from `y` on `page` on: its intro across the page, its items in two
        columns below, balanced; if the page cannot hold them all, as many as fit, left column
        first, and the rest in two columns on the next page. The page and the `y` below it."""
        width = self.column
        right_x = self.left + width + COLUMN_GAP_MM
        items = [(unit, self.measure(unit, width)) for unit in section.items]
        intro: Unit | None = section.intro
        intro_tall = self.measure(section.intro, self.width)
        if max((tall for _, tall in items), default=0.0) + intro_tall > self.bottom - self.top:
            raise self.too_long()

        def put(units: Sequence[tuple[Unit, float]], x: float, at: float) -> float:
            for index, (unit, tall) in enumerate(units):
                at += unit.space if index else 0.0
                placed.append(Placed(page, x, at, width, unit))
                at += tall
            return at

        while True:
            space = intro.space if intro is not None and y > self.top else 0.0
            top = y + space + (intro_tall if intro is not None else 0.0)
            first, second = _split(items, self.bottom - top)
            if first == 0 and items:
                # Not even the first item fits below what is on the page: the next page.
                page, y = self.next_page(page), self.top
                continue
            if intro is not None:
                placed.append(Placed(page, self.left, y + space, self.width, intro))
                intro = None
            bottom = max(
                put(items[:first], self.left, top),
                put(items[first : first + second], right_x, top),
            )
            items = items[first + second :]
            if not items:
                return page, bottom
            page, y = self.next_page(page), self.top


def _split(units: Sequence[tuple[Unit, float]], room: float) -> tuple[int, int]:
    """How many of `units` (each with its height) go down the left column and how many down the
    right, in `room` [mm]: all of them, balanced, if they fit; else as many as fit, left first.

    >>> plain = Unit(lambda x, y, w: 0.0)
    >>> _split([(plain, 10.0)] * 4, 25.0), _split([(plain, 10.0)] * 3, 40.0)
    ((2, 2), (2, 1))
    >>> _split([(plain, 30.0)], 20.0), _split([], 20.0)
    ((0, 0), (0, 0))
    """

    def column(part: Sequence[tuple[Unit, float]]) -> float:
        return sum(tall + (unit.space if index else 0.0) for index, (unit, tall) in enumerate(part))

    total = len(units)
    if not total:
        return 0, 0
    # Balanced: the break that makes the taller column shortest; of equals, more on the left.
    best = min(range(total, 0, -1), key=lambda at: max(column(units[:at]), column(units[at:])))
    if max(column(units[:best]), column(units[best:])) <= room:
        return best, total - best

    def fill(begin: int) -> int:
        """How many units from `begin` fit in one column."""
        count = 0
        while begin + count < total and column(units[begin : begin + count + 1]) <= room:
            count += 1
        return count

    first = fill(0)
    return first, fill(first) if first else 0


def build_pdf(handout: Handout) -> bytes:
    """The handout as a PDF: one sheet, the front and (with references) the back. [bytes]

    Type sizes are fixed by the print size (`NORMAL_PRINT`, `LARGE_PRINT`); a handout that does
    not fit on one sheet raises `ValueError` with a sentence saying what to leave out.
    """
    _check(handout)
    return bytes(_Sheet(handout).draw().output())
