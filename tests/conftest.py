"""Shared test helpers: where the app lives and how to drive it through `app.py` with AppTest."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"


def run_page(script: str | None = None, params: Mapping[str, str] | None = None) -> AppTest:
    """Start from app.py (so the navigation is exercised), open `script` with URL `params`, run it."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if script is not None and script != "views/home.py":
        at.switch_page(script).run()
    return at


def figures(at: AppTest) -> list[dict[str, Any]]:
    """Every Plotly figure on the page, as the JSON the browser receives."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
