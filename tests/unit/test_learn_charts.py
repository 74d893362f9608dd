"""Figures and tables of the Learn pages Toe-to-heel contact, Getting started and Notable users.

The numbers are read from the real content files, so these tests check that what a reader sees is
what the cited papers report (values copied by hand below from shared/reference/science.md).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retroedu.content import evidence
from retroedu.figures import claims as claim_chart
from retroedu.figures import learn as learn_charts
from retroedu.figures.blocks import strip_citations
from retroedu.figures.learn import (
    FOOT_REGIONS,
    LEVEL_SYMBOLS,
    KneeLoadStudy,
    contact_phases,
    contact_sequence_figure,
    knee_load_figure,
    knee_load_studies,
    plan_cards,
    plan_table,
    plan_weeks,
    timeline_events,
    timeline_figure,
    timeline_table,
)
from tests.conftest import LIBRARY, plain_data


def meta(name: str) -> dict[str, Any]:
    return dict(plain_data(LIBRARY.page(name).page.meta))


# Properties run few examples and no deadline: a busy two-core machine must not fail them.
PROPERTIES = settings(max_examples=50, deadline=None)
KNEE = knee_load_studies(meta("toe_to_heel")["knee_load"])
PHASES = contact_phases(meta("toe_to_heel")["contact_phases"])
WEEKS = plan_weeks(meta("getting_started")["weeks"])
EVENTS = timeline_events(meta("notable_users")["timeline"])


# --- Knee load: the three study conditions --------------------------------------------------


def test_knee_load_bars_carry_the_published_values() -> None:
    forward, backward, *labels = knee_load_figure(KNEE).data
    # Flynn & Soutas-Little 1995, self-chosen speeds: 5.6 ± 1.3 vs 3.0 ± 0.6 body weights.
    # Roos et al. 2012, same speed: 4.5 ± 1.5 vs 3.4 ± 1.4 body weights.
    # ODU thesis 1998, 1.0 m/s: 3.4 vs 3.5 body weights, no SD in the abstract.
    assert forward.y == (5.6, 4.5, 3.4)
    assert backward.y == (3.0, 3.4, 3.5)
    assert forward.error_y.array == (1.3, 1.5, None)
    assert backward.error_y.array == (0.6, 1.4, None)
    # Each value written above its whisker (its bar's top where no SD), beside its own bar,
    # clear of the whisker's cap: the forward caps are at 5.6 + 1.3 = 6.9, 4.5 + 1.5 = 6.0 and
    # 3.4; the axis ends at 8, so a gap of 2-4 % of it is 0.16-0.32 body weights.
    assert [label.text for label in labels] == [("5.6", "4.5", "3.4"), ("3.0", "3.4", "3.5")]
    gaps = [y - cap for y, cap in zip(labels[0].y, (6.9, 6.0, 3.4), strict=True)]
    assert all(0.16 <= gap <= 0.32 for gap in gaps), gaps
    assert [label.offsetgroup for label in labels] == [forward.offsetgroup, backward.offsetgroup]
    assert [study.n for study in KNEE] == [5, 20, 10]
    assert [study.refs for study in KNEE] == [("flynn1995",), ("roos2012",), ("odu1998",)]


def test_knee_load_labels_name_study_people_and_speed_condition() -> None:
    ticks = knee_load_figure(KNEE).data[0].x
    assert "Flynn" in ticks[0]
    assert "n = 5" in ticks[0]
    assert "own speed" in ticks[0]
    assert "Roos" in ticks[1]
    assert "n = 20" in ticks[1]
    assert "same speed" in ticks[1]
    assert "1998" in ticks[2]
    assert "n = 10" in ticks[2]
    assert "1.0 m/s" in ticks[2]


def test_knee_load_change_is_worked_out_from_the_means() -> None:
    flynn, roos, thesis = KNEE
    # (3.0 - 5.6) / 5.6 = -2.6 / 5.6 = -46.4 %
    assert flynn.change_pct == pytest.approx(-46.43, abs=0.01)
    # (3.4 - 4.5) / 4.5 = -1.1 / 4.5 = -24.4 %: "about a quarter less" in the text
    assert roos.change_pct == pytest.approx(-24.44, abs=0.01)
    # (3.5 - 3.4) / 3.4 = +0.1 / 3.4 = +2.9 %: "alike"
    assert thesis.change_pct == pytest.approx(2.94, abs=0.01)


def test_knee_load_directions_differ_by_pattern_not_colour_alone() -> None:
    forward, backward, *_ = knee_load_figure(KNEE).data
    assert forward.marker.pattern.shape == ""
    assert backward.marker.pattern.shape == "/"
    assert "solid" in forward.name
    assert "hatched" in backward.name
    alt = learn_charts.knee_load_alt(KNEE)
    assert "5.6 ± 1.3 forward, 3.0 ± 0.6 backward (-46 %)" in alt
    assert "3.4 forward, 3.5 backward (+3 %)" in alt


@PROPERTIES
@given(
    forward=st.floats(min_value=0.5, max_value=10),
    backward=st.floats(min_value=0.0, max_value=10),
)
def test_change_is_negative_exactly_when_backward_is_lower(forward: float, backward: float) -> None:
    study = KneeLoadStudy("S", ("s",), 1, "c", forward, math.nan, backward, math.nan)
    assert (study.change_pct < 0) == (backward < forward)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"n": 0}, "whole number of people"),
        ({"n": 2.5}, "whole number of people"),
        ({"forward_bw": -1.0}, "cannot be negative"),
        ({"forward_bw": 0}, "not a measurement"),
        ({"backward_bw": "3.4"}, "must be a number"),
        ({"refs": []}, "needs 'refs'"),
        ({"colour": "red"}, "unknown field"),
    ],
)
def test_bad_knee_load_entries_are_refused(change: dict[str, Any], message: str) -> None:
    entry = {
        "label": "Roos et al. 2012",
        "refs": ["roos2012"],
        "n": 20,
        "condition": "same speed",
        "forward_bw": 4.5,
        "backward_bw": 3.4,
        **change,
    }
    with pytest.raises(ValueError, match=message):
        knee_load_studies([entry])


# --- Toe-to-heel contact: the stepped diagram ------------------------------------------------


def regions_on_ground(update: dict[str, list[Any]], foot: int) -> set[str]:
    """Regions a slider step hatches for one foot (0 forward, 1 backward)."""
    first = foot * (len(FOOT_REGIONS) + 1)
    shapes = update["fillpattern.shape"][first : first + len(FOOT_REGIONS)]
    return {region for region, shape in zip(FOOT_REGIONS, shapes, strict=True) if shape == "/"}


def test_slider_has_one_step_per_phase_in_order() -> None:
    slider = contact_sequence_figure(PHASES).layout.sliders[0]
    assert [step.label for step in slider.steps] == ["1 Touch-down", "2 Mid-stance", "3 Push-off"]
    assert slider.active == 0
    assert all(step.method == "update" for step in slider.steps)


def test_slider_steps_draw_heel_toe_forward_and_toe_heel_toe_backward() -> None:
    steps = contact_sequence_figure(PHASES).layout.sliders[0].steps
    forward = [regions_on_ground(step.args[0], 0) for step in steps]
    backward = [regions_on_ground(step.args[0], 1) for step in steps]
    assert forward == [{"heel"}, set(FOOT_REGIONS), {"forefoot", "toes"}]
    assert backward == [{"toes", "forefoot"}, {"forefoot", "midfoot", "heel"}, {"forefoot", "toes"}]
    # Toe-heel-toe (Sterzing et al. 2016): the heel is down only in the middle of stance.
    assert ["heel" in step for step in backward] == [False, True, False]


def test_each_slider_step_restyles_every_trace_and_rewrites_both_captions() -> None:
    fig = contact_sequence_figure(PHASES)
    for step, phase in zip(fig.layout.sliders[0].steps, PHASES, strict=True):
        trace_update, layout_update = step.args
        assert {len(values) for values in trace_update.values()} == {len(fig.data)}
        assert layout_update["annotations[2].text"].replace("<br>", " ") == phase.forward.text
        assert layout_update["annotations[3].text"].replace("<br>", " ") == phase.backward.text


def test_regions_on_the_ground_are_hatched_outlined_and_named_not_just_coloured() -> None:
    fig = contact_sequence_figure(PHASES, active=0)
    backward_heel = fig.data[len(FOOT_REGIONS) + 1 + FOOT_REGIONS.index("heel")]
    backward_toes = fig.data[len(FOOT_REGIONS) + 1 + FOOT_REGIONS.index("toes")]
    assert backward_toes.fillpattern.shape == "/"
    assert backward_toes.line.width == 3
    assert backward_heel.fillpattern.shape == ""
    assert backward_heel.line.dash == "dot"
    labels = fig.data[2 * len(FOOT_REGIONS) + 1].text
    assert labels[FOOT_REGIONS.index("toes")] == "<b>Toes</b><br>on ground"
    assert labels[FOOT_REGIONS.index("heel")] == "Heel"


def test_active_phase_sets_the_first_drawing() -> None:
    fig = contact_sequence_figure(PHASES, active=2)
    assert fig.layout.sliders[0].active == 2
    assert "leaves from the ball" in fig.layout.annotations[3].text.replace("<br>", " ")


def test_a_phase_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValueError, match="Phase 4 does not exist: there are 3 phases"):
        contact_sequence_figure(PHASES, active=3)
    with pytest.raises(ValueError, match="at least one phase"):
        contact_sequence_figure([])


def test_unknown_foot_region_is_refused() -> None:
    bad = [{"name": "X", "forward": {"regions": ["ankle"], "text": "?"}, "backward": None}]
    with pytest.raises(ValueError, match="ankle is not a part of the schematic foot"):
        contact_phases(bad)


def test_contact_table_writes_every_phase_out() -> None:
    table = learn_charts.contact_table(PHASES)
    assert table["Phase"].tolist() == [
        "1 \u00b7 Touch-down",
        "2 \u00b7 Mid-stance",
        "3 \u00b7 Push-off",
    ]
    assert table["Backward"].iloc[0].startswith("The toes and the ball of the foot")


# --- Getting started: the plan -----------------------------------------------------------


def test_plan_runs_eight_weeks_walking_before_running() -> None:
    assert [week.week for week in WEEKS] == list(range(1, 9))
    assert [week.mode for week in WEEKS] == ["walk"] * 4 + ["run"] * 4


def test_plan_carries_the_seed_progressions() -> None:
    text = " ".join(f"{week.what} {week.notes}" for week in WEEKS)
    times, en_dash = "\u00d7", "\u2013"
    for step in (
        "15 backward for every 100 forward",
        f"2 {times} 30 s",
        f"3 to 4 {times} 30 s",
        "quarter of the loop",
        "1/8 mile",
        "5 steps forward, hold 2 s",
    ):
        assert step in text, step
    assert WEEKS[1].minutes == f"5{en_dash}10"  # the "5-10 minutes daily" start


def test_every_plan_step_names_its_sources() -> None:
    # `refs` is optional for a week; the library already refused any key not in references.yaml.
    assert [week.week for week in WEEKS if not week.refs] == []


def test_the_plan_for_a_phone_has_one_card_per_week_in_order() -> None:
    cards = plan_cards(WEEKS)
    assert len(cards) == len(WEEKS) == 8
    for week, card in zip(WEEKS, cards, strict=True):
        assert card.startswith(f"**Week {week.week} · {week.mode}** · Backward minutes: ")
        assert week.minutes in card.splitlines()[0]


def test_plan_table_has_one_row_per_week() -> None:
    table = plan_table(WEEKS)
    assert table.columns.tolist() == ["Week", "What to do", "Backward minutes", "Notes"]
    assert table["Week"].tolist()[3:5] == ["4 · walk", "5 · run"]
    assert len(table) == 8


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"week": 2}, "weeks must run 1, 2, 3"),
        ({"mode": "swim"}, "'mode' must be 'walk' or 'run'"),
        ({"minutes": ""}, "needs 'minutes'"),
        ({"what": None}, "needs the text field 'what'"),
    ],
)
def test_bad_plan_weeks_are_refused(entry: dict[str, Any], message: str) -> None:
    week = {"week": 1, "mode": "walk", "what": "Walk.", "minutes": "5", "notes": "Slowly."}
    with pytest.raises(ValueError, match=message):
        plan_weeks([{**week, **entry}])


def test_numeric_minutes_are_accepted_as_text() -> None:
    week = {"week": 1, "mode": "run", "what": "Run.", "minutes": 10, "notes": "Easy."}
    assert plan_weeks([week])[0].minutes == "10"


# --- Notable users and records: the timeline -------------------------------------------------


def event(label_part: str) -> learn_charts.TimelineEvent:
    [found] = [e for e in EVENTS if label_part in e.label]
    return found


def test_guinness_records_are_on_the_timeline_with_their_values_and_years() -> None:
    # Aretz's 1:40:29 half marathon (2009) became a record when its Guinness entry was found
    # (content fix of issue 12).
    records = (
        ("5:54.25", 2015),
        ("13.6 s", 1991),
        ("3:43:39", 2004),
        ("9:14", 2020),
        ("1:40:29", 2009),
    )
    for label, year in records:
        record = event(label)
        assert record.year == year
        assert record.level.id == "record"
    assert event("5:54.25").refs[0] == "guinness2016"
    assert event("Pandya").year == 1984
    assert "107 days" in event("Pandya").detail


def test_unratified_marks_are_not_shown_as_records() -> None:
    for label in ("5:30", "3:25:24", "4:26:06"):
        assert event(label).level.id == "anecdote", label


def test_legend_stories_are_marked_unconfirmed() -> None:
    for name in ("Tunney", "Ali", "Reeves"):
        story = event(name)
        assert story.level.id == "unconfirmed"
        refs = LIBRARY.references
        assert any(refs[key].level.id == "unconfirmed" for key in story.refs), name


def test_events_are_in_year_order() -> None:
    years = [e.year for e in EVENTS]
    assert years == sorted(years)
    assert years[0] == 1875


def test_backward_mile_record_speed_in_the_text_is_worked_out() -> None:
    # 5:54.25 = 354.25 s; 1609.344 m / 354.25 s = 4.54 m/s ("about 4.5 m/s")
    assert pytest.approx(4.54, abs=0.005) == 1609.344 / (5 * 60 + 54.25)
    assert "about 4.5 m/s" in event("5:54.25").detail


def test_timeline_markers_have_a_shape_and_a_written_badge_per_level() -> None:
    fig = timeline_figure(EVENTS)
    symbols = {trace.name: trace.marker.symbol for trace in fig.data}
    assert len(set(symbols.values())) == len(symbols)  # one shape per level
    for trace in fig.data:
        badge = trace.name.split("]")[0].strip("[")
        assert set(trace.text) == {badge}
    assert symbols["[record] Official record"] == LEVEL_SYMBOLS["record"] == "star"
    assert symbols["[unconfirmed] Claimed, unconfirmed"] == "x-thin-open"
    shown = sorted((y, trace.name) for trace in fig.data for y in trace.y)
    assert len(shown) == len(EVENTS)


def test_timeline_rows_show_year_and_label_and_hover_has_no_raw_markers() -> None:
    fig = timeline_figure(EVENTS)
    rows = [y for trace in fig.data for y in trace.y]
    assert "2015 · Yoder, mile 5:54.25" in rows
    assert "1991 · Adoboe, 100 m 13.6 s" in rows
    assert fig.layout.yaxis.categoryarray[-1].startswith("1875")  # oldest at the top
    details = [d for trace in fig.data for d in trace.customdata]
    assert not any("[@" in d for d in details)


def test_timeline_list_keeps_markers_for_the_page_to_link() -> None:
    listing = learn_charts.timeline_markdown(EVENTS)
    assert listing.count("\n- ") == len(EVENTS) - 1
    assert "[@guinness2016]" in listing
    assert "*Evidence: [unconfirmed] Claimed, unconfirmed.*" in listing


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"level": "rumour"}, "evidence level 'rumour' is not in the legend"),
        ({"year": "1991"}, "four-digit year"),
        ({"year": 91}, "four-digit year"),
        ({"refs": "guinness2016"}, "needs 'refs'"),
    ],
)
def test_bad_timeline_entries_are_refused(change: dict[str, Any], message: str) -> None:
    entry = {
        "year": 1991,
        "label": "L",
        "detail": "D.",
        "level": "record",
        "refs": ["guinness2016"],
    }
    with pytest.raises(ValueError, match=message):
        timeline_events([{**entry, **change}])


def test_empty_blocks_are_refused() -> None:
    for parse in (contact_phases, knee_load_studies, plan_weeks, timeline_events):
        with pytest.raises(ValueError, match="non-empty list"):
            parse([])


def test_citations_are_stripped_cleanly() -> None:
    assert strip_citations("A [@a]; B [@b; @c], C.") == "A; B, C."


def test_timeline_table_has_every_event_with_its_year_and_level_in_words() -> None:
    table = timeline_table(EVENTS)
    assert len(table) == len(EVENTS)
    assert list(table.columns) == ["Year", "Event", "Evidence"]
    rows = {row.Event: row for row in table.itertuples(index=False)}
    mile = next(row for label, row in rows.items() if "5:54.25" in label)
    assert (mile.Year, mile.Evidence) == (2015, "Official record")
    tunney = next(row for label, row in rows.items() if "Tunney" in label)
    assert tunney.Evidence == evidence.LEVEL_BY_ID["unconfirmed"].label
    assert list(table["Year"]) == sorted(table["Year"])


def test_claims_table_puts_the_claim_beside_the_two_laboratories() -> None:
    chart = meta("myths")["chart"]
    table = claim_chart.table(claim_chart.parse_rows(chart["rows"]))
    rows = {row[0]: row[1:] for row in table.itertuples(index=False)}
    # 3-6 times the calories = 200-500 % more; Wright & Weyand 2001: +35 % (SE 6, n = 4).
    assert rows["\u201c3\u20136\u00d7 the calories\u201d"] == (
        "claimed",
        "+200 to +500 %",
        "no source found",
    )
    assert rows["Running 3.0 m/s"] == ("measured", "+35 \u00b1 6 %", "Wright & Weyand 2001, 4 men")
    assert rows["Walking 5 km/h, oxygen"][1] == "+48 %"  # Kim & Choi 2001
