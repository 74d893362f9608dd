"""Shared test helpers: where the app lives and how to drive it through `app.py` with AppTest."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"


def run_page(script: str | None = None, params: Mapping[str, str] | None = None) -> AppTest:
    """Start from app.py (so the navigation is exercised), open `script` with URL `params`, run it."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if script is not None and script != "app_pages/home.py":
        at.switch_page(script).run()
    return at


@functools.cache
def url_paths() -> dict[str, str]:
    """Each page script app.py registers (relative to the repo) and its url path."""
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    return {
        str(Path(str(info["script_path"])).resolve().relative_to(ROOT)): str(info["url_pathname"])
        for info in at._registered_pages.values()
    }


def open_link(script: str, params: Mapping[str, str]) -> AppTest:
    """Open `script` straight from a link with `params`, as a browser does: the first run asks
    for the page's own url path (not home first, as `run_page` does)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at._page_hash = calc_hash(url_paths()[script])
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def figures(at: AppTest) -> list[dict[str, Any]]:
    """Every Plotly figure on the page, as the JSON the browser receives."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
