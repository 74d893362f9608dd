"""The patient handout PDF: one page on A4 and Letter, the calculators' numbers read back from it,
no name in its metadata, a scannable QR matrix, and readable when rendered."""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import segno
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from retroedu.calculators.calories import CaloriesInputs, calories_view
from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.exports.handout import WEEKS_SHOWN, compose, next_weeks, source_text
from retroedu.exports.handout_pdf import (
    PAPER_SIZES_MM,
    EnergyRow,
    Handout,
    Week,
    ZoneRow,
    build_pdf,
)
from tests.conftest import CALORIE_WORDS, LIBRARY

MM_PER_PT = 25.4 / 72
LINK = "http://127.0.0.1:8501/heart-rate?age=55&resting_hr=62&weight=80&grade=5"
WEEKS = LIBRARY.page("getting_started").page.meta["weeks"]
WORDS = LIBRARY.page("handout").page.meta
PERSON = "Maria García-Løvstad"
HEART = HeartInputs(age_years=55, resting_hr_bpm=62)
# 6.3 km/h lies where both walking and running make sense: two energy rows, the longest handout.
CALORIES = CaloriesInputs(weight=80.0, speed=6.3, grade_pct=5.0, minutes=20.0)


def make(
    heart: HeartInputs | None = HEART,
    calories: CaloriesInputs | None = CALORIES,
    **extra: object,
) -> Handout:
    """The handout of the two calculators' views, as the calculator pages compose it."""
    return compose(
        None if heart is None else heart_view(heart),
        None if calories is None else calories_view(calories, CALORIE_WORDS),
        LIBRARY,
        link_url=LINK,
        **extra,  # type: ignore[arg-type]
    )


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join((page.extract_text() or "") for page in reader.pages)


@functools.cache
def printed(
    heart: HeartInputs | None = HEART,
    calories: CaloriesInputs | None = CALORIES,
    *,
    paper: str = "A4",
    first_week: int = 1,
) -> tuple[Handout, bytes, str]:
    """A handout for `PERSON`, its PDF and the PDF's text (spaces collapsed), built once per set of
    inputs for the whole module: drawing a full page takes a good part of a second."""
    handout = make(heart, calories, paper=paper, first_week=first_week, person=PERSON)
    pdf = build_pdf(handout)
    return handout, pdf, " ".join(text_of(pdf).split())


def bpm_range(low: float, high: float) -> str:
    """A zone's range as the handout prints it: whole bpm, en dash."""
    return f"{low:.0f}\u2013{high:.0f}"


@pytest.mark.parametrize("paper", list(PAPER_SIZES_MM))
@pytest.mark.parametrize("first_week", [1, 5])  # four walking weeks, four running weeks
def test_the_handout_is_one_page_of_the_chosen_paper(paper: str, first_week: int) -> None:
    _, pdf, _ = printed(paper=paper, first_week=first_week)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width_mm, height_mm = PAPER_SIZES_MM[paper]
    assert float(box.width) * MM_PER_PT == pytest.approx(width_mm, abs=0.5)
    assert float(box.height) * MM_PER_PT == pytest.approx(height_mm, abs=0.5)


@pytest.mark.parametrize(
    ("inputs", "first_zone", "named"),
    [
        # Age 55, Tanaka: 208 - 0.7 x 55 = 169.5 bpm; resting 62 -> reserve 107.5 bpm, zones of
        # the reserve (Karvonen): zone 1 = 62 + 0.5 x 107.5 = 115.75 to 62 + 0.6 x 107.5 = 126.5.
        (HEART, (115.75, 126.5), "Karvonen method"),
        # No resting rate: % of max. Age 40: 180 bpm; zone 1 = 90-108.
        (HeartInputs(age_years=40), (90.0, 108.0), "share of your maximum heart rate"),
        # A measured maximum of 190 bpm replaces the formula: zone 1 = 95-114.
        (HeartInputs(age_years=30, max_hr_bpm=190), (95.0, 114.0), "(measured)"),
    ],
)
def test_zone_numbers_read_back_equal_the_views_hero_table(
    inputs: HeartInputs, first_zone: tuple[float, float], named: str
) -> None:
    view = heart_view(inputs)
    _, _, text = printed(inputs, None)
    hero = list(zip(view.hero.low_bpm, view.hero.high_bpm, strict=True))
    assert hero[0] == pytest.approx(first_zone)
    # Every zone of the recommended method, in order, and no zone of any other method.
    positions = [text.find(bpm_range(low, high)) for low, high in hero]
    assert -1 not in positions, (positions, text)
    assert positions == sorted(positions)
    shown = {bpm_range(low, high) for low, high in hero}
    for other in view.others():
        table = view.tables[other]
        for low, high in zip(table.low_bpm, table.high_bpm, strict=True):
            if bpm_range(low, high) not in shown:
                assert bpm_range(low, high) not in text, other
    assert named in text


@pytest.mark.parametrize(
    ("speed_kmh", "gaits", "walk_kcal"),
    [
        # 3 km/h (0.83 m/s) is a walking speed only: no running row. 80 kg, 5 % grade, 20 min,
        # S = 50 m/min, S x G = 2.5: forward walk 3.5 + 5 + 4.5 = 13 ml/kg/min x 80 / 200 = 5.2
        # kcal/min x 20 = 104 kcal; backward 3.5 + 1.6 x 5 + 4.5 = 16 -> 6.4 x 20 = 128 kcal.
        (3.0, ("walk",), (104.0, 128.0)),
        # 6.3 km/h (1.75 m/s) lies in the walk-run transition band (1.6-1.85 m/s): both rows.
        (6.3, ("walk", "run"), None),
        # 10 km/h (2.78 m/s) is a running speed only.
        (10.0, ("run",), None),
    ],
)
def test_energy_rows_equal_the_views_estimates_for_its_gaits_only(
    speed_kmh: float, gaits: tuple[str, ...], walk_kcal: tuple[float, float] | None
) -> None:
    inputs = CaloriesInputs(weight=80.0, speed=speed_kmh, grade_pct=5.0, minutes=20.0)
    view = calories_view(inputs, CALORIE_WORDS)
    assert view.gaits == gaits
    handout, _, text = printed(None, inputs)
    assert len(handout.energy) == len(gaits)
    for row, gait in zip(handout.energy, gaits, strict=True):
        forward = view.estimate(gait, "forward").session_kcal(20.0).central
        backward = view.estimate(gait, "backward").session_kcal(20.0).central
        assert (row.forward_kcal, row.backward_kcal) == pytest.approx((forward, backward))
        assert row.activity.startswith(f"{WORDS['gaits'][gait]} at {speed_kmh:.1f} km/h")
        assert f"{row.activity} {forward:.0f} {backward:.0f}" in text
    for gait, word in WORDS["gaits"].items():
        assert (f"{word} at " in text) is (gait in gaits), gait
    if walk_kcal is not None:
        walk = handout.energy[0]
        assert (walk.forward_kcal, walk.backward_kcal) == pytest.approx(walk_kcal)


@pytest.mark.parametrize(
    ("heart", "calories", "present", "absent"),
    [
        (
            HEART,
            None,
            [WORDS["headings"]["zones"], "Karvonen", "Age 55"],
            [WORDS["headings"]["energy"], "kcal", "Wright S"],
        ),
        (
            None,
            CALORIES,
            [WORDS["headings"]["energy"], "kcal", "Wright S"],
            [WORDS["headings"]["zones"], "bpm", "Karvonen", "Tanaka", "Age 55"],
        ),
    ],
    ids=["zones only", "energy only"],
)
def test_one_calculator_alone_prints_no_section_for_the_other(
    heart: HeartInputs | None,
    calories: CaloriesInputs | None,
    present: list[str],
    absent: list[str],
) -> None:
    """Nothing is filled in with values nobody entered: no section, no numbers, no sources."""
    _, _, text = printed(heart, calories)
    for words in present:
        assert words in text, words
    for words in absent:
        assert words not in text, words


def test_a_handout_needs_at_least_one_calculator() -> None:
    with pytest.raises(ValueError, match="at least one calculator"):
        make(None, None)


@pytest.mark.parametrize(
    "layout",
    [
        "both",
        pytest.param(
            "energy only",
        ),
    ],
)
def test_the_energy_note_is_printed_once(layout: str) -> None:
    _, _, text = printed(HEART if layout == "both" else None, CALORIES)
    assert text.count("Gross estimates for a body weight of 80 kg") == 1


@pytest.mark.parametrize(
    "layout",
    [
        "both",
        "zones only",
        pytest.param(
            "energy only",
        ),
    ],
)
def test_the_link_address_is_printed_beside_its_qr_code(layout: str) -> None:
    heart = None if layout == "energy only" else HEART
    calories = None if layout == "zones only" else CALORIES
    _, _, text = printed(heart, calories)
    assert "127.0.0.1:8501/heart-rate?age=55" in text.replace(" ", "")


def test_imperial_settings_print_in_imperial_units() -> None:
    handout = make(calories=CaloriesInputs(weight=176.0, speed=3.0, units="imperial"))
    assert handout.energy[0].activity.startswith("Walking at 3.0 mph")
    assert "176 lb" in handout.energy_note


def test_link_name_sources_disclaimer_and_plan_are_printed() -> None:
    _, _, text = printed(first_week=5)
    assert "Education, not medical advice" in text
    assert f"For: {PERSON}" in text
    assert "Week 5" in text
    assert "Week 8" in text
    assert "Week 4" not in text
    assert "Wright S, Weyand PG (2001)" in text
    assert "127.0.0.1:8501/heart-rate" in text.replace(" ", "")
    # Citation markers became numbers into the handout's own list.
    assert "[@" not in text


def test_the_name_is_never_in_the_pdf_metadata() -> None:
    _, pdf, text = printed()
    assert PERSON in text
    reader = PdfReader(io.BytesIO(pdf))
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
    assert "García" not in metadata
    assert "RetroEdu" in metadata


def test_sources_are_numbered_in_order_of_first_citation_and_all_cited() -> None:
    handout = make()
    assert len(handout.sources) == len(set(handout.sources))
    words = [
        handout.zones_note,
        handout.energy_note,
        handout.weeks_note,
        *(week.plan for week in handout.weeks),
        *handout.safety,
    ]
    numbers = [
        int(n) for group in re.findall(r"\[([\d, ]+)\]", " ".join(words)) for n in group.split(",")
    ]
    first_seen = list(dict.fromkeys(numbers))
    assert first_seen == list(range(1, len(handout.sources) + 1))


def test_next_weeks_picks_four_from_the_chosen_week() -> None:
    assert [w["week"] for w in next_weeks(WEEKS, 1)] == list(range(1, WEEKS_SHOWN + 1))
    assert [w["week"] for w in next_weeks(WEEKS, 7)] == [7, 8]
    with pytest.raises(ValueError, match="no week 12"):
        next_weeks(WEEKS, 12)


def test_source_text_is_short_and_names_a_locator() -> None:
    ref = LIBRARY.references["rasica2020"]
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
        ({"zones": (), "energy": ()}, "needs heart-rate zones or an energy comparison"),
        ({"zones": (ZoneRow("Zone 1", "x", "y", 120.0, 100.0),)}, "low end"),
        ({"energy": (EnergyRow("Walk", -1.0, 2.0),)}, "cannot be negative"),
        ({"link_url": "javascript:alert(1)"}, "http:// or https://"),
        # 120 lines of checklist in two columns: more than a page even at 70 % type.
        ({"safety": tuple(f"Item {n}." for n in range(120))}, "does not fit on one page"),
    ],
)
def test_impossible_handouts_raise_a_readable_error(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_pdf(small(**changes))


@pytest.mark.parametrize("changes", [{"zones": ()}, {"energy": ()}])
def test_zones_or_energy_alone_make_a_handout(changes: dict[str, object]) -> None:
    assert len(PdfReader(io.BytesIO(build_pdf(small(**changes)))).pages) == 1


@settings(max_examples=15, deadline=None)
@given(name=st.text(max_size=60), title=st.text(min_size=1, max_size=80))
def test_any_name_or_title_prints_without_error(name: str, title: str) -> None:
    pdf = build_pdf(small(person=name, title=title))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def runs(xs: list[int]) -> list[tuple[int, int]]:
    """The runs of consecutive integers in the sorted list `xs`, as (first, last) pairs."""
    found: list[tuple[int, int]] = []
    for x in xs:
        if found and x == found[-1][1] + 1:
            found[-1] = (found[-1][0], x)
        else:
            found.append((x, x))
    return found


DPI = 200


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
@pytest.mark.parametrize(
    ("paper", "heart"), [("A4", HEART), ("Letter", None)], ids=["A4 zones", "Letter energy only"]
)
def test_rendered_handout_shows_the_qr_code_of_the_link(
    paper: str, heart: HeartInputs | None, tmp_path: Path
) -> None:
    pdf_path = tmp_path / "handout.pdf"
    pdf_path.write_bytes(printed(heart, CALORIES, paper=paper)[1])
    # Render only the top right of the page, where the QR code sits (beside the zones, or beside
    # the energy note when there are no zones).
    width_mm, height_mm = PAPER_SIZES_MM[paper]
    page_w, page_h = (round(mm / 25.4 * DPI) for mm in (width_mm, height_mm))
    x0 = int(page_w * 0.7)
    crop = ["-x", str(x0), "-y", "0", "-W", str(page_w - x0), "-H", str(page_h // 2)]
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", *crop, "-png", str(pdf_path), str(tmp_path / "qr")],
        check=True,
    )
    image = np.asarray(Image.open(next(tmp_path.glob("qr*.png"))).convert("L")) < 128
    # The code's top row starts and ends with a finder pattern (7 dark modules, wider than any
    # letter): the first row holding two such long dark runs is the code's top edge, the start of
    # the first run its left edge and the end of the last its right edge (text beside the code
    # makes only short runs).
    finder_px = 4 * DPI / 25.4  # 4 mm: a finder pattern is about 6 mm wide
    top = left = right = 0
    for y in range(image.shape[0]):
        long = [run for run in runs(image[y].nonzero()[0].tolist()) if run[1] - run[0] >= finder_px]
        if len(long) >= 2:
            top, left, right = y, long[0][0], long[-1][1]
            break
    assert top, "no QR code at the top right of the page"
    matrix = segno.make(LINK, error="m", micro=False).matrix
    module = (right - left + 1) / len(matrix)
    sampled = [
        [
            int(image[int(top + (row + 0.5) * module), int(left + (col + 0.5) * module)])
            for col in range(len(matrix))
        ]
        for row in range(len(matrix))
    ]
    assert sampled == [list(row) for row in matrix]
