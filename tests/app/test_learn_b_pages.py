"""Toe-to-heel contact, Rehab and safety, Getting started, Notable users: through app.py (AppTest).

Each page renders from the navigation without an exception, lists its sources, sends figures that
carry the cited numbers, shows the plan week by week, and answers the teach-back questions.
"""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from retroedu import site
from retroedu.content import evidence
from tests.conftest import figures, run_page

PAGES = {
    name: site.BY_CONTENT[name].key
    for name in ("toe_to_heel", "rehab_safety", "getting_started", "notable_users")
}
QUIZ = ["toe_to_heel", "rehab_safety", "getting_started"]


def markdown_text(at: AppTest) -> str:
    kinds = ("title", "header", "subheader", "markdown", "caption")
    return "\n".join(str(element.value) for kind in kinds for element in at.get(kind))


def figure_named(at: AppTest, trace_name: str) -> dict[str, Any]:
    [found] = [fig for fig in figures(at) if any(t.get("name") == trace_name for t in fig["data"])]
    return found


@pytest.fixture(scope="module", params=list(PAGES))
def rendered(request: pytest.FixtureRequest) -> tuple[str, AppTest]:
    name: str = request.param
    return name, run_page(PAGES[name])


def test_page_renders_through_the_navigation_with_its_sources(
    rendered: tuple[str, AppTest],
) -> None:
    name, at = rendered
    assert not at.exception, [e.value for e in at.exception]
    learn = evidence.learn_page(name)
    assert [t.value for t in at.title] == [learn.page.title]
    assert "Sources" in [h.value for h in at.header]
    text = markdown_text(at)
    for key in learn.sources:
        assert f'<a id="src-{key}"></a>' in text, key
    assert "[@" not in text  # every marker became a numbered link


def test_contact_figure_spec_carries_the_slider_steps() -> None:
    at = run_page(PAGES["toe_to_heel"])
    figure = figure_named(at, "Backward: Heel")
    [slider] = figure["layout"]["sliders"]
    assert [step["label"] for step in slider["steps"]] == [
        "1 Touch-down",
        "2 Mid-stance",
        "3 Push-off",
    ]
    captions = [a["text"] for a in figure["layout"]["annotations"]]
    assert "The heel meets the ground first." in captions[2].replace("<br>", " ")
    assert "toe" in captions[1].lower()
    assert any("Schematic drawing" in c.value for c in at.caption)
    [table] = at.table
    assert table.value["Phase"].tolist() == ["1. Touch-down", "2. Mid-stance", "3. Push-off"]


def test_knee_figure_spec_carries_the_published_forces() -> None:
    at = run_page(PAGES["toe_to_heel"])
    figure = figure_named(at, "Forward (solid)")
    bars = {trace["name"]: trace for trace in figure["data"]}
    # Flynn & Soutas-Little 1995: 5.6 vs 3.0 BW; Roos et al. 2012: 4.5 vs 3.4 BW; thesis 3.4 vs 3.5
    assert bars["Forward (solid)"]["y"] == [5.6, 4.5, 3.4]
    assert bars["Backward (hatched)"]["y"] == [3.0, 3.4, 3.5]
    assert bars["Forward (solid)"]["error_y"]["array"] == [1.3, 1.5, None]
    assert bars["Backward (hatched)"]["marker"]["pattern"]["shape"] == "/"
    assert "n = 20" in bars["Forward (solid)"]["x"][1]


def test_plan_table_shows_all_eight_weeks() -> None:
    at = run_page(PAGES["getting_started"])
    [table] = at.table
    plan = table.value
    assert plan["Week"].tolist() == [f"{n} · walk" for n in range(1, 5)] + [
        f"{n} · run" for n in range(5, 9)
    ]
    assert "15 backward for every 100 forward" in " ".join(plan["What to do"])
    assert "practice" in markdown_text(at)  # the summary says no trial tested it


def test_timeline_figure_and_event_list_show_the_records() -> None:
    at = run_page(PAGES["notable_users"])
    [figure] = figures(at)
    rows = [y for trace in figure["data"] for y in trace["y"]]
    for record in ("5:54.25", "13.6 s", "3:43:39"):
        assert any(record in row for row in rows), record
    names = [trace["name"] for trace in figure["data"]]
    assert "[record] Official record" in names
    assert "[unconfirmed] Claimed, unconfirmed" in names
    text = markdown_text(at)
    label = evidence.escape_markdown("Yoder, mile 5:54.25")  # shown as typed, escaped for Markdown
    assert f"**2015 · {label}.**" in text
    assert "*Evidence: [record] Official record.*" in text
    assert "6:28" in text
    assert "unconfirmed" in text


def test_rehab_page_boxes_when_to_see_a_clinician() -> None:
    at = run_page(PAGES["rehab_safety"])
    text = markdown_text(at)
    assert "Stop, and see a clinician, if" in text
    assert "safety key" in text
    assert "half your forward walking speed" in text


@pytest.mark.parametrize("name", QUIZ)
def test_quiz_gives_instant_feedback_and_stores_nothing(name: str) -> None:
    learn = evidence.learn_page(name)
    assert 2 <= len(learn.quiz) <= 3
    at = run_page(PAGES[name])
    for number, question in enumerate(learn.quiz, start=1):
        key = f"quiz-{name}-{number}"
        wrong = next(i for i in range(len(question.options)) if i != question.answer)
        at.radio(key=key).set_value(question.options[wrong]).run()
        assert not at.exception
        assert at.warning[-1].value.startswith("**Not quite.**")
        assert question.options[question.answer] in at.warning[-1].value
        at.radio(key=key).set_value(question.options[question.answer]).run()
        assert at.success[-1].value.startswith("**Correct.**")
        assert "[@" not in at.success[-1].value
    # Answers are not put in the link, and a new visit starts with a blank quiz.
    assert not any(key.startswith("quiz-") for key in at.query_params)
    fresh = run_page(PAGES[name])
    assert all(fresh.radio(key=f"quiz-{name}-{n}").value is None for n in (1, 2))
