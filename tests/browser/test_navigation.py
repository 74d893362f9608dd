"""Navigation in Chromium: deep links on a cold server, paths a person would type, the menu.

Which path resolves to which page is unit-tested (tests/unit/test_site.py) and each page renders
through app.py in AppTest (tests/app/test_smoke.py). What only a browser and a real server show is
the frontend's routing: the first visitor of a freshly started server, the "Page not found" dialog
and where the address bar ends up.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from retroedu import site
from tests.browser.conftest import (
    NewPage,
    Server,
    assert_no_exception,
    heading,
    open_page,
    page_path,
    settle,
    title_of,
)

pytestmark = pytest.mark.browser


def assert_no_dialog(page: Page) -> None:
    """No modal over the page (Streamlit shows "Page not found" in one)."""
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_test_id("stDialog")).to_have_count(0)


def test_a_shared_link_opens_its_page_for_the_first_visitor_of_a_cold_server(
    fresh_server: Server, new_page: NewPage
) -> None:
    """The first request a freshly started server ever gets, a deep link with a setting, shows
    that page with that setting and no "Page not found" dialog."""
    page = open_page(new_page(), f"{fresh_server.url}/heart-rate?age=55")
    expect(heading(page)).to_have_text(title_of("heart-rate"))
    settle(page)
    expect(page.locator(".st-key-age input")).to_have_value("55")
    assert_no_dialog(page)
    assert_no_exception(page)
    assert urlsplit(page.url).path == "/heart-rate"
    assert parse_qs(urlsplit(page.url).query)["age"] == ["55"]


@pytest.mark.parametrize(
    ("typed", "key", "settings"),
    [
        pytest.param(typed, key, settings, id=typed)
        for typed, key, settings in [
            ("/home", "home", {}),
            ("/Home", "home", {}),
            ("/heart-rate/", "heart-rate", {}),
            ("/CALORIES?weight=80", "calories", {"weight": "80"}),
        ]
    ],
)
def test_a_typed_path_lands_on_its_page_with_its_settings(
    new_page: NewPage, base_url: str, typed: str, key: str, settings: dict[str, str]
) -> None:
    """A path a person might type (another case, a trailing slash, the home page's name) opens
    the page, with no dialog, keeping the link's settings in the fields and the address."""
    page = open_page(new_page(), base_url + typed)
    # An alias page's run switches to the page: wait for that page, then for it to finish.
    expect(heading(page)).to_have_text(title_of(key))
    settle(page)
    assert_no_dialog(page)
    assert_no_exception(page)
    for name, value in settings.items():
        expect(page.locator(f".st-key-{name} input")).to_have_value(value)
    query = parse_qs(urlsplit(page.url).query)
    assert {name: query.get(name, [""])[0] for name in settings} == settings
    assert urlsplit(page.url).path.rstrip("/") == page_path(key).rstrip("/")


def test_the_sidebar_lists_every_registered_page_once(new_page: NewPage, base_url: str) -> None:
    """The menu offers every page of the registry, in its order, each linking to its path; the
    hidden alias pages (/home, /Heart-Rate, ...) are not listed."""
    page = open_page(new_page(), base_url + "/")
    links = page.get_by_test_id("stSidebarNav").locator("a")
    expect(links).to_have_count(len(site.PAGES))
    listed = links.evaluate_all(
        "els => els.map(a => [a.getAttribute('href'), a.querySelector('span[label]').getAttribute('label')])"
    )
    assert [(urlsplit(href).path, label) for href, label in listed] == [
        (page_path(p.key), p.title) for p in site.PAGES
    ]
