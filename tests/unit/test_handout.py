"""The patient handout PDF, opened and read back: the numbers are the view models', the zone method
is named, the type meets the floors for older readers (measured from the PDF itself), the QR code
decodes to the public address with the settings, no QR code without one, only the sections chosen
(never one for a calculator nobody set), the page counts of every paper and print size, and no name
in the metadata or a log."""

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
    MAX_PAGES,
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
from tests.conftest import CALORIE_WORDS, LIBRARY

MM_PER_PT = 25.4 / 72
PUBLIC = "https://retroedu.example.org/clinic"
WEEKS = LIBRARY.page("getting_started").page.meta["weeks"]
WORDS = LIBRARY.page("handout").page.meta
PERSON = "María Ñúñez-Løvstad"
# The patients: 68, female, resting 72 (heart-rate reserve zones), and 82 kg at 3 km/h.
HEART = HeartInputs(age_years=68, sex="female", resting_hr_bpm=72)
# 6.3 km/h lies where both walking and running make sense: two energy rows, the longest sheet.
CALORIES = CaloriesInputs(weight=82.0, speed=6.3, grade_pct=5.0, minutes=10.0)
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
    """The text of every QR code found on the pages of `pdf`, rendered at 150 dpi."""
    found: list[str] = []
    document = pdfium.PdfDocument(pdf)
    for page in document:
        image = page.render(scale=150 / 72).to_pil().convert("L")
        found += [code.text for code in zxingcpp.read_barcodes(image)]
    return tuple(found)


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
    cells = [
        f"{row['zone']}: {words['name']} {row['low_bpm']:.0f}\u2013{row['high_bpm']:.0f} "
        f"{row['pct_label']} {words['talk']}"
        for row, words in zip(hero, WORDS["zone_words"][method], strict=True)
    ]
    positions = [zones.find(cell) for cell in cells]
    assert -1 not in positions, (cells, zones)
    assert positions == sorted(positions)
    # Every number of the section: the view's settings, the table's, and the source numbers.
    expected = {f"{view.inputs.age_years:g}", f"{view.max_bpm:.0f}", f"{view.formula.error_bpm:g}"}
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
    inputs = replace(CALORIES, speed=speed_kmh)
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
        activity = f"{WORDS['gaits'][gait]} at {speed_kmh:.1f} km/h, +5 % grade, 10 min"
        assert f"{activity} {forward:.0f} {backward:.0f} {vs:+.0f} %" in energy
    if speed_kmh == 3.0:
        assert (rows[0].forward_kcal, rows[0].backward_kcal) == pytest.approx((53.3, 65.6))
    for gait, word in WORDS["gaits"].items():
        assert (f"{word} at " in energy) is (gait in gaits), gait
    # Labelled as what it prints: gross energy, never net.
    assert "gross" in energy.lower()
    assert "net" not in re.findall(r"[a-z]+", energy.lower())


def test_imperial_settings_print_in_imperial_units() -> None:
    inputs = CaloriesInputs(weight=176.0, speed=3.0, units="imperial")
    handout = compose(
        None, calories_view(inputs, CALORIE_WORDS), LIBRARY, page_key="calories", base_url=None
    )
    assert handout.energy is not None
    assert handout.energy.rows[0].activity.startswith("Walking at 3.0 mph")
    assert "176 lb" in handout.energy.note
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
            CALORIES,
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
    calories = replace(CALORIES, speed=3.0, grade_pct=0.0)
    values = section_values(heart_view(HEART), calories_view(calories, CALORIE_WORDS), LIBRARY, 5)
    assert values == {
        "zones": "age 68, resting 72, % of heart-rate reserve (Karvonen method)",
        "energy": "82 kg, 3.0 km/h, level ground, 10 min",
        "plan": "weeks 5\u20138 (running)",
        "safety": f"{len(WORDS['safety'])} checks to tick",
    }
    sheet = printed(HEART, calories, first_week=5)
    for printed_text in ("Age 68, resting heart rate 72 bpm", "82 kg", "3.0 km/h", "10 min"):
        assert printed_text in sheet.text
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
        "speed": "6.3",
        "grade": "5",
        "minutes": "10",
        "units": "metric",
    }
    # The same address is printed beside the code.
    assert code in "".join(sheet.text.split())


def test_without_a_public_address_there_is_no_qr_code_and_the_settings_are_written_out() -> None:
    sheet = printed(base_url=None)
    assert codes(sheet.pdf) == ()
    assert "http" not in sheet.text
    assert "has no QR code" in sheet.text
    assert (
        "Heart-rate zones: Age 68 years; Sex Female; Max heart-rate formula Tanaka; "
        "Resting heart rate 72 bpm" in sheet.text
    )
    assert (
        "Calorie cost: Body weight 82 kg; Speed 6.3 km/h; Grade 5 %; Duration 10 min; "
        "Units metric" in sheet.text
    )


# Readable by an older patient --------------------------------------------------------------------


VARIANTS = [(paper, large) for paper in PAPER_SIZES_MM for large in (False, True)]


@pytest.mark.parametrize(("paper", "large"), VARIANTS, ids=lambda v: str(v))
def test_type_sizes_read_from_the_pdf_meet_the_floors(paper: str, large: bool) -> None:
    """Nothing under 11 pt; large print sets everything but the sources at 14 pt or more, body
    and tables at about 14 pt."""
    sheet = printed(paper=paper, large_print=large)
    found = runs(sheet.pdf)
    assert min(run.size_pt for run in found) >= 11.0 - 1e-6
    sizes = LARGE_PRINT if large else NORMAL_PRINT
    heading = next(i for i, run in enumerate(found) if run.text == WORDS["headings"]["sources"])
    before_sources = found[:heading]
    body = [run.size_pt for run in before_sources]
    assert min(body) == pytest.approx(sizes.body)
    # The body size is the most common one: the sheet is set in it.
    assert max(set(body), key=body.count) == pytest.approx(sizes.body)
    if large:
        assert sizes.body == pytest.approx(14.0)
        assert min(run.size_pt for run in found[heading + 1 :]) == pytest.approx(sizes.sources)


@pytest.mark.parametrize(("paper", "large"), VARIANTS, ids=lambda v: str(v))
def test_page_counts_and_the_sources_at_the_back(paper: str, large: bool) -> None:
    """Every section chosen: normal print takes one or two sheets (3 pages on A4, 4 on Letter),
    large print at most `MAX_PAGES`. The sources come last, and each earlier page says where."""
    sheet = printed(paper=paper, large_print=large)
    reader = PdfReader(io.BytesIO(sheet.pdf))
    count = len(reader.pages)
    assert (
        count
        == {
            ("A4", False): 3,
            ("Letter", False): 4,
            ("A4", True): 4,
            ("Letter", True): 5,
        }[(paper, large)]
    )
    assert count <= MAX_PAGES
    width_mm, height_mm = PAPER_SIZES_MM[paper]
    for page in reader.pages:
        assert float(page.mediabox.width) * MM_PER_PT == pytest.approx(width_mm, abs=0.5)
        assert float(page.mediabox.height) * MM_PER_PT == pytest.approx(height_mm, abs=0.5)
    sources_page = next(
        n for n, text in enumerate(sheet.pages, start=1) if "1. Karvonen MJ" in text
    )
    assert sources_page > 1
    for number, text in enumerate(sheet.pages, start=1):
        assert f"Page {number} of {count}" in text
        assert ("please turn over" in text) is (number < count)
        assert (f"sources on page {sources_page}" in text) is (number < sources_page)


def test_one_section_fits_on_one_page() -> None:
    assert len(printed(HEART, None, sections=("zones",)).pages) == 1


def test_the_talk_test_describes_the_zones_in_plain_words() -> None:
    for method in ("hrmax5", "hrr5"):
        talk = " ".join(words["talk"] for words in WORDS["zone_words"][method])
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
        handout.zones.note,
        handout.energy.note,
        handout.plan.note,
        *(week.plan for week in handout.plan.weeks),
        *handout.safety,
    ]
    numbers = [
        int(n) for group in re.findall(r"\[([\d, ]+)\]", " ".join(words)) for n in group.split(",")
    ]
    assert list(dict.fromkeys(numbers)) == list(range(1, len(handout.sources) + 1))
    assert "[@" not in printed().text


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
        "disclaimer": "Education, not medical advice.",
        "zones": Zones(
            "Zone method: x",
            "Age 40",
            "",
            (ZoneRow("Zone 1", "Easy", "50\u201360 %", 90.0, 108.0, "Chat."),),
        ),
        "energy": Energy("", (EnergyRow("Walk", 100.0, 150.0, 50.0),)),
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
        ({"energy": Energy("", (EnergyRow("Walk", -1.0, 2.0, 0.0),))}, "cannot be negative"),
        ({"reentry": Reentry("javascript:alert(1)", "x", ())}, "http:// or https://"),
        # One checklist item longer than a page cannot be set whole.
        ({"safety": ("word " * 2000,)}, "longer than a page"),
        # 400 short items fill more pages than a handout may take.
        ({"safety": tuple(f"Item {n}." for n in range(400))}, "at most"),
    ],
)
def test_impossible_handouts_raise_a_readable_error(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_pdf(small(**changes))


@settings(max_examples=8, deadline=None)
@given(name=st.text(max_size=60), title=st.text(min_size=1, max_size=80))
def test_any_name_or_title_prints_without_error(name: str, title: str) -> None:
    pdf = build_pdf(small(person=name, title=title))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


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
