"""The Learn pages and home through app.py (AppTest): each renders from the navigation with its
sources, its figures carry the cited numbers, the quizzes answer back, and home links every page.

Pages come from the page registry, so a page added to the Learn section is tested at once. Each
page is rendered once per module and shared by the checks that only read it.
"""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from retroedu import site
from retroedu.content import evidence
from tests.conftest import LIBRARY, figures, run_page

LEARN = [page.key for page in site.in_section("Learn")]
MISSION_TOPICS = ["muscle activation", "toe-to-heel", "posture", "Tunney", "Ali", "Reeves"]


def all_text(at: AppTest) -> str:
    """Everything the page writes: headings, Markdown, captions, expander and radio labels."""
    parts: list[Any] = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption")
        for e in at.get(kind)
    ]
    parts += [e.label for e in at.expander]
    parts += [e.label for e in at.radio]
    parts += [e.proto.body for kind in ("success", "warning") for e in at.get(kind)]
    return "\n".join(str(part) for part in parts)


def figure_named(at: AppTest, trace_name: str) -> dict[str, Any]:
    [found] = [fig for fig in figures(at) if any(t.get("name") == trace_name for t in fig["data"])]
    return found


@pytest.fixture(scope="module")
def rendered() -> dict[str, AppTest]:
    return {key: run_page(key) for key in [*LEARN, site.HOME]}


@pytest.mark.parametrize("key", LEARN)
def test_learn_page_renders_with_every_source_it_cites(
    rendered: dict[str, AppTest], key: str
) -> None:
    at = rendered[key]
    assert not at.exception, [e.value for e in at.exception]
    content = LIBRARY.page(site.page(key).content)
    assert [t.value for t in at.title] == [content.page.title]
    text = all_text(at)
    assert "[@" not in text, "a raw citation marker is shown"
    if key == "references":
        return  # its own test below
    assert any("legend" in e.label.lower() for e in at.expander), "no evidence legend"
    for source in content.sources:
        assert f'<a id="src-{source}"></a>' in text, f"{key}: source {source} not listed"
    for source in evidence.cited_keys(content.page.body):  # quiz markers show only after an answer
        assert f"](#src-{source} " in text, f"{key}: no marker links to {source}"


def test_the_learn_section_covers_the_mission_topics(rendered: dict[str, AppTest]) -> None:
    text = "\n".join(all_text(rendered[key]) for key in LEARN).lower()
    assert [topic for topic in MISSION_TOPICS if topic.lower() not in text] == []


def test_home_links_every_page_and_cites_its_facts(rendered: dict[str, AppTest]) -> None:
    at = rendered[site.HOME]
    facts = [m.value for m in at.markdown if m.value.startswith("Sources: ")]
    assert len(facts) == 4
    assert "\u00a0·\u00a0lab](#src-wright2001 " in facts[0]
    linked = {link.proto.page for link in at.get("page_link")}
    assert linked == {page.key for page in site.PAGES} - {site.HOME}
    assert [h.value for h in at.header][1:4] == ["Learn", "Calculate", "Present"]


def test_references_page_groups_by_level_and_links_back_to_citing_pages(
    rendered: dict[str, AppTest],
) -> None:
    at = rendered["references"]
    headers = [h.value for h in at.header]
    levels = [f"[{level.badge}] {level.label}" for level in evidence.LEVELS]
    shown = [h for h in headers if h in levels]
    assert shown == [level for level in levels if level in shown]  # strongest first
    text = all_text(at)
    for ref in LIBRARY.references.values():
        assert evidence.escape_markdown(ref.title) in text, ref.key
    links = {link.proto.label for link in at.get("page_link")}
    assert {"Why go backward", "Muscle activation", "Posture", "Myths and evidence"} <= links


def test_myths_chart_sets_the_claim_against_the_measurements(
    rendered: dict[str, AppTest],
) -> None:
    (figure,) = figures(rendered["myths"])
    bars = {
        trace["name"]: trace
        for trace in figure["data"]
        if "error_x" not in trace or not trace["error_x"].get("visible")
    }
    assert {"measured", "claimed"} <= set(bars)
    assert bars["claimed"]["marker"]["pattern"]["shape"] == "/"  # not colour alone
    # The claim "3 to 6 times" is +200 to +500 %: a bar from 200 of length 300.
    assert bars["claimed"]["base"][0] == 200
    assert bars["claimed"]["x"][0] == 300


def test_contact_figure_carries_the_slider_steps(rendered: dict[str, AppTest]) -> None:
    at = rendered["toe-to-heel"]
    figure = figure_named(at, "Backward: Heel")
    [slider] = figure["layout"]["sliders"]
    assert [step["label"] for step in slider["steps"]] == [
        "1 Touch-down",
        "2 Mid-stance",
        "3 Push-off",
    ]
    assert any("Schematic drawing" in c.value for c in at.caption)
    assert at.table[0].value["Phase"].tolist() == [
        "1. Touch-down",
        "2. Mid-stance",
        "3. Push-off",
    ]


def test_knee_figure_carries_the_published_forces(rendered: dict[str, AppTest]) -> None:
    figure = figure_named(rendered["toe-to-heel"], "Forward (solid)")
    bars = {trace["name"]: trace for trace in figure["data"]}
    # Flynn & Soutas-Little 1995: 5.6 vs 3.0 BW; Roos et al. 2012: 4.5 vs 3.4 BW; thesis 3.4 vs 3.5
    assert bars["Forward (solid)"]["y"] == [5.6, 4.5, 3.4]
    assert bars["Backward (hatched)"]["y"] == [3.0, 3.4, 3.5]
    assert bars["Backward (hatched)"]["marker"]["pattern"]["shape"] == "/"


def test_plan_table_shows_all_eight_weeks(rendered: dict[str, AppTest]) -> None:
    plan = rendered["getting-started"].table[0].value
    assert plan["Week"].tolist() == [f"{n} · walk" for n in range(1, 5)] + [
        f"{n} · run" for n in range(5, 9)
    ]


def test_timeline_shows_the_records_with_their_levels(rendered: dict[str, AppTest]) -> None:
    at = rendered["notable-users"]
    [figure] = figures(at)
    rows = [y for trace in figure["data"] for y in trace["y"]]
    for record in ("5:54.25", "13.6 s", "3:43:39"):
        assert any(record in row for row in rows), record
    names = [trace["name"] for trace in figure["data"]]
    assert "[record] Official record" in names
    assert "*Evidence: [record] Official record.*" in all_text(at)


def test_rehab_page_says_when_to_see_a_clinician(rendered: dict[str, AppTest]) -> None:
    text = all_text(rendered["rehab-safety"])
    assert "Stop, and see a clinician, if" in text
    assert "Parkinson" in text


QUIZ = [page.key for page in site.in_section("Learn") if LIBRARY.page(page.content).quiz]


def test_the_quiz_pages_are_the_technique_and_rehab_pages() -> None:
    assert set(QUIZ) >= {"muscles", "toe-to-heel", "posture", "rehab-safety", "getting-started"}
    for key in QUIZ:
        assert 2 <= len(LIBRARY.page(site.page(key).content).quiz) <= 3


@pytest.mark.parametrize("key", QUIZ)
def test_quiz_gives_instant_feedback_and_stores_nothing(key: str) -> None:
    name = site.page(key).content
    quiz = LIBRARY.page(name).quiz
    at = run_page(key)
    for number, question in enumerate(quiz, start=1):
        radio_key = f"quiz-{name}-{number}"
        wrong = next(i for i in range(len(question.options)) if i != question.answer)
        at.radio(key=radio_key).set_value(question.options[wrong]).run()
        assert not at.exception
        assert at.warning[-1].value.startswith("**Not quite.**")
        assert question.options[question.answer] in at.warning[-1].value
        at.radio(key=radio_key).set_value(question.options[question.answer]).run()
        assert at.success[-1].value.startswith("**Correct.**")
        assert "[@" not in at.success[-1].value
    # Answers are not put in the link.
    assert not any(param.startswith("quiz-") for param in at.query_params)
