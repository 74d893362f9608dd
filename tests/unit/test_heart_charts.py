"""retroedu.figures.heart: figures carry the numbers they are given, labelled, not colour-only."""

from __future__ import annotations

import pytest

from retroedu.figures.heart import (
    EN_DASH,
    AgeMark,
    Target,
    formulas_by_age_alt,
    formulas_by_age_figure,
    zone_bands_alt,
    zone_bands_figure,
)

MAX_COLUMN = ("By % of max", [("Zone 1", 90.0, 108.0), ("Zone 2", 108.0, 126.0)])
RESERVE_COLUMN = ("By % of reserve", [("Zone 1", 120.0, 132.0), ("Zone 2", 132.0, 144.0)])
TARGET = Target("Articles'<br>target", "75\u201385 %", 135.0, 153.0)


def test_zone_bands_stack_each_column_from_its_lows() -> None:
    fig = zone_bands_figure([MAX_COLUMN, RESERVE_COLUMN], target=TARGET)
    first, second, target = fig.data
    assert first.base == (90.0, 108.0)
    assert first.y == (18.0, 18.0)  # 108 - 90 and 126 - 108
    assert second.base == (120.0, 132.0)
    assert set(first.x) == {"By % of max"}
    assert target.base == (135.0,)
    assert target.y == (18.0,)  # 153 - 135
    assert target.marker.pattern.shape == "/"  # hatched: tells it apart without colour


def test_every_band_is_labelled_with_its_name_and_numbers() -> None:
    fig = zone_bands_figure([MAX_COLUMN], target=TARGET)
    assert fig.data[0].text == (
        f"<b>Zone 1</b><br>90{EN_DASH}108",
        f"<b>Zone 2</b><br>108{EN_DASH}126",
    )
    assert fig.data[0].textposition == "inside"


def test_target_limits_get_guide_lines_and_the_axis_covers_everything() -> None:
    fig = zone_bands_figure([MAX_COLUMN], target=TARGET)
    assert sorted(shape.y0 for shape in fig.layout.shapes) == [135.0, 153.0]
    low, high = fig.layout.yaxis.range
    assert low < 90 < 153 < high


def test_fonts_are_big_enough_for_a_projector() -> None:
    fig = zone_bands_figure([MAX_COLUMN], target=TARGET)
    assert fig.layout.font.size >= 14
    assert fig.layout.yaxis.tickfont.size >= 14
    assert fig.data[0].textfont.size >= 14


def test_zone_alt_text_lists_every_band() -> None:
    alt = zone_bands_alt([MAX_COLUMN, RESERVE_COLUMN], TARGET)
    assert f"By % of max: Zone 1 90{EN_DASH}108, Zone 2 108{EN_DASH}126." in alt
    assert f"By % of reserve: Zone 1 120{EN_DASH}132" in alt
    assert f"Articles' target: 75{EN_DASH}85 % 135{EN_DASH}153." in alt
    assert "<br>" not in alt


AGES = [20.0, 50.0, 80.0]
CURVES = {"Tanaka": [194.0, 173.0, 152.0], "Fox": [200.0, 170.0, 140.0]}


def test_formulas_figure_shades_two_errors_around_the_highlighted_formula() -> None:
    mark = AgeMark(50, 173.0, "Tanaka", 10.8)
    fig = formulas_by_age_figure(AGES, CURVES, mark, highlight="Tanaka")
    band = fig.data[0]
    assert band.fill == "toself"
    # Tanaka +/- 2 x 10.8 = +/- 21.6 around 194, 173, 152 (upper edge, then the lower one back)
    assert band.y == pytest.approx((215.6, 194.6, 173.6, 130.4, 151.4, 172.4))
    assert "95 %" in band.name


def test_formulas_figure_draws_each_formula_with_its_own_dash_and_marker() -> None:
    fig = formulas_by_age_figure(
        AGES, CURVES, AgeMark(50, 173.0, "Tanaka", 10.8), highlight="Tanaka"
    )
    lines = [trace for trace in fig.data if trace.name in CURVES]
    assert [line.y for line in lines] == [tuple(values) for values in CURVES.values()]
    assert len({line.line.dash for line in lines}) == len(lines)
    assert len({line.marker.symbol for line in lines}) == len(lines)
    assert lines[0].line.width > lines[1].line.width  # the formula in use stands out


def test_formulas_figure_marks_the_users_age_and_values() -> None:
    mark = AgeMark(50, 173.0, "Tanaka", 10.8, measured_bpm=185.0)
    fig = formulas_by_age_figure(AGES, CURVES, mark, highlight="Tanaka")
    assert [shape.x0 for shape in fig.layout.shapes] == [50]
    labels = [note.text for note in fig.layout.annotations]
    assert labels == ["Tanaka: 173", "Measured: 185"]
    assert any(trace.marker.symbol == "star" and trace.y == (185.0,) for trace in fig.data)


def test_formulas_alt_text() -> None:
    mark = AgeMark(50, 173.0, "Tanaka", 10.8, measured_bpm=185.0)
    alt = formulas_by_age_alt(AGES, CURVES, mark)
    assert "Tanaka: 194 to 152 bpm." in alt
    assert "Fox: 200 to 140 bpm." in alt
    assert "You: age 50, 173 \u00b1 22 bpm (Tanaka)." in alt
    assert alt.endswith("Measured max: 185 bpm.")


def test_one_line_labels_for_a_short_slide_chart() -> None:
    # Maximum 180 bpm: the articles' 75-85 % target is 135-153 bpm; zone 1 (50-60 %) 90-108 bpm.
    target = Target("Articles'<br>target", "75\u201385 %<br>of max", 135.0, 153.0)
    figure = zone_bands_figure(
        [("% of max HR", [("Zone 1", 90.0, 108.0)])], target=target, one_line=True
    )
    zone, band = figure.data
    assert zone.text == ("<b>Zone 1</b> \u00b7 90\u2013108",)
    assert band.text == ("<b>75\u201385 % of max</b> \u00b7 135\u2013153",)
    assert not any("<br>" in text for trace in figure.data for text in trace.text)
