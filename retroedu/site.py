"""The page registry: every page of RetroEdu, once. Pure; no Streamlit.

`app.py` builds the navigation from `PAGES`; the home page's links, the content loader, the
benchmarks and the tests read it too. Content names a page by its `key` (which is also its URL
path), never by its script.

>>> page("heart-rate").script, page("heart-rate").content
('app_pages/heart_rate.py', 'heart_rate')
>>> resolve("/Heart-Rate/").key, resolve("home").key, resolve("nowhere")
('heart-rate', 'home', None)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from retroedu.content.i18n import N_

#: The folder of the page scripts, relative to the repository root. Not `pages/`: see the README.
PAGES_DIR = "app_pages"

Section = Literal["Start", "Learn", "Calculate", "Present"]
SECTIONS: tuple[Section, ...] = ("Start", "Learn", "Calculate", "Present")
#: The menu's section headings as shown (translated where shown; `SECTIONS` are their keys).
SECTION_TITLES: Mapping[Section, str] = MappingProxyType(
    {
        "Start": N_("Start"),
        "Learn": N_("Learn"),
        "Calculate": N_("Calculate"),
        "Present": N_("Present"),
    }
)


@dataclass(frozen=True)
class SitePage:
    """One page: its URL path (`key`), menu title and icon, menu section and content file.

    The script is named after the key (`team-talk` -> `app_pages/team_talk.py`).
    """

    key: str
    title: str
    icon: str
    section: Section
    content: str

    @property
    def script(self) -> str:
        """The page script, relative to the repository root."""
        return f"{PAGES_DIR}/{self.key.replace('-', '_')}.py"


#: Every page, in menu order. Icons are Material Symbols, which Streamlit bundles (no network).
PAGES: tuple[SitePage, ...] = (
    SitePage("home", N_("Home"), ":material/home:", "Start", "home"),
    SitePage(
        "why-backward", N_("Why go backward"), ":material/u_turn_left:", "Learn", "why_backward"
    ),
    SitePage("muscles", N_("Muscle activation"), ":material/directions_run:", "Learn", "muscles"),
    SitePage(
        "toe-to-heel", N_("Toe-to-heel contact"), ":material/footprint:", "Learn", "toe_to_heel"
    ),
    SitePage("posture", N_("Posture"), ":material/accessibility_new:", "Learn", "posture"),
    SitePage(
        "rehab-safety",
        N_("Rehab and safety"),
        ":material/health_and_safety:",
        "Learn",
        "rehab_safety",
    ),
    SitePage(
        "getting-started",
        N_("Getting started"),
        ":material/calendar_month:",
        "Learn",
        "getting_started",
    ),
    SitePage(
        "notable-users",
        N_("Notable users and records"),
        ":material/emoji_events:",
        "Learn",
        "notable_users",
    ),
    SitePage("myths", N_("Myths and evidence"), ":material/rule:", "Learn", "myths"),
    SitePage("references", N_("References"), ":material/menu_book:", "Learn", "references"),
    SitePage(
        "heart-rate", N_("Heart-rate zones"), ":material/monitor_heart:", "Calculate", "heart_rate"
    ),
    SitePage(
        "calories", N_("Calorie cost"), ":material/local_fire_department:", "Calculate", "calories"
    ),
    SitePage("team-talk", N_("Team talk"), ":material/slideshow:", "Present", "deck"),
    SitePage("team-zones", N_("Team zones"), ":material/groups:", "Present", "team_zones"),
)
#: The page served at the app's root address.
HOME = "home"

#: The order to read the site in, by page key: each page ends with a link to the next one, and
#: Home's "Start here" is the first three (why, how to start, your zones). Every Learn page is in
#: it once; the calculators sit where a reader needs them.
READING_ORDER: tuple[str, ...] = (
    "why-backward",
    "getting-started",
    "heart-rate",
    "toe-to-heel",
    "posture",
    "muscles",
    "rehab-safety",
    "calories",
    "myths",
    "notable-users",
    "references",
)
#: How many pages of the reading order Home offers a first-time reader as "Start here".
START_HERE_PAGES = 3

BY_KEY: Mapping[str, SitePage] = MappingProxyType({p.key: p for p in PAGES})
BY_CONTENT: Mapping[str, SitePage] = MappingProxyType({p.content: p for p in PAGES})


def page(key: str) -> SitePage:
    """The page registered under `key`, or ValueError naming the keys that exist."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise ValueError(f"No page {key!r}; pages are: {', '.join(BY_KEY)}.") from None


def start_here() -> tuple[SitePage, ...]:
    """The first pages of the reading order, for a first visit.

    >>> [p.key for p in start_here()]
    ['why-backward', 'getting-started', 'heart-rate']
    """
    return tuple(page(key) for key in READING_ORDER[:START_HERE_PAGES])


def next_page(key: str) -> SitePage | None:
    """The page after `key` in the reading order; None for the last page and for pages outside it.

    >>> next_page("why-backward").title, next_page("references"), next_page("team-talk")
    ('Getting started', None, None)
    """
    page(key)  # an unknown key is a ValueError, not a quiet None
    if key not in READING_ORDER:
        return None
    position = READING_ORDER.index(key) + 1
    return page(READING_ORDER[position]) if position < len(READING_ORDER) else None


def check_reading_order(order: tuple[str, ...] = READING_ORDER) -> None:
    """ValueError unless `order` names registered pages, each once, and every Learn page.

    >>> check_reading_order(("why-backward", "why-backward"))
    Traceback (most recent call last):
    ...
    ValueError: The reading order lists why-backward more than once.
    """
    for key in order:
        page(key)
        if order.count(key) > 1:
            raise ValueError(f"The reading order lists {key} more than once.")
    missing = [p.key for p in in_section("Learn") if p.key not in order]
    if missing:
        raise ValueError(f"The reading order leaves out the Learn page(s): {', '.join(missing)}.")


def in_section(section: Section) -> Iterator[SitePage]:
    """The pages of one menu section, in menu order."""
    return (p for p in PAGES if p.section == section)


def resolve(path: str) -> SitePage | None:
    """The page a person meant by a URL path, ignoring case and slashes; None if none.

    >>> resolve("MUSCLES").key, resolve("").key
    ('muscles', 'home')
    """
    wanted = path.strip().strip("/").lower()
    return BY_KEY.get(wanted or HOME)


def aliases(key: str) -> tuple[str, ...]:
    """Spellings of a page's path a person might type, other than the path itself.

    The home page is served at the root; its key is an alias too. Case variants cover a path typed
    from a printed sheet or a slide ("Heart-Rate", "CALORIES"); a trailing slash needs no alias.

    >>> aliases("home")
    ('home', 'Home', 'HOME')
    >>> aliases("heart-rate")
    ('Heart-rate', 'Heart-Rate', 'HEART-RATE')
    """
    found = [key] if key == HOME else []
    for variant in (key.capitalize(), key.title(), key.upper()):
        if variant != key and variant not in found:
            found.append(variant)
    return tuple(found)


check_reading_order()
