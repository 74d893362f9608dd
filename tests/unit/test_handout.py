"""The patient handout PDF, opened and read back: one sheet (the front what the patient needs, the
back the references) for every paper and print size, the numbers are the view models', the zone
method is named, the type meets the floors for older readers (measured from the PDF itself),
nothing is cut off, the QR code decodes to the public address with the settings, no QR code without
one, only the sections chosen (never one for a calculator nobody set), and no name in the metadata
or a log."""

from __future__ import annotations

import functools
import io
import logging
import math
import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pypdfium2 as pdfium
import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from retroedu.calculators.calories import CaloriesInputs, calories_view
from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.exports.handout import (
    SECTIONS,
    WEEKS_SHOWN,
    available,
    compose,
    next_weeks,
    section_values,
    source_text,
)
from retroedu.exports.handout_pdf import (
    LARGE_PRINT,
    MARGIN_MM,
    NORMAL_PRINT,
    PAPER_SIZES_MM,
    Energy,
    EnergyRow,
    Handout,
    Plan,
    Reentry,
    Week,
    ZoneRow,
    Zones,
    build_pdf,
)
from retroedu.exports.pdf_preview import page_images
from retroedu.links.urls import public_address, reachable_base
from retroedu.models.heart import MODELS as ZONE_MODELS
from tests.conftest import CALORIE_WORDS, LIBRARY, plain

MM_PER_PT = 25.4 / 72
PUBLIC = "https://retroedu.example.org/clinic"
WEEKS = LIBRARY.page("getting_started").page.meta["weeks"]
WORDS = LIBRARY.page("handout").page.meta
PERSON = "María Ñúñez-Løvstad"
# The patients: 68, female, resting 72 (heart-rate reserve zones), and 82 kg walking at
# 3 km/h on the level for 10 min.
HEART = HeartInputs(age_years=68, sex="female", resting_hr_bpm=72)
CALORIES = CaloriesInputs(weight=82.0, speed=3.0, minutes=10.0)
# 6.3 km/h lies where both walking and running make sense: two energy rows and a note that the
# speed lies outside the studies, the longest sheet.
FAST = replace(CALORIES, speed=6.3)
# On a +5 % grade: the slope in the energy rows' arithmetic.
UPHILL = replace(FAST, grade_pct=5.0)
NUMBER = re.compile(r"[+\u2212-]?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Printed:
    """A composed handout, its PDF, the PDF's text (spaces collapsed) and each page's text."""

    handout: Handout
    pdf: bytes
    text: str
    pages: tuple[str, ...]


@functools.cache
def printed(
    heart: HeartInputs | None = HEART,
    calories: CaloriesInputs | None = CALORIES,
    *,
    base_url: str | None = PUBLIC,
    sections: tuple[str, ...] | None = None,
    paper: str = "A4",
    large_print: bool = False,
    first_week: int = 1,
) -> Printed:
    """The handout for `PERSON` as a calculator page composes it, built once per set of inputs for
    the whole module (drawing a sheet takes a good part of a second)."""
    handout = compose(
        None if heart is None else heart_view(heart),
        None if calories is None else calories_view(calories, CALORIE_WORDS),
        LIBRARY,
        page_key="heart-rate",
        base_url=base_url,
        sections=sections,
        first_week=first_week,
        person=PERSON,
        date="9 March 2026",
        paper=paper,  # type: ignore[arg-type]
        large_print=large_print,
    )
    pdf = build_pdf(handout)
    reader = PdfReader(io.BytesIO(pdf))
    pages = tuple(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    return Printed(handout, pdf, " ".join(pages), pages)


@dataclass(frozen=True)
class Run:
    """A run of text as the PDF draws it: its page (from 1), its text and its size. [pt]"""

    page: int
    text: str
    size_pt: float


@functools.cache
def runs(pdf: bytes) -> tuple[Run, ...]:
    """Every run of text in `pdf` with its size read from the PDF itself: the font size times
    the scale of the text and transformation matrices (pypdf's text visitor)."""
    found: list[Run] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            a, b, c, d = tm[:4]
            e, f, g, h = cm[:4]
            scale = math.sqrt(
                abs((a * e + b * g) * (c * f + d * h) - (a * f + b * h) * (c * e + d * g))
            )
            if text.strip():
                found.append(Run(number, text.strip(), size * scale))  # noqa: B023

        page.extract_text(visitor_text=visit)
    return tuple(found)


def section(text: str, heading: str) -> str:
    """The text of the section under `heading`, up to the next heading of the sheet."""
    start = text.index(heading) + len(heading)
    ends = [text.find(h, start) for h in WORDS["headings"].values()]
    return text[start : min([end for end in ends if end != -1] + [len(text)])]


@functools.cache
def codes(pdf: bytes) -> tuple[str, ...]:
    """The text of every QR code found on the front of `pdf` (where the code belongs; the
    variants test checks the back has no header), rendered at 150 dpi."""
    image = pdfium.PdfDocument(pdf)[0].render(scale=150 / 72).to_pil().convert("L")
    return tuple(code.text for code in zxingcpp.read_barcodes(image))


# What the sheet prints equals what the screen shows ----------------------------------------------


@pytest.mark.parametrize(
    ("inputs", "first_zone", "method"),
    [
        # Age 68, Tanaka: 208 - 0.7 x 68 = 160.4 bpm; resting 72 -> reserve 88.4 bpm, zones of the
        # reserve (Karvonen): zone 1 = 72 + 0.5 x 88.4 = 116.2 to 72 + 0.6 x 88.4 = 125.04.
        (HEART, (116.2, 125.04), "hrr5"),
        # No resting rate: % of max. Age 40: 180 bpm; zone 1 = 90-108.
        (HeartInputs(age_years=40), (90.0, 108.0), "hrmax5"),
        # A measured maximum of 190 bpm replaces the formula: zone 1 = 95-114.
        (HeartInputs(age_years=30, max_hr_bpm=190), (95.0, 114.0), "hrmax5"),
    ],
    ids=["reserve", "max", "measured"],
)
def test_every_number_in_the_zones_section_is_the_views(
    inputs: HeartInputs, first_zone: tuple[float, float], method: str
) -> None:
    """The zone table is the screen's hero table, row by row; the settings line holds the
    view's age, resting and maximum; no other number appears; the method is named."""
    view = heart_view(inputs)
    assert view.method == method
    sheet = printed(inputs, None)
    zones = section(sheet.text, WORDS["headings"]["zones"])
    hero = view.hero.to_dict("records")
    assert (hero[0]["low_bpm"], hero[0]["high_bpm"]) == pytest.approx(first_zone)
    # The screen's zone names, and the talk tests of the same model.
    cells = [
        f"{row['zone']}: {row['name']} {row['low_bpm']:.0f}\u2013{row['high_bpm']:.0f} "
        f"{row['pct_label']} {band.talk}"
        for row, band in zip(hero, view.zone_method.bands, strict=True)
    ]
    positions = [zones.find(cell) for cell in cells]
    assert -1 not in positions, (cells, zones)
    assert positions == sorted(positions)
    # Every number of the section: the view's maximum (and its 95 % range), resting, the
    # table's, and the source numbers.
    expected = {f"{view.max_bpm:.0f}"}
    if not view.measured:
        expected |= {"95", *(f"{end:.0f}" for end in view.band_bpm)}
    if inputs.resting_hr_bpm is not None:
        expected.add(f"{inputs.resting_hr_bpm:g}")
    for row in hero:
        expected |= {
            str(row["zone"]).split()[-1],
            f"{row['low_bpm']:.0f}",
            f"{row['high_bpm']:.0f}",
        }
        expected |= set(NUMBER.findall(str(row["pct_label"])))
    sources = {str(n) for n in range(1, len(sheet.handout.sources) + 1)}
    numbers = set(NUMBER.findall(zones.replace("\u2013", " ")))
    assert numbers <= expected | sources, numbers - expected - sources
    assert f"Zone method: {WORDS['method_names'][method]}" in zones
    # The header states the settings the zones come from.
    assert f"Age {inputs.age_years:g}" in sheet.pages[0]


def test_the_sheet_gives_the_estimated_maximums_95_percent_range_as_the_screen_does() -> None:
    """Age 40, Tanaka: 208 - 0.7 x 40 = 180 bpm; 95 % of people within 2 x 10.8 bpm of it,
    158-202 (the screen's "95 % range"), not the 10.8 alone."""
    zones = section(printed(HeartInputs(age_years=40), None).text, WORDS["headings"]["zones"])
    assert "180 bpm (Tanaka formula, 95 % range 158\u2013202 bpm)" in " ".join(zones.split())


@pytest.mark.parametrize(
    ("speed_kmh", "gaits"),
    [
        # The patient: 82 kg at 3 km/h (0.83 m/s) walks; no running row. 5 % grade,
        # 10 min, S = 50 m/min, S x G = 2.5: forward 3.5 + 5 + 4.5 = 13 ml/kg/min x 82 / 200 =
        # 5.33 kcal/min -> 53.3 kcal; backward 3.5 + 1.6 x 5 + 4.5 = 16 -> 65.6 kcal (+23 %).
        (3.0, ("walk",)),
        # 6.3 km/h (1.75 m/s) lies in the walk-run transition band (1.6-1.85 m/s): both rows.
        (6.3, ("walk", "run")),
        # 10 km/h (2.78 m/s) is a running speed only.
        (10.0, ("run",)),
    ],
)
def test_energy_rows_are_the_calorie_pages_numbers_for_its_gaits_only(
    speed_kmh: float, gaits: tuple[str, ...]
) -> None:
    inputs = replace(UPHILL, speed=speed_kmh)
    view = calories_view(inputs, CALORIE_WORDS)
    assert view.gaits == gaits
    sheet = printed(None, inputs)
    assert sheet.handout.energy is not None
    rows = sheet.handout.energy.rows
    assert len(rows) == len(gaits)
    energy = section(sheet.text, WORDS["headings"]["energy"])
    for row, gait in zip(rows, gaits, strict=True):
        forward = view.estimate(gait, "forward").session_kcal(10.0).central
        backward = view.estimate(gait, "backward").session_kcal(10.0).central
        vs = (
            view.estimate(gait, "backward").vo2.central / view.estimate(gait, "forward").vo2.central
            - 1
        ) * 100
        assert (row.forward_kcal, row.backward_kcal, row.vs_forward_pct) == pytest.approx(
            (forward, backward, vs)
        )
        activity = f"{WORDS['gaits'][gait]} at {speed_kmh:.1f} km/h"
        assert f"{activity} {forward:.0f} {backward:.0f} {vs:+.0f} %" in energy
    if speed_kmh == 3.0:
        assert (rows[0].forward_kcal, rows[0].backward_kcal) == pytest.approx((53.3, 65.6))
    for gait, word in WORDS["gaits"].items():
        assert (f"{word} at " in energy) is (gait in gaits), gait
    # Labelled as what it prints: gross energy, never net; for the session the header states.
    assert "gross" in energy.lower()
    assert "net" not in re.findall(r"[a-z]+", energy.lower())
    assert f"82 kg at {speed_kmh:.1f} km/h, +5 % grade, 10 min" in sheet.pages[0]


def test_imperial_settings_print_in_imperial_units() -> None:
    inputs = CaloriesInputs(weight=176.0, speed=3.0, units="imperial")
    handout = compose(
        None, calories_view(inputs, CALORIE_WORDS), LIBRARY, page_key="calories", base_url=None
    )
    assert handout.energy is not None
    assert handout.energy.rows[0].activity == "Walking at 3.0 mph"
    assert handout.settings == ""  # no link: the settings are written out instead
    assert handout.reentry is not None
    assert "Body weight 176 lb; Speed 3 mph" in handout.reentry.settings[0]


# Only what was chosen and set --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heart", "calories", "present", "absent"),
    [
        (
            HEART,
            None,
            [WORDS["headings"]["zones"], "Karvonen", "Age 68"],
            [WORDS["headings"]["energy"], "kcal", "Wright S", "70 kg", "Running"],
        ),
        (
            None,
            FAST,
            [WORDS["headings"]["energy"], "kcal", "Wright S"],
            [WORDS["headings"]["zones"], "bpm", "Karvonen", "Tanaka", "Age 40", "Age 68"],
        ),
    ],
    ids=["from heart rate", "from calories"],
)
def test_one_calculator_alone_prints_no_section_for_the_other(
    heart: HeartInputs | None,
    calories: CaloriesInputs | None,
    present: list[str],
    absent: list[str],
) -> None:
    """The issue's case: no section, number, setting or source for a calculator nobody set."""
    sheet = printed(heart, calories)
    for words in present:
        assert words in sheet.text, words
    for words in absent:
        assert words not in sheet.text, words
    (code,) = codes(sheet.pdf)
    query = parse_qs(urlsplit(code).query)
    assert ("age" in query) is (heart is not None)
    assert ("weight" in query) is (calories is not None)


@pytest.mark.parametrize("left_out", SECTIONS)
def test_a_section_the_physio_unticks_is_absent(left_out: str) -> None:
    chosen = tuple(key for key in SECTIONS if key != left_out)
    sheet = printed(sections=chosen)
    heading = WORDS["headings"]["weeks" if left_out == "plan" else left_out]
    assert heading not in sheet.text
    for other in chosen:
        assert WORDS["headings"]["weeks" if other == "plan" else other] in sheet.text
    # Its sources go with it: the list holds only what the sheet cites.
    assert len(sheet.handout.sources) < len(printed().handout.sources)
    if left_out == "energy":
        assert "kcal" not in sheet.text
        assert "weight" not in parse_qs(urlsplit(codes(sheet.pdf)[0]).query)


def test_no_silent_defaults_a_calculator_section_needs_its_calculator() -> None:
    with pytest.raises(ValueError, match="calorie calculator's settings"):
        compose(
            heart_view(HEART),
            None,
            LIBRARY,
            page_key="heart-rate",
            base_url=None,
            sections=("zones", "energy"),
        )
    with pytest.raises(ValueError, match="heart-rate calculator's settings"):
        compose(None, None, LIBRARY, page_key="calories", base_url=None, sections=("zones",))
    with pytest.raises(ValueError, match="at least one section"):
        compose(heart_view(HEART), None, LIBRARY, page_key="heart-rate", base_url=None, sections=())
    assert available(heart_view(HEART), None) == ("zones", "plan", "safety")
    assert available(None, calories_view(CALORIES, CALORIE_WORDS)) == ("energy", "plan", "safety")


def test_section_values_are_what_the_sheet_prints() -> None:
    """The issue's example: "age 68, resting 72, reserve method · 82 kg, 3 km/h, 10 min"."""
    calories = CALORIES
    values = section_values(heart_view(HEART), calories_view(calories, CALORIE_WORDS), LIBRARY, 5)
    # The duration keeps its unit on the sheet's line (tidying text must not part them).
    assert values["energy"].endswith("10\u00a0min")
    values = {key: plain(value) for key, value in values.items()}
    assert values == {
        "zones": "age 68, resting 72, % of heart-rate reserve (Karvonen method)",
        "energy": "82 kg, 3.0 km/h, level ground, 10 min",
        "plan": "weeks 5\u20138 (running)",
        "safety": f"{len(WORDS['safety'])} checks to tick",
    }
    sheet = printed(HEART, calories, first_week=5)
    for printed_text in (
        "Age 68, female, resting 72 bpm",
        "82 kg at 3.0 km/h, level ground, 10 min",
    ):
        assert printed_text in sheet.pages[0]
    assert section_values(heart_view(HEART), None, LIBRARY).keys() == {"zones", "plan", "safety"}


def test_the_plan_starts_at_the_chosen_week() -> None:
    text = printed(first_week=5).text
    assert "Week 5" in text
    assert "Week 8" in text
    assert "Week 4" not in text


# The QR code and the settings written out ---------------------------------------------------------


def test_the_qr_code_carries_the_public_address_and_every_setting() -> None:
    sheet = printed()
    (code,) = codes(sheet.pdf)
    assert code == sheet.handout.reentry.link_url  # type: ignore[union-attr]
    assert code.startswith(f"{PUBLIC}/heart-rate?")
    query = {key: values[0] for key, values in parse_qs(urlsplit(code).query).items()}
    assert query == {
        "age": "68",
        "sex": "Female",
        "formula": "Tanaka",
        "resting_hr": "72",
        "weight": "82",
        "speed": "3",
        "grade": "0",
        "minutes": "10",
        "units": "metric",
    }
    # The same address is printed beside the code, on the front.
    assert code in "".join(sheet.pages[0].split())


def test_without_a_public_address_there_is_no_qr_code_and_the_settings_are_written_out() -> None:
    sheet = printed(base_url=None)
    assert codes(sheet.pdf) == ()
    assert "http" not in sheet.text
    assert "To open these settings again, enter them in RetroEdu:" in sheet.pages[0]
    assert (
        "Heart-rate zones: Age 68 years; Sex Female; Max heart-rate formula Tanaka; "
        "Resting heart rate 72 bpm" in sheet.pages[0]
    )
    assert (
        "Calorie cost: Body weight 82 kg; Speed 3 km/h; Grade 0 %; Duration 10 min; "
        "Units metric" in sheet.pages[0]
    )


# Readable by an older patient --------------------------------------------------------------------


# Every paper and print size, for both sheets of the patients (every section ticked): at
# 3 km/h (walking only) and at 6.3 km/h (walking and running, the longest sheet).
VARIANTS = [
    (calories, paper, large)
    for calories in (CALORIES, FAST)
    for paper in PAPER_SIZES_MM
    for large in (False, True)
]
#: The headings of the sections, in print order.
SECTION_HEADINGS = [WORDS["headings"][key] for key in ("zones", "energy", "weeks", "safety")]
#: What a large-print front holds; the safety checklist does not fit below the plan at 14 pt and
#: goes on the back, above the references.
LARGE_FRONT = SECTION_HEADINGS[:3]


def variant_id(variant: tuple[CaloriesInputs, str, bool]) -> str:
    calories, paper, large = variant
    return f"{calories.speed:g} km/h-{paper}-{'large' if large else 'normal'}"


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(("calories", "paper", "large"), VARIANTS, ids=map(variant_id, VARIANTS))
def test_every_variant_is_one_sheet_readable_and_nothing_cut_off(
    calories: CaloriesInputs, paper: str, large: bool
) -> None:
    """One sheet built per variant, three things checked: `one_sheet`, `type_sizes`,
    `inside_margins`."""
    sheet = printed(HEART, calories, base_url=PUBLIC, paper=paper, large_print=large)
    one_sheet(sheet, paper, large, PUBLIC)
    type_sizes(sheet, large)
    inside_margins(sheet)


@pytest.mark.parametrize(("paper", "large"), [("A4", False), ("Letter", True)])
def test_the_printed_link_breaks_only_where_a_reader_would(paper: str, large: bool) -> None:
    """Typed from paper, a link broken inside a setting ("units=metri" / "c") reads as two."""
    sheet = printed(HeartInputs(age_years=40), paper=paper, large_print=large)
    link = sheet.handout.reentry.link_url  # type: ignore[union-attr]
    lines = PdfReader(io.BytesIO(sheet.pdf)).pages[0].extract_text().splitlines()
    start = next(n for n, line in enumerate(lines) if PUBLIC in line)
    printed_lines, typed = [], ""
    for line in lines[start:]:
        piece = line[line.index(PUBLIC) :] if PUBLIC in line else line.strip()
        printed_lines.append(piece)
        typed += piece
        if typed == link:
            break
    assert typed == link, printed_lines
    assert all(line.endswith(("?", "&")) for line in printed_lines[:-1]), printed_lines


@pytest.mark.parametrize(("paper", "large"), [(paper, large) for _, paper, large in VARIANTS[4:]])
def test_without_a_public_address_the_written_out_settings_keep_it_one_sheet(
    paper: str, large: bool
) -> None:
    """The settings written out make the longest header: the longest sheet (6.3 km/h) still
    keeps to one sheet, the same sections on each side."""
    sheet = printed(HEART, FAST, base_url=None, paper=paper, large_print=large)
    one_sheet(sheet, paper, large, None)
    inside_margins(sheet)


def one_sheet(sheet: Printed, paper: str, large: bool, base_url: str | None) -> None:
    """Exactly two pages of the paper chosen: the front holds every section chosen (in large
    print, those `LARGE_FRONT` names), the header with the settings and the QR code or the
    settings written out, and no source; the back holds the references, every one, and nothing of
    the content but what a large-print front could not hold."""
    reader = PdfReader(io.BytesIO(sheet.pdf))
    assert len(reader.pages) == 2
    width_mm, height_mm = PAPER_SIZES_MM[paper]
    for page in reader.pages:
        assert float(page.mediabox.width) * MM_PER_PT == pytest.approx(width_mm, abs=0.5)
        assert float(page.mediabox.height) * MM_PER_PT == pytest.approx(height_mm, abs=0.5)
    front, back = sheet.pages
    on_front = LARGE_FRONT if large else SECTION_HEADINGS
    references = WORDS["headings"]["sources"]
    for heading in SECTION_HEADINGS:
        assert (heading in front) is (heading in on_front), heading
        assert (heading in back) is (heading not in on_front), heading
    # The back: what the front could not hold, then the references, last.
    assert references not in front.replace(WORDS["footer_back"], "")
    content, sources = back.split(references, 1)
    assert [h for h in SECTION_HEADINGS if h in content] == [
        h for h in SECTION_HEADINGS if h not in on_front
    ]
    for number, source in enumerate(sheet.handout.sources, start=1):
        assert f"{number}.{squeeze(source)}" in squeeze(sources), source
        assert squeeze(source) not in squeeze(front), source
    # The header (on the front only) and the footers.
    assert PERSON in front
    assert PERSON not in back
    # The settings in one line beside the code; without it, written out to enter by hand.
    settings = "Age 68, female, resting 72 bpm" if base_url else "Age 68 years; Sex Female"
    assert settings in front
    assert (codes(sheet.pdf) != ()) is (base_url is not None)
    footer = WORDS["footer_continued"] if large else WORDS["footer_back"]
    assert footer in front
    for page in sheet.pages:
        assert page.count(WORDS["disclaimer"]) == 1


def type_sizes(sheet: Printed, large: bool) -> None:
    """Type sizes read from the PDF. Normal print: nothing under 11 pt, the references included,
    body and tables at 11 pt. Large print: everything of the content at 14 pt or more, on the
    front and above the references on the back; the references 11 to 12 pt."""
    found = runs(sheet.pdf)
    sizes = LARGE_PRINT if large else NORMAL_PRINT
    heading = next(i for i, run in enumerate(found) if run.text == WORDS["headings"]["sources"])
    content = list(found[:heading])
    footer = [run for run in found[heading:] if WORDS["disclaimer"] in run.text]
    sources = [run for run in found[heading + 1 :] if run not in footer]
    floor = 14.0 if large else 11.0
    assert min(run.size_pt for run in content + footer) >= floor - 1e-6
    assert min(run.size_pt for run in sources) >= 11.0 - 1e-6
    assert max(run.size_pt for run in sources) <= (12.0 if large else 11.0) + 1e-6
    # The body size is the most common one on the front: the sheet is set in it.
    body = [round(run.size_pt, 2) for run in content if run.page == 1]
    assert max(set(body), key=body.count) == pytest.approx(sizes.body)
    assert sizes.body == pytest.approx(14.0 if large else 11.0)


def inside_margins(sheet: Printed) -> None:
    """Nothing cut off: every character's box, as PDFium reads it, lies inside the page less its
    margins (the footer included), so a printer that cannot print to the edge loses nothing."""
    margin = MARGIN_MM / MM_PER_PT - 0.5  # [pt]
    for page in pdfium.PdfDocument(sheet.pdf):
        width, height = page.get_size()
        text = page.get_textpage()
        boxes = [text.get_charbox(index) for index in range(text.count_chars())]
        assert boxes
        assert min(box[0] for box in boxes) >= margin
        assert max(box[2] for box in boxes) <= width - margin
        assert min(box[1] for box in boxes) >= margin
        assert max(box[3] for box in boxes) <= height - margin


def test_one_section_has_a_front_and_its_sources_on_the_back() -> None:
    sheet = printed(HEART, None, sections=("zones",))
    assert len(sheet.pages) == 2
    assert WORDS["headings"]["zones"] in sheet.pages[0]
    assert "Karvonen MJ" in sheet.pages[1]
    assert WORDS["headings"]["zones"] not in sheet.pages[1]


def test_the_talk_test_describes_the_zones_in_plain_words() -> None:
    for model in ZONE_MODELS.values():  # every method the screen offers
        talk = " ".join(band.talk for band in model.bands)
        assert "talk" in talk
        for jargon in ("aerobic", "threshold", "lactate", "VO2", "anaerobic", "tempo"):
            assert jargon.lower() not in talk.lower()
    assert "Talk test" in printed(HEART, None).text


def test_the_preview_renders_every_page_and_a_person_could_read_it() -> None:
    """The server-side preview: one PNG per page, dark text on white, at a size where 11 pt
    text is about 12 px tall."""
    sheet = printed()
    images = page_images(sheet.pdf)
    assert len(images) == len(sheet.pages)
    first = np.asarray(Image.open(io.BytesIO(images[0])).convert("L"))
    assert first.shape[1] == 820
    dark = float((first < 100).mean())
    assert 0.01 < dark < 0.3


# Spanish is next: the font covers it ---------------------------------------------------------------


def test_accented_letters_print_as_themselves() -> None:
    words = "Caminar hacia atrás: ¿cuántos minutos? ¡Año nuevo! pingüino, Łódź, œuvre"
    pdf = build_pdf(small(safety=(words,), person=PERSON))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert words in " ".join(text.split())
    assert PERSON in text


def test_the_name_is_in_no_metadata_and_no_log(caplog: pytest.LogCaptureFixture) -> None:
    """A character the font lacks is replaced before drawing: fpdf2 would log it otherwise."""
    with caplog.at_level(logging.DEBUG):
        pdf = build_pdf(small(person="Ana \u4e2d\u6587 Example"))
    assert "Ana ?? Example" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert not [record for record in caplog.records if "\u4e2d" in record.getMessage()]
    reader = PdfReader(io.BytesIO(printed().pdf))
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
    assert "María" not in metadata
    assert "RetroEdu" in metadata


# The rest of the contract --------------------------------------------------------------------------


def test_sources_are_numbered_in_order_of_first_citation_and_all_cited() -> None:
    handout = printed().handout
    assert handout.zones is not None
    assert handout.energy is not None
    assert handout.plan is not None
    assert len(handout.sources) == len(set(handout.sources))
    words = [
        handout.zones.method,
        handout.zones.maximum,
        handout.zones.note,
        handout.energy.note,
        handout.plan.note,
        *(week.plan for week in handout.plan.weeks),
        *handout.safety,
    ]
    numbers = [
        int(n) for group in re.findall(r"\[([\d,\s]+)\]", " ".join(words)) for n in group.split(",")
    ]
    assert list(dict.fromkeys(numbers)) == list(range(1, len(handout.sources) + 1))
    assert "[@" not in printed().text


def test_every_reference_number_prints_whole_in_its_gutter() -> None:
    """Two-digit numbers ("10.", "23.") sit whole on one line, never "10" over ".". Read back
    from the PDF's own lines on the back."""
    sheet = printed(HEART, FAST)
    lines = pdfium.PdfDocument(sheet.pdf)[1].get_textpage().get_text_range().splitlines()
    assert not [line for line in lines if line.strip() in {".", ""} and line]
    starts = [
        next(i for i, line in enumerate(lines) if line.startswith(f"{n}. "))
        for n in range(1, len(sheet.handout.sources) + 1)
    ]
    assert starts == sorted(starts)


def test_next_weeks_picks_four_from_the_chosen_week() -> None:
    assert [w["week"] for w in next_weeks(WEEKS, 1)] == list(range(1, WEEKS_SHOWN + 1))
    assert [w["week"] for w in next_weeks(WEEKS, 7)] == [7, 8]
    with pytest.raises(ValueError, match="no week 12"):
        next_weeks(WEEKS, 12)


@pytest.mark.parametrize(
    ("key", "text"),
    [
        # Authors et al., year, journal, volume and pages, then the PMID (shorter) or the DOI.
        (
            "rasica2020",
            "Rasica L et al., 2020. Eur J Appl Physiol 120:2507\u20132515. PMID 32840696",
        ),
        (
            "lacour2015",
            "Lacour J-R, Bourdin M, 2015. Eur J Appl Physiol 115:651\u2013673. "
            "doi:10.1007/s00421-015-3115-y",
        ),
        # Asides in the author list left out; "et al." as the list says.
        (
            "garber2011",
            "Garber CE et al., 2011. Med Sci Sports Exerc 43:1334\u20131359. "
            "doi:10.1249/MSS.0b013e318213fefb",
        ),
        # An organisation by its acronym; a page by what kind of page it is, and its site.
        ("nice_cg161", "NICE, 2013. Guideline. nice.org.uk"),
        # A site named like its authors is found by that name.
        ("overground_balance_tips", "Lori Michiel Fitness, n.d."),
    ],
)
def test_source_text_is_short_and_names_a_locator(key: str, text: str) -> None:
    assert source_text(LIBRARY.references[key]) == text


def small(**changes: object) -> Handout:
    base: dict[str, object] = {
        "title": "T",
        "disclaimer": "Education, not medical advice.",
        "zones": Zones(
            "Zone method: x",
            "Maximum 180 bpm",
            "",
            (ZoneRow("Zone 1", "Easy", "50\u201360 %", 90.0, 108.0, "Chat."),),
        ),
        "energy": Energy("Gross.", "", (EnergyRow("Walk", 100.0, 150.0, 50.0),)),
        "plan": Plan("", (Week("Week 1", "Walk."),)),
        "safety": ("Look back.",),
        "reentry": Reentry("http://localhost:8501/", "Scan:", ()),
        "sources": ("A (2001). J.",),
    }
    return Handout(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"paper": "A5"}, "Paper size 'A5' is not offered"),
        ({"zones": None, "energy": None, "plan": None, "safety": ()}, "at least one section"),
        (
            {"zones": Zones("m", "s", "", (ZoneRow("Zone 1", "x", "y", 120.0, 100.0, "t"),))},
            "low end",
        ),
        ({"energy": Energy("", "", (EnergyRow("Walk", -1.0, 2.0, 0.0),))}, "cannot be negative"),
        ({"reentry": Reentry("javascript:alert(1)", "x", ())}, "http:// or https://"),
        # One checklist item longer than a page cannot be set whole.
        ({"safety": ("word " * 2000,)}, "longer than a page"),
        # 400 short items fill more than one sheet, front and back.
        ({"safety": tuple(f"Item {n}." for n in range(400))}, "does not fit on one sheet"),
    ],
)
def test_impossible_handouts_raise_a_readable_error(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_pdf(small(**changes))


@settings(max_examples=5, deadline=None)
@given(name=st.text(max_size=60), title=st.text(min_size=1, max_size=80))
def test_any_name_or_title_prints_without_error(name: str, title: str) -> None:
    pdf = build_pdf(small(person=name, title=title))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2


@pytest.mark.parametrize(
    ("setting", "address"),
    [
        ("https://retroedu.example.org", "https://retroedu.example.org"),
        (" https://Retroedu.Example.org/clinic/ ", "https://Retroedu.Example.org/clinic"),
        ("http://192.168.1.20:8501/", "http://192.168.1.20:8501"),
        ("https://[2a00:1450::1]:8443", "https://[2a00:1450::1]:8443"),
    ],
)
def test_a_public_address_is_taken_as_given(setting: str, address: str) -> None:
    assert public_address(setting) == address
    assert reachable_base(public_address(setting), "http://127.0.0.1:8501") == address


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("retroedu.example.org", "must start with http:// or https://"),
        ("ftp://retroedu.example.org", "must start with http:// or https://"),
        ("https://", "must start with http:// or https://"),
        ("javascript:alert(1)", "must start with http:// or https://"),
        ("https://user:secret@retroedu.example.org", "user name or password"),
        ("https://retroedu.example.org/?units=imperial", "without \\?"),
        ("https://retro edu.example.org", "characters a web address cannot hold"),
        ("https://retroedu.example.org:99999", "not a web address"),
        ("http://127.0.0.1:8501", "names this computer"),
        ("http://localhost", "names this computer"),
    ],
)
def test_anything_else_is_refused_with_a_sentence(setting: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        public_address(setting)


@pytest.mark.parametrize(
    ("served", "base"),
    [
        ("http://127.0.0.1:8501", None),
        ("http://localhost:8501", None),
        ("http://10.0.0.5:8501", None),
        ("http://clinic-pc:8501", None),
        ("http://retroedu.local:8501", None),
        ("https://retroedu.example.org/app", "https://retroedu.example.org/app"),
    ],
)
def test_without_a_setting_the_served_address_is_used_only_if_a_phone_can_open_it(
    served: str, base: str | None
) -> None:
    assert reachable_base(None, served) == base
