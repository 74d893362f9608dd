"""Sources, evidence levels and citations: bad content fails here, not on a reader's screen.

Covers: validation errors on crafted bad input; the library (`Library.load()`: tokens filled from
the models, a bad page named, references grouped by level); every registered page has valid
content; every reference is cited at least once and every key the models print exists; citation
markers and source lists render as specified; items the fact sheet marks UNVERIFIED appear only
with "unconfirmed" sources. The real content is the session's `LIBRARY` (tests/conftest.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from retroedu import site
from retroedu.content import evidence
from retroedu.content.evidence import LEVEL_BY_ID, LEVELS, check_page, parse_references
from retroedu.content.library import Library, fill_tokens
from retroedu.content.pages import parse_page
from retroedu.models import energy, heart
from tests.conftest import LIBRARY


def good_ref(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "authors": "Smith A, Jones B",
        "year": 2001,
        "title": "A title",
        "journal": "J Test",
        "url": "https://example.org/a",
        "level": "lab",
    }
    fields.update(changes)
    return {key: value for key, value in fields.items() if value is not None}


REFS = parse_references(
    {
        "smith2001": good_ref(),
        "lee2010": good_ref(authors="Lee C", year=2010, level="review", doi="10.1/x"),
        "claim_x": {
            "authors": "Blogs",
            "title": "“X works”",
            "journal": "Web",
            "level": "unconfirmed",
            "note": "Searched; no source.",
        },
    }
)


def page(text: str, front: str = "") -> evidence.LearnPage:
    return check_page(parse_page(f"---\ntitle: T\nsummary: S.\n{front}---\n{text}\n"), REFS)


# --- validation of references.yaml ---------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (good_ref(title=None), "'title' is missing"),
        (good_ref(authors="  "), "'authors' is missing or empty"),
        (good_ref(level="blog"), "evidence level 'blog' is not in the legend"),
        (good_ref(level=None), "'level' is missing"),
        (good_ref(url=None), "needs a doi, pmid or url"),
        (good_ref(url="ftp://example.org"), "must start with http"),
        (good_ref(year=85), "four-digit year"),
        (good_ref(year=True), "four-digit year"),
        (good_ref(colour="red"), "unknown field(s) colour"),
        (good_ref(url=True), "'url' must be text"),  # YAML's `url: yes`
        (good_ref(url=5), "the url must be a web address"),
        (good_ref(doi=False), "'doi' must be text"),
        (good_ref(url=None, level="unconfirmed"), "needs a 'note'"),
        ("not a mapping", "must be a mapping"),
    ],
)
def test_bad_reference_entries_are_rejected_with_a_reason(entry: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_references({"smith2001": entry})


@pytest.mark.parametrize("data", [None, [], {}, "text"])
def test_references_file_must_be_a_non_empty_mapping(data: object) -> None:
    with pytest.raises(ValueError, match="must map reference keys"):
        parse_references(data)


def test_bad_keys_are_rejected() -> None:
    with pytest.raises(ValueError, match="not a valid key"):
        parse_references({"Smith 2001": good_ref()})


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValueError, match=r"has 2 problem\(s\)"):
        parse_references({"a": good_ref(level="x"), "b": good_ref(journal="")})


def test_an_undated_claim_with_a_note_is_accepted() -> None:
    ref = REFS["claim_x"]
    assert ref.year is None
    assert ref.links() == []
    assert "(n.d.)" in ref.markdown()
    assert "**Evidence: claimed, unconfirmed**" in ref.markdown()


# --- validation of pages ---------------------------------------------------------------------


def test_unknown_reference_key_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"not in references\.yaml: nobody1999"):
        page("A claim [@nobody1999].")


def test_unknown_key_in_front_matter_refs_is_an_error() -> None:
    with pytest.raises(ValueError, match="nobody1999"):
        page("Body.", "refs: [smith2001, nobody1999]\n")


@pytest.mark.parametrize("marker", ["[@smith2001, @lee2010]", "[@ smith2001]", "[@]", "[@Smith]"])
def test_malformed_markers_are_errors(marker: str) -> None:
    with pytest.raises(ValueError, match="do not parse"):
        page(f"A claim {marker}.")


@pytest.mark.parametrize(
    ("quiz", "message"),
    [
        ("quiz: [{question: Q, options: [A, B], answer: 2, explain: E}]", "not one of the 2"),
        ("quiz: [{question: Q, options: [A, B], answer: true, explain: E}]", "must be the number"),
        ("quiz: [{question: Q, options: [A], answer: 0, explain: E}]", "two different"),
        ("quiz: [{question: Q, options: [A, A], answer: 0, explain: E}]", "two different"),
        ("quiz: [{question: Q, options: [A, B], answer: 0}]", "needs exactly"),
        ("quiz: [{question: '', options: [A, B], answer: 0, explain: E}]", "'question' must be"),
        ("quiz: just text", "must be a list"),
    ],
)
def test_malformed_quizzes_are_errors(quiz: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        page("Body.", quiz + "\n")


@pytest.mark.parametrize(
    "cards", ["cards: [{title: T}]", "cards: [{title: T, body: B, colour: red}]", "cards: {}"]
)
def test_malformed_cards_are_errors(cards: str) -> None:
    with pytest.raises(ValueError, match="card"):
        page("Body.", cards + "\n")


@pytest.mark.parametrize(
    "quiz",
    [
        "quiz: [{question: 'Is it so [@claim_x]?', options: [A, B], answer: 0, explain: E}]",
        "quiz: [{question: Q, options: ['A [@smith2001]', B], answer: 0, explain: E}]",
    ],
)
def test_a_marker_in_a_question_or_option_is_an_error(quiz: str) -> None:
    """A marker shows its level ("[17 · unconfirmed]"), which can give the answer away."""
    with pytest.raises(ValueError, match="may not carry citation markers"):
        page("Body.", quiz + "\n")


@pytest.mark.parametrize(
    "points",
    [
        "key_points: [One., Two.]",
        "key_points: [One., Two., Three., Four.]",
        "key_points: [A, '', C]",
    ],
)
def test_key_points_are_exactly_three_texts(points: str) -> None:
    with pytest.raises(ValueError, match="exactly 3"):
        page("Body.", points + "\n")


def test_key_points_are_cited_first_and_kept_in_order() -> None:
    learn = page("Body [@smith2001].", "key_points: ['A [@lee2010].', B., C.]\n")
    assert learn.key_points == ("A [@lee2010].", "B.", "C.")
    assert learn.sources == ("lee2010", "smith2001")  # the reader meets the key points first


@pytest.mark.parametrize(
    "callout", ["callout: {title: T}", "callout: {title: T, body: B, colour: red}", "callout: [T]"]
)
def test_a_callout_needs_a_title_and_a_body(callout: str) -> None:
    with pytest.raises(ValueError, match="callout"):
        page("Body.", callout + "\n")


def test_a_hook_may_appear_only_once() -> None:
    with pytest.raises(ValueError, match="same hook twice"):
        page("<!-- hook: chart -->\nText.\n<!-- hook: chart -->")


# --- numbering and rendering -------------------------------------------------------------------


def test_sources_are_numbered_in_order_of_first_citation_across_body_and_front_matter() -> None:
    learn = page(
        "First [@lee2010]. Second [@smith2001; @lee2010].",
        "quiz: [{question: Q, options: [A, B], answer: 1, explain: 'Because [@claim_x].'}]\n",
    )
    # body: lee2010 first (1), smith2001 second (2); then the quiz adds claim_x (3)
    assert learn.sources == ("lee2010", "smith2001", "claim_x")
    assert learn.numbers == {"lee2010": 1, "smith2001": 2, "claim_x": 3}
    assert learn.quiz[0].answer == 1


def test_markers_link_to_the_source_list_and_show_the_level_as_text() -> None:
    learn = page("Faster [@smith2001; @lee2010].")
    rendered = learn.render("Faster [@smith2001; @lee2010].")
    nbsp = "\u00a0"  # keeps "1 · lab" on one line
    assert rendered == (
        f"Faster \\[[1{nbsp}·{nbsp}lab](#src-smith2001 "
        '"Smith A, Jones B (2001). Lab study (small n)"), '
        f'[2{nbsp}·{nbsp}review](#src-lee2010 "Lee C (2010). Review or meta-analysis")\\].'
    )
    listing = learn.source_list()
    assert listing.startswith('1. <a id="src-smith2001"></a>Smith A, Jones B (2001). A title.')
    assert "**Evidence: lab study (small n)**" in listing
    assert '2. <a id="src-lee2010"></a>' in listing
    assert "[doi\\:10.1/x](https://doi.org/10.1/x)" in listing
    assert "<a id" not in learn.source_list(anchors=False)


def test_cite_renders_a_list_of_keys_like_a_marker() -> None:
    learn = page("Body.", "refs: [lee2010]\n")
    assert learn.cite(["lee2010"]) == learn.render("[@lee2010]")


def test_body_is_split_at_hooks_with_markers_rendered() -> None:
    learn = page("One [@smith2001].\n<!-- hook: chart -->\nTwo.")
    assert learn.hooks() == ["chart"]
    kinds = [kind for kind, _ in learn.chunks()]
    assert kinds == ["markdown", "hook", "markdown"]
    assert "#src-smith2001" in learn.chunks()[0][1]


def test_source_text_cannot_inject_markdown_or_html() -> None:
    refs = parse_references({"x": good_ref(title="<script>alert(1)</script> $x$ :red[y]")})
    text = refs["x"].markdown()
    assert "<script>" not in text
    assert r"\$x\$" in text
    assert r"\:red\[y\]" in text


# --- the real content ---------------------------------------------------------------------


def test_every_level_has_a_legend_entry_with_a_text_badge() -> None:
    assert [level.rank for level in LEVELS] == list(range(1, len(LEVELS) + 1))
    assert len({level.badge for level in LEVELS}) == len(LEVELS)
    legend = evidence.legend_markdown()
    for level in LEVELS:
        assert f"[{level.badge}] {level.label}" in legend
        assert level.meaning in legend
    assert {"review", "trial", "lab", "practice", "anecdote", "unconfirmed"} <= set(LEVEL_BY_ID)


def test_every_registered_page_has_a_content_file_that_validates() -> None:
    # Library.load() (in conftest) already refused any page with an unknown key or a bad marker;
    # here every page of the registry must have found its content file among them.
    missing = [name for name in site.BY_CONTENT if name not in LIBRARY.pages]
    assert missing == []
    assert "handout" in LIBRARY.pages  # words of the PDF, not a page of its own


LEARN_PAGES = [LIBRARY.page(page.content) for page in site.in_section("Learn")]


@pytest.mark.parametrize("learn", LEARN_PAGES, ids=lambda learn: learn.page.name)
def test_every_learn_page_opens_with_three_key_points(learn: evidence.LearnPage) -> None:
    assert len(learn.key_points) == evidence.KEY_POINTS
    assert all(len(point) <= 220 for point in learn.key_points), "a key point is a line or two"


def test_the_safety_box_is_the_rehab_pages_callout() -> None:
    rehab = LIBRARY.page("rehab_safety")
    assert rehab.callout is not None
    assert rehab.callout.title.startswith("Stop, and see a clinician, if")
    assert not [card for card in rehab.cards if "clinician" in card.title]


QUIZZES = [question for learn in LIBRARY.pages.values() for question in learn.quiz]


def test_no_question_or_option_carries_a_marker() -> None:
    """The "[17 · unconfirmed]" in a question gave its answer away."""
    for question in QUIZZES:
        for text in (question.question, *question.options):
            assert not evidence.CITATION_LIKE.search(text), text


def test_the_right_answer_is_not_mostly_the_first_option_in_content() -> None:
    positions = [question.answer for question in QUIZZES]
    assert len(QUIZZES) >= 10
    assert positions.count(0) <= len(positions) / 2, positions
    assert len(set(positions)) >= 2


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_right_answer_cannot_be_guessed_from_its_length(lang: str) -> None:
    """13 of 15 right answers were the longest, specific option against short vague ones: a
    reader could pick the longest and score well. The right answer is now the longest (or the
    shortest) about as often as chance would make it, a third of the time, and never in most."""
    quizzes = [q for page in Library.load(lang).pages.values() for q in page.quiz]
    longest = shortest = 0
    for question in quizzes:
        lengths = [len(option) for option in question.options]
        longest += lengths[question.answer] == max(lengths)
        shortest += lengths[question.answer] == min(lengths)
    assert longest <= 0.4 * len(quizzes), longest
    assert shortest <= 0.4 * len(quizzes), shortest


def test_shuffled_options_are_stable_for_a_seed_and_keep_the_right_answer() -> None:
    for question in QUIZZES:
        options, answer = question.shuffled(12345)
        assert (options, answer) == question.shuffled(12345)  # same session, same order
        assert sorted(options) == sorted(question.options)
        assert options[answer] == question.options[question.answer]


def test_the_right_answers_position_cannot_be_guessed_across_seeds() -> None:
    """Over every quiz and many sessions the right answer sits in every position, about equally
    often; no question keeps it in one place across sessions."""
    seeds = range(300)
    counts = [0, 0, 0]
    for question in QUIZZES:
        seen = {question.shuffled(seed)[1] for seed in seeds}
        assert len(seen) == len(question.options), question.question
        for seed in seeds:
            counts[question.shuffled(seed)[1]] += 1
    total = sum(counts)
    # Three options each: about a third in each place (binomial sd about 0.5 % of the total).
    assert all(abs(count / total - 1 / 3) < 0.05 for count in counts), counts


def test_one_seed_orders_different_questions_differently() -> None:
    positions = {question.shuffled(7)[1] for question in QUIZZES}
    assert len(positions) > 1


def test_every_reference_is_cited_at_least_once() -> None:
    uncited = [key for key, pages in LIBRARY.citing_pages().items() if not pages]
    assert uncited == [], f"listed in references.yaml but cited by no page: {uncited}"


def test_every_citation_key_the_models_print_is_a_reference() -> None:
    """The calculators print the models' own citation keys (constants, valid ranges, published
    points, formulas, zone methods); each must resolve to an entry of references.yaml."""
    keys = {key for c in energy.CONSTANTS.values() for key in c.citations}
    keys |= {key for mode in energy.MODES for key in mode.valid.citations}
    keys |= {point.citation for point in energy.REFERENCE_POINTS}
    keys |= {formula.citation for formula in heart.FORMULAS.values()}
    keys |= {key for model in heart.MODELS.values() for key in model.citations}
    assert sorted(keys - set(LIBRARY.references)) == []


def test_every_model_number_token_is_filled() -> None:
    """A `{{token}}` left in a page would print braces to a reader (a typo such as `{{K_walk}}`
    does not match the token pattern and would survive loading)."""
    left = [
        name
        for name, learn in LIBRARY.pages.items()
        for text in (learn.page.body, *evidence._strings(learn.page.meta))
        if "{{" in text or "}}" in text
    ]
    assert left == []
    # The backward-walking factor reaches the words from the model: k_walk = 1.6, band 1.5-1.7.
    band = LIBRARY.page("calories").page.meta["band_note"]
    assert "1.6 \u00d7 forward above rest on the level, band 1.5\u20131.7" in " ".join(band.split())


# --- the library: loading, filling and grouping -------------------------------------------------


def write_library(folder: Path, page_text: str) -> Path:
    (folder / "references.yaml").write_text(
        "smith2001: {authors: Smith A, year: 2001, title: T, journal: J, "
        "url: 'https://example.org/a', level: lab}\n",
        encoding="utf-8",
    )
    (folder / "a.md").write_text(page_text, encoding="utf-8")
    (folder / "README.md").write_text("Not a page: no front matter.\n", encoding="utf-8")
    return folder


def test_library_fills_tokens_and_skips_the_readme(tmp_path: Path) -> None:
    library = Library.load(
        folder=write_library(
            tmp_path, "---\ntitle: T\nsummary: S.\n---\nk = {{k_walk}} [@smith2001].\n"
        )
    )
    assert list(library.pages) == ["a"]
    assert library.page("a").page.body == "k = 1.6 [@smith2001]."
    assert library.citing("a") == ("smith2001",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: T\nsummary: S.\n---\n{{k_sprint}}\n", r"a\.md uses \{\{k_sprint\}\}"),
        ("---\ntitle: T\nsummary: S.\n---\nX [@nobody1999].\n", "nobody1999"),
        ("no front matter\n", "must start with YAML front matter"),
    ],
)
def test_a_bad_page_stops_the_library_naming_the_page(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Library.load(folder=write_library(tmp_path, text))


def test_fill_tokens_replaces_known_names_and_refuses_unknown_ones() -> None:
    assert fill_tokens("{{ a }} and {{b}}", {"a": "1", "b": "2"}, "x.md") == "1 and 2"
    with pytest.raises(ValueError, match=r"x\.md uses \{\{c\}\}, which no model provides"):
        fill_tokens("{{c}}", {"a": "1"}, "x.md")


#: Any whitespace a line may break at, then a unit (written out here, not the loader's pattern).
BREAK_BEFORE_UNIT = re.compile(r"[\d}][ \t\r\n]+(?:%|km/h|mph|bpm|kcal|kg|min|MET|m/s)(?![\w/])")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_unit_can_start_a_line_on_any_page(lang: str) -> None:
    """The loader joins numbers to units with a no-break space, model numbers and a script's
    `{placeholder}` included: the deck's "at 35 % more" broke before its "%" on a phone, and a
    number at a line's end in the file folded into a breakable space."""
    library = Library.load(lang)
    for name, page in library.pages.items():
        texts = [page.page.body, *evidence._strings(page.page.meta)]
        found = [hit.group() for text in texts for hit in BREAK_BEFORE_UNIT.finditer(text)]
        assert found == [], name
    deck = library.page("deck").page.meta["slides"][1]["detail"]
    assert "35\u00a0%" in deck


def test_an_unknown_page_name_lists_the_pages_there_are() -> None:
    with pytest.raises(ValueError, match="No content page 'heart-rate'; there are: calories"):
        LIBRARY.page("heart-rate")  # a page key, not a content name


def test_references_are_grouped_strongest_level_first_then_by_author_and_year() -> None:
    refs = parse_references(
        {
            "zed2001": good_ref(authors="Zed A", level="lab"),
            "abe2005": good_ref(authors="abe B", year=2005, level="lab"),
            "abe1999": good_ref(authors="Abe B", year=1999, level="lab"),
            "rev2010": good_ref(authors="Rev C", year=2010, level="review"),
        }
    )
    library = Library(pages={}, references=refs)
    grouped = library.by_level(["zed2001", "abe2005", "rev2010", "abe1999"])
    assert [(level.id, [ref.key for ref in members]) for level, members in grouped] == [
        ("review", ["rev2010"]),
        ("lab", ["abe1999", "abe2005", "zed2001"]),
    ]


# --- UNVERIFIED items only ever appear as unconfirmed claims ---------------------------------

BACKWARD = r"backward|reverse|retro"

# Items shared/reference/science.md marks UNVERIFIED: (what, pattern, second pattern or None).
# A sentence matching both patterns must cite a source whose level is "unconfirmed".
UNVERIFIED = [
    ("walking VO2 +78 % / heart rate +47 % (origin not found)", r"(?<![\d.,])(78|47)\s*%", None),
    ("Gene Tunney ran backward", r"\bTunney\b", BACKWARD),
    ("Muhammad Ali ran backward", r"\bAli\b", BACKWARD),
    ("Bruce Lee or Sugar Ray Leonard ran backward", r"Bruce Lee|Sugar Ray", BACKWARD),
    ("Steve Reeves went backward", r"\bReeves\b", BACKWARD),
    ("New York Road Runners backward mile and times", r"NYRR|New York Road Runners", None),
    ("backward running cures shin splints", r"shin[- ]splint|medial tibial stress|MTSS", None),
    ("vastus-medialis-specific activation", r"vastus medialis|inner quad", None),
    ("glute-specific activation", r"\bglute|gluteal", None),
]

# A sentence citing an unconfirmed source must say it is a claim, in one of these ways.
HEDGES = (
    "claim", "unconfirmed", "untested", "not sourced", "no source", "not found", "was found",
    "no study", "no trial", "no record", "could not", "myth", "story", "stories", "repeated",
    "said to", "often say", "believe", "“",
)  # fmt: skip


def sentences(text: str) -> list[str]:
    """Prose sentences of a Markdown text: headings and hook comments dropped, lists split."""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    text = re.sub(r"\b(e\.g|i\.e|et al|vs)\.", r"\1", text)
    blocks = re.split(r"\n\s*\n|\n\s*[-*] ", text)
    found = []
    for block in blocks:
        joined = re.sub(r"^[-*] ", "", " ".join(block.split()))
        found += [part for part in re.split(r"(?<=[.!?])\s+", joined) if part.strip()]
    return found


def page_sentences(learn: evidence.LearnPage) -> list[str]:
    texts = [learn.page.body, learn.page.title, *evidence._strings(learn.page.meta)]
    return [sentence for text in texts for sentence in sentences(text)]


def unconfirmed_keys(sentence: str) -> list[str]:
    refs = LIBRARY.references
    return [key for key in evidence.cited_keys(sentence) if refs[key].level.id == "unconfirmed"]


def test_sentence_splitter_keeps_markers_with_their_sentence() -> None:
    text = "## Head\nOne claim [@a]. Two, e.g. this [@b; @c].\n\n- **Item.** Three [@d].\n"
    assert sentences(text) == [
        "One claim [@a].",
        "Two, e.g this [@b; @c].",
        "**Item.** Three [@d].",
    ]


@pytest.mark.parametrize(("what", "pattern", "also"), UNVERIFIED, ids=[u[0] for u in UNVERIFIED])
def test_unverified_items_appear_only_with_unconfirmed_sources(
    what: str, pattern: str, also: str | None
) -> None:
    offending = []
    for learn in LIBRARY.pages.values():
        for sentence in page_sentences(learn):
            hit = re.search(pattern, sentence, re.IGNORECASE)
            both = hit and (also is None or re.search(also, sentence, re.IGNORECASE))
            if both and not unconfirmed_keys(sentence):
                offending.append(f"{learn.page.name}: {sentence}")
    assert offending == [], f"'{what}' stated without an unconfirmed source: {offending}"


def test_sentences_citing_unconfirmed_sources_flag_them_as_claims() -> None:
    unhedged = []
    for learn in LIBRARY.pages.values():
        for sentence in page_sentences(learn):
            if unconfirmed_keys(sentence) and not any(h in sentence.lower() for h in HEDGES):
                unhedged.append(f"{learn.page.name}: {sentence}")
    assert unhedged == []


def test_untraced_claims_are_at_the_unconfirmed_level() -> None:
    refs = LIBRARY.references
    claims = [key for key in refs if key.startswith("claim_")]
    assert len(claims) >= 8
    for key in [*claims, "doherty2016"]:
        assert refs[key].level.id == "unconfirmed", key


# --- finding references ----------------------------------------------------------------------


def test_find_needs_every_word_in_any_case_and_ignores_accents() -> None:
    refs = parse_references(
        {
            "jurgens2020": good_ref(authors="Jürgens K", year=2020, title="Backward miles"),
            "smith2001": good_ref(title="Forward running economy"),
        }
    )
    library = Library(pages={}, references=refs)
    assert library.find("JURGENS backward") == ["jurgens2020"]
    assert library.find("jürgens forward") == []
    assert library.find("2001") == ["smith2001"]
    assert library.find("") == ["jurgens2020", "smith2001"]
    # Plain text, never a pattern: characters that mean something to a regex match nothing.
    assert library.find(".*") == []
    assert library.find("(") == []


def test_find_filters_by_level_and_by_citing_page() -> None:
    found = LIBRARY.find(levels=["review"])
    assert found
    assert {LIBRARY.references[key].level.id for key in found} == {"review"}
    on_muscles = set(LIBRARY.find(topics=["muscles"]))
    assert on_muscles == set(LIBRARY.citing("muscles"))
    both = LIBRARY.find(levels=["lab", "trial"], topics=["muscles", "posture"])
    for key in both:
        assert LIBRARY.references[key].level.id in {"lab", "trial"}
        assert {"muscles", "posture"} & set(LIBRARY.citing_pages()[key])


@pytest.mark.parametrize(
    ("levels", "topics", "message"),
    [(["blog"], [], "No evidence level blog"), ([], ["nowhere"], "No content page nowhere")],
)
def test_find_refuses_filters_that_do_not_exist(
    levels: list[str], topics: list[str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        LIBRARY.find(levels=levels, topics=topics)


def test_the_topics_are_the_pages_that_cite_sources() -> None:
    topics = LIBRARY.topics()
    assert "muscles" in topics
    assert "heart_rate" in topics
    assert all(LIBRARY.page(name).sources for name in topics)
