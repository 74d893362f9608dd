"""Every content page and reference, loaded and checked together. Pure; no Streamlit.

`Library.load()` reads `content/references.yaml` and every `content/*.md` page, fills the named
numbers (`{{token}}`, see `retroedu.content.facts`) that come from the models, joins every number
to its unit with a no-break space (`retroedu.content.typography`), and validates each page's
citations. `Library.load("es")` reads the pages of another language from its folder,
`content/es/*.md`, with the same references (sources stay in their own language) and the numbers
written as that language writes them. Nothing here caches: the app keeps one library per process
and language (`ui/cache.py`), tests build one per session.

>>> library = Library.load()
>>> library.page("muscles").page.title
'Muscle activation'
>>> "wright2001" in library.citing("why_backward")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from retroedu.content import facts, i18n
from retroedu.content.evidence import (
    LEVEL_BY_ID,
    LEVELS,
    EvidenceLevel,
    LearnPage,
    Reference,
    check_page,
    parse_references,
)
from retroedu.content.i18n import Language
from retroedu.content.pages import CONTENT_DIR, parse_page
from retroedu.content.typography import units_kept

#: A named number from the models, written `{{name}}` in a content file.
TOKEN = re.compile(r"\{\{\s*([a-z][a-z0-9_]*)\s*\}\}")


#: The longest search a reader may type (longer text is cut, never an error).
QUERY_LIMIT = 100


def folded(text: str) -> str:
    """Text for matching: lower case, accents removed, spaces collapsed.

    >>> folded("  Jürgens  ÉTUDE ")
    'jurgens etude'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def fill_tokens(text: str, values: Mapping[str, str], where: str) -> str:
    """`text` with every `{{name}}` replaced by `values[name]`; ValueError for an unknown name.

    >>> fill_tokens("k = {{k}}.", {"k": "1.6"}, "x.md")
    'k = 1.6.'
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ValueError(f"{where} uses {{{{{name}}}}}, which no model provides.")
        return values[name]

    return TOKEN.sub(replace, text)


def pages_folder(lang: str, folder: Path = CONTENT_DIR) -> Path:
    """The folder of language `lang`'s pages: `folder` itself for English, else its subfolder.

    >>> pages_folder("es").relative_to(CONTENT_DIR).as_posix(), pages_folder("en") == CONTENT_DIR
    ('es', True)
    """
    return folder if lang == i18n.SOURCE else folder / lang


def page_files(lang: str, folder: Path = CONTENT_DIR) -> list[Path]:
    """The files of language `lang`'s pages, one per English page: its own translation where
    there is one, else the English page (a page not yet translated reads in English rather than
    not at all; tests/unit/test_translations.py holds every language to a full set).

    >>> [path.parent.name for path in page_files("en")][:1]
    ['content']
    """
    english = [path for path in sorted(folder.glob("*.md")) if path.name != "README.md"]
    if lang == i18n.SOURCE:
        return english
    own = pages_folder(lang, folder)
    return [own / path.name if (own / path.name).is_file() else path for path in english]


@dataclass(frozen=True)
class Library:
    """The validated content of one language: pages by name (`content/<name>.md`, or
    `content/<code>/<name>.md`) and references by key."""

    pages: Mapping[str, LearnPage]
    references: Mapping[str, Reference]
    lang: Language = i18n.ENGLISH

    @classmethod
    def load(cls, lang: str | Language = i18n.SOURCE, folder: Path = CONTENT_DIR) -> Library:
        """Read and validate the pages of language `lang` (a code, or a `Language` with its
        catalogue) and the references, from `folder`. ValueError names the file and the problem,
        or the language whose folder is missing."""
        language = i18n.load(lang) if isinstance(lang, str) else lang
        refs_file = folder / "references.yaml"
        refs = parse_references(yaml.safe_load(refs_file.read_text("utf-8")), refs_file.name)
        values = facts.values(language.code)
        pages = {}
        for path in page_files(language.code, folder):
            name = path.relative_to(folder).as_posix()
            text = units_kept(fill_tokens(path.read_text("utf-8"), values, name))
            pages[path.stem] = check_page(parse_page(text, path.stem), refs, language)
        return cls(MappingProxyType(pages), MappingProxyType(refs), language)

    def page(self, name: str) -> LearnPage:
        """The page `content/<name>.md` (ValueError naming the pages there are, if none)."""
        try:
            return self.pages[name]
        except KeyError:
            raise ValueError(
                f"No content page {name!r}; there are: {', '.join(self.pages)}."
            ) from None

    def citing(self, name: str) -> tuple[str, ...]:
        """The reference keys page `name` cites, in order of first citation."""
        return self.page(name).sources

    def citing_pages(self) -> dict[str, list[str]]:
        """For each reference key, the names of the pages that cite it (uncited: empty)."""
        cited: dict[str, list[str]] = {key: [] for key in self.references}
        for name, page in self.pages.items():
            for key in page.sources:
                cited[key].append(name)
        return cited

    def find(
        self, query: str = "", levels: Iterable[str] = (), topics: Iterable[str] = ()
    ) -> list[str]:
        """Keys of the references that match every filter, in references.yaml order.

        `query`: every word must appear in the authors, year, title, journal, details or note
        (any case, accents ignored; plain text, never a pattern). `levels`: level ids, any of
        them (none: every level). `topics`: content page names; a reference matches when one of
        them cites it (none: every reference). ValueError for a level or page that does not exist.

        >>> library = Library.load()
        >>> library.find("weyand ground force")
        ['wright2001']
        >>> "roos2012" in library.find(levels=["lab"], topics=["toe_to_heel"])
        True
        >>> library.find("no such words here")
        []
        """
        wanted_levels = set(levels)
        unknown = sorted(wanted_levels - set(LEVEL_BY_ID))
        if unknown:
            raise ValueError(
                f"No evidence level {', '.join(unknown)}; levels are: {', '.join(LEVEL_BY_ID)}."
            )
        wanted_topics = set(topics)
        missing = sorted(wanted_topics - set(self.pages))
        if missing:
            raise ValueError(f"No content page {', '.join(missing)}.")
        citing = self.citing_pages()
        words = folded(query[:QUERY_LIMIT]).split()
        found = []
        for key, ref in self.references.items():
            if wanted_levels and ref.level.id not in wanted_levels:
                continue
            if wanted_topics and not wanted_topics & set(citing[key]):
                continue
            text = folded(
                " ".join(
                    [
                        ref.authors,
                        str(ref.year or ""),
                        ref.title,
                        ref.journal,
                        ref.details,
                        ref.note,
                    ]
                )
            )
            if all(word in text for word in words):
                found.append(key)
        return found

    def topics(self) -> list[str]:
        """Content pages that cite at least one reference: the topics References filters by."""
        return [name for name, page in self.pages.items() if page.sources]

    def by_level(self, keys: Iterable[str]) -> list[tuple[EvidenceLevel, list[Reference]]]:
        """References grouped by level, strongest first; within a level by first author, year."""
        chosen = [self.references[key] for key in keys]
        grouped = []
        for level in LEVELS:
            members = [ref for ref in chosen if ref.level == level]
            if members:
                members.sort(key=lambda ref: (ref.authors.lower(), ref.year or 0, ref.key))
                grouped.append((level, members))
        return grouped
