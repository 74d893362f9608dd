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
