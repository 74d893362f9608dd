"""The page registry: one entry per page, scripts that exist, content that exists, and the paths a
person might type resolved to the right page."""

from __future__ import annotations

import pytest

from retroedu import site
from tests.conftest import LIBRARY, ROOT


def test_every_registered_script_and_content_page_exists() -> None:
    for page in site.PAGES:
        assert (ROOT / page.script).is_file(), page.script
        assert page.content in LIBRARY.pages, page.content


def test_keys_content_and_sections_are_unique_and_ordered() -> None:
    assert len(site.BY_KEY) == len(site.PAGES)
    assert len(site.BY_CONTENT) == len(site.PAGES)
    assert site.PAGES[0].key == site.HOME
    sections = [page.section for page in site.PAGES]
    assert sections == sorted(sections, key=site.SECTIONS.index)  # one block per section


def test_no_script_is_left_unregistered() -> None:
    on_disk = {str(path.relative_to(ROOT)) for path in (ROOT / site.PAGES_DIR).glob("*.py")}
    assert on_disk == {page.script for page in site.PAGES}


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("home", "home"),
        ("/Home/", "home"),
        ("", "home"),
        ("HEART-RATE", "heart-rate"),
        ("/calories/", "calories"),
        ("Team-Talk", "team-talk"),
    ],
)
def test_paths_a_person_might_type_resolve(typed: str, key: str) -> None:
    found = site.resolve(typed)
    assert found is not None
    assert found.key == key


def test_unknown_paths_resolve_to_nothing_and_unknown_keys_say_so() -> None:
    assert site.resolve("heart") is None
    with pytest.raises(ValueError, match="No page 'heart'"):
        site.page("heart")


def test_aliases_never_collide_with_a_page_and_cover_home() -> None:
    everything = [alias for page in site.PAGES for alias in site.aliases(page.key)]
    assert len(everything) == len(set(everything))
    assert not set(everything) & (set(site.BY_KEY) - {site.HOME})
    assert "home" in site.aliases(site.HOME)
    for alias in everything:
        assert site.resolve(alias) is not None


def test_the_reading_order_covers_every_learn_page_once_and_starts_with_the_first_visit() -> None:
    site.check_reading_order()
    learn = {page.key for page in site.in_section("Learn")}
    assert learn <= set(site.READING_ORDER)
    assert len(set(site.READING_ORDER)) == len(site.READING_ORDER)
    # Start here: why -> how to start -> your zones.
    assert [page.key for page in site.start_here()] == [
        "why-backward",
        "getting-started",
        "heart-rate",
    ]


def test_next_follows_the_reading_order_and_stops_at_its_end() -> None:
    chain = []
    key: str | None = site.READING_ORDER[0]
    while key is not None:
        chain.append(key)
        following = site.next_page(key)
        key = None if following is None else following.key
    assert tuple(chain) == site.READING_ORDER
    assert site.next_page(site.HOME) is None  # outside the order: no "Next"
    with pytest.raises(ValueError, match="No page 'nowhere'"):
        site.next_page("nowhere")


@pytest.mark.parametrize(
    ("order", "message"),
    [
        (("why-backward", "nowhere"), "No page 'nowhere'"),
        (("why-backward",), "leaves out the Learn page"),
        ((*site.READING_ORDER, "posture"), "posture more than once"),
    ],
)
def test_a_broken_reading_order_is_refused(order: tuple[str, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        site.check_reading_order(order)
