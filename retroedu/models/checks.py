"""The one number check every layer uses: a real, finite number, or a sentence saying why not.

Models, link reading and content parsing all take numbers from people (a typed value, a link, a
YAML file). Each refuses the same things the same way: text, booleans (`True` is an `int` to
Python, but nobody typed it as a number), NaN and infinities.

>>> real(70, "body weight"), real(2.5, "speed")
(70.0, 2.5)
>>> real(True, "age")
Traceback (most recent call last):
...
ValueError: The age must be a number.
>>> real(float("inf"), "speed")
Traceback (most recent call last):
...
ValueError: The speed must be a finite number (got inf).
"""

from __future__ import annotations

import math
import numbers


def real(value: object, what: str) -> float:
    """`value` as a float if it is a real, finite number; ValueError naming `what` otherwise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"The {what} must be a number.")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"The {what} must be a finite number (got {number}).")
    return number


def parse(text: str, what: str) -> float:
    """A number typed or carried in a link, as a float; ValueError if it is not a finite number.

    >>> parse(" 5.5 ", "speed"), parse("1e2", "age")
    (5.5, 100.0)
    >>> parse("abc", "age")
    Traceback (most recent call last):
    ...
    ValueError: The age must be a number.
    """
    try:
        number = float(text)
    except (TypeError, ValueError):
        raise ValueError(f"The {what} must be a number.") from None
    return real(number, what)


def within(
    value: object,
    what: str,
    low: float,
    high: float,
    *,
    too_low: str,
    too_high: str,
    low_open: bool = False,
) -> float:
    """`value` as a float inside [low, high] (or (low, high] with `low_open`), else ValueError.

    The messages are format strings given `value` and the crossed `limit`.

    >>> within(5, "speed", 0, 45, too_low="below {limit:g}", too_high="above {limit:g}")
    5.0
    >>> within(0, "weight", 0, 650, too_low="{value:g} is not above {limit:g}", too_high="",
    ...        low_open=True)
    Traceback (most recent call last):
    ...
    ValueError: 0 is not above 0
    """
    number = real(value, what)
    if number < low or (low_open and number == low):
        raise ValueError(too_low.format(value=number, limit=low))
    if number > high:
        raise ValueError(too_high.format(value=number, limit=high))
    return number
