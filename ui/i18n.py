"""The reader's language: which one this run speaks, the sidebar's choice, `<html lang>`, and
`_()` for interface text.

The language is the field registry's `lang` (codes such as "en", "es"). A link's `?lang=` wins;
otherwise this browser session's choice; otherwise the browser's language (`st.context.locale`)
when RetroEdu speaks it, else English. The code is written back into the address on every run
(as a code, never a label), so shared links, the handout's QR code and the deck's keep it, and
it survives the page switches that drop a plain query parameter. The sidebar's selector is not a
bound widget: a bound widget writes its displayed label ("Español") into the URL.

Interface text is English in the code, marked for the catalogue (`_("...")` here, `N_` in pure
code) and translated through `locales/<code>/LC_MESSAGES/retroedu.po`, read once per process in
ui/cache.py. Numbers and dates go through the language too (`number`, `date`).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from retroedu.content import i18n as core
from retroedu.content.i18n import N_, Language
from retroedu.links import fields
from ui import cache

__all__ = [
    "N_",
    "Language",
    "_",
    "arrived",
    "code",
    "codes",
    "date",
    "html_lang",
    "language",
    "number",
    "sayable",
    "selector",
    "settle",
]

#: Session key of this session's language (not the URL key: the address is rewritten each run).
LANG = "retroedu_lang"
#: Session key of the sidebar's language selector: the field's key, as for every widget built
#: from the registry (but not bound to the URL, see above).
SELECT = "lang"
#: Session key of the `lang` this run's link carried (None: none), for the frame's notice.
ARRIVED = "retroedu_lang_arrived"

_html_lang = st.components.v2.component(
    "retroedu_html_lang",
    html="<span hidden></span>",
    js="""
export default function (component) {
  const lang = component.data && component.data.lang;
  if (lang) document.documentElement.lang = lang;
}
""",
)


def codes() -> tuple[str, ...]:
    """Every language RetroEdu speaks, by code (the field registry's options)."""
    return fields.choice("lang").options


def browser_default() -> str:
    """The browser's language when RetroEdu speaks it ("es-ES" -> "es"), else English."""
    return core.best_language(st.context.locale, codes())


def code() -> str:
    """This run's language code (English before `settle` has run, e.g. in a bare test)."""
    found = st.session_state.get(LANG)
    return found if isinstance(found, str) and found in codes() else core.SOURCE


def language() -> Language:
    """This run's language with its catalogue."""
    return cache.language(code())


def _(text: str) -> str:
    """`text` (English, the catalogue's msgid) in this run's language."""
    return language()._(text)


def number(value: float, digits: int | None = None, *, sign: bool = False) -> str:
    """A number as this run's language writes it ("5,5" in Spanish)."""
    return language().number(value, digits, sign=sign)


def date(day: dt.date) -> str:
    """A date written out in this run's language ("29 de noviembre de 2026")."""
    return language().date(day)


def settle() -> str:
    """Decide this run's language before anything is drawn, remember it for the session and
    keep it in the address. A `lang` the link carries that RetroEdu does not speak is ignored
    (the frame's notice says so)."""
    field = fields.choice("lang")
    given = st.query_params.get("lang")
    st.session_state[ARRIVED] = given
    reading = field.read(given, cache.aliases().get("lang")) if given is not None else None
    if reading is not None and not reading.rejected:
        chosen = reading.value
    elif isinstance(st.session_state.get(LANG), str) and st.session_state[LANG] in codes():
        chosen = st.session_state[LANG]
    else:
        chosen = browser_default()
    st.session_state[LANG] = chosen
    # Left out only where it changes nothing: English, for a browser that would get English.
    wanted = None if chosen == core.SOURCE == browser_default() else chosen
    if wanted is not None and given != wanted:
        st.query_params["lang"] = wanted
    elif wanted is None and given is not None:
        del st.query_params["lang"]
    return chosen


def arrived() -> dict[str, str]:
    """The `lang` this run's link carried, as `links.notice_rejected` takes it (before `settle`
    put the language it settled on into the address)."""
    given = st.session_state.get(ARRIVED)
    return {} if given is None else {"lang": str(given)}


def _chosen() -> None:
    """The selector's callback: switch the session's language, keeping every choice widget's
    value (a bound choice widget holds its label, which the switch translates)."""
    new = st.session_state.get(SELECT)
    old = code()
    if not isinstance(new, str) or new not in codes() or new == old:
        return
    before, after = cache.language(old), cache.language(new)
    for field in fields.FIELDS.values():
        if not isinstance(field, fields.ChoiceField) or field.key == "lang":
            continue
        shown = st.session_state.get(field.key)
        for label in field.labels.values():
            if shown == before._(label):
                st.session_state[field.key] = after._(label)
    st.session_state[LANG] = new
    st.query_params["lang"] = new


def selector() -> None:
    """The sidebar's language choice: each language named in itself."""
    field = fields.choice("lang")
    # Set before the widget is drawn, so a link or a switch elsewhere shows here too.
    st.session_state[SELECT] = code()
    st.selectbox(
        _(field.label),
        field.options,
        format_func=lambda option: field.labels[option],
        key=SELECT,
        on_change=_chosen,
    )


def html_lang() -> None:
    """`<html lang>` set to this run's language, on every run (screen readers choose their voice
    by it)."""
    _html_lang(key="html_lang", data={"lang": code()})


def sayable(said: object) -> str:
    """What went wrong, or a note, in this run's language when it can be said in it (a `ReaderError`
    or a `Message` from `retroedu/`), else as it is."""
    return core.sayable(said, language())
