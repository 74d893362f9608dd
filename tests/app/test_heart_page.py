"""The heart-rate page through app.py: inputs and shared links give the right answer first (the
recommended zones as a colour bar and a table), the other methods on request, and the charts."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import figures, plain, run_page

PAGE = "heart-rate"
DASH = "\u2013"


def open_page(**params: str) -> AppTest:
    at = run_page(PAGE, params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def zone_ranges(at: AppTest, index: int = 0) -> list[str]:
    return at.table[index].value["Heart rate [bpm]"].tolist()


def zone_bar(at: AppTest) -> dict[str, Any]:
    """The answer's colour bar: the first chart on the page, one bar trace."""
    [bar] = figures(at)[0]["data"]
    return bar


def open_formulas(at: AppTest) -> AppTest:
    """Open "Every formula across ages": its chart is drawn only while it is open."""
    at.session_state["formulas_open"] = True
    return at.run()


def open_compare(at: AppTest) -> AppTest:
    at.session_state["compare_methods"] = True
    return at.run()


def texts(at: AppTest) -> str:
    """Every piece of text the page shows (markdown, captions, notices), joined."""
    parts = [
        element.value
        for kind in ("markdown", "caption", "info", "warning", "error")
        for element in getattr(at, kind)
    ]
    return plain("\n".join(str(part) for part in parts))


def test_defaults_show_tanaka_for_age_40() -> None:
    at = open_page()
    # Tanaka: 208 - 0.7 x 40 = 180; 95 % range 180 +/- 2 x 10.8 = 158.4 to 201.6
    assert metrics(at)["Max heart rate [bpm]"] == "180"
    assert metrics(at)["95 % range [bpm]"] == f"158{DASH}202"
    # 50/60/70/80/90/100 % of 180
    assert zone_ranges(at) == [
        f"90{DASH}108",
        f"108{DASH}126",
        f"126{DASH}144",
        f"144{DASH}162",
        f"162{DASH}180",
    ]
    # The answer first: the colour bar is the first chart, the recommended table the first table.
    bar = zone_bar(at)
    assert bar["base"] == pytest.approx([90, 108, 126, 144, 162])
    assert bar["x"] == pytest.approx([18] * 5)
    assert figures(at)[0]["layout"]["xaxis"]["ticktext"] == [
        "90",
        "108",
        "126",
        "144",
        "162",
        "180 max",
    ]
    assert "Your zones, by % of max HR" in texts(at)


def test_the_compare_chart_sets_the_methods_beside_the_articles_target() -> None:
    at = open_compare(open_page())
    [compared] = [f for f in figures(at) if len(f["data"]) == 2]
    bars = compared["data"]  # % of max and the articles' target; no reserve column without rest
    assert bars[0]["base"] == pytest.approx([90, 108, 126, 144, 162])
    # The articles' 75-85 % of max: 0.75 x 180 = 135 to 0.85 x 180 = 153
    assert bars[1]["base"] == pytest.approx([135])
    assert bars[1]["y"] == pytest.approx([18])


def test_a_shared_link_reproduces_the_view() -> None:
    at = open_page(age="30", resting_hr="60", formula="nes", sex="male")
    assert at.number_input(key="age").value == 30
    assert at.number_input(key="resting_hr").value == 60
    assert at.selectbox(key="formula").value == "Nes"
    assert at.radio(key="sex").value == "Male"
    # Nes: 211 - 0.64 x 30 = 211 - 19.2 = 191.8; reserve 191.8 - 60 = 131.8
    assert metrics(at)["Max heart rate [bpm]"] == "192"
    assert metrics(at)["Heart-rate reserve [bpm]"] == "132"
    # With a resting rate the recommended zones are by reserve, shown first, in the bar and the
    # table: zone 1 = 60 + 0.5 x 131.8 = 125.9 to 60 + 0.6 x 131.8 = 139.08.
    assert zone_ranges(at)[0] == f"126{DASH}139"
    assert zone_bar(at)["base"][0] == pytest.approx(125.9)
    assert zone_bar(at)["x"][0] == pytest.approx(139.08 - 125.9)
    assert "Your zones, by % of heart-rate reserve" in texts(at)
    assert "could not be used" not in texts(at)
    # "Compare methods" sets both side by side; zone 1 by % of max: 0.5 x 191.8 = 95.9.
    at = open_compare(at)
    [compared] = [f for f in figures(at) if len(f["data"]) == 3]
    assert compared["data"][0]["base"][0] == pytest.approx(95.9)
    assert compared["data"][1]["base"][0] == pytest.approx(125.9)


def test_formula_in_a_link_accepts_the_label_too() -> None:
    at = open_page(formula="Gellish")
    # Gellish: 207 - 0.7 x 40 = 179
    assert metrics(at)["Max heart rate [bpm]"] == "179"
    assert "could not be used" not in texts(at)


def test_changing_inputs_updates_table_and_chart() -> None:
    at = open_page()
    at.number_input(key="age").set_value(60).run()
    # Tanaka: 208 - 0.7 x 60 = 166; zone 1 0.5 x 166 = 83 to 0.6 x 166 = 99.6
    assert zone_ranges(at)[0] == f"83{DASH}100"
    at.number_input(key="resting_hr").set_value(70).run()
    assert not at.exception
    # Reserve 166 - 70 = 96, now the recommended method: 70 + 0.5 x 96 = 118 to 70 + 57.6.
    assert zone_ranges(at)[0] == f"118{DASH}128"
    assert zone_bar(at)["base"][0] == pytest.approx(118)
    ages = figures(open_formulas(at))[1]["layout"]["shapes"]
    assert ages[0]["x0"] == 60  # the user's age is marked on the formulas chart


def test_other_methods_are_one_click_away_with_the_acsm_edition_note() -> None:
    at = run_page(PAGE, {"resting_hr": "60"})
    assert len(at.table) == 1  # the recommended method only, until "Compare methods" opens
    at = open_compare(at)
    # The answer's table, then in "Compare methods": reserve (recommended), % of max, ACSM.
    assert len(at.table) == 4
    table = at.table[3].value
    # max 180, rest 60, reserve 120: 30 % -> 96, 40 % -> 108, 60 % -> 132, 90 % -> 168
    assert table["Heart rate [bpm]"].tolist() == [
        f"96{DASH}108",
        f"108{DASH}132",
        f"132{DASH}168",
        f"168{DASH}180",
    ]
    assert f"60{DASH}84 %" in texts(at)


def test_comparing_methods_asks_for_a_resting_rate_when_it_is_missing() -> None:
    at = open_compare(run_page(PAGE))
    assert not at.exception
    assert "Enter a resting heart rate" in texts(at)


def test_measured_max_overrides_every_formula() -> None:
    at = open_page(max_hr="200", formula="fox")
    assert metrics(at)["Max heart rate [bpm]"] == "200"
    assert metrics(at)["Fox estimate [bpm]"] == "180"  # 220 - 40
    # zone 5: 0.9 x 200 = 180 to 200
    assert zone_ranges(at)[-1] == f"180{DASH}200"
    notes = [note["text"] for note in figures(open_formulas(at))[1]["layout"]["annotations"]]
    assert notes == ["Fox: 180", "Measured: 200"]


def test_gulati_is_offered_to_women_only() -> None:
    assert "Gulati" not in open_page().selectbox(key="formula").options
    at = open_page(sex="female", formula="gulati")
    # Gulati: 206 - 0.88 x 40 = 206 - 35.2 = 170.8
    assert metrics(at)["Max heart rate [bpm]"] == "171"
    assert "Gulati" in at.selectbox(key="formula").options


def test_backward_guidance_sits_with_the_zones() -> None:
    at = open_page()
    assert any("Steer by heart rate, not pace" in info.value for info in at.info)
    assert "+37" in texts(at) or "37 %" in texts(at)


def test_download_and_text_alternatives() -> None:
    at = open_page(resting_hr="60")
    assert at.get("download_button")[0].proto.label == "Download zones (CSV)"
    assert len(at.get("plotly_chart")) == 1  # the answer; the formulas chart is on request
    alts = [chart.proto.alt for chart in open_formulas(at).get("plotly_chart")]
    # The answer's bar: by reserve, 60 + 0.5 x 120 = 120 to 60 + 0.6 x 120 = 132
    assert alts[0].startswith("Your heart-rate zones by % of heart-rate reserve")
    assert f"Zone 1 (Moderate) 120{DASH}132 bpm" in alts[0]
    assert "Tanaka" in alts[1]
    alts = [chart.proto.alt for chart in open_compare(at).get("plotly_chart")]
    assert any(f"Zone 1 90{DASH}108" in alt and f"Zone 1 120{DASH}132" in alt for alt in alts)


@pytest.mark.parametrize(
    "params",
    [
        {"age": "500"},
        {"age": "-5"},
        {"age": "forty"},
        {"resting_hr": "<script>alert(1)</script>"},
        {"max_hr": "9999"},
        {"formula": "<script>"},
        {"sex": "robot"},
        {"age": "1e400", "resting_hr": "nan"},
    ],
)
def test_bad_link_values_give_a_notice_not_an_exception(params: dict[str, str]) -> None:
    at = open_page(**params)
    shown = texts(at)
    assert "could not be used" in shown
    assert "<script>" not in shown
    assert "alert(1)" not in shown
    assert metrics(at)["Max heart rate [bpm]"] == "180"  # defaults are used instead


@pytest.mark.parametrize(
    ("params", "message"),
    [
        # Gulati at 100: 206 - 88 = 118 bpm, below the resting 120
        (
            {"age": "100", "sex": "female", "formula": "gulati", "resting_hr": "120"},
            "Resting heart rate (120 bpm) must be lower than maximum heart rate (118 bpm)",
        ),
        (
            {"max_hr": "110", "resting_hr": "115"},
            "Resting heart rate (115 bpm) must be lower than maximum heart rate (110 bpm)",
        ),
    ],
)
def test_resting_at_or_above_max_gives_an_error_and_no_chart(
    params: dict[str, str], message: str
) -> None:
    at = open_page(**params)
    assert [error.value for error in at.error] == [f"{message}. Check both numbers."]
    assert figures(at) == []
    assert len(at.table) == 0


@pytest.mark.parametrize(
    ("params", "line", "details"),
    [
        ({"age": "15"}, "not from people under 18", "Under 18"),
        ({"age": "85"}, "few people over 80", "Over 80"),
        ({"resting_hr": "35"}, "under 40 bpm is unusual", "Check the measurement"),
        ({"resting_hr": "105"}, "over 100 bpm is high", "Measure again lying still"),
    ],
)
def test_unusual_values_give_one_line_with_details_on_demand(
    params: dict[str, str], line: str, details: str
) -> None:
    at = open_page(**params)
    [warning] = at.warning  # one line, however many cautions
    assert warning.value.startswith("**Read with care:**")
    assert line in plain(warning.value)
    assert details not in warning.value
    [popover] = at.get("popover")
    assert any(details in m.value for m in popover.markdown)
    assert figures(at)  # a caution, not a refusal


def test_several_cautions_still_take_one_line() -> None:
    at = open_page(age="85", resting_hr="105")
    [warning] = at.warning
    assert "few people over 80" in warning.value
    assert "over 100 bpm is high" in plain(warning.value)


def test_presentation_mode_keeps_the_inputs_the_headline_and_the_bar() -> None:
    at = open_page(present="true", resting_hr="60")
    assert [n.key for n in at.number_input] == ["age", "resting_hr", "max_hr"]
    assert metrics(at)["Max heart rate [bpm]"] == "180"
    assert len(figures(at)) == 1  # the colour bar; the rest waits outside presentation mode
    assert zone_bar(at)["base"][0] == pytest.approx(120)  # 60 + 0.5 x (180 - 60)
    assert not at.table
    assert "#src-" not in texts(at)


def test_sources_are_listed() -> None:
    at = open_page()
    shown = texts(at)
    assert "Tanaka H, Monahan KD, Seals DR" in shown
    assert "#src-kim2001" in shown
