"""Streamlit glue for sharing a view: a "Copy link" control and the server's view of page links.

The control copies the address bar as the browser shows it at the moment of the click, so it always
carries every current setting (bound widgets keep them in the URL). Where the clipboard is not
available (a plain-http address on a clinic network is not a secure context), it shows the link in
a text box, selected, to copy by hand. Nothing leaves the machine: no network request is made.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

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


def current_page_path() -> str:
    """The url path of the page being shown ("" for the default page)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return ""
    page = ctx.pages_manager.get_pages().get(ctx.page_script_hash, {})
    return str(page.get("url_pathname", ""))


def link_to(page_path: str, params: Mapping[str, object]) -> str:
    """The shareable address of `page_path` with `params`, as the reader's browser sees the app.

    Falls back to localhost when the browser's address is not known (tests without a browser).
    """
    current = st.context.url
    base = app_base(current, current_page_path()) if current else "http://localhost:8501"
    return page_url(base, page_path, params)
