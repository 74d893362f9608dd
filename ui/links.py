"""Streamlit glue for links: what arrived in the address, notices about values a link could not
use, the "Copy link" control, and the shareable address of a page.

The "Copy link" control copies the address bar as the browser shows it at the moment of the click,
so it always carries every current setting (bound widgets keep them in the URL). Where the
clipboard is not available (a plain-http address on a clinic network is not a secure context), it
shows the link in a text box, selected, to copy by hand. Nothing leaves the machine.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from retroedu import site
from retroedu.content.i18n import SOURCE
from retroedu.links import fields
from retroedu.links.urls import app_base, page_url
from ui import cache
from ui.i18n import _, code

# The words are set from the data on every run (the HTML is registered once, for every language).
HTML = """
<div class="share">
  <button type="button" class="copy"></button>
  <span class="status" role="status" aria-live="polite"></span>
  <input class="manual" type="text" readonly hidden>
</div>
"""

CSS = """
.share { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem;
  font-family: var(--st-font, sans-serif); color: var(--st-text-color, #1a1d21); }
.copy { font: inherit; font-size: 1rem; padding: 0.3rem 0.8rem; cursor: pointer;
  color: inherit; background: var(--st-background-color, #fff);
  border: 1px solid var(--st-border-color, #8a96a3); border-radius: var(--st-base-radius, 0.5rem); }
.copy:hover { border-color: var(--st-primary-color, #0b5fa5); color: var(--st-primary-color, #0b5fa5); }
.copy:focus-visible { outline: 2px solid var(--st-primary-color, #0b5fa5); outline-offset: 2px; }
.status { font-size: 0.9rem; }
.manual { width: 100%; font: inherit; font-size: 0.85rem; padding: 0.25rem; }
"""

JS = """
export default function (component) {
  const root = component.parentElement;
  const words = component.data || {};
  const button = root.querySelector(".copy");
  const status = root.querySelector(".status");
  const manual = root.querySelector(".manual");
  button.textContent = words.copy;
  manual.setAttribute("aria-label", words.field);
  button.onclick = async () => {
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      manual.hidden = true;
      status.textContent = words.copied;
    } catch (error) {
      manual.hidden = false;
      manual.value = link;
      manual.focus();
      manual.select();
      status.textContent = words.manual;
    }
  };
}
"""

_copy_link = st.components.v2.component("retroedu_copy_link", html=HTML, css=CSS, js=JS)


def copy_link() -> None:
    """A button that copies the current address (every setting included) to the clipboard."""
    _copy_link(
        key="copy_link",
        data={
            "copy": _("Copy link"),
            "copied": _("Link copied"),
            "manual": _("Copy this link:"),
            "field": _("Link to this view"),
        },
    )


def raw_params() -> dict[str, str]:
    """A snapshot of the URL parameters, taken before bound widgets clean them up."""
    return {key: st.query_params.get(key, "") for key in st.query_params}


def notice_rejected(
    raw: Mapping[str, str], values: Mapping[str, object], system: str = "metric"
) -> None:
    """Tell the reader which link values could not be used. Never echoes what arrived.

    `raw` is what the link carried (`raw_params()` before the widgets ran); `values` maps a field's
    URL key to the value the page settled on. A choice named in any language RetroEdu speaks is
    not refused.
    """
    aliases = cache.aliases()
    refused = [
        _(fields.FIELDS[key].label).lower()
        for key, value in values.items()
        if key in raw and fields.was_rejected(key, raw[key], value, system, aliases)
    ]
    if refused:
        st.info(
            _(
                "Part of this link could not be used, so sensible defaults are shown for: {fields}."
            ).format(fields=", ".join(refused)),
            icon=":material/link_off:",
        )


def link_to(page_key: str, params: Mapping[str, object]) -> str:
    """The shareable address of page `page_key` with `params`, as the reader's browser sees the app.

    Falls back to localhost when the browser's address is not known (tests without a browser).
    The link keeps the reader's language (`lang`) unless `params` says otherwise.
    """
    current = st.context.url
    base = app_base(current, site.BY_KEY) if current else "http://localhost:8501"
    return page_url(base, page_key, {**language_param(), **params})


def language_param() -> dict[str, str]:
    """The `lang` a link made now carries: the reader's language, unless it is English (then the
    link leaves the language to whoever opens it)."""
    return {} if code() == SOURCE else {"lang": code()}
