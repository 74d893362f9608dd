"""The deck's view model (each visual's numbers, worked by hand) and the 16:9 slides PDF read back."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from retroedu.calculators.deck import deck_view
from retroedu.content.library import Library
from retroedu.exports.slides_pdf import Code, TitleDetails, slides_pdf, source_line
from retroedu.figures.deck import comparison_figure
from tests.conftest import LIBRARY

VIEW = deck_view(LIBRARY)
REFS = LIBRARY.references


def test_the_energy_bars_are_the_calorie_calculators_worked_by_hand() -> None:
    """70 kg walking at 5 km/h (83.33 m/min) on the level, ACSM walking equation:
    forward VO2 = 3.5 + 0.1 x 83.33 = 11.83 ml/kg/min -> 11.83 x 70 / 1000 x 5 kcal/L = 4.14 kcal/min;
    backward (k_walk 1.6 on the part above rest) 3.5 + 1.6 x 8.333 = 16.83 -> 5.89 kcal/min (+42 %)."""
    [pair] = VIEW.comparisons["energy"].pairs
    assert pair.forward == pytest.approx(4.1417, abs=1e-3)
    assert pair.backward == pytest.approx(5.8917, abs=1e-3)
    assert round(pair.change_pct) == 42
    assert pair.forward_band is None
    assert pair.backward_band is not None


def test_the_heart_rate_bars_are_the_measured_numbers() -> None:
    [pair] = VIEW.comparisons["heart"].pairs
    assert (pair.forward, pair.backward, round(pair.change_pct, 1)) == (120.9, 166.1, 37.4)
    assert VIEW.comparisons["heart"].refs == ("kim2001",)


def test_the_knee_bars_are_the_learn_pages_studies() -> None:
    pairs = VIEW.comparisons["knee_load"].pairs
    roos = next(pair for pair in pairs if pair.label == "Roos 2012")
    assert (roos.forward, roos.backward) == (4.5, 3.4)
    assert roos.forward_band == pytest.approx((3.0, 6.0))


def test_a_slide_lists_its_texts_sources_then_its_datas() -> None:
    [heart] = [slide for slide in VIEW.slides if slide.visual == "heart"]
    assert VIEW.sources(heart) == ("kim2001",)
    assert source_line(VIEW.sources(heart), REFS, "Sources") == "Sources: Kim KY, Choi JH (2001)"


def test_the_comparison_figure_draws_the_view_models_numbers() -> None:
    fig = comparison_figure(VIEW.comparisons["heart"])
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert [bar.y for bar in bars] == [(120.9,), (166.1,)]
    labels = [trace for trace in fig.data if trace.type == "scatter"]
    # Whole beats, as the slide's detail says them ("from 121 to 166 bpm").
    assert [label.text for label in labels] == [("121",), ("166 (+37 %)",)]
    # Each label sits clear of the bar it names, by 2-4 % of the axis (which ends at
    # 166.1 x 1.22 = 202.6 bpm): 4.1-8.1 bpm above 120.9 and 166.1.
    gaps = [label.y[0] - bar.y[0] for label, bar in zip(labels, bars, strict=True)]
    assert all(4.0 <= gap <= 8.2 for gap in gaps), gaps


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def test_the_slides_pdf_has_one_16_by_9_page_per_slide() -> None:
    reader = read(slides_pdf(VIEW, REFS, TitleDetails("", "")))
    assert len(reader.pages) == len(VIEW.slides)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width / height == pytest.approx(16 / 9, abs=1e-3)
        assert width > height


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_slides_sources_are_printed_whole(lang: str) -> None:
    """Slide 3 cites six sources; its line was cut at "American College of Spo…", and a source
    cut short cannot be looked up. Each page holds its slide's whole source line (building the
    PDF also checks that no line needs more rows than the foot of a slide keeps free)."""
    library = Library.load(lang)
    view = deck_view(library)
    reader = read(slides_pdf(view, library.references, TitleDetails("", "")))
    longest = 0
    for slide, page in zip(view.slides, reader.pages, strict=True):
        text = " ".join(page.extract_text().split())
        line = source_line(
            view.sources(slide), library.references, str(view.words["sources_label"]), view.lang
        )
        assert " ".join(line.split()) in text, (line, text)
        assert "\u2026" not in text
        longest = max(longest, len(view.sources(slide)))
    assert longest >= 6  # the test sees a line too long for one row


def test_each_page_carries_its_slides_point_number_and_data() -> None:
    details = TitleDetails("Riverside AC · Zoë's squad", "12 May")
    reader = read(slides_pdf(VIEW, REFS, details, [Code("Scan", "https://example.org/team-talk")]))
    texts = [page.extract_text() for page in reader.pages]
    assert "Riverside AC · Zoë's squad" in texts[0]
    assert "12 May" in texts[0]
    total = len(VIEW.slides)
    for number, (slide, text) in enumerate(zip(VIEW.slides, texts, strict=True), start=1):
        assert slide.point.split()[0] in text
        assert f"{number} / {total}" in text
    heart = texts[[s.visual for s in VIEW.slides].index("heart")]
    assert "166 (+37 %)" in heart
    assert "120.9" not in heart
    assert "Kim KY, Choi JH (2001)" in heart
    assert all(takeaway in " ".join(texts[-1].split()) for takeaway in VIEW.slides[-1].takeaways)


def test_a_qr_code_must_open_a_web_address() -> None:
    with pytest.raises(ValueError, match="web address"):
        slides_pdf(VIEW, REFS, TitleDetails("", ""), [Code("x", "javascript:alert(1)")])
