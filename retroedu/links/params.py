"""Checking values that arrive in a shared link (URL query parameters). Pure; no Streamlit."""

from __future__ import annotations

import math


def was_rejected(raw: str, value: object) -> bool:
    """True when a URL value did not survive as given (not parseable, out of range, unknown).

    `raw` is the text that arrived in the link; `value` is what the widget settled on.

    >>> was_rejected("50", 50), was_rejected("abc", 40), was_rejected("500", 40)
    (False, True, True)
    >>> was_rejected("tanaka", "tanaka"), was_rejected("<script>", "tanaka")
    (False, True)
    >>> was_rejected("nan", 40.0), was_rejected("", None)
    (True, False)
    """
    if value is None:
        return raw.strip() != ""
    if isinstance(value, bool):
        return raw.strip().lower() not in {str(value).lower(), "1" if value else "0"}
    if isinstance(value, int | float):
        try:
            number = float(raw)
        except ValueError:
            return True
        return not math.isfinite(number) or not math.isclose(number, float(value), abs_tol=1e-9)
    return raw != str(value)
