"""Printable zone cards: one card per athlete, eight to an A4 or US Letter page. Pure.

Each card carries the athlete's name, age and maximum, and the five zones of the calculator's
recommended method, read from the athlete's `HeartView` (the object the heart-rate page draws).
The heart rates are printed at 17 pt bold and the zone names at 11 pt, readable at arm's length;
dashed lines show where to cut. Nothing is stored: the PDF is built in memory on request.

>>> from retroedu.calculators.team import read_roster, team_view
>>> words = CardWords("Zone cards", "Age", "Max", "resting", "measured", "{formula} formula",
...     {"hrmax5": "% of max HR", "hrr5": "% of HR reserve"}, "Education, not medical advice.")
>>> pdf = zone_cards_pdf(team_view(read_roster("name,age\\nAna,40\\n")), words)
>>> pdf[:5]
b'%PDF-'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF

from retroedu.calculators.team import Athlete, TeamView
from retroedu.content.i18n import ENGLISH, Language
from retroedu.exports.fonts import FAMILY, add_fonts, printable
from retroedu.exports.handout_pdf import PAPER_SIZES_MM, Paper
from retroedu.figures import style
from retroedu.figures.heart import ZONE_COLOURS
from retroedu.models import heart

#: Cards across and down a page.
COLUMNS, ROWS = 2, 4
CARDS_PER_PAGE = COLUMNS * ROWS
MARGIN_MM = 10.0
PAD_MM = 4.0
#: Type sizes [pt]: the name, the details line, a zone's name, a zone's heart rates, the footer.
NAME_PT, DETAILS_PT, ZONE_PT, BPM_PT, FOOT_PT = 16.0, 10.0, 11.0, 17.0, 8.0
#: A long name is set smaller, down to this size, before anything is cut from it. [pt]
NAME_MIN_PT = 9.0
PT_MM = 0.3528
EN_DASH, MIDDLE_DOT = "\u2013", "\u00b7"


@dataclass(frozen=True)
class CardWords:
    """The words a card prints around the numbers (from content/team_zones.md)."""

    title: str
    age: str
    max: str  # starts the second line: "Max 180 bpm (...)"
    resting: str
    measured: str
    formula: str  # "{formula} formula"
    basis: Mapping[str, str]  # method key -> how the zones are taken
    footer: str

    @classmethod
    def from_content(cls, words: Mapping[str, Any]) -> CardWords:
        """The words from a content page's `zone_cards` block (content/team_zones.md)."""
        try:
            return cls(**{name: words[name] for name in cls.__dataclass_fields__})
        except KeyError as missing:
            raise ValueError(f"The zone_cards words need {missing}.") from None


def _rgb(colour: str) -> tuple[int, int, int]:
    """A "#RRGGBB" colour as fpdf2 takes it.

    >>> _rgb("#0072B2")
    (0, 114, 178)
    """
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


INK = _rgb(style.LIGHT.text)
MUTED = _rgb(style.LIGHT.muted)
RULE = _rgb(style.LIGHT.grid)
ON_ZONE = _rgb(style.ON_DATA)


def details(athlete: Athlete, words: CardWords, lang: Language = ENGLISH) -> tuple[str, str]:
    """The two lines under the name: age and resting rate; the maximum and where it comes from.

    >>> from retroedu.calculators.heart import HeartInputs, heart_view
    >>> view = heart_view(HeartInputs(age_years=40, resting_hr_bpm=60))
    >>> words = CardWords("", "Age", "Max", "resting", "measured", "{formula} formula", {}, "")
    >>> details(Athlete(2, "Ana", view), words)
    ('Age 40 · resting 60 bpm', 'Max 180 bpm (Tanaka formula)')
    """
    view = athlete.view
    bpm = lang._("bpm")
    first = f"{words.age} {lang.number(view.inputs.age_years)}"
    if view.inputs.resting_hr_bpm is not None:
        resting = lang.number(view.inputs.resting_hr_bpm, 0)
        first += f" {MIDDLE_DOT} {words.resting} {resting} {bpm}"
    source = words.measured if view.measured else words.formula.format(formula=view.formula.name)
    return first, f"{words.max} {lang.number(view.max_bpm, 0)} {bpm} ({source})"


class _Cards:
    def __init__(self, paper: Paper, words: CardWords, lang: Language = ENGLISH) -> None:
        if paper not in PAPER_SIZES_MM:
            raise ValueError(f"Paper size {paper!r} is not offered; choose A4 or Letter.")
        self.words, self.lang = words, lang
        self.pdf = FPDF(orientation="portrait", unit="mm", format=paper)
        add_fonts(self.pdf)
        self.pdf.set_auto_page_break(False)
        # Metadata names the document, never an athlete.
        self.pdf.set_title(printable(words.title))
        self.pdf.set_creator("RetroEdu")
        self.pdf.set_lang(lang.code)
        width, height = PAPER_SIZES_MM[paper]
        self.card_w = (width - 2 * MARGIN_MM) / COLUMNS
        self.card_h = (height - 2 * MARGIN_MM) / ROWS

    def text(
        self,
        x: float,
        y: float,
        w: float,
        size_pt: float,
        text: str,
        *,
        bold: bool = False,
        colour: tuple[int, int, int] = INK,
        align: str = "L",
        smallest: float = 0.0,
    ) -> float:
        """One line of text in a box `w` wide with its top at `y`; returns the line height. Text
        too wide is set smaller, down to `smallest` (by default its own size), and only then cut
        short."""
        shown, weight, floor = printable(text), "B" if bold else "", smallest or size_pt
        fitted = size_pt
        self.pdf.set_font(FAMILY, weight, fitted)
        while fitted > floor and self.pdf.get_string_width(shown) > w:
            fitted = max(fitted - 0.5, floor)
            self.pdf.set_font(FAMILY, weight, fitted)
        self.pdf.set_text_color(*colour)
        line = size_pt * PT_MM * 1.25
        while shown and self.pdf.get_string_width(shown) > w:
            shown = shown[:-2] + "\u2026"
        self.pdf.set_xy(x, y)
        self.pdf.cell(w, line, shown, align=align)
        return line

    def cut_lines(self, x: float, y: float, right: bool, below: bool) -> None:
        """Dashed lines around the card at `x`, `y`, none where no card is printed: its top and
        left edges, and its right and bottom edges unless a card there draws them (each edge
        once, left to right or top to bottom, so the dashes of a shared edge stay dashes)."""
        self.pdf.set_draw_color(*RULE)
        self.pdf.set_line_width(0.3)
        self.pdf.set_dash_pattern(dash=2, gap=1.5)
        x2, y2 = x + self.card_w, y + self.card_h
        self.pdf.line(x, y, x2, y)
        self.pdf.line(x, y, x, y2)
        if not right:
            self.pdf.line(x2, y, x2, y2)
        if not below:
            self.pdf.line(x, y2, x2, y2)
        self.pdf.set_dash_pattern()

    def card(self, athlete: Athlete, x: float, y: float) -> None:
        view, words = athlete.view, self.words
        inner = self.card_w - 2 * PAD_MM
        left, top = x + PAD_MM, y + PAD_MM
        top += self.text(left, top, inner, NAME_PT, athlete.name, bold=True, smallest=NAME_MIN_PT)
        for line in details(athlete, words, self.lang):
            top += self.text(left, top, inner, DETAILS_PT, line, colour=MUTED)
        top += 1.5
        foot = FOOT_PT * PT_MM * 1.25
        room = y + self.card_h - PAD_MM - foot - 1.0 - top
        zones = view.hero
        step = room / len(zones)
        swatch = min(step - 1.0, 7.0)
        bpm_w = 32.0
        for index, (zone, name, low, high) in enumerate(
            zip(zones.zone, zones.name, zones.low_bpm, zones.high_bpm, strict=True)
        ):
            row_top = top + index * step
            self.pdf.set_fill_color(*_rgb(ZONE_COLOURS[index % len(ZONE_COLOURS)]))
            box_top = row_top + (step - swatch) / 2
            self.pdf.rect(left, box_top, swatch, swatch, style="F")
            # The zone's number inside its colour, its name beside it ("3  Vigorous").
            number = str(index + 1) if str(zone).startswith("Zone ") else str(zone)
            middle = row_top + (step - ZONE_PT * PT_MM * 1.25) / 2
            self.text(left, middle, swatch, ZONE_PT, number, bold=True, colour=ON_ZONE, align="C")
            self.text(
                left + swatch + 2.5,
                middle,
                inner - swatch - 2.5 - bpm_w,
                ZONE_PT,
                self.lang._(name),
            )
            middle = row_top + (step - BPM_PT * PT_MM * 1.25) / 2
            bpm = f"{low:.0f}{EN_DASH}{high:.0f}"
            self.text(left + inner - bpm_w, middle, bpm_w, BPM_PT, bpm, bold=True, align="R")
        basis = words.basis.get(view.method, self.lang._(heart.MODELS[view.method].name))
        footer = f"{basis} {MIDDLE_DOT} {words.footer}"
        self.text(left, y + self.card_h - PAD_MM - foot, inner, FOOT_PT, footer, colour=MUTED)

    def draw(self, athletes: Sequence[Athlete]) -> bytes:
        for start in range(0, len(athletes), CARDS_PER_PAGE):
            self.pdf.add_page()
            on_page = athletes[start : start + CARDS_PER_PAGE]
            for place, athlete in enumerate(on_page):
                row, column = divmod(place, COLUMNS)
                x, y = MARGIN_MM + column * self.card_w, MARGIN_MM + row * self.card_h
                right = column + 1 < COLUMNS and place + 1 < len(on_page)
                self.cut_lines(x, y, right=right, below=place + COLUMNS < len(on_page))
                self.card(athlete, x, y)
        return bytes(self.pdf.output())


def zone_cards_pdf(
    team: TeamView, words: CardWords, paper: Paper = "A4", lang: Language = ENGLISH
) -> bytes:
    """The team's zone cards as a PDF, `CARDS_PER_PAGE` to a page, in `lang` (its words are the
    content's, in the same language). [bytes]

    ValueError when no athlete has zones (there is nothing to print).
    """
    if not team.athletes:
        raise ValueError("No athlete has zones yet, so there are no cards to print.")
    return _Cards(paper, words, lang).draw(team.athletes)
