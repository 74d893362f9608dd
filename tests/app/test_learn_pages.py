"""Learn pages through app.py (AppTest): each renders, shows its sources, and the quizzes answer back.

The Learn pages are read from the page registry, so a page added to the Learn section is tested
the moment it is registered.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from retroedu import site
from retroedu.content import evidence
from tests.conftest import figures, run_page

# The order the issue asks for; pages written later slot into it.
ISSUE_ORDER = [
    "Why go backward",
    "Muscle activation",
    "Toe-to-heel contact",
    "Posture",
    "Rehab and safety",
    "Getting started",
    "Notable users and records",
    "Myths and evidence",
    "References",
]
QUIZ_PAGES = {
    "Muscle activation",
    "Toe-to-heel contact",
    "Posture",
    "Rehab and safety",
    "Getting started",
}
MISSION_TOPICS = ["muscle activation", "toe-to-heel", "posture", "Tunney", "Ali", "Reeves"]


LEARN = [(page.key, page.title) for page in site.in_section("Learn")]
SCRIPTS = {title: key for key, title in LEARN}


def content_name(key: str) -> str:
    return site.page(key).content


def all_text(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption")
        for e in at.get(kind)
    ]
    parts += [e.label for e in at.expander]
    parts += [str(e.label) for e in at.radio]
    parts += [str(e.proto.body) for kind in ("success", "warning") for e in at.get(kind)]
    return "\n".join(str(part) for part in parts)


def test_learn_section_follows_start_in_the_issue_order() -> None:
    assert site.SECTIONS.index("Learn") == site.SECTIONS.index("Start") + 1
    titles = [title for _, title in LEARN]
    assert titles == [title for title in ISSUE_ORDER if title in titles]
    assert {
        "Why go backward",
        "Muscle activation",
        "Posture",
        "Myths and evidence",
        "References",
    } <= set(titles)


@pytest.mark.parametrize(("script", "title"), LEARN, ids=[key for key, _ in LEARN])
def test_learn_page_renders_and_shows_its_sources(script: str, title: str) -> None:
    at = run_page(script)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{script} shows no title"
    text = all_text(at)
    if title == "References":
        return  # its own test below
    learn = evidence.learn_page(content_name(script))
    assert learn.sources, f"{script} cites nothing"
    assert "Sources" in [h.value for h in at.header]
    assert any("legend" in e.label.lower() for e in at.expander), "no evidence legend"
    for key in learn.sources:
        assert f'<a id="src-{key}"></a>' in text, f"{script}: source {key} not listed"
    for key in evidence.cited_keys(learn.page.body):  # quiz markers show only after an answer
        assert f"](#src-{key} " in text, f"{script}: no marker links to {key}"
    assert "**Evidence: " in text
    assert "[@" not in text, f"{script} shows a raw citation marker"


@pytest.mark.parametrize("title", sorted(QUIZ_PAGES))
def test_teach_back_pages_have_two_or_three_questions(title: str) -> None:
    if title not in SCRIPTS:
        pytest.skip(f"{title} is not registered yet")
    learn = evidence.learn_page(content_name(SCRIPTS[title]))
    assert 2 <= len(learn.quiz) <= 3


def test_mission_topics_are_covered_by_the_learn_section() -> None:
    text = "\n".join(all_text(run_page(script)) for script, *_ in LEARN)
    missing = [topic for topic in MISSION_TOPICS if topic.lower() not in text.lower()]
    assert missing == []


@pytest.mark.parametrize("title", ["Muscle activation", "Posture"])
def test_quiz_gives_instant_feedback_for_right_and_wrong_answers(title: str) -> None:
    script = SCRIPTS[title]
    learn = evidence.learn_page(content_name(script))
    at = run_page(script)
    first = learn.quiz[0]
    radio = at.radio(key=f"quiz-{learn.page.name}-1")
    assert radio.value is None
    assert not at.success
    assert not at.warning

    radio.set_value(first.options[first.answer]).run()
    assert not at.exception
    assert len(at.success) == 1
    assert at.success[0].value.startswith("**Correct.**")

    wrong = next(i for i in range(len(first.options)) if i != first.answer)
    at.radio(key=f"quiz-{learn.page.name}-1").set_value(first.options[wrong]).run()
    assert len(at.warning) == 1
    assert not at.success
    assert first.options[first.answer] in at.warning[0].value  # the right answer is shown


def test_myths_chart_sets_the_claim_against_the_measurements() -> None:
    at = run_page(SCRIPTS["Myths and evidence"])
    (figure,) = figures(at)
    bars = {
        trace["name"]: trace
        for trace in figure["data"]
        if "error_x" not in trace or not trace["error_x"].get("visible")
    }
    assert set(bars) == {"measured", "claimed"}
    assert bars["claimed"]["marker"]["pattern"]["shape"] == "/"  # not colour alone
    assert all(text.strip().startswith("claimed:") for text in bars["claimed"]["text"])
    # the claim "3 to 6 times" is +200 to +500 %: a bar from 200 of length 300
    assert bars["claimed"]["base"] == [200]
    assert bars["claimed"]["x"] == [300]
    assert max(bars["measured"]["x"]) == 48  # the largest measured value, Kim & Choi 2001


def test_references_page_groups_by_level_and_links_back_to_citing_pages() -> None:
    at = run_page(SCRIPTS["References"])
    assert not at.exception
    headers = [h.value for h in at.header]
    levels = [f"[{level.badge}] {level.label}" for level in evidence.LEVELS]
    shown = [h for h in headers if h in levels]
    assert shown == [level for level in levels if level in shown]  # strongest first
    assert "[unconfirmed] Claimed, unconfirmed" in shown
    text = all_text(at)
    for ref in evidence.references().values():
        assert evidence.escape_markdown(ref.title) in text, ref.key
    links = {link.proto.label for link in at.get("page_link")}
    assert {"Why go backward", "Muscle activation", "Posture", "Myths and evidence"} <= links


def test_home_facts_cite_through_the_evidence_system_and_link_to_every_page() -> None:
    at = run_page("home")
    assert not at.exception
    # Normal text, not a caption: the faded caption colour failed contrast for the source links.
    captions = [m.value for m in at.markdown if m.value.startswith("Sources: ")]
    assert len(captions) == 4
    assert "\u00a0·\u00a0lab](#src-wright2001 " in captions[0]
    assert "Sources" in [h.value for h in at.header]
    # Every page the registry lists, except home itself.
    linked = {link.proto.page for link in at.get("page_link")}
    assert linked == {page.key for page in site.PAGES} - {site.HOME}
    assert [h.value for h in at.header][1:4] == ["Learn", "Calculate", "Present"]
