"""Sources, evidence levels and citations for the content in `content/`. Pure: no Streamlit.

Every source is listed once in `content/references.yaml`; pages cite it in Markdown as `[@key]` or
`[@key1; @key2]`. This module loads and validates both (an unknown key, a missing field or a level
outside the legend raises `ValueError` with a sentence naming the file and the problem), numbers the
sources of a page in order of first citation, and renders markers as linked, level-labelled numbers:

>>> from retroedu.content.pages import parse_page
>>> refs = parse_references({"smith2020": {"authors": "Smith A", "year": 2020, "title": "T",
...     "journal": "J", "url": "https://example.org/t", "level": "lab"}})
>>> page = check_page(parse_page("---\\ntitle: T\\nsummary: S.\\n---\\nFaster [@smith2020].\\n"), refs)
>>> page.render("Faster [@smith2020].")
'Faster \\\\[[1\\xa0·\\xa0lab](#src-smith2020 "Smith A (2020). Lab study (small n)")\\\\].'
>>> page.sources
('smith2020',)

The format is documented for writers in content/README.md.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from retroedu.content.i18n import ENGLISH, N_, Language
from retroedu.content.pages import Page


@dataclass(frozen=True)
class EvidenceLevel:
    """One step of the evidence legend. `rank` 1 is the strongest; `badge` is the text marker."""

    id: str
    label: str
    meaning: str
    rank: int
    badge: str

    def said(self, lang: Language = ENGLISH) -> tuple[str, str]:
        """The label and the meaning in `lang`."""
        return lang._(self.label), lang._(self.meaning)


# Ordered strongest first. The badge is printed in every citation marker, so strength never depends
# on colour alone. Labels and meanings are English, marked for the catalogue and translated where
# shown (`EvidenceLevel.said`); the badge is a short code, the same in every language.
LEVELS: tuple[EvidenceLevel, ...] = (
    EvidenceLevel(
        "review",
        N_("Review or meta-analysis"),
        N_(
            "Pools many studies or summarises a whole field. The strongest kind of evidence here, "
            "though only as good as the studies inside it."
        ),
        1,
        "review",
    ),
    EvidenceLevel(
        "trial",
        N_("Controlled trial"),
        N_(
            "People were given a programme or kept as a comparison group and the outcomes compared. "
            "Can show cause and effect, for people like those studied; pilots are small."
        ),
        2,
        "trial",
    ),
    EvidenceLevel(
        "cohort",
        N_("Observational study (large n)"),
        N_(
            "Hundreds or thousands of people measured, nothing changed. Good for typical values; "
            "cannot show cause and effect."
        ),
        3,
        "cohort",
    ),
    EvidenceLevel(
        "lab",
        N_("Lab study (small n)"),
        N_(
            "A handful to a few dozen people measured carefully in a laboratory. Shows mechanisms; "
            "the exact number may not hold for you."
        ),
        4,
        "lab",
    ),
    EvidenceLevel(
        "record",
        N_("Official record"),
        N_(
            "A performance ratified by a record-keeping body. True about that performance; "
            "says nothing about health."
        ),
        5,
        "record",
    ),
    EvidenceLevel(
        "practice",
        N_("Expert opinion or practice report"),
        N_(
            "Guidelines, manuals, clinicians' and coaches' advice, press reports of research. "
            "Useful know-how, not a test of whether something works."
        ),
        6,
        "expert",
    ),
    EvidenceLevel(
        "anecdote",
        N_("Anecdote"),
        N_("One person's story or an old report. Interesting, not evidence that something works."),
        7,
        "anecdote",
    ),
    EvidenceLevel(
        "unconfirmed",
        N_("Claimed, unconfirmed"),
        N_(
            "Often repeated, but we could not find the original source or any study that tested it. "
            "Do not rely on it."
        ),
        8,
        "unconfirmed",
    ),
)
LEVEL_BY_ID: Mapping[str, EvidenceLevel] = {level.id: level for level in LEVELS}

KEY_PATTERN = r"[a-z][a-z0-9_]*"
# One marker: "[@key]" or "[@key1; @key2]". Anything else that opens with "[@" is a typo.
CITATION = re.compile(rf"\[@({KEY_PATTERN}(?:\s*;\s*@{KEY_PATTERN})*)\]")
CITATION_LIKE = re.compile(r"\[@[^\]]*\]?")
# An interactive section a page script supplies, on a line of its own: "<!-- hook: energy_chart -->".
HOOK = re.compile(r"^<!--\s*hook:\s*([a-z][a-z0-9_]*)\s*-->\s*$", re.MULTILINE)

REQUIRED_FIELDS = ("authors", "title", "journal", "level")
OPTIONAL_FIELDS = ("year", "details", "doi", "pmid", "url", "note", "seen")
#: What `seen:` may say about how we know a source: only from another source that reports it.
SEEN = {
    "secondary": N_("Secondary: known to us from a summary or a copy, not from the full original.")
}
#: What a reference without a year shows instead ("no date").
NO_DATE = N_("n.d.")
#: Copies, mirrors, aggregators and SEO proxies: a reference links to the DOI, PubMed or the
#: publisher's or official page instead (a host ends with one of these names).
MIRROR_HOSTS = (
    "prideseotools.com",
    "blogspot.com",
    "coek.info",
    "daneshyari.com",
    "readbyqxmd.com",
    "qeeebo.com",
    "scribd.com",
    "studylib.net",
    "pocketmags.com",
    "manualsonline.com",
    "dntb.gov.ua",
    "scilit.com",
    "paperexplained.cn",
    "wilddata.cn",
    "pubmedhh.nlm.nih.gov",
    "scite.ai",
    "researcher.life",
    "booksci.cn",
    "peeref.com",
    "zhixidata.com",
    "kipdf.com",
    "docslib.org",
    "fdocuments.net",
    "manualmachine.com",
    "manuzoid.com",
    "manualsdump.com",
    "core.ac.uk",
    "weglot.com",
    "fx361.cc",
)


def mirror_host(url: str) -> str:
    """The mirror host `url` points at, or "" for an address a reference may use.

    >>> mirror_host("https://www.scribd.com/document/1"), mirror_host("https://doi.org/10.1/x")
    ('scribd.com', '')
    """
    host = (urlparse(url).hostname or "").lower()
    return next((m for m in MIRROR_HOSTS if host == m or host.endswith("." + m)), "")


LOCATORS = ("doi", "pmid", "url")


@dataclass(frozen=True)
class Reference:
    """One source (or, at level "unconfirmed", one untraced claim) from references.yaml."""

    key: str
    authors: str
    year: int | None
    title: str
    journal: str
    level: EvidenceLevel
    details: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""
    note: str = ""
    seen: str = ""

    @property
    def short(self) -> str:
        """Author and year, as in a tooltip; three or more authors become "First et al.".

        >>> Reference("k", "Roos PE, Barton N, van Deursen RWM", 2012, "T", "J",
        ...     LEVEL_BY_ID["lab"]).short
        'Roos PE et al. (2012)'
        """
        return self.shortened()

    def year_text(self, lang: Language = ENGLISH) -> str:
        """The year, or "n.d." (no date) in `lang`."""
        return str(self.year) if self.year else lang._(NO_DATE)

    def shortened(self, lang: Language = ENGLISH) -> str:
        """`short`, its "n.d." in `lang` ("et al." is the same in every language here)."""
        names = self.authors.split(", ")
        who = f"{names[0]} et al." if len(names) > 2 else self.authors
        return f"{who} ({self.year_text(lang)})"

    def links(self) -> list[tuple[str, str]]:
        """(link text, address) pairs: DOI, PubMed, then the page we read.

        >>> ref = Reference("k", "A", 2001, "T", "J", LEVEL_BY_ID["lab"], doi="10.1/x", pmid="9")
        >>> ref.links()
        [('doi:10.1/x', 'https://doi.org/10.1/x'), ('PubMed 9', 'https://pubmed.ncbi.nlm.nih.gov/9/')]
        """
        found = []
        if self.doi:
            found.append((f"doi:{self.doi}", f"https://doi.org/{self.doi}"))
        if self.pmid:
            found.append((f"PubMed {self.pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"))
        if self.url and not any(address == self.url for _, address in found):
            found.append((urlparse(self.url).netloc.removeprefix("www."), self.url))
        return found

    def markdown(self, lang: Language = ENGLISH) -> str:
        """The full citation in Markdown, with links and the evidence level written out (in
        `lang`; the source itself stays in its own language)."""
        details = f" {self.details}" if self.details else ""
        links = " · ".join(
            f"[{escape_markdown(text)}]({address})" for text, address in self.links()
        )
        evidence = lang._("Evidence: {level}").format(level=lang._(self.level.label).lower())
        parts = [
            f"{escape_markdown(self.authors)} ({self.year_text(lang)}). "
            f"{escape_markdown(self.title)}. "
            f"*{escape_markdown(self.journal)}*{escape_markdown(details)}.",
            links,
            f"**{evidence}**",
            f"*{lang._(SEEN[self.seen])}*" if self.seen else "",
        ]
        return " ".join(part for part in parts if part)


def escape_markdown(text: str) -> str:
    """Keep source text literal in Markdown (no stray emphasis, links, maths or Streamlit colours).

    >>> escape_markdown("A*B [x] $5 :red[y]")
    'A\\\\*B \\\\[x\\\\] \\\\$5 \\\\:red\\\\[y\\\\]'
    """
    return re.sub(r"([\\`*_\[\]$:<>#|~])", r"\\\1", text)


def parse_references(data: object, where: str = "references.yaml") -> dict[str, Reference]:
    """Check the parsed YAML of the references file and build `Reference`s.

    Raises ValueError naming every problem found: a field missing or empty, an unknown field, a level
    outside the legend, no DOI/PubMed/URL for a real source, or an unconfirmed claim without a note.
    """
    if not isinstance(data, dict) or not data:
        raise ValueError(f"{where} must map reference keys to their fields, and list at least one.")
    problems: list[str] = []
    found: dict[str, Reference] = {}
    for key, fields in data.items():
        if not isinstance(key, str) or not re.fullmatch(KEY_PATTERN, key):
            problems.append(f"{key!r} is not a valid key (lower-case letters, digits, '_').")
            continue
        if not isinstance(fields, dict):
            problems.append(f"{key}: its entry must be a mapping of fields.")
            continue
        trouble = _reference_problems(key, fields)
        if trouble:
            problems.extend(trouble)
            continue
        year = fields.get("year")
        found[key] = Reference(
            key=key,
            year=year,
            level=LEVEL_BY_ID[fields["level"]],
            **{
                name: str(fields[name]).strip()
                for name in (*REQUIRED_FIELDS, *OPTIONAL_FIELDS)
                if name not in ("year", "level") and fields.get(name) is not None
            },
        )
    if problems:
        raise ValueError(f"{where} has {len(problems)} problem(s): " + " ".join(problems))
    return found


def _reference_problems(key: str, fields: Mapping[str, Any]) -> list[str]:
    problems = []
    unknown = sorted(set(fields) - {*REQUIRED_FIELDS, *OPTIONAL_FIELDS})
    if unknown:
        problems.append(f"{key}: unknown field(s) {', '.join(map(str, unknown))}.")
    for name in REQUIRED_FIELDS:
        value = fields.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{key}: the field {name!r} is missing or empty.")
    for name in ("details", "doi", "pmid", "url", "note"):
        value = fields.get(name)
        # YAML reads `url: yes` as True; a bool is an int to Python, but no locator is one.
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
            problems.append(f"{key}: the field {name!r} must be text.")
    if fields.get("url") is not None and not isinstance(fields["url"], str):
        problems.append(f"{key}: the url must be a web address (http:// or https://).")
    year = fields.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or year < 1800):
        problems.append(f"{key}: the year must be a four-digit year or left empty (undated).")
    level = fields.get("level")
    if isinstance(level, str) and level not in LEVEL_BY_ID:
        problems.append(
            f"{key}: evidence level {level!r} is not in the legend ({', '.join(LEVEL_BY_ID)})."
        )
    url = fields.get("url")
    if isinstance(url, str) and urlparse(url).scheme not in ("http", "https"):
        problems.append(f"{key}: the url must start with http:// or https://.")
    if isinstance(url, str) and mirror_host(url):
        problems.append(
            f"{key}: {mirror_host(url)} is a copy, not the source; link the DOI, PubMed or the "
            "publisher's page, or give the full citation without a link."
        )
    seen = fields.get("seen")
    if seen is not None and seen not in SEEN:
        problems.append(f"{key}: 'seen' may only be: {', '.join(SEEN)}.")
    has_locator = any(fields.get(name) for name in LOCATORS)
    if level == "unconfirmed" and not has_locator and not fields.get("note"):
        problems.append(f"{key}: an untraced claim needs a 'note' saying what was searched.")
    if level != "unconfirmed" and not has_locator and not fields.get("details"):
        problems.append(
            f"{key}: a source needs a doi, pmid or url, or its full citation in 'details', "
            "so a reader can find it."
        )
    return problems


def cited_keys(text: str) -> list[str]:
    """The reference keys cited in `text`, in order of first citation, each once.

    >>> cited_keys("A [@b2; @a1]. B [@a1]. C [@c].")
    ['b2', 'a1', 'c']
    """
    keys: list[str] = []
    for match in CITATION.finditer(text):
        for part in match.group(1).split(";"):
            key = part.strip().removeprefix("@")
            if key not in keys:
                keys.append(key)
    return keys


def malformed_markers(text: str) -> list[str]:
    """Markers that look like citations but do not parse (e.g. "[@ key]", "[@a, @b]").

    >>> malformed_markers("ok [@a; @b]; bad [@a, @b] and [@]")
    ['[@a, @b]', '[@]']
    """
    good = {match.span() for match in CITATION.finditer(text)}
    return [m.group(0) for m in CITATION_LIKE.finditer(text) if m.span() not in good]


def _strings(value: object) -> Iterator[str]:
    """Every string inside a front-matter value (lists and mappings walked recursively)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _listed_refs(value: object) -> Iterator[object]:
    """Items of every `refs:` list in the front matter, at any depth (e.g. home-page facts)."""
    if isinstance(value, Mapping):
        for name, item in value.items():
            if name == "refs":
                yield from item if isinstance(item, list) else [item]
            else:
                yield from _listed_refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _listed_refs(item)


def page_keys(page: Page) -> list[str]:
    """Keys a page cites in the order a reader meets them: the key points at the top, the body,
    then other front-matter markers and `refs` lists."""
    keys = []
    for text in [*_strings(page.meta.get("key_points")), page.body]:
        keys += [key for key in cited_keys(text) if key not in keys]
    for text in _strings(page.meta):
        keys += [key for key in cited_keys(text) if key not in keys]
    for item in _listed_refs(page.meta):
        if isinstance(item, str) and item not in keys:
            keys.append(item)
    return keys


@dataclass(frozen=True)
class QuizQuestion:
    """One teach-back question. `answer` is the index of the right option in `options`, the order
    the content file lists them in; readers see them shuffled (`shuffled`)."""

    question: str
    options: tuple[str, ...]
    answer: int
    explain: str

    def shuffled(self, seed: int) -> tuple[tuple[str, ...], int]:
        """The options in an order drawn from `seed` and the question, and the right one's index.

        The same seed gives the same order (a reader's answers stay put through reruns); another
        seed, or another question with the same seed, usually gives another order, so the right
        answer's position tells nothing.

        >>> q = QuizQuestion("Q?", ("right", "wrong", "also wrong"), 0, "Because.")
        >>> q.shuffled(7) == q.shuffled(7)
        True
        >>> options, answer = q.shuffled(7)
        >>> options[answer], sorted(options) == sorted(q.options)
        ('right', True)
        """
        order = list(range(len(self.options)))
        random.Random(f"{seed}\n{self.question}").shuffle(order)
        return tuple(self.options[i] for i in order), order.index(self.answer)


@dataclass(frozen=True)
class Card:
    """A boxed item under the body (e.g. one myth): a title, an optional short badge, a body."""

    title: str
    body: str
    badge: str = ""


@dataclass(frozen=True)
class LearnPage:
    """A validated content page with its sources numbered in order of first citation.

    `key_points` are the three points the page opens with; `callout` a box shown near the top
    (e.g. when to stop and see a clinician); `cards` boxes after the body. `lang` is the page's
    language, in which its markers and source list name the evidence levels."""

    page: Page
    sources: tuple[str, ...]
    refs: Mapping[str, Reference]
    quiz: tuple[QuizQuestion, ...] = ()
    cards: tuple[Card, ...] = ()
    key_points: tuple[str, ...] = ()
    callout: Card | None = None
    lang: Language = ENGLISH

    @property
    def numbers(self) -> dict[str, int]:
        return {key: index for index, key in enumerate(self.sources, start=1)}

    def marker(self, key: str) -> str:
        """One linked, numbered marker showing the level, e.g. `[3 · lab](#src-key "…")`."""
        ref = self.refs[key]
        tip = f"{ref.shortened(self.lang)}. {self.lang._(ref.level.label)}".replace('"', "'")
        # No-break spaces keep "3 · lab" on one line.
        return f'[{self.numbers[key]}\u00a0·\u00a0{ref.level.badge}](#src-{key} "{tip}")'

    def cite(self, keys: Iterable[str]) -> str:
        """Markers for a list of keys (e.g. a fact's `refs`), as one bracket like the text uses."""
        return r"\[" + ", ".join(self.marker(key) for key in keys) + r"\]"

    def render(self, text: str) -> str:
        """Replace every `[@…]` marker in `text` by linked markers such as "[1 · lab, 4 · review]"."""

        def replace(match: re.Match[str]) -> str:
            return self.cite(part.strip().removeprefix("@") for part in match.group(1).split(";"))

        return CITATION.sub(replace, text)

    def source_list(self, anchors: bool = True) -> str:
        """The page's sources as a numbered Markdown list, each item with its level in words.

        With `anchors`, each item opens with an empty HTML anchor `<a id="src-key"></a>` so the
        markers can jump to it; Markdown has no syntax for an anchor, so show it with HTML allowed.
        """
        lines = []
        for number, key in enumerate(self.sources, start=1):
            anchor = f'<a id="src-{key}"></a>' if anchors else ""
            lines.append(f"{number}. {anchor}{self.refs[key].markdown(self.lang)}")
        return "\n".join(lines)

    def hooks(self) -> list[str]:
        """Names of the interactive sections the body asks the page script to supply."""
        return HOOK.findall(self.page.body)

    def chunks(self) -> list[tuple[str, str]]:
        """The body split at hooks: ("markdown", rendered text) and ("hook", name) in order.

        >>> from retroedu.content.pages import parse_page
        >>> refs = parse_references({"a": {"authors": "A", "year": 2001, "title": "T",
        ...     "journal": "J", "url": "https://x.org", "level": "review"}})
        >>> body = "One [@a].\\n<!-- hook: chart -->\\nTwo."
        >>> page = check_page(parse_page(f"---\\ntitle: T\\nsummary: S.\\n---\\n{body}"), refs)
        >>> [kind for kind, _ in page.chunks()]
        ['markdown', 'hook', 'markdown']
        """
        parts = HOOK.split(self.page.body)
        found: list[tuple[str, str]] = []
        for index, part in enumerate(parts):
            if index % 2:
                found.append(("hook", part))
            elif part.strip():
                found.append(("markdown", self.render(part.strip())))
        return found


def _quiz(value: object, name: str) -> tuple[QuizQuestion, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise ValueError(f"{name}: 'quiz' must be a list of questions.")
    questions = []
    for number, item in enumerate(value, start=1):
        where = f"{name}: quiz question {number}"
        if not isinstance(item, dict) or set(item) != {"question", "options", "answer", "explain"}:
            raise ValueError(f"{where} needs exactly: question, options, answer, explain.")
        options = item["options"]
        if (
            not isinstance(options, list)
            or len(options) < 2
            or not all(isinstance(option, str) and option.strip() for option in options)
            or len(set(options)) != len(options)
        ):
            raise ValueError(f"{where} needs at least two different, non-empty options.")
        answer = item["answer"]
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise ValueError(f"{where}: 'answer' must be the number of the right option, from 0.")
        if not 0 <= answer < len(options):
            raise ValueError(f"{where}: answer {answer} is not one of the {len(options)} options.")
        for field_name in ("question", "explain"):
            if not isinstance(item[field_name], str) or not item[field_name].strip():
                raise ValueError(f"{where}: {field_name!r} must be non-empty text.")
        if any(CITATION_LIKE.search(text) for text in (item["question"], *options)):
            # A marker shows the evidence level ("unconfirmed"), which can give the answer away.
            raise ValueError(
                f"{where}: the question and its options may not carry citation markers "
                "(a marker's level can give the answer away); cite in 'explain'."
            )
        questions.append(QuizQuestion(item["question"], tuple(options), answer, item["explain"]))
    return tuple(questions)


#: How many key points a page opens with.
KEY_POINTS = 3


def _key_points(value: object, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if (
        not isinstance(value, list)
        or len(value) != KEY_POINTS
        or not all(isinstance(point, str) and point.strip() for point in value)
    ):
        raise ValueError(
            f"{name}: 'key_points' must be a list of exactly {KEY_POINTS} short texts."
        )
    return tuple(point.strip() for point in value)


def _callout(value: object, name: str) -> Card | None:
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or set(value) != {"title", "body"}
        or not all(isinstance(text, str) and text.strip() for text in value.values())
    ):
        raise ValueError(f"{name}: 'callout' needs exactly the text fields title and body.")
    return Card(value["title"], value["body"])


def _cards(value: object, name: str) -> tuple[Card, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise ValueError(f"{name}: 'cards' must be a list of cards.")
    cards = []
    for number, item in enumerate(value, start=1):
        if (
            not isinstance(item, dict)
            or not {"title", "body"} <= set(item) <= {"title", "body", "badge"}
            or not all(isinstance(text, str) and text.strip() for text in item.values())
        ):
            raise ValueError(
                f"{name}: card {number} needs text fields title and body (badge optional)."
            )
        cards.append(Card(item["title"], item["body"], item.get("badge", "")))
    return tuple(cards)


def check_page(page: Page, refs: Mapping[str, Reference], lang: Language = ENGLISH) -> LearnPage:
    """Validate a page's citations, quiz and cards against `refs`; number its sources. `lang`
    is the language the page is written in."""
    texts = [page.body, *_strings(page.meta)]
    broken = [marker for text in texts for marker in malformed_markers(text)]
    if broken:
        raise ValueError(
            f"Content page {page.name!r} has citation markers that do not parse: {', '.join(broken)}. "
            "Write [@key] or [@key1; @key2]."
        )
    keys = page_keys(page)
    unknown = [key for key in keys if not isinstance(key, str) or key not in refs]
    if unknown:
        raise ValueError(
            f"Content page {page.name!r} cites reference key(s) not in references.yaml: "
            f"{', '.join(map(str, unknown))}."
        )
    hooks = HOOK.findall(page.body)
    if len(set(hooks)) != len(hooks):
        raise ValueError(f"Content page {page.name!r} uses the same hook twice.")
    return LearnPage(
        page=page,
        sources=tuple(keys),
        refs=refs,
        quiz=_quiz(page.meta.get("quiz"), page.name),
        cards=_cards(page.meta.get("cards"), page.name),
        key_points=_key_points(page.meta.get("key_points"), page.name),
        callout=_callout(page.meta.get("callout"), page.name),
        lang=lang,
    )


def legend_markdown(lang: Language = ENGLISH) -> str:
    """The legend as a Markdown list: badge, label and what the level means for a reader, in
    `lang`.

    >>> legend_markdown().splitlines()[0].startswith("- **[review] Review or meta-analysis.** Pools")
    True
    """
    lines = []
    for level in LEVELS:
        label, meaning = level.said(lang)
        lines.append(f"- **[{level.badge}] {label}.** {meaning}")
    return "\n".join(lines)
