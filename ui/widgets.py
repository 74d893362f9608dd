"""Widgets built from the field registry: the same key, label, unit, limits and default as the link
reading, the notices and the exports use (`retroedu/links/fields.py`), their words in the reader's
language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, get_args

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from retroedu.content.i18n import N_
from retroedu.exports.handout_pdf import Paper
from retroedu.links import fields
from ui import cache
from ui.i18n import _

#: The paper sizes every printable offers (the PDF layer's `Paper`), first the default, and how
#: each is named (not bound to the URL, so shown in the reader's language).
PAPERS: tuple[Paper, ...] = get_args(Paper)
PAPER_NAMES: dict[Paper, str] = {"A4": N_("A4"), "Letter": N_("Letter")}


def number(
    key: str,
    system: str = "metric",
    *,
    where: DeltaGenerator | None = None,
    help: str | None = None,
    high: float | None = None,
) -> float | None:
    """A number input for field `key`, bound to the link, in the reader's units.

    Always a decimal widget, shown as a whole number for whole fields: Streamlit 1.67's
    whole-number widget raises OverflowError when a link carries "1e999", a decimal one refuses it.
    `high` lowers the field's upper limit where content sets it (the deck's number of slides).
    """
    field = fields.number(key)
    limits = field.limits(system)
    unit = _(field.unit_for(system)) if field.unit_for(system) else ""
    label = f"{_(field.label)} [{unit}]" if unit else _(field.label)
    value: float | None = (where or st).number_input(
        _("{label}, optional").format(label=label) if field.optional else label,
        min_value=limits.low,
        max_value=limits.high if high is None else float(min(high, limits.high)),
        value=limits.default,
        step=field.step,
        format=field.format,
        placeholder=_(field.placeholder) if field.placeholder else None,
        key=key,
        bind="query-params",
        help=help,
    )
    return value


def choice(
    key: str,
    options: Sequence[str] | None = None,
    *,
    kind: Literal["radio", "selectbox"] = "radio",
    where: DeltaGenerator | None = None,
    help: str | None = None,
    **extra: Any,
) -> str:
    """A choice for field `key` bound to the link, showing labels in the reader's language;
    returns the option's key.

    A link may name an option by key or label in any case and any language RetroEdu speaks
    (`formula=nes`, `sex=Mujer`); before the widget exists, such a value is turned into the label
    the widget shows and writes back.
    """
    field = fields.choice(key)
    keys = list(options or field.options)
    labels = [_(field.labels[option]) for option in keys]
    given = st.query_params.get(key)
    if given is not None and (key not in st.session_state or st.session_state[key] not in labels):
        found = field.read(given, cache.aliases().get(key))
        if not found.rejected and found.value in keys:
            st.session_state[key] = labels[keys.index(found.value)]
    widget = (where or st).radio if kind == "radio" else (where or st).selectbox
    shown = widget(_(field.label), labels, key=key, bind="query-params", help=help, **extra)
    return keys[labels.index(shown)] if shown in labels else field.default


def flag(key: str, *, where: DeltaGenerator | None = None, help: str | None = None) -> bool:
    """A toggle for flag field `key`, bound to the link."""
    field = fields.FIELDS[key]
    assert isinstance(field, fields.FlagField)
    value: bool = (where or st).toggle(
        _(field.label), value=field.default, key=key, bind="query-params", help=help
    )
    return value


def text(key: str, *, where: DeltaGenerator | None = None, help: str | None = None) -> str:
    """A one-line text input for text field `key`, bound to the link; returns the tidied text
    (the field's default for text it refuses)."""
    field = fields.text(key)
    typed: str = (where or st).text_input(
        _(field.label),
        value=field.default,
        max_chars=field.max_chars,
        placeholder=_(field.placeholder) if field.placeholder else None,
        key=key,
        bind="query-params",
        help=help,
        autocomplete="off",
    )
    return field.read(typed).value


def download_csv(label: str, data: Callable[[], bytes], file_name: str) -> None:
    """A CSV download that keeps the page as it is (no rerun when clicked). `data` builds the
    file when the reader clicks, not on every rerun of the page."""
    st.download_button(
        label,
        data,
        file_name=file_name,
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )


def paper(
    label: str, key: str, *, where: DeltaGenerator | None = None, keep: bool = False
) -> Paper:
    """The paper-size choice of a printable (the handout, the zone cards), as a row of radio
    buttons; `keep` remembers it for this browser session, across pages."""
    chosen: Paper | None = (where or st).radio(
        label,
        PAPERS,
        format_func=lambda size: _(PAPER_NAMES[size]),
        horizontal=True,
        key=key,
        persist_state="session" if keep else None,
    )
    return chosen or PAPERS[0]
