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
from retroedu.links import fields
from retroedu.links.urls import app_base, page_url

HTML = """
<div class="share">
  <button type="button" class="copy">Copy link</button>
  <span class="status" role="status" aria-live="polite"></span>
  <input class="manual" type="text" readonly hidden aria-label="Link to this view">
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
  const button = root.querySelector(".copy");
  const status = root.querySelector(".status");
  const manual = root.querySelector(".manual");
  button.onclick = async () => {
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      manual.hidden = true;
      status.textContent = "Link copied";
    } catch (error) {
      manual.hidden = false;
      manual.value = link;
      manual.focus();
      manual.select();
      status.textContent = "Copy this link:";
    }
  };
}
"""

_copy_link = st.components.v2.component("retroedu_copy_link", html=HTML, css=CSS, js=JS)


def copy_link() -> None:
    """A button that copies the current address (every setting included) to the clipboard."""
    _copy_link(key="copy_link")


def raw_params() -> dict[str, str]:
    """A snapshot of the URL parameters, taken before bound widgets clean them up."""
    return {key: st.query_params.get(key, "") for key in st.query_params}


def notice_rejected(
    raw: Mapping[str, str], values: Mapping[str, object], system: str = "metric"
) -> None:
    """Tell the reader which link values could not be used. Never echoes what arrived.

    `raw` is what the link carried (`raw_params()` before the widgets ran); `values` maps a field's
    URL key to the value the page settled on.
    """
    refused = [
        fields.FIELDS[key].label.lower()
        for key, value in values.items()
        if key in raw and fields.was_rejected(key, raw[key], value, system)
    ]
    if refused:
        st.info(
            "Part of this link could not be used, so sensible defaults are shown for: "
            + ", ".join(refused)
            + ".",
            icon=":material/link_off:",
        )


def link_to(page_key: str, params: Mapping[str, object]) -> str:
    """The shareable address of page `page_key` with `params`, as the reader's browser sees the app.

    Falls back to localhost when the browser's address is not known (tests without a browser).
    """
    current = st.context.url
    base = app_base(current, site.BY_KEY) if current else "http://localhost:8501"
    return page_url(base, page_key, params)
