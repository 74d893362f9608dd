"""The font RetroEdu's printed sheets embed: DejaVu Sans from `assets/fonts` (licence beside it).

Embedding a font (not one of the 14 standard PDF fonts) prints names such as "Zoë", "Łukasz" or
"Ştefan" as typed, and the sheet still needs no network. `printable` replaces what the font
cannot draw, so fpdf2 never logs a missing character (a name must never reach a log).

>>> printable("Zoë Łukasz \\u4e2d\\x07")
'Zoë Łukasz ??'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
#: Font files by fpdf2 style ("" regular, "B" bold).
FONT_FILES: Mapping[str, str] = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FAMILY = "DejaVu"


def _coverage() -> frozenset[int]:
    """The characters both faces can draw (control characters excluded); none if a font file
    is missing (`missing_fonts` names them, and a sheet says so instead of drawing)."""
    found: frozenset[int] | None = None
    for name in FONT_FILES.values():
        if not (FONT_DIR / name).is_file():
            return frozenset()
        with TTFont(FONT_DIR / name, lazy=True) as font:
            cmap = frozenset(font.getBestCmap())
        found = cmap if found is None else found & cmap
    assert found is not None
    return frozenset(code for code in found if code >= 0x20 and not 0x7F <= code < 0xA0)


#: Read once when a sheet is first drawn in this process (a module constant, not a cache).
COVERAGE = _coverage()


def printable(text: str) -> str:
    """`text` with every character the font lacks turned into its unaccented letter, or "?"."""
    out = []
    for char in text:
        if ord(char) not in COVERAGE:
            base = "".join(
                part
                for part in unicodedata.normalize("NFKD", char)
                if not unicodedata.combining(part)
            )
            char = base if base and all(ord(part) in COVERAGE for part in base) else "?"
        out.append(char)
    return "".join(out)


def add_fonts(pdf: FPDF) -> None:
    """Register both faces on `pdf` under `FAMILY`."""
    for style, name in FONT_FILES.items():
        pdf.add_font(FAMILY, style, str(FONT_DIR / name))
