"""retroedu.figures.heart: figures carry the numbers they are given, labelled, not colour-only."""

from __future__ import annotations

import pytest

from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.figures.heart import (
    EN_DASH,
    LEGEND,
    METHOD_COLUMNS,
    METHOD_NAMES,
    AgeMark,
    Target,
    formulas_alt,
    formulas_by_age_alt,
    formulas_by_age_figure,
    formulas_figure,
    zone_bands_alt,
    zone_bands_figure,
    zone_bar,
    zone_bar_alt,
    zone_bar_figure,
    zones_alt,
    zones_figure,
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


# --- Figures drawn from the calculator's view model ---------------------------------------------

# Age 40, Tanaka: max 208 - 28 = 180 bpm; resting 60 -> reserve 120 bpm.
# % of max, zone 1: 90-108; % of reserve, zone 1: 60 + 0.5 x 120 = 120 to 60 + 0.6 x 120 = 132.
# Articles' target: 0.75 x 180 = 135 to 0.85 x 180 = 153.
VIEW = heart_view(HeartInputs(age_years=40, resting_hr_bpm=60))


def test_zones_figure_draws_the_views_tables_and_target() -> None:
    by_max, by_reserve, target = zones_figure(VIEW).data
    assert set(by_max.x) == {METHOD_COLUMNS["hrmax5"]}
    assert by_max.base == pytest.approx((90.0, 108.0, 126.0, 144.0, 162.0))
    assert set(by_reserve.x) == {METHOD_COLUMNS["hrr5"]}
    assert by_reserve.base[0] == pytest.approx(120.0)
    assert by_reserve.y[0] == pytest.approx(12.0)  # 132 - 120
    assert target.base == pytest.approx((135.0,))
    assert target.y == pytest.approx((18.0,))


def test_zones_figure_leaves_out_a_method_the_inputs_do_not_allow() -> None:
    # Without a resting rate there is no reserve: one column of zones, then the target.
    view = heart_view(HeartInputs(age_years=40))
    columns = [trace.x[0] for trace in zones_figure(view).data]
    assert columns == [METHOD_COLUMNS["hrmax5"], "Articles'<br>target"]
    assert "reserve" not in zones_alt(view)


def test_zones_alt_reads_out_the_same_numbers() -> None:
    alt = zones_alt(VIEW, ["hrr5"])
    assert alt.startswith(
        f"Heart-rate zones in beats per minute. By % of HR reserve: Zone 1 120{EN_DASH}132"
    )
    assert f"Articles' target: 75{EN_DASH}85 % of max 135{EN_DASH}153." in alt
    assert "By % of max HR" not in alt


def test_formulas_figure_highlights_the_formula_in_use_and_marks_the_reader() -> None:
    view = heart_view(HeartInputs(age_years=40, formula="nes", max_hr_bpm=190))
    fig = formulas_figure(view)
    lines = {trace.name: trace for trace in fig.data if trace.name in LEGEND.values()}
    assert set(lines) == set(LEGEND.values())
    assert lines["Nes"].line.width > lines["Tanaka"].line.width
    # Nes at 40: 211 - 0.64 x 40 = 185.4 bpm, shaded +/- 2 x 10.8 = 21.6 bpm; measured 190 bpm.
    assert [note.text for note in fig.layout.annotations] == ["Nes: 185", "Measured: 190"]
    assert "\u00b122 bpm" in fig.data[0].name
    alt = formulas_alt(view)
    assert "You: age 40, 185 \u00b1 22 bpm (Nes)." in alt
    assert alt.endswith("Measured max: 190 bpm.")


@pytest.mark.parametrize(
    ("inputs", "method"),
    [
        (HeartInputs(age_years=40), "hrmax5"),
        (HeartInputs(age_years=68, sex="female", resting_hr_bpm=72), "hrr5"),
        (HeartInputs(age_years=30, max_hr_bpm=200, resting_hr_bpm=50), "hrr5"),
    ],
)
def test_the_answers_colour_bar_draws_the_recommended_zones(
    inputs: HeartInputs, method: str
) -> None:
    """The bar's segments are exactly HeartView.hero's rows: the recommended method's zones."""
    view = heart_view(inputs)
    assert view.method == method
    fig = zone_bar_figure(zone_bar(view))
    [bar] = fig.data
    assert list(bar.base) == pytest.approx(view.hero.low_bpm.tolist())
    assert [b + x for b, x in zip(bar.base, bar.x, strict=True)] == pytest.approx(
        view.hero.high_bpm.tolist()
    )
    assert list(fig.layout.xaxis.tickvals) == pytest.approx(
        [*view.hero.low_bpm.tolist(), view.hero.high_bpm.iloc[-1]]
    )
    # Readable without colour: every segment names its zone in text.
    for text, zone in zip(bar.text, view.hero.zone, strict=True):
        assert f"<b>{zone}</b>" in text


def test_colour_bar_worked_example_by_reserve() -> None:
    # 68, female, resting 72: Tanaka 208 - 0.7 x 68 = 160.4; reserve 88.4;
    # boundaries 72 + 0.5/0.6/0.7/0.8/0.9/1.0 x 88.4 = 116.2, 125.04, 133.88, 142.72, 151.56, 160.4
    bar = zone_bar(heart_view(HeartInputs(age_years=68, sex="female", resting_hr_bpm=72)))
    assert bar.boundaries_bpm == pytest.approx((116.2, 125.04, 133.88, 142.72, 151.56, 160.4))
    fig = zone_bar_figure(bar)
    assert fig.layout.xaxis.ticktext == ("116", "125", "134", "143", "152", "160 max")
    alt = zone_bar_alt(bar, METHOD_NAMES["hrr5"]).replace(EN_DASH, "-")
    assert alt.startswith("Your heart-rate zones by % of heart-rate reserve: Zone 1 (Moderate)")
    assert "116-125 bpm" in alt


def test_colour_bar_refuses_a_view_without_zones() -> None:
    view = heart_view(HeartInputs(max_hr_bpm=110, resting_hr_bpm=115))
    with pytest.raises(ValueError, match="no zones to draw"):
        zone_bar(view)
