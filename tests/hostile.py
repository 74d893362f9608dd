"""Hostile input for issue 8: payloads, and what each page accepts (found by running it).

Pages are discovered from what app.py's `st.navigation` registers, and each page's inputs from the
widgets it draws (their keys, and the URL key of those bound to the link), so a page or an input
is covered the moment it is added (tests/app/test_hostile_params.py). The browser tests
(tests/browser/test_hostile_browser.py) use only the payloads and the marks they would leave
(`PWNED`, `INJECTED_IDS`): they need no AppTest run to find their pages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from google.protobuf import text_format
from streamlit.proto.NumberInput_pb2 import NumberInput as NumberInputProto
from streamlit.testing.v1 import AppTest

from retroedu import site
from tests.conftest import open_link

# A payload that runs sets this global (or opens a dialog): the browser tests look for both.
PWNED = "__retroPwned"
# Ids of elements the payloads would inject: the browser tests check none appears in the DOM.
INJECTED_IDS = ("retro-pwn-img", "retro-pwn-svg", "retro-pwn-a", "retro-pwn-frame", "retro-pwn-b")

HTML_PAYLOADS = (
    f"<script>window.{PWNED}=1;alert('script')</script>",
    f"<img src=x onerror=\"window.{PWNED}=1;alert('img')\" id=retro-pwn-img>",
    f'"><svg onload="window.{PWNED}=1;alert(1)" id=retro-pwn-svg>',
    f"<a href=\"javascript:window.{PWNED}=1;alert('a')\" id=retro-pwn-a>click me</a>",
    f"<iframe src=\"javascript:window.{PWNED}=1;alert('frame')\" id=retro-pwn-frame></iframe>",
    "javascript:alert(document.domain)",
    f"[click me](javascript:window.{PWNED}=1;alert('md'))",
    "<b id=retro-pwn-b>bold</b><style>body{display:none}</style>",
    "</div></div><h1>injected</h1>",
    ":red[injected] **bold** $x^2$ :material/warning:",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "' OR 1=1 -- ;DROP TABLE x",
)
NUMBER_PAYLOADS = (
    "nan",
    "NaN",
    "-nan",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "-1e309",
    "1e308",
    "-1e308",
    "5e-324",
    "1e-320",
    "0",
    "-0",
    "0.0",
    "-1",
    "-40",
    "999999",
    "9" * 400,
    "0x1F",
    "1_000",
    " 42 ",
    "42abc",
    "4,5",
    "١٢",  # Arabic-Indic digits
    "１２",  # full-width digits  # noqa: RUF001
    "true",
)
TEXT_PAYLOADS = (
    "",
    " ",
    "\t\n",
    "A" * 5000,
    "\u202eevil\u202c",  # right-to-left override
    "\u200b\u200d\ufeff",  # zero-width characters
    "😀🏃‍♀️" * 20,
    "Ω≈ç√∫ ñ ß 中文 עברית",
    "\x00\x01\x1b[31m",
    "%00%3Cscript%3E",
    "../../etc/passwd",
)
PAYLOADS = HTML_PAYLOADS + NUMBER_PAYLOADS + TEXT_PAYLOADS

# Tags and attributes that must never reach an element that renders HTML (none of RetroEdu's
# own HTML uses them: it is anchors for the source lists and style sheets).
DANGEROUS_HTML = re.compile(
    r"<\s*(script|img|svg|iframe|object|embed)\b|\bon[a-z]+\s*=|javascript:", re.IGNORECASE
)
# Widget elements: their protos carry the values typed into them, which is not an echo.
WIDGETS = {
    "number_input",
    "text_input",
    "text_area",
    "radio",
    "selectbox",
    "multiselect",
    "toggle",
    "checkbox",
    "slider",
    "select_slider",
    "button",
    "download_button",
    "date_input",
    "time_input",
    "color_picker",
    "button_group",
    "chat_input",
}


@dataclass(frozen=True)
class Field:
    """One input a page draws. `url_key` is set when the widget is bound to the link."""

    key: str
    kind: str  # "number", "choice", "flag" or "text"
    url_key: str = ""
    whole: bool = False
    low: float | None = None
    high: float | None = None
    options: tuple[str, ...] = ()
    max_chars: int = 0


@dataclass(frozen=True)
class PageInputs:
    key: str
    url_path: str
    fields: tuple[Field, ...]

    @property
    def url_fields(self) -> tuple[Field, ...]:
        return tuple(field for field in self.fields if field.url_key)

    @property
    def page_fields(self) -> tuple[Field, ...]:
        """Inputs of the page itself (not the sidebar frame every page shares)."""
        return tuple(field for field in self.fields if field.key not in FRAME_KEYS)


# The shared sidebar's keys (ui.frame); the deck's keys are its own.
FRAME_KEYS = ("units", "present")


def nodes(at: AppTest) -> Iterator[Any]:
    """Every element and block AppTest holds for the last run."""
    stack: list[Any] = [at._tree]
    while stack:
        node = stack.pop()
        yield node
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            stack.extend(children.values())


def fields_of(at: AppTest) -> tuple[Field, ...]:
    """The inputs a run drew, from the widgets in the element tree."""
    found: dict[str, Field] = {}
    for node in nodes(at):
        kind, key = getattr(node, "type", ""), getattr(node, "key", None)
        proto = getattr(node, "proto", None)
        if not key or proto is None:
            continue
        url_key = getattr(proto, "query_param_key", "") or ""
        if kind == "number_input":
            found[key] = Field(
                key,
                "number",
                url_key,
                whole=proto.data_type == NumberInputProto.INT,
                low=proto.min if proto.has_min else None,
                high=proto.max if proto.has_max else None,
            )
        elif kind in {"radio", "selectbox"}:
            found[key] = Field(key, "choice", url_key, options=tuple(node.options))
        elif kind in {"toggle", "checkbox"}:
            found[key] = Field(key, "flag", url_key)
        elif kind in {"text_input", "text_area"}:
            found[key] = Field(key, "text", url_key, max_chars=proto.max_chars)
    return tuple(sorted(found.values(), key=lambda field: field.key))


@functools.cache
def page_inputs() -> tuple[PageInputs, ...]:
    """Every registered page with the inputs it draws on a plain visit."""
    return tuple(
        PageInputs(
            page.key, "" if page.key == site.HOME else page.key, fields_of(open_link(page.key, {}))
        )
        for page in site.PAGES
    )


def calculator_pages() -> tuple[PageInputs, ...]:
    """Pages with inputs of their own (numbers or text) beyond the shared sidebar."""
    return tuple(
        page
        for page in page_inputs()
        if any(field.kind in {"number", "text"} for field in page.page_fields)
    )


#: A proto dump's icon lines, e.g. `icon: ":material/link_off:"`.
ICON_FIELD = re.compile(r'^\s*icon: ".*"$', re.MULTILINE)


def shown_text(at: AppTest) -> str:
    """Everything the last run drew except widgets' own values, as one text."""
    dump = "\n".join(
        text_format.MessageToString(node.proto, as_utf8=True)
        for node in nodes(at)
        if getattr(node, "type", "") not in WIDGETS and getattr(node, "proto", None) is not None
    )
    # An icon's name (":material/link_off:") is drawn as a picture, never as words a reader sees.
    return ICON_FIELD.sub("", dump)


def html_bodies(at: AppTest) -> list[str]:
    """Bodies of every element that renders HTML: Markdown with HTML allowed, and st.html."""
    bodies = []
    for node in nodes(at):
        proto, kind = getattr(node, "proto", None), getattr(node, "type", "")
        if proto is None:
            continue
        if kind == "html" or (hasattr(proto, "allow_html") and proto.allow_html):
            bodies.append(str(proto.body))
    return bodies


def echo_probe(raw: str) -> str:
    """The longest stretch of `raw` that a text dump would show unchanged, if it is distinctive
    enough to look for (letters or markup, at least 6 characters), else "".

    >>> echo_probe("<img src=x onerror=\\"alert(1)\\">")
    '<img src=x onerror='
    >>> echo_probe("12345678"), echo_probe("ab")
    ('', '')
    """
    parts = re.split(r"[\"'\\\x00-\x1f\x7f]", raw)
    best = max(parts, key=len).strip() if parts else ""
    if len(best) < 6 or not re.search(r"[^\W\d_]|<", best):
        return ""
    return best
