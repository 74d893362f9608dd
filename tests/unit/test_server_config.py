"""The server settings issue 8 asks for stay set in .streamlit/config.toml, each with its reason."""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.conftest import ROOT

CONFIG = ROOT / ".streamlit" / "config.toml"
REQUIRED = {
    ("server", "enableXsrfProtection"): True,
    ("server", "enableCORS"): True,
    ("server", "fileWatcherType"): "none",
    ("server", "runOnSave"): False,
    ("server", "enableStaticServing"): False,
    ("server", "maxUploadSize"): 1,
    ("server", "enableAgentApi"): False,
    ("browser", "gatherUsageStats"): False,
    ("client", "showErrorDetails"): "none",
    ("client", "showErrorLinks"): False,
    ("client", "toolbarMode"): "viewer",
}


@pytest.mark.parametrize(("section", "name"), REQUIRED, ids=lambda v: str(v))
def test_security_and_privacy_settings_are_set(section: str, name: str) -> None:
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config[section][name] == REQUIRED[(section, name)]


SETTING = re.compile(r"^\s*[A-Za-z_][\w.-]*\s*=")


def unexplained(text: str) -> list[str]:
    """Settings outside the [theme*] sections whose line directly above is not a comment giving a
    reason (a commented-out setting such as `# allowedHosts = [...]` is not a reason)."""
    found = []
    section = ""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped.strip("[]").strip()
            continue
        if section.startswith("theme") or not SETTING.match(line):
            continue
        above = lines[number - 1].strip() if number else ""
        reason = above.startswith("#") and not SETTING.match(above.lstrip("#"))
        if not reason:
            found.append(f"line {number + 1}: [{section}] {stripped.split('=')[0].strip()}")
    return found


def test_every_server_setting_carries_its_own_reason() -> None:
    """In the server, client, browser, runner and global sections, each setting has a comment
    directly above it saying why (the theme's colours speak for themselves)."""
    assert unexplained(CONFIG.read_text(encoding="utf-8")) == []


def test_a_setting_without_its_own_comment_is_found() -> None:
    text = (
        "[server]\n"
        "# Why the first.\n"
        "headless = true\n"
        "runOnSave = false\n"  # follows another setting: no reason of its own
        '# allowedHosts = ["x"]\n'
        "maxUploadSize = 1\n"  # follows a commented-out setting, not a reason
        "\n"
        "enableCORS = true\n"  # follows a blank line
        "[theme]\n"
        'base = "light"\n'
    )
    assert unexplained(text) == [
        "line 4: [server] runOnSave",
        "line 6: [server] maxUploadSize",
        "line 8: [server] enableCORS",
    ]


def test_public_deployments_are_told_about_allowed_hosts() -> None:
    text = CONFIG.read_text(encoding="utf-8")
    assert "# allowedHosts = [" in text
    assert "allowedHosts" in (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
