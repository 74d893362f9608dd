"""Shared test helpers: where the app lives and how to drive it through `app.py` with AppTest."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from retroedu import site
from retroedu.content.library import Library

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
#: Every content page and reference, loaded once for the whole test session.
LIBRARY = Library.load()
#: The calorie page's words, which the calorie view model phrases its notes with.
CALORIE_WORDS = LIBRARY.page("calories").page.meta


def run_page(key: str | None = None, params: Mapping[str, str] | None = None) -> AppTest:
    """Start from app.py (so the navigation is exercised), open page `key` with URL `params`, run it."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    if key is not None and key != site.HOME:
        at.switch_page(site.page(key).script).run()
    return at


def open_link(key: str, params: Mapping[str, str]) -> AppTest:
    """Open page `key` straight from a link with `params`, as a browser does: the first run asks
    for the page's own url path (not home first, as `run_page` does)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at._page_hash = calc_hash("" if key == site.HOME else key)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def plain(text: str) -> str:
    """`text` with its no-break spaces as spaces: the content loader joins each number to its unit
    ("35\u00a0%", `typography.units_kept`), and a test that quotes a sentence writes plain spaces."""
    return text.replace("\u00a0", " ")


def plain_data(data: Any) -> Any:
    """Front-matter data (strings, lists, mappings) with `plain` strings, for the figure tests."""
    if isinstance(data, str):
        return plain(data)
    if isinstance(data, list):
        return [plain_data(item) for item in data]
    if isinstance(data, dict):
        return {key: plain_data(value) for key, value in data.items()}
    return data


def pdf_text(pdf: bytes) -> str:
    """The text of every page of a PDF, as a reader's copy-paste would give it."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join((page.extract_text() or "") for page in reader.pages)


def figures(at: AppTest) -> list[dict[str, Any]]:
    """Every Plotly figure on the page, as the JSON the browser receives."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
