"""Streamlit glue shared by the Learn pages: words and sources come from `content/` via evidence.py.

A Learn page script is one call, `learn.render("<content name>")`, plus any interactive
sections its Markdown asks for with `<!-- hook: name -->` (pass them as `hooks={"name": draw}`).
A page opens with its three key points (and its callout, if it has one) and ends with a link to
the next page in the reading order (`retroedu.site.READING_ORDER`), then its sources.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from retroedu import site
from retroedu.content import evidence
from retroedu.content.evidence import LearnPage, QuizQuestion
from retroedu.exports.tables import WideTable
from ui import cache, charts, i18n
from ui.i18n import N_, _

#: The longest search the References page takes, in characters.
QUERY_CHARS = 80
#: Session key of the seed that orders each quiz's options: random per browser session, kept in
#: the session (never the URL), so options stay put while a reader answers.
QUIZ_SEED = "quiz_seed"

LEGEND_INTRO = N_(
    "Each claim carries a marker such as **[3 · lab]**: the number leads to the source list at the "
    "foot of the page, the word says what kind of evidence stands behind the claim."
)


def render(name: str, hooks: Mapping[str, Callable[[], None]] | None = None) -> None:
    """Draw the Learn page `content/<name>.md`: title, summary, key points, callout, legend, body,
    cards, quiz, the next page and the sources."""
    lang = i18n.code()
    page = cache.page(name, lang)
    supplied = dict(hooks or {})
    if set(page.hooks()) != set(supplied):
        # A programming error, caught by the app tests long before a reader could see it.
        raise ValueError(
            f"Page {name!r} asks for hooks {sorted(page.hooks())} but the script supplies "
            f"{sorted(supplied)}."
        )
    words = cache.words(name, lang)
    st.title(page.page.title)
    st.markdown(f"*{words.summary}*")
    key_points(words)
    callout(page)
    legend()
    for kind, value in words.chunks:
        if kind == "hook":
            supplied[value]()
        else:
            st.markdown(value)
    cards(page)
    quiz(page)
    shown_on = site.BY_CONTENT.get(name)
    if shown_on is not None:
        next_link(shown_on.key)
    sources(page)


def key_points(words: cache.Words) -> None:
    """The page's three key points, as a short list under its summary."""
    if not words.key_points:
        return
    with st.container(border=True, key="key_points"):
        st.markdown(
            "**"
            + _("Key points")
            + "**\n\n"
            + "\n".join(f"- {point}" for point in words.key_points)
        )


def callout(page: LearnPage) -> None:
    """The page's callout (Rehab and safety: when to stop and see a clinician), near the top."""
    if page.callout is None:
        return
    st.warning(
        f"**{page.render(page.callout.title)}**\n\n{page.render(page.callout.body)}",
        icon=":material/health_and_safety:",
    )


def legend() -> None:
    """The evidence legend, folded away so it never pushes the content down on a phone."""
    with st.expander(_("How strong is the evidence? The legend"), icon=":material/fact_check:"):
        st.markdown(_(LEGEND_INTRO))
        st.markdown(evidence.legend_markdown(i18n.language()))


def cards(page: LearnPage) -> None:
    """Boxed items from the front matter (a myth and its verdict, a person, a step)."""
    for card in page.cards:
        with st.container(border=True):
            st.markdown(f"### {page.render(card.title)}")
            if card.badge:
                st.badge(card.badge, icon=":material/gavel:", color="gray")
            st.markdown(page.render(card.body))


def quiz(page: LearnPage) -> None:
    """The teach-back check: instant feedback under each question; nothing is saved anywhere."""
    if not page.quiz:
        return
    st.header(_("Teach-back check"), anchor="teach-back")
    st.caption(
        _(
            "Two or three questions to talk through with an athlete or patient. "
            "Answers stay on this screen; nothing is saved."
        )
    )
    if QUIZ_SEED not in st.session_state:
        st.session_state[QUIZ_SEED] = secrets.randbelow(2**31)
    seed = int(st.session_state[QUIZ_SEED])
    for number, question in enumerate(page.quiz, start=1):
        options, answer = question.shuffled(seed)
        with st.container(border=True):
            choice = st.radio(
                f"**{number}.** {question.question}",
                options,
                index=None,
                key=f"quiz-{page.page.name}-{number}",
            )
            if choice is not None:
                feedback(page, question, right=options[answer], correct=choice == options[answer])


def feedback(page: LearnPage, question: QuizQuestion, *, right: str, correct: bool) -> None:
    explain = page.render(question.explain)
    if correct:
        st.success("**" + _("Correct.") + f"** {explain}", icon=":material/check_circle:")
    else:
        answer = _("The answer is “{answer}”.").format(answer=right)
        st.warning("**" + _("Not quite.") + f"** {answer} {explain}", icon=":material/info:")


def sources(page: LearnPage) -> None:
    """Numbered sources with their evidence level in words; markers in the text link here."""
    if not page.sources:
        return
    st.header(_("Sources"), anchor="sources")
    # HTML only for the empty anchors the markers jump to; Markdown has no anchor syntax.
    st.markdown(cache.words(page.page.name, i18n.code()).sources, unsafe_allow_html=True)


def next_link(key: str) -> None:
    """The "Next: …" link: the page after `key` in the reading order, with its summary."""
    following = site.next_page(key)
    if following is None:
        return
    with st.container(border=True, key="next_page"):
        st.page_link(
            following.script,
            label=_("Next: {page}").format(page=_(following.title)),
            icon=":material/arrow_forward:",
        )
        st.caption(cache.words(following.content, i18n.code()).summary)


def page_link(key: str) -> None:
    """A link to the registered page `key`, labelled with its menu title."""
    found = site.page(key)
    st.page_link(found.script, label=_(found.title), icon=":material/arrow_forward:")


def link_to_content(name: str) -> None:
    """A link to the page that shows `content/<name>.md`, or, if no page does (the printed
    handout), its title in the links' size with a document icon instead of an arrow."""
    shown_on = site.BY_CONTENT.get(name)
    if shown_on is None:
        title = cache.page(name, i18n.code()).page.title
        st.caption(f":material/description: {evidence.escape_markdown(title)}")
    else:
        page_link(shown_on.key)


def render_reference_list(name: str = "references") -> None:
    """The References page: its key points, then every source, searchable and filterable by
    evidence level and by the page citing it, grouped by level with links back to those pages."""
    lang = i18n.code()
    page = cache.page(name, lang)
    words = cache.words(name, lang)
    st.title(page.page.title)
    st.markdown(f"*{words.summary}*")
    key_points(words)
    for _kind, chunk in words.chunks:
        st.markdown(chunk)
    reference_finder()


@st.fragment
def reference_finder() -> None:
    """Search and filters, and the sources they leave. Typing reruns this part alone. What a
    reader types is only ever matched, never written back onto the page."""
    lang = i18n.language()
    library = cache.library(lang.code)
    titles = {name: item.page.title for name, item in library.pages.items()}
    with st.container(border=True, key="reference_filters"):
        query = st.text_input(
            _("Search the sources"),
            placeholder=_("an author, a word of the title, a journal or a year"),
            max_chars=QUERY_CHARS,
            key="ref_query",
            icon=":material/search:",
        )
        levels = st.pills(
            _("Evidence level"),
            [level.id for level in evidence.LEVELS],
            format_func=lambda level: lang._(evidence.LEVEL_BY_ID[level].label),
            selection_mode="multi",
            key="ref_levels",
        )
        topics = st.multiselect(
            _("Cited on the page"),
            sorted(library.topics(), key=lambda topic: titles[topic]),
            format_func=lambda topic: titles[topic],
            placeholder=_("any page"),
            key="ref_topics",
        )
    found = library.find(query, levels, topics)
    total = len(library.references)
    st.caption(
        _("{found} of {total} sources").format(found=len(found), total=total)
        if len(found) < total
        else _("All {total} sources").format(total=total)
    )
    if not found:
        st.info(
            _("No source matches. Clear the search or a filter to see more."),
            icon=":material/search_off:",
        )
        return
    citing = library.citing_pages()
    for level, refs in library.by_level(found):
        label, meaning = level.said(lang)
        st.header(f"[{level.badge}] {label}", anchor=f"level-{level.id}")
        st.caption(meaning)
        for ref in refs:
            with st.container(border=True):
                st.markdown(ref.markdown(lang))
                if ref.note:
                    st.caption(evidence.escape_markdown(ref.note))
                pages = sorted(citing[ref.key], key=lambda cited: titles[cited])
                if pages:
                    st.markdown(_("Cited on:"))
                    for cited in pages:
                        link_to_content(cited)


def figure_hook(
    kind: str,
    content: str,
    *,
    filename: str,
    caption: str = "",
    table: Literal["below", "folded", ""] = "",
    markdown: Callable[[], str] | None = None,
) -> Callable[[], None]:
    """A hook that draws Learn figure `kind` of page `content`: the chart, a caption from the
    page's front matter, and its numbers as a table below it or folded away."""

    def draw() -> None:
        lang = i18n.code()
        shown = cache.learn(kind, content, lang)
        charts.chart(shown.figure, alt=shown.alt, filename=filename, key=kind)
        words = cache.page(content, lang)
        if caption:
            st.caption(words.render(words.page.meta[caption]))
        if table == "below":
            st.table(shown.table, hide_index=True)
        elif table == "folded":
            with st.expander(
                _("The numbers behind this chart"), key=f"{kind}_numbers", on_change="rerun"
            ) as box:
                if box.open:
                    st.table(shown.table, hide_index=True)

    return draw


def wide(key: str) -> tuple[DeltaGenerator, DeltaGenerator]:
    """Two places for something too wide for a phone: the first for its table on a wide screen,
    the second for its cards on a narrow one; assets/app.css shows one of the two by their
    `wide_table_` / `wide_cards_` keys."""
    return st.container(key=f"wide_table_{key}"), st.container(key=f"wide_cards_{key}")


def markdown_with_tables(key: str, chunks: Sequence[str | WideTable]) -> None:
    """Markdown in as few elements as it takes: the text between wide tables in one each, and
    each wide table as a table or, on a phone, as its cards."""
    text: list[str] = []
    for number, chunk in enumerate(chunks):
        if not isinstance(chunk, WideTable):
            text.append(chunk)
            continue
        if text:
            st.markdown("\n\n".join(text))
            text.clear()
        table, cards = wide(f"{key}_{number}")
        table.markdown(chunk.table)
        cards.markdown(chunk.cards)
    if text:
        st.markdown("\n\n".join(text))
