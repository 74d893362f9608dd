"""Project plumbing that a wrong set-up would get wrong: pinned installs, Streamlit config, launcher."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def locked_versions() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line.strip())
        if match:
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def test_lock_pins_every_dependency_within_its_range() -> None:
    pins = locked_versions()
    project = PYPROJECT["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    for spec in wanted:
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        assert name in pins, (
            f"{requirement.name} is in pyproject.toml but not pinned in requirements.lock"
        )
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {name}=={pins[name]}, outside pyproject's {requirement.specifier}"
        )


def test_streamlit_config_is_safe_for_projectors_and_the_public() -> None:
    assert CONFIG["server"]["headless"] is True
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["client"]["toolbarMode"] == "viewer"
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["server"]["enableXsrfProtection"] is True


def test_light_and_dark_themes_use_the_okabe_ito_palette() -> None:
    okabe_ito = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"}
    for name in ("light", "dark"):
        palette = CONFIG["theme"][name]["chartCategoricalColors"]
        assert okabe_ito <= {colour.upper() for colour in palette}, name


def test_launcher_explains_a_busy_port_without_a_traceback() -> None:
    with socket.socket() as sock:
        sock.bind(("0.0.0.0", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "run_app.py"), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert result.returncode == 2
    assert f"Port {port} is already in use" in result.stderr
    assert "Traceback" not in result.stderr


def test_launcher_rejects_a_nonsense_port() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "run_app.py"), "--port", "eighty"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "not a port number" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_pages_folder_beside_the_entrypoint() -> None:
    # Any `pages/` folder next to app.py (even empty) puts Streamlit 1.67 in its legacy multipage
    # mode, and the first visitor of a shared page link then gets a "Page not found" dialog.
    # Page scripts live in app_pages/; see the README's Layout section.
    assert not (ROOT / "pages").exists()
