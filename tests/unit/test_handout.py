"""The patient handout PDF: one page on A4 and Letter, the calculators' numbers read back from it,
no name in its metadata, a scannable QR matrix, and readable when rendered."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import segno
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from retroedu.content import evidence
from retroedu.content.pages import load_page
from retroedu.exports.handout import WEEKS_SHOWN, compose, next_weeks, source_text
from retroedu.exports.handout_pdf import (
    PAPER_SIZES_MM,
    EnergyRow,
    Handout,
    Week,
    ZoneRow,
    build_pdf,
    pdf_text,
    plain_text,
)
from retroedu.links.settings import EnergySettings, HeartSettings
from retroedu.models import energy, heart
from tests.conftest import ROOT

MM_PER_PT = 25.4 / 72
LINK = "http://127.0.0.1:8501/heart-rate?age=55&resting_hr=62&weight=80&grade=5"
WEEKS = load_page("getting_started").meta["weeks"]


def make(
    heart_settings: HeartSettings | None = None,
    energy_settings: EnergySettings | None = None,
    **extra: object,
) -> Handout:
    return compose(
        heart_settings or HeartSettings(age_years=55, resting_hr_bpm=62),
        energy_settings or EnergySettings(weight=80, speed=5.0, grade_pct=5, minutes=20),
        words=load_page("handout"),
        weeks=WEEKS,
        refs=evidence.references(),
        link_url=LINK,
        **extra,  # type: ignore[arg-type]
    )


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join((page.extract_text() or "") for page in reader.pages)


@pytest.mark.parametrize("paper", list(PAPER_SIZES_MM))
@pytest.mark.parametrize("first_week", [1, 5, 8])
def test_the_handout_is_one_page_of_the_chosen_paper(paper: str, first_week: int) -> None:
    pdf = build_pdf(make(paper=paper, first_week=first_week, person="Maria García-Løvstad"))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width_mm, height_mm = PAPER_SIZES_MM[paper]
    assert float(box.width) * MM_PER_PT == pytest.approx(width_mm, abs=0.5)
    assert float(box.height) * MM_PER_PT == pytest.approx(height_mm, abs=0.5)


def test_zone_numbers_read_back_match_retroedu() -> None:
    # Age 55, resting 62 bpm, Tanaka: HRmax = 208 - 0.7 x 55 = 169.5 bpm; reserve = 107.5 bpm.
    # Zone 1 (50-60 % of reserve) = 62 + 0.5 x 107.5 = 115.75 -> "116", 62 + 0.6 x 107.5 = 126.5.
    text = text_of(build_pdf(make()))
    table = heart.zones(169.5, 62.0, "hrr5")
    assert table.low_bpm.iloc[0] == pytest.approx(115.75)
    for low, high in zip(table.low_bpm, table.high_bpm, strict=True):
        assert f"{low:.0f}\u2013{high:.0f}" in text
    assert "Karvonen" in text


def test_zones_use_max_hr_without_a_resting_rate_and_a_measured_max_when_given() -> None:
    # Measured max 190 bpm, no resting rate: zone 3 (70-80 % of max) = 133-152 bpm.
    text = text_of(build_pdf(make(HeartSettings(age_years=30, max_hr_bpm=190))))
    assert "133\u2013152" in text
    assert "measured" in text


def test_energy_rows_match_the_calorie_model() -> None:
    handout = make()
    by_mode = {(e.mode.gait, e.mode.direction): e for e in energy.compare(80.0, 5.0, 5.0)}
    walk_forward = by_mode[("walk", "forward")].session_kcal(20).central
    walk_backward = by_mode[("walk", "backward")].session_kcal(20).central
    assert handout.energy[0].forward_kcal == pytest.approx(walk_forward)
    assert handout.energy[0].backward_kcal == pytest.approx(walk_backward)
    text = text_of(build_pdf(handout))
    assert f"{walk_forward:.0f}" in text
    assert f"{walk_backward:.0f}" in text


def test_imperial_settings_print_in_imperial_units() -> None:
    handout = make(energy_settings=EnergySettings(weight=176, speed=3.0, units="imperial"))
    assert "3.0 mph" in handout.energy[0].activity
    assert "176 lb" in handout.energy_note


def test_link_name_sources_disclaimer_and_plan_are_printed() -> None:
    handout = make(person="Ana", first_week=5)
    text = " ".join(text_of(build_pdf(handout)).split())
    assert "Education, not medical advice" in text
    assert "For: Ana" in text
    assert "Week 5" in text
    assert "Week 8" in text
    assert "Week 4" not in text
    assert "Wright S, Weyand PG (2001)" in text
    assert "127.0.0.1:8501/heart-rate" in text.replace(" ", "")
    # Citation markers became numbers into the handout's own list.
    assert "[@" not in text


def test_the_name_is_never_in_the_pdf_metadata() -> None:
    reader = PdfReader(io.BytesIO(build_pdf(make(person="Ziggy Stardust"))))
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
    assert "Ziggy" not in metadata
    assert "RetroEdu" in metadata


def test_sources_are_numbered_in_order_and_every_marker_resolves() -> None:
    handout = make()
    assert len(handout.sources) == len(set(handout.sources))
    printed = " ".join([handout.zones_note, handout.energy_note, *(w.plan for w in handout.weeks)])
    cited = {int(n) for group in re.findall(r"\[([\d, ]+)\]", printed) for n in group.split(",")}
    assert cited <= set(range(1, len(handout.sources) + 1))
    assert 1 in cited


def test_next_weeks_picks_four_from_the_chosen_week() -> None:
    assert [w["week"] for w in next_weeks(WEEKS, 1)] == list(range(1, WEEKS_SHOWN + 1))
    assert [w["week"] for w in next_weeks(WEEKS, 7)] == [7, 8]
    with pytest.raises(ValueError, match="no week 12"):
        next_weeks(WEEKS, 12)


def test_source_text_is_short_and_names_a_locator() -> None:
    ref = evidence.references()["rasica2020"]
    assert source_text(ref).startswith("Rasica L et al. (2020). Eur J Appl Physiol")
    assert "doi:10.1007/s00421-020-04474-7" in source_text(ref)


def small(**changes: object) -> Handout:
    base: dict[str, object] = {
        "title": "T",
        "settings": "S",
        "zones": (ZoneRow("Zone 1", "Easy", "50\u201360 %", 90.0, 108.0),),
        "zones_note": "",
        "energy": (EnergyRow("Walk", 100.0, 150.0),),
        "energy_note": "",
        "weeks": (Week("Week 1", "Walk."),),
        "weeks_note": "",
        "safety": ("Look back.",),
        "link_url": "http://localhost:8501/",
        "sources": ("A (2001). J.",),
        "disclaimer": "Education, not medical advice.",
    }
    return Handout(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"paper": "A5"}, "Paper size 'A5' is not offered"),
        ({"zones": ()}, "at least one heart-rate zone"),
        ({"zones": (ZoneRow("Zone 1", "x", "y", 120.0, 100.0),)}, "low end"),
        ({"energy": (EnergyRow("Walk", -1.0, 2.0),)}, "cannot be negative"),
        ({"link_url": "javascript:alert(1)"}, "http:// or https://"),
        ({"safety": tuple(f"Item {n} " * 40 for n in range(60))}, "does not fit on one page"),
    ],
)
def test_impossible_handouts_raise_a_readable_error(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_pdf(small(**changes))


@settings(max_examples=25, deadline=None)
@given(name=st.text(max_size=60), title=st.text(min_size=1, max_size=80))
def test_any_name_or_title_prints_without_error(name: str, title: str) -> None:
    pdf = build_pdf(small(person=name, title=title))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_pdf_text_keeps_windows_1252_and_replaces_the_rest() -> None:
    assert pdf_text("120\u2013135 bpm \u00b1 10") == "120\u2013135 bpm \u00b1 10"
    assert pdf_text("\u2248 35 % \u2192 \u2265 \u2212") == "~ 35 % -> >= -"
    assert pdf_text("\U0001f3c3") == "?"


def test_plain_text_numbers_markers_and_drops_markdown() -> None:
    assert plain_text("**Go** [@a; @b] [x](https://x.org)", {"a": 3, "b": 1}) == "Go [3, 1] x"


def longest_run(xs: list[int]) -> int:
    """Length of the longest run of consecutive integers in the sorted list `xs`."""
    best = run = 1
    for before, after in itertools.pairwise(xs):
        run = run + 1 if after == before + 1 else 1
        best = max(best, run)
    return best


def dark(image: Image.Image, x: float, y: float) -> bool:
    value = image.getpixel((int(x), int(y)))
    assert isinstance(value, int)
    return value < 128


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
@pytest.mark.parametrize("paper", list(PAPER_SIZES_MM))
def test_rendered_handout_shows_the_qr_code_of_the_link(paper: str, tmp_path: Path) -> None:
    pdf_path = tmp_path / "handout.pdf"
    pdf_path.write_bytes(build_pdf(make(paper=paper, person="Maria García")))
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", str(pdf_path), str(tmp_path / "page")], check=True
    )
    png = next(tmp_path.glob("page*.png"))
    shots = ROOT / "artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, shots / f"handout-{paper.lower()}.png")

    image = Image.open(png).convert("L")
    width, height = image.size
    assert height > width  # portrait
    # The QR code sits in the right-hand column beside the zones. Its top row starts and ends
    # with a finder pattern (7 dark modules, wider than any letter), so the first row holding such
    # a long dark run gives the code's top edge, and that row's first and last dark pixels its
    # left and right edges.
    finder_px = 4 * 200 / 25.4  # 4 mm: a finder pattern is about 6 mm wide
    top = left = right = 0
    for y in range(int(height * 0.08), int(height * 0.45)):
        row = [x for x in range(int(width * 0.75), width) if dark(image, x, y)]
        if row and longest_run(row) >= finder_px:
            top, left, right = y, row[0], row[-1]
            break
    assert top, "no QR code in the zones row"
    matrix = segno.make(LINK, error="m", micro=False).matrix
    module = (right - left + 1) / len(matrix)
    sampled = [
        [
            int(dark(image, left + (col + 0.5) * module, top + (row + 0.5) * module))
            for col in range(len(matrix))
        ]
        for row in range(len(matrix))
    ]
    assert sampled == [list(row) for row in matrix]
