"""Reading the figure blocks of a content page's front matter: plain checks that raise
`ValueError` with a sentence naming the block and the problem, shared by the Learn figures.

>>> items([{"a": 1}], "rows")[0]["a"]
1
>>> text({"name": " Heel "}, "name", "row 1")
'Heel'
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Mapping
from typing import Any

from retroedu.content.evidence import CITATION
from retroedu.content.typography import collapsed
from retroedu.models.checks import real


def items(data: object, block: str) -> list[Mapping[str, Any]]:
    """The entries of list block `block`, each a mapping."""
    if not isinstance(data, list) or not data:
        raise ValueError(f"The '{block}' block must be a non-empty list of entries.")
    for number, item in enumerate(data, start=1):
        if not isinstance(item, Mapping):
            raise ValueError(f"Entry {number} of '{block}' must be a mapping of fields.")
    return data


def text(item: Mapping[str, Any], name: str, where: str) -> str:
    """The non-empty text field `name`, stripped."""
    value = item.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} needs the text field {name!r}.")
    return value.strip()


def number(item: Mapping[str, Any], name: str, where: str, *, optional: bool = False) -> float:
    """The non-negative number field `name` (NaN when `optional` and absent)."""
    value = item.get(name)
    if value is None and optional:
        return math.nan
    found = real(value, f"{name!r} of {where}")
    if found < 0:
        raise ValueError(f"{where}: {name!r} cannot be negative ({found:g}).")
    return found


def refs(item: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """The `refs` field: a non-empty list of reference keys."""
    found = item.get("refs")
    if not isinstance(found, list) or not found or not all(isinstance(k, str) for k in found):
        raise ValueError(f"{where} needs 'refs': a list of reference keys.")
    return tuple(found)


def only(item: Mapping[str, Any], allowed: set[str], where: str) -> None:
    """ValueError naming any field of `item` outside `allowed`."""
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise ValueError(f"{where} has unknown field(s): {', '.join(map(str, unknown))}.")


def wrap(value: str, width: int) -> str:
    """Break text into lines for Plotly, which never wraps on its own.

    >>> wrap("toes touch first, then the heel", 12)
    'toes touch<br>first, then<br>the heel'
    """
    return "<br>".join(textwrap.wrap(value, width))


def strip_citations(value: str) -> str:
    """Text without its `[@key]` markers, for places that cannot link them (a chart's hover).

    >>> strip_citations("Faster backward [@wright2001; @rasica2020]. Slower [@x].")
    'Faster backward. Slower.'
    >>> strip_citations("At 35\u00a0%  more [@wright2001].")  # a unit stays with its number
    'At 35\xa0% more.'
    """
    return re.sub(r" ([.,;:])", r"\1", collapsed(CITATION.sub("", value)))
