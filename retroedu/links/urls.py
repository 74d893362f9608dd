"""Shareable links: the address that reopens a page with the same settings. Pure; no Streamlit.

Streamlit keeps each calculator setting in the URL (widgets bound to query parameters), so a link
is the app's address, the page's path and the settings as query parameters, in the form the
widgets read back.

>>> page_url("http://127.0.0.1:8501", "heart-rate", {"age": 50, "resting_hr": None, "units": "metric"})
'http://127.0.0.1:8501/heart-rate?age=50&units=metric'
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

from retroedu import site


def param_text(value: object) -> str:
    """One setting as the text a bound widget reads back from the URL.

    Numbers lose trailing zeros, flags are "true"/"false", text stays as it is.

    >>> [param_text(v) for v in (70.0, 5.25, 40, True, "tanaka")]
    ['70', '5.25', '40', 'true', 'tanaka']
    >>> param_text(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: A link can only carry finite numbers (got nan).
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"A link can only carry finite numbers (got {value}).")
        return f"{value:.6g}"
    return str(value)


def app_base(current_url: str, page_keys: Collection[str] = site.BY_KEY) -> str:
    """The app's own address: `current_url` without a page's path, query or fragment.

    The last path segment is taken as a page's path when it names a page in `page_keys`.

    >>> app_base("http://localhost:8501/heart-rate")
    'http://localhost:8501'
    >>> app_base("https://example.org/retroedu/calories?weight=80#top")
    'https://example.org/retroedu'
    >>> app_base("http://localhost:8501/")
    'http://localhost:8501'
    """
    parts = urlsplit(current_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"{current_url!r} is not a web address (http or https).")
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last.lower() in page_keys:
        path = head
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def page_url(base: str, page_path: str, params: Mapping[str, object]) -> str:
    """The link to `page_path` with `params` (settings whose value is None are left out).

    >>> page_url("http://h:1/app", "home", {"present": True})
    'http://h:1/app/?present=true'
    """
    query = urlencode(
        {key: param_text(value) for key, value in params.items() if value is not None}
    )
    address = f"{base.rstrip('/')}/{'' if page_path == site.HOME else page_path}"
    return f"{address}?{query}" if query else address
