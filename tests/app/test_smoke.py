"""Every page the navigation registers renders through app.py without an exception.

Pages are discovered from what `st.navigation` registered on a real run of app.py, so a new page is
covered the moment it is added to the navigation, without editing this test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from retroedu import site
from tests.conftest import APP, ROOT, run_page


def registered_pages() -> list[str]:
    """Script paths (relative to the repo) that app.py's st.navigation registered."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    # AppTest keeps the navigation registry of the last run; it is what switch_page() resolves against.
    registry = at._registered_pages
    paths = [
        Path(str(info["script_path"])).resolve()
        for info in registry.values()
        if info["script_path"]
    ]
    return sorted(str(path.relative_to(ROOT)) for path in paths)


PAGES = registered_pages()


def test_navigation_has_home_first_and_pages_exist() -> None:
    assert site.page(site.HOME).script in PAGES
    for page in PAGES:
        assert (ROOT / page).is_file(), page


@pytest.mark.parametrize("key", list(site.BY_KEY))
def test_page_renders_without_exception(key: str) -> None:
    at = run_page(key)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title or at.header, f"{key} shows no title"
