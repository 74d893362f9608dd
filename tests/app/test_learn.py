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
from tests.conftest import APP, LIBRARY, figures, plain, run_page
from ui import learn

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


def in_order(node: Any) -> list[tuple[str, str]]:
    """Every element under `node` as (type, text), in the order the page shows them."""
    found: list[tuple[str, str]] = []
    for child in getattr(node, "children", {}).values():
        kind = str(getattr(child, "type", ""))
        text = (
            getattr(child, "value", None) if kind not in {"expandable", "flex_container"} else None
        )
        found.append((kind, str(text) if text is not None else str(getattr(child, "label", ""))))
        found += in_order(child)
    return found


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


@pytest.mark.parametrize("key", LEARN)
def test_learn_page_opens_with_its_key_points_and_ends_with_next(
    rendered: dict[str, AppTest], key: str
) -> None:
    at = rendered[key]
    content = LIBRARY.page(site.page(key).content)
    shown = in_order(at.main)
    texts = [text for kind, text in shown if kind == "markdown"]
    # Title, summary, then the key points as a short list, markers rendered (never raw).
    assert texts[1].startswith("**Key points**")
    assert texts[1].count("\n- ") == 3
    assert "[@" not in texts[1]
    for point in content.key_points:
        assert evidence.CITATION.sub("", point).split()[0] in texts[1]
    links = [link for link in at.get("page_link") if link.proto.label.startswith("Next: ")]
    following = site.next_page(key)
    if following is None:
        assert links == []
        return
    [link] = links
    assert link.proto.label == f"Next: {following.title}"
    assert link.proto.page == following.key
    # After the body and the quiz, before the sources.
    kinds = [kind for kind, _ in shown]
    at_next = max(i for i, kind in enumerate(kinds) if kind == "page_link")
    assert "radio" not in kinds[at_next:]
    assert shown.index(("header", "Sources")) > at_next


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
    # Drawn row by row, in the content's order, which a phone keeps when it stacks the columns
    # (two columns filled one after the other read 1, 3, 2, 4 there).
    order = [fact["label"] for fact in LIBRARY.page("home").page.meta["facts"]]
    assert [metric.label for metric in at.metric] == order


def test_home_offers_start_here_first(rendered: dict[str, AppTest]) -> None:
    at = rendered[site.HOME]
    first = at.get("page_link")[: site.START_HERE_PAGES]
    assert [link.proto.page for link in first] == ["why-backward", "getting-started", "heart-rate"]
    assert [link.proto.label for link in first] == [
        "1. Why go backward",
        "2. Getting started",
        "3. Heart-rate zones",
    ]
    shown = in_order(at.main)
    # Right under the title (in its box), before the introduction and the facts.
    start = shown.index(("subheader", "Start here"))
    assert shown[0][0] == "title"
    assert start <= 2
    assert start < shown.index(("header", "Four measured facts"))


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


def reference_headers(at: AppTest) -> list[str]:
    levels = {f"[{level.badge}] {level.label}" for level in evidence.LEVELS}
    return [h.value for h in at.header if h.value in levels]


def test_references_can_be_searched_by_words_in_any_case() -> None:
    at = run_page("references")
    assert at.caption[0].value == f"All {len(LIBRARY.references)} sources"
    at.text_input(key="ref_query").set_value("WEYAND ground force").run()
    assert at.caption[0].value == f"1 of {len(LIBRARY.references)} sources"
    assert reference_headers(at) == ["[lab] Lab study (small n)"]
    assert any("Wright S, Weyand PG (2001)" in m.value for m in at.markdown)


def test_references_filter_by_level_and_by_citing_page() -> None:
    at = run_page("references")
    at.button_group(key="ref_levels").set_value(["trial"]).run()
    assert reference_headers(at) == ["[trial] Controlled trial"]
    at.multiselect(key="ref_topics").set_value(["muscles"]).run()
    # Trials cited on Muscle activation: the knee osteoarthritis trial.
    keys = LIBRARY.find(levels=["trial"], topics=["muscles"])
    assert "alghadir2019" in keys
    assert at.caption[0].value == f"{len(keys)} of {len(LIBRARY.references)} sources"
    shown = [
        m.value for m in at.markdown if m.value.startswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    ]
    assert any("Alghadir AH" in text for text in shown)


@pytest.mark.parametrize("typed", ["<script>alert(1)</script>", "**bold** [x](javascript:1)"])
def test_a_search_is_never_written_back_onto_the_page(typed: str) -> None:
    at = run_page("references")
    at.text_input(key="ref_query").set_value(typed).run()
    assert not at.exception
    assert at.info[0].value.startswith("No source matches")
    everything = all_text(at) + " ".join(e.value for e in at.info)
    assert typed not in everything
    assert "alert(1)" not in everything


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
    # The page shows the contact table beside the figure (its wording: test_learn_charts.py).
    assert len(at.table[0].value["Phase"]) == len(slider["steps"])


def test_knee_figure_carries_the_published_forces(rendered: dict[str, AppTest]) -> None:
    figure = figure_named(rendered["toe-to-heel"], "Forward (solid)")
    bars = {trace["name"]: trace for trace in figure["data"] if trace.get("type") == "bar"}
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
    rows = [plain(y) for trace in figure["data"] for y in trace["y"]]
    for record in ("5:54.25", "13.6 s", "3:43:39"):
        assert any(record in row for row in rows), record
    names = [trace["name"] for trace in figure["data"]]
    assert "[record] Official record" in names
    assert "*Evidence: [record] Official record.*" in all_text(at)


def test_rehab_page_says_when_to_see_a_clinician_near_the_top(
    rendered: dict[str, AppTest],
) -> None:
    at = rendered["rehab-safety"]
    assert "Parkinson" in all_text(at)
    shown = in_order(at.main)
    # A callout right after the key points, before the legend and the body.
    [callout] = [i for i, (kind, text) in enumerate(shown) if "Stop, and see a clinician" in text]
    assert shown[callout][0] == "warning"
    body = next(i for i, (_, text) in enumerate(shown) if "What the evidence says" in text)
    assert callout < body
    assert callout < [kind for kind, _ in shown].index("expander")  # the evidence legend


QUIZ = [page.key for page in site.in_section("Learn") if LIBRARY.page(page.content).quiz]


def test_the_quiz_pages_are_the_technique_and_rehab_pages() -> None:
    assert set(QUIZ) >= {"muscles", "toe-to-heel", "posture", "rehab-safety", "getting-started"}
    for key in QUIZ:
        assert 2 <= len(LIBRARY.page(site.page(key).content).quiz) <= 3


def quiz_options(at: AppTest) -> list[list[str]]:
    return [list(radio.options) for radio in at.radio if radio.key.startswith("quiz-")]


def test_quiz_options_are_shuffled_per_session_and_stay_put_within_it() -> None:
    orders = []
    for seed in (1, 2, 3):
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.session_state[learn.QUIZ_SEED] = seed
        at.run()
        at.switch_page(site.page("muscles").script).run()
        before = quiz_options(at)
        at.run()
        assert quiz_options(at) == before  # a rerun keeps the order
        assert not any(param == learn.QUIZ_SEED for param in at.query_params)  # never the URL
        orders.append(before)
    written = [list(q.options) for q in LIBRARY.page("muscles").quiz]
    assert any(order != written for order in orders)
    assert len({str(order) for order in orders}) > 1


def test_a_new_session_gets_its_own_seed() -> None:
    at = run_page("posture")
    seed = at.session_state[learn.QUIZ_SEED]
    assert isinstance(seed, int)
    at.run()
    assert at.session_state[learn.QUIZ_SEED] == seed


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


def test_muscle_page_draws_the_emg_chart_with_levels_written_on(
    rendered: dict[str, AppTest],
) -> None:
    at = rendered["muscles"]
    [figure] = figures(at)
    notes = [plain(note["text"].replace("<br>", " ")) for note in figure["layout"]["annotations"]]
    assert any("\u00b7 [lab] walking, 2.5 mph" in note for note in notes)
    assert any("\u00b7 [expert] running" in note for note in notes)
    assert any("directions only" in c.value for c in at.caption)


def test_posture_page_draws_a_labelled_schematic(rendered: dict[str, AppTest]) -> None:
    at = rendered["posture"]
    [figure] = figures(at)
    assert (
        figure["layout"]["annotations"][0]["text"] == "<i>Schematic drawing, not a measurement</i>"
    )
    assert any(c.value.startswith("A schematic, not a measurement") for c in at.caption)
