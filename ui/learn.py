"""Streamlit glue shared by the Learn pages: words and sources come from `content/` via evidence.py.

A Learn page script is one call, `learn.render("<content name>")`, plus any interactive
sections its Markdown asks for with `<!-- hook: name -->` (pass them as `hooks={"name": draw}`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

import streamlit as st

from retroedu import site
from retroedu.content import evidence
from retroedu.content.evidence import LearnPage, QuizQuestion
from ui import cache, charts

LEGEND_INTRO = (
    "Each claim carries a marker such as **[3 · lab]**: the number leads to the source list at the "
    "foot of the page, the word says what kind of evidence stands behind the claim."
)


def render(name: str, hooks: Mapping[str, Callable[[], None]] | None = None) -> None:
    """Draw the Learn page `content/<name>.md`: title, summary, legend, body, cards, quiz, sources."""
    page = cache.page(name)
    supplied = dict(hooks or {})
    if set(page.hooks()) != set(supplied):
        # A programming error, caught by the app tests long before a reader could see it.
        raise ValueError(
            f"Page {name!r} asks for hooks {sorted(page.hooks())} but the script supplies "
            f"{sorted(supplied)}."
        )
    st.title(page.page.title)
    st.markdown(f"*{page.render(page.page.summary)}*")
    legend()
    for kind, value in page.chunks():
        if kind == "hook":
            supplied[value]()
        else:
            st.markdown(value)
    cards(page)
    quiz(page)
    sources(page)


def legend() -> None:
    """The evidence legend, folded away so it never pushes the content down on a phone."""
    with st.expander("How strong is the evidence? The legend", icon=":material/fact_check:"):
        st.markdown(LEGEND_INTRO)
        st.markdown(evidence.legend_markdown())


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
    st.header("Teach-back check", anchor="teach-back")
    st.caption(
        "Two or three questions to talk through with an athlete or patient. "
        "Answers stay on this screen; nothing is saved."
    )
    for number, question in enumerate(page.quiz, start=1):
        with st.container(border=True):
            choice = st.radio(
                f"**{number}.** {page.render(question.question)}",
                question.options,
                index=None,
                key=f"quiz-{page.page.name}-{number}",
            )
            if choice is not None:
                feedback(page, question, question.options.index(choice))


def feedback(page: LearnPage, question: QuizQuestion, picked: int) -> None:
    explain = page.render(question.explain)
    if picked == question.answer:
        st.success(f"**Correct.** {explain}", icon=":material/check_circle:")
    else:
        right = question.options[question.answer]
        st.warning(f"**Not quite.** The answer is “{right}”. {explain}", icon=":material/info:")


def sources(page: LearnPage) -> None:
    """Numbered sources with their evidence level in words; markers in the text link here."""
    if not page.sources:
        return
    st.header("Sources", anchor="sources")
    # HTML only for the empty anchors the markers jump to; Markdown has no anchor syntax.
    st.markdown(page.source_list(), unsafe_allow_html=True)


def next_link(key: str) -> None:
    """The "Next: …" link: the page after `key` in the reading order, with its summary."""
    following = site.next_page(key)
    if following is None:
        return
    with st.container(border=True, key="next_page"):
        st.page_link(
            following.script,
            label=f"Next: {following.title}",
            icon=":material/arrow_forward:",
        )
        st.caption(cache.words(following.content).summary)


def page_link(key: str) -> None:
    """A link to the registered page `key`, labelled with its menu title."""
    st.page_link(site.page(key).script, icon=":material/arrow_forward:")


def link_to_content(name: str) -> None:
    """A link to the page that shows `content/<name>.md`, or its plain title if no page does."""
    shown_on = site.BY_CONTENT.get(name)
    if shown_on is None:
        st.markdown(f"- {evidence.escape_markdown(cache.page(name).page.title)}")
    else:
        page_link(shown_on.key)


def render_reference_list(name: str = "references") -> None:
    """The References page: every source, grouped by evidence level, with the pages citing it."""
    page = cache.page(name)
    st.title(page.page.title)
    st.markdown(f"*{page.page.summary}*")
    st.markdown(page.render(page.page.body))
    library = cache.library()
    citing = library.citing_pages()
    titles = {name: item.page.title for name, item in library.pages.items()}
    for level, refs in library.by_level(citing):
        st.header(f"[{level.badge}] {level.label}", anchor=f"level-{level.id}")
        st.caption(level.meaning)
        for ref in refs:
            with st.container(border=True):
                st.markdown(ref.markdown())
                if ref.note:
                    st.caption(evidence.escape_markdown(ref.note))
                pages = sorted(citing[ref.key], key=lambda cited: titles[cited])
                if pages:
                    st.markdown("Cited on:")
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
        shown = cache.learn(kind, content)
        charts.chart(shown.figure, alt=shown.alt, filename=filename, key=kind)
        words = cache.page(content)
        if caption:
            st.caption(words.render(words.page.meta[caption]))
        if table == "below":
            st.table(shown.table, hide_index=True)
        elif table == "folded":
            with st.expander(
                "The numbers behind this chart", key=f"{kind}_numbers", on_change="rerun"
            ) as box:
                if box.open:
                    st.table(shown.table, hide_index=True)

    return draw
