"""The team-talk deck as a 16:9 PDF, one slide per page, for a meeting room with no network. Pure.

Every page is drawn from the `DeckView` the screen shows: the key point, its detail (citations
become the source line at the foot of the page, as on screen, never cut short), and the visual's
bars drawn as vectors from the same `Comparison` numbers (forward solid, backward hatched). The
title slide carries the club and date the presenter typed; the closing slide the take-aways and,
when the app has a public address, QR codes to the deck and the calculator.

>>> from retroedu.content.library import Library
>>> from retroedu.calculators.deck import deck_view
>>> library = Library.load()
>>> pdf = slides_pdf(deck_view(library), library.references, TitleDetails("Riverside AC", ""))
>>> pdf[:5]
b'%PDF-'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import segno
from fpdf import FPDF

from retroedu.calculators.deck import Comparison, DeckView
from retroedu.content.deck import Slide
from retroedu.content.evidence import Reference
from retroedu.content.i18n import ENGLISH, Language
from retroedu.exports.fonts import FAMILY, add_fonts, printable
from retroedu.figures import style
from retroedu.figures.blocks import strip_citations

#: A 16:9 page: 10 x 5.625 inches, as slide software exports. [mm]
PAGE_MM = (254.0, 142.875)
MARGIN_MM = 14.0
PT_MM = 0.3528
#: The source line at the foot of each slide: small, but legible on paper. [pt]
FOOTER_PT = 9.0
#: The most lines it may take: room kept free under every slide's content.
FOOTER_LINES = 2


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


INK, MUTED, GRID = _rgb(style.LIGHT.text), _rgb(style.LIGHT.muted), _rgb(style.LIGHT.grid)
FORWARD, BACKWARD, WHITE = _rgb(style.VERMILION), _rgb(style.BLUE), (255, 255, 255)


@dataclass(frozen=True)
class TitleDetails:
    """What the presenter adds to the title slide (either may be empty)."""

    team: str
    date: str


@dataclass(frozen=True)
class Code:
    """A QR code on the closing slide: what it opens, and the address."""

    label: str
    url: str


def source_line(
    keys: Sequence[str], refs: Mapping[str, Reference], label: str, lang: Language = ENGLISH
) -> str:
    """The short source line a slide ends with: authors and year, in order of citation.

    >>> from retroedu.content.library import Library
    >>> source_line(["kim2001", "roos2012"], Library.load().references, "Sources")
    'Sources: Kim KY, Choi JH (2001) · Roos PE et al. (2012)'
    """
    return f"{label}: " + " \u00b7 ".join(refs[key].shortened(lang) for key in keys) if keys else ""


class _Deck:
    def __init__(self, view: DeckView, refs: Mapping[str, Reference]) -> None:
        self.view, self.refs = view, refs
        self.pdf = FPDF(orientation="portrait", unit="mm", format=PAGE_MM)  # already wide
        add_fonts(self.pdf)
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.pdf.set_title(printable(view.title))
        self.pdf.set_creator("RetroEdu")
        self.pdf.set_lang(view.lang.code)
        self.width = PAGE_MM[0] - 2 * MARGIN_MM

    def font(self, size_pt: float, bold: bool = False, colour: tuple[int, int, int] = INK) -> None:
        self.pdf.set_font(FAMILY, "B" if bold else "", size_pt)
        self.pdf.set_text_color(*colour)

    def para(
        self,
        text: str,
        size_pt: float,
        *,
        bold: bool = False,
        colour: tuple[int, int, int] = INK,
        align: str = "L",
        width: float = 0,
        x: float | None = None,
    ) -> None:
        self.font(size_pt, bold, colour)
        if x is not None:
            self.pdf.set_x(x)
        self.pdf.multi_cell(
            width or self.width, size_pt * PT_MM * 1.25, printable(text), align=align
        )

    def footer(self, slide: Slide) -> None:
        words = self.view.words
        line = source_line(
            self.view.sources(slide), self.refs, str(words["sources_label"]), self.view.lang
        )
        # Whole, never cut short (a source cut short cannot be looked up): a long list takes more
        # lines, the footer growing upwards from the foot of the page.
        self.font(FOOTER_PT, colour=MUTED)
        line_mm = FOOTER_PT * PT_MM * 1.25
        text, width = printable(line), self.width - 24
        wrapped = self.pdf.multi_cell(width, line_mm, text, dry_run=True, output="LINES")
        lines = len(cast("list[str]", wrapped))
        if lines > FOOTER_LINES:
            raise ValueError(
                f"Slide {self.view.number(slide)} cites more sources than {FOOTER_LINES} lines "
                "at its foot can hold; cite fewer on it (content/deck.md)."
            )
        bottom = PAGE_MM[1] - MARGIN_MM + 7
        self.pdf.set_xy(MARGIN_MM, bottom - lines * line_mm)
        self.pdf.multi_cell(width, line_mm, text)
        number = f"{self.view.number(slide)} / {len(self.view.slides)}"
        self.pdf.set_xy(MARGIN_MM + self.width - 20, bottom - line_mm)
        self.pdf.cell(20, line_mm, number, align="R")

    def title(self, slide: Slide, details: TitleDetails) -> None:
        self.pdf.set_y(PAGE_MM[1] * 0.3)
        self.para(slide.point, 34, bold=True, align="C")
        self.pdf.ln(3)
        self.para(slide.detail, 18, colour=MUTED, align="C")
        line = " \u00b7 ".join(part for part in (details.team, details.date) if part)
        if line:
            self.pdf.ln(8)
            self.para(line, 20, bold=True, align="C")

    def point(self, slide: Slide) -> None:
        self.pdf.set_y(MARGIN_MM)
        self.para(slide.point, 24, bold=True)
        self.pdf.ln(2)
        detail = strip_citations(slide.detail)
        if slide.visual is None:
            self.pdf.ln(6)
            self.para(detail, 18)
            return
        comparison = self.view.comparisons[slide.visual]
        self.para(detail, 11, colour=MUTED)
        top = self.pdf.get_y() + 3
        bottom = PAGE_MM[1] - MARGIN_MM - 6
        self.bars(comparison, top, bottom)

    def closing(self, slide: Slide, codes: Sequence[Code]) -> None:
        self.pdf.set_y(MARGIN_MM)
        self.para(slide.point, 26, bold=True)
        self.pdf.ln(6)
        width = self.width - (62 * len(codes) if codes else 0)
        for number, takeaway in enumerate(slide.takeaways, start=1):
            self.para(f"{number}.  {takeaway}", 22, width=width)
            self.pdf.ln(5)
        side = 44.0
        for index, code in enumerate(codes):
            x = MARGIN_MM + self.width - (len(codes) - index) * 60 + 8
            self.qr(code.url, x, MARGIN_MM + 20, side)
            self.pdf.set_xy(x - 4, MARGIN_MM + 22 + side)
            self.para(code.label, 10, align="C", width=side + 8, x=x - 4)

    def qr(self, url: str, x: float, y: float, size: float) -> None:
        matrix = segno.make(url, error="m", micro=False).matrix
        module = size / len(matrix)
        self.pdf.set_fill_color(0, 0, 0)
        for row, line in enumerate(matrix):
            for column, dark in enumerate(line):
                if dark:
                    self.pdf.rect(x + column * module, y + row * module, module, module, "F")

    def hatch(self, x: float, y: float, w: float, h: float) -> None:
        """White "/" lines across a bar (the screen's hatching), clipped to the bar.

        In bar coordinates (u right from the left edge, v up from the bottom), line d is
        v = u - d; it enters at u = max(0, d) and leaves at u = min(w, h + d).
        """
        self.pdf.set_draw_color(*WHITE)
        self.pdf.set_line_width(0.5)
        step = 3.0
        d = -h + step
        while d < w:
            u1, u2 = max(0.0, d), min(w, h + d)
            self.pdf.line(x + u1, y + h - (u1 - d), x + u2, y + h - (u2 - d))
            d += step

    def bars(self, comparison: Comparison, top: float, bottom: float) -> None:
        """Grouped bars with value labels, whiskers, a legend and the value axis title."""
        pairs = comparison.pairs
        highest = max(
            max(p.backward_band[1] if p.backward_band else p.backward for p in pairs),
            max(p.forward_band[1] if p.forward_band else p.forward for p in pairs),
        )
        scale_top = highest * 1.2
        legend_h, label_h = 7.0, 10.0
        plot_top, plot_bottom = top + legend_h, bottom - label_h
        left = MARGIN_MM + 8
        plot_w = self.width - 8
        # Legend and the axis title.
        self.font(10, colour=INK)
        self.pdf.set_xy(MARGIN_MM, top)
        lang = self.view.lang
        for name, colour in (
            (lang._("Forward (solid)"), FORWARD),
            (lang._("Backward (hatched)"), BACKWARD),
        ):
            x = self.pdf.get_x()
            self.pdf.set_fill_color(*colour)
            self.pdf.rect(x, top + 1, 5, 4, "F")
            self.pdf.set_xy(x + 6, top)
            self.pdf.cell(self.pdf.get_string_width(name) + 8, 6, name)
        self.font(10, colour=MUTED)
        self.pdf.set_xy(MARGIN_MM + self.width - 90, top)
        self.pdf.cell(90, 6, printable(comparison.axis), align="R")
        # Baseline.
        self.pdf.set_draw_color(*INK)
        self.pdf.set_line_width(0.4)
        self.pdf.line(left, plot_bottom, left + plot_w, plot_bottom)
        group_w = plot_w / len(pairs)
        bar_w = min(group_w * 0.32, 38.0)
        height = plot_bottom - plot_top

        def y_of(value: float) -> float:
            return plot_bottom - height * value / scale_top

        for index, pair in enumerate(pairs):
            centre = left + group_w * (index + 0.5)
            for side, value, band, colour in (
                (-1, pair.forward, pair.forward_band, FORWARD),
                (1, pair.backward, pair.backward_band, BACKWARD),
            ):
                x = centre + (bar_w * 0.08 if side > 0 else -bar_w * 1.08)
                y = y_of(value)
                self.pdf.set_fill_color(*colour)
                self.pdf.rect(x, y, bar_w, plot_bottom - y, "F")
                if side > 0:
                    self.hatch(x, y, bar_w, plot_bottom - y)
                label_y = y
                if band is not None:
                    self.pdf.set_draw_color(*INK)
                    self.pdf.set_line_width(0.5)
                    mid = x + bar_w / 2
                    self.pdf.line(mid, y_of(band[0]), mid, y_of(band[1]))
                    for end in band:
                        self.pdf.line(mid - 2, y_of(end), mid + 2, y_of(end))
                    label_y = y_of(band[1])
                text = lang.number(value, comparison.digits)
                if side > 0:
                    text += f" ({lang.number(pair.change_pct, 0, sign=True)} %)"
                self.font(13, bold=True)
                self.pdf.set_xy(x - 10, label_y - 7)
                self.pdf.cell(bar_w + 20, 6, text, align="C")
            self.font(11)
            self.pdf.set_xy(centre - group_w / 2, plot_bottom + 1.5)
            self.pdf.cell(group_w, 6, printable(pair.label), align="C")

    def draw(self, details: TitleDetails, codes: Sequence[Code]) -> bytes:
        for slide in self.view.slides:
            self.pdf.add_page()
            if slide.kind == "title":
                self.title(slide, details)
            elif slide.kind == "closing":
                self.closing(slide, codes)
            else:
                self.point(slide)
            self.footer(slide)
        return bytes(self.pdf.output())


def slides_pdf(
    view: DeckView,
    refs: Mapping[str, Reference],
    details: TitleDetails,
    codes: Sequence[Code] = (),
) -> bytes:
    """The deck as a 16:9 PDF, one page per slide, title slide first. [bytes]"""
    for code in codes:
        if not code.url.startswith(("http://", "https://")):
            raise ValueError("A QR code on the slides must open a web address (http or https).")
    return _Deck(view, refs).draw(details, codes)
