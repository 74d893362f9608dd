"""The server settings issue 8 asks for stay set in .streamlit/config.toml, each with its reason."""

from __future__ import annotations

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


def test_every_server_setting_carries_its_reason() -> None:
    """In the server, client, browser, runner and global sections, each setting line follows a
    comment or another setting of the same group (the theme's colours speak for themselves)."""
    section = ""
    lines = CONFIG.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line.startswith("["):
            section = line.strip("[]")
            continue
        if section.startswith("theme") or "=" not in line or line.startswith(("#", " ")):
            continue
        before = lines[number - 1].strip()
        assert before.startswith("#") or ("=" in before and not before.startswith("[")), (
            f"line {number + 1} ({line.split('=')[0].strip()}) has no reason above it"
        )


def test_public_deployments_are_told_about_allowed_hosts() -> None:
    text = CONFIG.read_text(encoding="utf-8")
    assert "# allowedHosts = [" in text
    assert "allowedHosts" in (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
