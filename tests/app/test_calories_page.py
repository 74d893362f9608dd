"""The calorie-cost page through app.py (AppTest): shared links, numbers, figure, notices.

Worked values (ACSM equations; S = speed [m/min], G = grade; kcal/min = VO2 x kg / 200):
  70 kg, 5 km/h level (S = 83.33), the default: forward walk 3.5 + 8.333 = 11.833, backward walk
  3.5 + 1.6 x 8.333 = 16.833 ml/kg/min -> x 0.35 = 4.142 and 5.892 kcal/min; 30 min: 124, 177.
  70 kg, 6 km/h level (S = 100): forward walk 13.5, forward run 23.5, backward walk
  3.5 + 1.6 x 10 = 19.5, backward run 3.5 + 1.35 x 20 = 30.5 ml/kg/min -> x 0.35 =
  4.725, 8.225, 6.825, 10.675 kcal/min; 30 min: 142, 247, 205, 320 kcal.
"""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import figures, plain, run_page

PAGE = "calories"


def trace(at: AppTest, name: str) -> dict[str, Any]:
    [figure] = figures(at)
    return next(t for t in figure["data"] if t.get("name") == name)


def metric_values(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in (*at.info, *at.warning, *at.error)]
    return plain("\n".join(str(part) for part in parts))


def table_rows(at: AppTest) -> dict[str, list[str]]:
    """The comparison table as {row name: [cells per mode]}, header row under "Measure". The
    table is folded away until asked for: this opens it."""
    if not at.table:
        at.session_state["table_open"] = True
        at.run()
    [table] = at.table
    frame = table.value
    rows = {"Measure": list(frame.columns[1:])}
    rows |= {str(row[0]): [str(cell) for cell in row[1:]] for row in frame.itertuples(index=False)}
    return rows


def all_four(at: AppTest) -> AppTest:
    """Switch on "Show all four" and rerun."""
    return at.toggle(key="all_modes").set_value(True).run()


def test_default_view_is_a_walk_inside_the_measured_data() -> None:
    at = run_page(PAGE)
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.radio(key="units").value == "metric"  # app.py's frame is there
    assert at.title[0].value == "Calorie cost, forward and backward"
    assert at.number_input(key="speed").value == 5.0
    assert metric_values(at) == {
        "Forward walk, 30 min": "124 kcal",
        "Backward walk, 30 min": "177 kcal",
    }
    rows = table_rows(at)
    assert rows["Measure"] == ["Forward walk", "Backward walk"]
    assert rows["kcal/min"] == ["4.1", "5.9"]
    # Likely range, backward walk: 3.5 + 1.5..1.7 x 8.333 = 16.0..17.667 -> 5.6..6.2 kcal/min
    assert rows["likely range, kcal/min"] == ["\u2013", "5.6\u20136.2"]
    # Above rest: 8.333 x 0.35 = 2.9; 13.333 x 0.35 = 4.7
    assert rows["above rest (net), kcal/min"] == ["2.9", "4.7"]
    assert rows["vs forward"] == ["baseline", "+42 %"]  # 16.833 / 11.833 = 1.42
    assert rows["within the measured data"] == ["yes", "yes"]
    words = texts(at)
    # 30 x 16.833 / 11.833 = 42.7 min (30 x 16.0 / 11.833 = 40.6 to 30 x 17.667 / 11.833 = 44.8)
    assert "30 min backward walking \u2248 43 min forward walking" in words
    assert "(41\u201345 min)" in words
    # Nothing fires at the default: no extrapolation, no beginner's warning, no jogging note.
    assert not at.warning
    assert "outside the measured range" not in words.lower()
    assert "Note:" not in words
    assert "band" not in " ".join(rows)  # plain labels
    assert "**Gross** (the totals) is everything you burn" in words  # gross and net, one line
    assert "**above rest**" in words


@pytest.mark.parametrize(
    ("speed", "modes"),
    [
        ("3", ["Forward walk", "Backward walk"]),
        ("6.3", ["Forward walk", "Forward run", "Backward walk", "Backward run"]),
        ("10", ["Forward run", "Backward run"]),
    ],
)
def test_the_modes_shown_are_those_that_make_sense_at_the_speed(
    speed: str, modes: list[str]
) -> None:
    """Walking up to 1.85 m/s (6.7 km/h), running from 1.6 m/s (5.8 km/h), both in between."""
    at = run_page(PAGE, {"speed": speed})
    assert [label.split(",")[0] for label in metric_values(at)] == modes
    assert table_rows(at)["Measure"] == modes
    drawn = {t["name"] for t in figures(at)[0]["data"] if t.get("showlegend") is not False}
    assert {
        name
        for name in drawn
        if name in {"Forward walk", "Forward run", "Backward walk", "Backward run"}
    } == set(modes)


def test_show_all_four_adds_the_other_gait_with_the_worked_values() -> None:
    at = all_four(run_page(PAGE, {"speed": "6"}))
    assert not at.exception
    assert metric_values(at) == {
        "Forward walk, 30 min": "142 kcal",
        "Forward run, 30 min": "247 kcal",
        "Backward walk, 30 min": "205 kcal",
        "Backward run, 30 min": "320 kcal",
    }
    rows = table_rows(at)
    assert rows["Measure"] == ["Forward walk", "Forward run", "Backward walk", "Backward run"]
    assert rows["kcal/min"] == ["4.7", "8.2", "6.8", "10.7"]
    # Likely ranges: backward walk 3.5 + 1.5..1.7 x 10 = 18.5..20.5 -> 6.5..7.2;
    # backward run 3.5 + 1.2..1.5 x 20 = 27.5..33.5 -> 9.6..11.7
    assert rows["likely range, kcal/min"] == ["\u2013", "\u2013", "6.5\u20137.2", "9.6\u201311.7"]
    # Net: (VO2 - 3.5) x 0.35 = 3.5, 7.0, 5.6, 9.45 (27 x 0.35 = 9.4500000000000001 -> 9.5)
    assert rows["above rest (net), kcal/min"] == ["3.5", "7.0", "5.6", "9.5"]
    # 19.5 / 13.5 = 1.444; 30.5 / 23.5 = 1.298.
    assert rows["vs forward"] == ["baseline", "baseline", "+44 %", "+30 %"]
    # 6 km/h is below the 6.3 km/h where backward running was measured.
    assert rows["within the measured data"] == ["yes", "yes", "yes", "no"]
    # 30 x 30.5 / 23.5 = 38.9 -> 39 min
    assert "30 min backward running \u2248 39 min forward running" in texts(at)
    badges = [m.value.split("\n\n")[-1] for m in at.markdown if "kcal/min above rest" in m.value]
    assert [("Outside" in badge) for badge in badges] == [False, False, False, True]
    at.toggle(key="all_modes").set_value(False).run()
    assert len(at.metric) == 4  # 6 km/h: people walk or run, so both gaits stay


def test_figure_carries_the_numbers() -> None:
    at = all_four(run_page(PAGE, {"speed": "6"}))
    marker = trace(at, "Backward run at your speed")
    assert marker["x"] == [6.0]
    assert marker["y"] == pytest.approx([10.675])
    # Backward-running data: 1.75-3.5 m/s = 6.3-12.6 km/h, drawn in the lower panel.
    assert trace(at, "Backward run valid")["x"] == pytest.approx([6.3, 12.6])
    # The likely range at the right end of the axis (16 km/h, S = 266.67): 3.5 + 1.5 x 53.33 =
    # 83.5 -> 29.225 kcal/min (high) and 3.5 + 1.2 x 53.33 = 67.5 -> 23.625 (low).
    band = trace(at, "Backward run: band")["y"]
    assert band[len(band) // 2 - 1] == pytest.approx(29.225)
    assert band[len(band) // 2] == pytest.approx(23.625)
    compendium = trace(at, "Compendium, backward (level)")
    assert compendium["y"] == pytest.approx([6.0 * 3.5 * 70 / 200])  # 7.35 kcal/min
    [figure] = figures(at)
    assert figure["layout"]["xaxis2"]["title"]["text"] == "Speed [km/h]"


def test_a_link_reproduces_the_view() -> None:
    # 80 kg, 10 km/h, 5 %, 45 min: S = 166.67, S x G = 8.333
    # forward walk 3.5 + 16.667 + 15 = 35.17 -> x 0.4 = 14.07 kcal/min -> 633 kcal
    # forward run 3.5 + 33.33 + 7.5 = 44.33 -> 17.73 -> 798 kcal
    # backward walk 3.5 + 1.6 x 16.67 + 15 = 45.17 -> 18.07 kcal/min -> 813 kcal
    # backward run 3.5 + 1.35 x 40.83 = 58.625 -> 23.45 -> 1055 kcal
    at = run_page(PAGE, {"weight": "80", "speed": "10", "grade": "5", "minutes": "45"})
    assert not at.exception
    assert [n.value for n in at.number_input] == [80.0, 10.0, 5.0, 45]
    assert at.text_input(key="pace").value == "6:00"
    assert metric_values(at) == {
        "Forward run, 45 min": "798 kcal",
        "Backward run, 45 min": "1055 kcal",
    }
    assert metric_values(all_four(at)) == {
        "Forward walk, 45 min": "633 kcal",
        "Forward run, 45 min": "798 kcal",
        "Backward walk, 45 min": "813 kcal",
        "Backward run, 45 min": "1055 kcal",
    }
    assert trace(at, "Backward run at your speed")["y"] == pytest.approx([23.45])


def test_imperial_values_are_read_in_pounds_and_mph() -> None:
    # 176 lb = 79.832 kg, 6.2 mph = 9.978 km/h (S = 166.30 m/min); backward run
    # 3.5 + 1.35 x 0.2 x 166.30 = 48.40 ml/kg/min x 79.832 / 200 = 19.32 kcal/min -> 580 kcal
    at = run_page(PAGE, {"units": "imperial", "weight": "176", "speed": "6.2"})
    assert not at.exception
    assert at.sidebar.radio(key="units").value == "imperial"
    assert [n.label for n in at.number_input][:2] == ["Body weight [lb]", "Speed [mph]"]
    assert at.text_input(key="pace").label == "or pace [min/mile]"
    marker = trace(at, "Backward run at your speed")
    assert marker["x"] == [6.2]
    kg, kmh = 176 * 0.45359237, 6.2 * 1.609344
    assert marker["y"] == pytest.approx([(3.5 + 1.35 * 0.2 * kmh * 1000 / 60) * kg / 200])
    assert metric_values(at)["Backward run, 30 min"] == "580 kcal"
    assert figures(at)[0]["layout"]["xaxis2"]["title"]["text"] == "Speed [mph]"


def test_switching_units_keeps_the_same_person() -> None:
    at = run_page(PAGE, {"weight": "80", "speed": "10"})
    before = metric_values(at)
    at.sidebar.radio(key="units").set_value("imperial").run()
    # 80 kg / 0.45359237 = 176.37 -> 176.4 lb; 10 km/h / 1.609344 = 6.214 -> 6.21 mph
    assert at.number_input(key="weight").value == 176.4
    assert at.number_input(key="speed").value == 6.21
    assert metric_values(at) == before
    at.sidebar.radio(key="units").set_value("metric").run()
    assert at.number_input(key="weight").value == 80.0
    assert at.number_input(key="speed").value == 9.99  # 6.21 mph, rounded to the 0.01 shown


def test_a_typed_pace_sets_the_speed() -> None:
    at = run_page(PAGE)
    at.text_input(key="pace").set_value("5:00").run()
    assert at.number_input(key="speed").value == 12.0  # 60 / 5
    assert at.text_input(key="pace").value == "5:00"
    at.text_input(key="pace").set_value("4:30").run()
    assert at.number_input(key="speed").value == 13.33  # 60 / 4.5, to 0.01 km/h
    assert at.text_input(key="pace").value == "4:30"
    assert not at.error


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("soon", "Type a pace as minutes:seconds"),
        ("5:75", "Type a pace as minutes:seconds"),
        ("0:30", "enter a pace between 2:00 and 60:00 min/km"),
        ("<img src=x>", "Type a pace as minutes:seconds"),
    ],
)
def test_an_unreadable_pace_is_explained(typed: str, message: str) -> None:
    at = run_page(PAGE)
    at.text_input(key="pace").set_value(typed).run()
    assert not at.exception
    assert message in at.error[0].value
    assert typed not in texts(at)  # never echoed
    assert at.number_input(key="speed").value == 5.0
    assert at.text_input(key="pace").value == "12:00"


def test_hostile_link_values_show_a_notice_not_an_exception() -> None:
    at = run_page(
        PAGE,
        {
            "weight": "-5",
            "speed": "abc",
            "grade": "99",
            "minutes": "<script>alert(1)</script>",
        },
    )
    assert not at.exception
    notice = at.info[0].value
    assert "could not be used" in notice
    for label in ("body weight", "speed", "grade", "duration"):
        assert label in notice
    assert "<script>" not in texts(at)
    assert [n.value for n in at.number_input] == [70.0, 5.0, 0.0, 30]


def test_extrapolated_values_say_why() -> None:
    at = run_page(PAGE, {"speed": "25", "grade": "-10"})
    assert not at.exception
    assert table_rows(at)["within the measured data"] == ["no", "no"]  # 25 km/h: running only
    words = texts(at)
    assert "downhill (-10 %), outside the range of the ACSM running equation" in words
    assert "faster than the range of the backward-running measurements" in words


def test_extreme_but_allowed_inputs_render() -> None:
    at = run_page(PAGE, {"weight": "300", "speed": "30", "grade": "30", "minutes": "600"})
    assert not at.exception
    assert not at.error
    assert len(at.metric) == 2  # 30 km/h: running only
    assert len(all_four(at).metric) == 4


def test_novice_warning_above_one_point_six_metres_per_second() -> None:
    # 1.6 m/s = 5.76 km/h
    assert "hard for beginners" in texts(run_page(PAGE, {"speed": "6"}))
    assert "hard for beginners" not in texts(run_page(PAGE, {"speed": "5.7"}))


def test_model_myths_and_sources_are_on_the_page() -> None:
    at = run_page(PAGE)
    assert "| k_run | 1.35 |" not in texts(at)  # the model is drawn only once opened
    at.session_state["model_open"] = True
    words = texts(at.run())
    assert "| k_run | 1.35 | 1.2\u20131.5 | times forward |" in words
    assert "**k_run**\\\n*Value:* 1.35\\\n*Band:* 1.2\u20131.5" in words  # its phone card
    assert "| Backward run | VO2 = 3.5 + k_run\u00b7(0.2\u00b7S + 0.9\u00b7S\u00b7G) |" in words
    assert "three to six times the calories" in words
    assert "One lap backward equals eight laps forward" in words
    assert "Wright S, Weyand PG (2001)" in words
    assert "The model, its assumptions and references" in [e.label for e in at.expander]
    downloads = [button.proto.label for button in at.get("download_button")]
    assert "Download the comparison (CSV)" in downloads


def test_presentation_mode_keeps_the_inputs_the_totals_and_the_chart() -> None:
    at = run_page(PAGE, {"present": "true", "speed": "6.3"})
    assert not at.exception
    # 6.3 km/h: walking and running make sense; one row of totals, no cards' fine print.
    assert list(metric_values(at)) == [
        "Forward walk",
        "Forward run",
        "Backward walk",
        "Backward run",
    ]
    assert len(figures(at)) == 1
    assert not at.table
    assert not at.expander
    [line] = [c.value for c in at.caption if "hard for beginners" in c.value]
    assert not at.warning  # one line, not a box, so the chart keeps its place on the screen
    assert "#src-hreljac2005" in line
