"""Load Markdown pages with YAML front matter from `content/`.

>>> page = parse_page("---\\ntitle: Hi\\nsummary: A test.\\n---\\nBody text.\\n")
>>> page.title, page.summary, page.body
('Hi', 'A test.', 'Body text.')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


@dataclass(frozen=True)
class Page:
    """One Markdown page: its front matter fields and its body."""

    name: str
    title: str
    summary: str
    body: str
    meta: dict[str, Any] = field(default_factory=dict)


def parse_page(text: str, name: str = "<text>") -> Page:
    """Split front matter from the body; require a title and a one-line summary."""
    if not text.startswith("---\n"):
        raise ValueError(f"Content page {name!r} must start with YAML front matter ('---').")
    try:
        header, body = text[4:].split("\n---\n", 1)
    except ValueError:
        raise ValueError(
            f"Content page {name!r} has no closing '---' after its front matter."
        ) from None
    try:
        meta = yaml.safe_load(header) or {}
    except yaml.YAMLError as problem:
        raise ValueError(f"The front matter of {name!r} is not valid YAML: {problem}") from None
    if not isinstance(meta, dict):
        raise ValueError(f"The front matter of {name!r} must be a mapping of fields.")
    for required in ("title", "summary"):
        if not isinstance(meta.get(required), str) or not meta[required].strip():
            raise ValueError(f"Content page {name!r} is missing its {required!r}.")
    return Page(
        name=name, title=meta["title"], summary=meta["summary"], body=body.strip(), meta=meta
    )
