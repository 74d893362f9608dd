"""The calorie-cost figure carries the model's numbers, its bands, its valid ranges and sources."""

from __future__ import annotations

from typing import Any

import pytest

from retroedu.calculators.calories import chart_data, speed_axis
from retroedu.figures.energy import GAIT_COLOURS, cost_by_speed_alt, cost_by_speed_figure
from retroedu.models import energy


def traces(weight_kg: float, speed_kmh: float, grade: float, system: str) -> dict[str, Any]:
    figure = cost_by_speed_figure(chart_data(weight_kg, speed_kmh, grade, system))
    return {trace.name: trace for trace in figure.data}


def test_the_readers_point_for_each_mode() -> None:
    # 70 kg, 6 km/h level (S = 100 m/min), kcal/min = VO2 x 0.35: forward walk 13.5 -> 4.725,
    # forward run 23.5 -> 8.225, backward walk 3.5 + 1.6 x 10 = 19.5 -> 6.825,
    # backward run 3.5 + 1.35 x 20 = 30.5 -> 10.675
    shown = traces(70.0, 6.0, 0.0, "metric")
    for label, kcal in [
        ("Forward walk", 4.725),
        ("Forward run", 8.225),
        ("Backward walk", 6.825),
        ("Backward run", 10.675),
    ]:
        point = shown[f"{label} at your speed"]
        assert point.x == (6.0,)
        assert point.y == pytest.approx((kcal,))


def test_imperial_axis_in_mph_with_the_same_kcal() -> None:
    # 176 lb = 79.832 kg, 6.2 mph = 9.978 km/h = 166.30 m/min;
    # backward run: 3.5 + 1.35 x 0.2 x 166.30 = 48.40 ml/kg/min x 79.832 / 200 = 19.32 kcal/min
    kg, kmh = 176 * 0.45359237, 6.2 * 1.609344
    shown = traces(kg, kmh, 0.0, "imperial")
    point = shown["Backward run at your speed"]
    assert point.x == pytest.approx((6.2,))
    assert point.y == pytest.approx(((3.5 + 1.35 * 0.2 * kmh * 1000 / 60) * kg / 200,))


@pytest.mark.parametrize(
    ("mode", "low", "high"),
    [
        ("Backward run", 6.3, 12.6),  # 1.75-3.5 m/s
        ("Backward walk", 3.204, 6.0),  # 0.89 m/s to 100 m/min, where the walking equation stops
    ],
)
def test_thick_lines_only_inside_the_valid_range(mode: str, low: float, high: float) -> None:
    shown = traces(70.0, 8.0, 0.0, "metric")
    inside = shown[mode]
    drawn = [x for x, y in zip(inside.x, inside.y, strict=True) if y is not None]
    # Every cost is a straight line in speed, so the range ends are drawn exactly.
    assert min(drawn) == pytest.approx(low, abs=1e-4)
    assert max(drawn) == pytest.approx(high, abs=1e-4)
    thin = shown[f"{mode} (extrapolated)"]
    outside = [x for x, y in zip(thin.x, thin.y, strict=True) if y is not None]
    assert min(outside) == pytest.approx(1.0)
    assert max(outside) == pytest.approx(16.0)


def test_band_is_the_factor_band() -> None:
    # At 16 km/h (S = 266.67 m/min) level, 70 kg: low 3.5 + 1.2 x 53.333 = 67.5 -> 23.625 kcal/min,
    # high 3.5 + 1.5 x 53.333 = 83.5 -> 29.225 kcal/min
    band = traces(70.0, 6.0, 0.0, "metric")["Backward run: band"]
    half = len(band.y) // 2
    assert band.y[half - 1] == pytest.approx(29.225)
    assert band.y[half] == pytest.approx(23.625)
    assert "Forward run: band" not in traces(70.0, 6.0, 0.0, "metric")


def test_valid_range_bars_in_the_readers_units() -> None:
    metric = traces(70.0, 6.0, 0.0, "metric")["Backward run valid"]
    assert metric.x == pytest.approx((6.3, 12.6))
    imperial = traces(70.0, 6.0, 0.0, "imperial")["Backward run valid"]
    assert imperial.x == pytest.approx((6.3 / 1.609344, 12.6 / 1.609344), abs=1e-4)
    # Forward running has no upper limit: its bar runs to the end of the axis.
    assert traces(70.0, 6.0, 0.0, "metric")["Forward run valid"].x == pytest.approx((4.8, 16.0))
    # Backward walking: 0.89 m/s = 3.204 km/h to 6.0 km/h = 1.991-3.728 mph.
    walk = traces(70.0, 6.0, 0.0, "imperial")["Backward walk valid"]
    assert walk.x == pytest.approx((3.204 / 1.609344, 6.0 / 1.609344), abs=1e-4)


def test_published_points_for_this_weight() -> None:
    # 70 kg: 6.0 MET x 3.5 x 70 / 200 = 7.35; 8.0 MET -> 9.8; 23.6 x 0.35 = 8.26; 15.9 x 0.35 = 5.565
    shown = traces(70.0, 6.0, 0.0, "metric")
    assert shown["Compendium, backward (level)"].y == pytest.approx((7.35,))
    assert shown["Compendium, backward (5 % grade)"].y == pytest.approx((9.8,))
    assert shown["Measured backward (level)"].y == pytest.approx((8.26,))
    assert shown["Measured forward (level)"].y == pytest.approx((5.565,))
    # 3.5 mph on a km/h axis
    assert shown["Compendium, backward (level)"].x == pytest.approx((3.5 * 1.609344,))


def test_colour_never_carries_meaning_alone() -> None:
    shown = traces(70.0, 6.0, 0.0, "metric")
    styles = {
        (shown[name].line.color, shown[name].line.dash)
        for name in ("Forward walk", "Forward run", "Backward walk", "Backward run")
    }
    assert len(styles) == 4  # colour = gait, dash = direction: every mode looks different
    assert {colour for colour, _ in styles} == set(GAIT_COLOURS.values())
    legend = [trace.name for trace in shown.values() if trace.showlegend is not False]
    assert legend[:4] == ["Forward walk", "Forward run", "Backward walk", "Backward run"]


def test_walk_and_run_lines_also_differ_by_marker_shape() -> None:
    # Forward walk and forward run share the solid dash, backward walk and run the dashed one:
    # without a shape, a reader who cannot tell blue from vermilion could not tell them apart.
    shown = traces(70.0, 6.0, 0.0, "metric")
    shapes = {
        name: (shown[name].mode, shown[name].marker.symbol)
        for name in ("Forward walk", "Forward run", "Backward walk", "Backward run")
    }
    assert shapes == {
        "Forward walk": ("lines+markers", "circle"),
        "Forward run": ("lines+markers", "square"),
        "Backward walk": ("lines+markers", "diamond"),
        "Backward run": ("lines+markers", "triangle-up"),
    }
    # The shape is the one drawn at the reader's speed, so the two marks match.
    for name, (_, symbol) in shapes.items():
        assert shown[f"{name} at your speed"].marker.symbol == symbol


def test_compact_figure_for_a_slide_keeps_the_four_modes_and_their_values() -> None:
    data = chart_data(70.0, 6.0, 0.0, "metric")
    full, compact = cost_by_speed_figure(data), cost_by_speed_figure(data, compact=True)
    names = [trace.name for trace in compact.data]
    assert not any("valid" in name or "Compendium" in name for name in names)
    assert not compact.layout.annotations[1:]  # only "Your speed": no range labels
    for trace in compact.data:
        [same] = [t for t in full.data if t.name == trace.name]
        assert trace.y == same.y
    # 70 kg, backward run, 6 km/h = 100 m/min: net 0.2 x 100 = 20 ml/kg/min, x 1.35 backward = 27,
    # + 3.5 resting = 30.5 ml/kg/min; x 70 kg / 1000 x 5 kcal/l = 10.675 kcal/min.
    [point] = [t for t in compact.data if t.name == "Backward run at your speed"]
    assert point.y[0] == pytest.approx(10.675, abs=1e-3)
    assert compact.layout.xaxis.title.text == "Speed [km/h]"


def test_fonts_are_big_enough_for_a_projector() -> None:
    figure = cost_by_speed_figure(chart_data(70.0, 6.0, 0.0, "metric"))
    assert figure.layout.font.size >= 14
    assert figure.layout.legend.font.size >= 14
    for axis in (figure.layout.xaxis2, figure.layout.yaxis):
        assert axis.tickfont.size >= 14
    for note in figure.layout.annotations:
        assert note.font.size >= 14


def test_axis_widens_for_a_fast_reader() -> None:
    assert speed_axis(6.0, "metric")[-1] == pytest.approx(16.0)
    assert speed_axis(25.0, "metric")[-1] == pytest.approx(27.5)  # 25 x 1.1
    assert speed_axis(6.0, "imperial")[0] == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("gaits", "span"),
    [(("walk",), (1.0, 8.0)), (("run",), (4.0, 16.0)), (("walk", "run"), (1.0, 16.0))],
)
def test_axis_spans_the_speeds_of_the_gaits_drawn(
    gaits: tuple[energy.Gait, ...], span: tuple[float, float]
) -> None:
    axis = speed_axis(5.0, "metric", gaits=gaits)
    assert (axis[0], axis[-1]) == pytest.approx(span)


def test_only_the_gaits_asked_for_are_drawn() -> None:
    """At 3 km/h nobody runs: no running line, marker or valid-range bar, and no forward-walk line
    out to 16 km/h; the published walking points stay."""
    data = chart_data(70.0, 3.0, 0.0, "metric", gaits=("walk",))
    names = {trace.name for trace in cost_by_speed_figure(data).data}
    assert not any("run" in name for name in names)
    assert {"Forward walk", "Backward walk", "Compendium, backward (level)"} <= names
    assert max(max(trace.x) for trace in cost_by_speed_figure(data).data if trace.x) <= 8.0
    running = chart_data(70.0, 10.0, 0.0, "metric", gaits=("run",))
    assert [result.mode.key for result in running.at_speed] == ["forward_run", "backward_run"]
    assert running.references == ()


def test_every_published_point_is_inside_the_chart() -> None:
    """At the calculator's defaults (70 kg, 5 km/h, level, walking) the uphill Compendium point
    sits above every level line: 17325 is 8.0 MET, 8.0 x 3.5 x 70 / 200 = 9.8 kcal/min."""
    figure = cost_by_speed_figure(chart_data(70.0, 5.0, 0.0, "metric", gaits=("walk",)))
    [uphill] = [trace for trace in figure.data if trace.name == "Compendium, backward (5 % grade)"]
    assert uphill.y == pytest.approx((9.8,))
    low, high = figure.layout.yaxis.range
    assert low <= 9.8 < high


def test_alt_text_reads_out_the_numbers() -> None:
    alt = cost_by_speed_alt(chart_data(70.0, 6.0, 0.0, "metric"))
    assert "forward walk 4.7 kcal/min" in alt
    # Backward walk at 6 km/h: 19.5 x 0.35 = 6.825, band 18.5 x 0.35 = 6.475 to 20.5 x 0.35 = 7.175
    assert "backward walk 6.8 kcal/min (likely range 6.5\u20137.2);" in alt
    assert "backward run 10.7 kcal/min (likely range 9.6\u201311.7), extrapolated" in alt
    assert "backward run 6.3\u201312.6 km/h" in alt
    assert "backward walk 3.2\u20136.0 km/h" in alt
    assert "Compendium code 17325" in alt
