"""Spaces in text a reader sees: a number kept with its unit, and whitespace collapsed without
undoing that. Pure; no Streamlit.

A line may not start with a unit ("35 / % more" on a phone, "5 / km/h" on a slide): the content
loader joins every number to its unit with a no-break space (`units_kept`). Code that tidies text
afterwards collapses only ordinary whitespace (`collapsed`): Python's `str.split()` also splits on
the no-break space, and would part them again.
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"

#: The space, or the line break, between a number (or a `{placeholder}` a page fills with one) and
#: its unit. A line break counts: Markdown and YAML fold it into a space, where a line may break.
#: Longer units first; a word that starts like a unit ("5 minutes", "10 ml/kg") stays apart.
UNIT_SPACE = re.compile(
    r"(?<=[\d}])(?: |\n[ \t]*)"
    r"(?=(?:km/h|m/s|ml/kg/min|J/kg/m|mph|km|kg|kcal|bpm|lpm|Nm|MET|ml|min|%|h|s|m)(?![\w/]))"
)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def units_kept(text: str) -> str:
    """`text` with a no-break space between each number and its unit.

    >>> units_kept("35 % at 5 km/h, 10 s, 5 minutes, 3 mph, 6.0 MET, 42\\n  % more.").split(" ")
    ['35\\xa0%', 'at', '5\\xa0km/h,', '10\\xa0s,', '5', 'minutes,', '3\\xa0mph,', '6.0\\xa0MET,', '42\\xa0%', 'more.']
    >>> units_kept("{minutes} min, 23.6 ml/kg/min")
    '{minutes}\\xa0min, 23.6\\xa0ml/kg/min'
    """
    return UNIT_SPACE.sub(NO_BREAK_SPACE, text)


def collapsed(text: str) -> str:
    """`text` with each run of ordinary whitespace as one space, trimmed; no-break spaces stay.

    >>> collapsed("  35\\xa0%  more\\n than ")
    '35\\xa0% more than'
    """
    return _SPACES.sub(" ", text).strip()
