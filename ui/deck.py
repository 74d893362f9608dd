"""Streamlit glue for the team-talk deck: drawing a slide, the presenter view, and navigation like
slide software.

Navigation runs in the browser (a components.v2 script): the arrow keys, Page Up/Down (what a
presentation clicker sends), Space and Shift+Space, Home/End, a click on the slide, and Escape to
leave presentation mode. Each step asks the server for the slide by number; the number lives in
the address (`?slide=`). Windows of the same browser keep in step through a BroadcastChannel, so
a presenter view opened in a second window follows the slides (and leads them) while the server
stores nothing about either window.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import segno
import streamlit as st

from retroedu.calculators.deck import DeckView
from retroedu.content.deck import Slide
from retroedu.content.evidence import escape_markdown
from retroedu.exports.slides_pdf import Code, TitleDetails, source_line
from retroedu.figures.blocks import strip_citations
from retroedu.links import fields
from retroedu.links.urls import page_url, reachable_base
from ui import cache, charts, handout, i18n, links, sidebar
from ui.i18n import _

#: Base chart font on a slide in presentation mode. Figures draw axis text at 15 px and their
#: smallest labels at 14 px; scaled to 26 px, the smallest is 14 x 26 / 15 = 24.3 px.
SLIDE_FONT_PX = 26
#: Chart height on a slide outside presentation mode (in it, CSS sizes the chart to the screen). [px]
SLIDE_CHART_PX = 520
#: The session key of the slide number (also its URL key, through the field registry).
SLIDE = "slide"

JS = """
export default function (component) {
  const { data, setTriggerValue } = component;
  // One set of listeners per window, whatever Streamlit does with earlier mounts: each run
  // replaces the previous run's listeners and state.
  const deck = window.__retroeduDeck || (window.__retroeduDeck = { shown: null });
  if (deck.cleanup) deck.cleanup();
  const slide = data.slide, total = data.total;
  deck.pending = null;
  if (!deck.channel && "BroadcastChannel" in window) {
    deck.channel = new BroadcastChannel("retroedu-deck");
  }
  const channel = deck.channel;
  if (channel) {
    // A window that has just opened asks where the others are; after that, it tells them.
    channel.postMessage(deck.shown === null ? { hello: true } : { slide });
  }
  // A new slide opens at its top: tapped from the controls under a tall slide on a phone, the
  // next one opened scrolled to its foot, its point out of sight.
  if (deck.shown !== null && deck.shown !== slide) {
    requestAnimationFrame(() => {
      const top = document.querySelector(".st-key-deck_slide");
      if (!top) return;
      // Above the screen, or under the app's header (the slide's scroll margin, deck.css).
      const clear = parseFloat(getComputedStyle(top).scrollMarginTop) || 0;
      if (top.getBoundingClientRect().top < clear) top.scrollIntoView({ block: "start" });
    });
  }
  deck.shown = slide;
  const current = () => deck.pending ?? slide;
  const go = (target) => {
    const to = Math.min(total, Math.max(1, target));
    if (to === current()) return;
    deck.pending = to;
    setTriggerValue("go", to);
  };
  const typing = (el) => el && el.closest && el.closest(
    "input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='slider']");
  const onKey = (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    const key = event.key;
    let to = null;
    if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown" ||
        (key === " " && !event.shiftKey)) to = current() + 1;
    else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp" ||
        (key === " " && event.shiftKey)) to = current() - 1;
    else if (key === "Home") to = 1;
    else if (key === "End") to = total;
    else if (key === "Escape" && data.presenting) {
      setTriggerValue("exit", true);
      return;
    }
    if (to === null) return;
    if (key === " " && event.target.closest && event.target.closest("button, a")) return;
    event.preventDefault();
    go(to);
  };
  const onClick = (event) => {
    if (event.button !== 0 || !event.target.closest) return;
    if (event.target.closest("a, button, input, textarea, select, label, .modebar")) return;
    if (!event.target.closest(".st-key-deck_slide")) return;
    if (String(window.getSelection && window.getSelection())) return;
    go(current() + 1);
  };
  const onMessage = (event) => {
    const message = event.data || {};
    if (message.hello) {
      channel.postMessage({ slide: deck.shown });
    } else if (Number.isInteger(message.slide) && message.slide !== current()) {
      deck.shown = message.slide;
      go(message.slide);
    }
  };
  document.addEventListener("keydown", onKey);
  document.addEventListener("click", onClick);
  if (channel) channel.addEventListener("message", onMessage);
  deck.cleanup = () => {
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("click", onClick);
    if (channel) channel.removeEventListener("message", onMessage);
    deck.cleanup = null;
  };
  return () => { if (deck.cleanup) deck.cleanup(); };
}
"""

_navigation = st.components.v2.component("retroedu_deck_keys", js=JS, html="<span></span>")


def slide_number(total: int) -> int:
    """The slide to show: the session's number, within 1 to `total` (1 for anything else)."""
    value = st.session_state.get(SLIDE)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return 1
    return int(min(total, max(1, round(value))))


def go(number: int, total: int) -> None:
    """Show slide `number` (a callback: runs before the rerun that draws it)."""
    # A whole number, so the address shows ?slide=3 rather than ?slide=3.0.
    st.session_state[SLIDE] = min(total, max(1, int(number)))


def step(change: int, total: int) -> None:
    go(slide_number(total) + change, total)


def set_present(on: bool) -> None:
    st.session_state["present"] = on


def _on_keys(total: int) -> None:
    found = st.session_state.get("deck_keys")
    target = getattr(found, "go", None) if found is not None else None
    if isinstance(target, int) and not isinstance(target, bool):
        go(target, total)
    if getattr(found, "exit", None):
        set_present(False)


def navigation(number: int, total: int) -> None:
    """Keys, clicks and other windows of this browser move the deck (see the module docstring)."""
    _navigation(
        key="deck_keys",
        data={"slide": number, "total": total, "presenting": sidebar.present()},
        on_go_change=lambda: _on_keys(total),
        on_exit_change=lambda: _on_keys(total),
    )


def presenter_params(number: int, team: str, date: str, system: str) -> dict[str, str]:
    """The address of the presenter view of this deck: the same slide, club, date, units and
    language, built from the settled values (never from whatever else the address carried)."""
    given = {
        "slide": fields.number("slide").text(number),
        "team": team,
        "date": date,
        "view": _(fields.choice("view").text("presenter")),
        "units": "" if system == fields.choice("units").default else _(system),
        **links.language_param(),
    }
    return {key: value for key, value in given.items() if value}


def codes(view: DeckView) -> tuple[Code, ...]:
    """QR codes for the closing slide: the deck and the heart-rate calculator, at the address the
    handout's QR code uses (the configured public address, else this one if a phone can open
    it); none when no phone could open them."""
    public, _ = handout.public_setting()
    base = reachable_base(public, handout.served_base())
    if base is None:
        return ()
    words = view.words["closing"]
    assert isinstance(words, dict)
    # The codes open the app in the deck's language (unless it is English: then the phone's).
    language = links.language_param()
    return (
        Code(str(words["scan_deck"]), page_url(base, "team-talk", language)),
        Code(str(words["scan_calculator"]), page_url(base, "heart-rate", language)),
    )


def qr_svg(url: str) -> str:
    """A QR code as SVG, dark on white in both themes, as phones read it best."""
    svg: str = segno.make(url, error="m", micro=False).svg_inline(
        scale=8, dark="#000000", light="#FFFFFF", border=3
    )
    return svg


def chart(visual: str, system: str, *, height_px: int = SLIDE_CHART_PX) -> None:
    found = cache.deck_chart(visual, system, i18n.code())
    charts.chart(
        found.figure,
        alt=found.alt,
        filename=f"team-talk-{visual.replace('_', '-')}",
        key=f"deck_chart_{visual}",
        projector_height_px=height_px,
        projector_font_px=SLIDE_FONT_PX,
    )


def _escaped(text: str) -> str:
    return html.escape(text, quote=True)


def draw(view: DeckView, slide: Slide, details: TitleDetails, system: str) -> None:
    """One slide, filling the screen in presentation mode: the key point, then the data or the
    detail; the title slide carries the club and date, the closing one the take-aways."""
    with st.container(key=f"deck_slide_{slide.kind}"), st.container(key="deck_slide"):
        if slide.kind == "title":
            st.title(_markdown(slide.point), anchor=False)
            st.markdown(_markdown(slide.detail))
            line = " \u00b7 ".join(part for part in (details.team, details.date) if part)
            if line:
                # The presenter's own words: shown as typed, never as Markdown or HTML.
                with st.container(key="deck_team"):
                    st.markdown(escape_markdown(line))
        elif slide.kind == "closing":
            st.title(_markdown(slide.point), anchor=False)
            found = codes(view)
            items, qr = st.columns([3, 2] if found else [1, 0.001], vertical_alignment="center")
            items.markdown("\n".join(f"1. {_markdown(item)}" for item in slide.takeaways))
            if found:
                with qr.container(key="deck_codes", horizontal=True):
                    for code in found:
                        st.image(qr_svg(code.url), caption=code.label, width=260)
        else:
            st.markdown(f"# {_markdown(slide.point)}")
            st.markdown(_markdown(strip_citations(slide.detail)))
            if slide.visual is not None:
                with st.container(key="deck_visual"):
                    chart(slide.visual, system)
                st.caption(_markdown(view.comparisons[slide.visual].caption))


def _markdown(text: str) -> str:
    """Content text for st.markdown: its own emphasis kept, nothing from outside it."""
    return text.replace("$", "\\$")


def footer(view: DeckView, slide: Slide, number: int) -> None:
    """The slide's sources as one short line, the slide number, and small controls that show on
    hover (or keyboard focus), out of the way of the slide."""
    total = len(view.slides)
    with st.container(key="deck_footer", horizontal=True, vertical_alignment="center"):
        line = source_line(
            view.sources(slide),
            cache.library(i18n.code()).references,
            str(view.words["sources_label"]),
            view.lang,
        )
        st.caption(_markdown(line) or "\u00a0", width="stretch")
        with st.container(
            key="deck_controls", horizontal=True, width="content", vertical_alignment="center"
        ):
            st.button(
                _("Previous"),
                icon=":material/arrow_back:",
                on_click=step,
                args=(-1, total),
                disabled=number <= 1,
                key="deck_previous",
            )
            st.markdown(f"**{number} / {total}**", width="content")
            st.button(
                _("Next"),
                icon=":material/arrow_forward:",
                on_click=step,
                args=(1, total),
                disabled=number >= total,
                key="deck_next",
            )
            if sidebar.present():
                st.button(
                    _("Exit"),
                    icon=":material/close:",
                    on_click=set_present,
                    args=(False,),
                    key="deck_exit",
                )
            else:
                st.button(
                    _("Present"),
                    icon=":material/slideshow:",
                    on_click=set_present,
                    args=(True,),
                    type="primary",
                    key="deck_present",
                    help=_("Full-screen slides for a projector; the sidebar folds away."),
                )


def presenter(view: DeckView, number: int, system: str) -> None:
    """The presenter's window: this slide's point and notes, the next slide, a clock."""
    words: Any = view.words["presenter"]
    slides: Sequence[Slide] = view.slides
    now = slides[number - 1]
    total = len(slides)
    with st.container(key="deck_presenter"):
        st.caption(f"{words['now']} \u00b7 {number} / {total}")
        st.markdown(f"## {_markdown(now.point)}")
        notes, upcoming = st.columns([3, 2], gap="large")
        with notes:
            st.markdown(f"**{words['notes']}**")
            st.markdown(
                f'<div class="deck-notes">{_escaped(now.notes)}</div>', unsafe_allow_html=True
            )
        with upcoming, st.container(key="deck_next_slide", border=True):
            if number < total:
                following = slides[number]
                st.caption(f"{words['next']} \u00b7 {number + 1} / {total}")
                st.markdown(f"**{_markdown(following.point)}**")
                if following.visual is not None:
                    chart(following.visual, system, height_px=300)
                elif following.takeaways:
                    st.markdown("\n".join(f"1. {_markdown(item)}" for item in following.takeaways))
                else:
                    st.markdown(_markdown(strip_citations(following.detail)))
            else:
                st.caption(words["last"])
