"""Project plumbing that a wrong set-up would get wrong: pinned installs, Streamlit config, launcher."""

from __future__ import annotations

import ast
import re
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

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


SOURCE = [
    path
    for folder in ("retroedu", "ui", "app_pages", "benchmarks", "scripts")
    for path in (ROOT / folder).rglob("*.py")
] + [ROOT / "app.py"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_logic_package_never_imports_streamlit() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "retroedu").rglob("*.py")
        if any(name.split(".")[0] == "streamlit" for name in imported_modules(path))
    ]
    assert offenders == []


def test_no_private_streamlit_api() -> None:
    """Only Streamlit's public API: no `streamlit.runtime` internals and no `_private` names."""
    offenders = []
    for path in SOURCE:
        if path.is_relative_to(ROOT / "benchmarks"):
            continue  # the benchmarks speak Streamlit's wire protocol on purpose
        text = path.read_text(encoding="utf-8")
        for name in imported_modules(path):
            if name.startswith("streamlit.runtime") or name.startswith("streamlit.web"):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
        offenders += [
            f"{path.relative_to(ROOT)}: {match}"
            for match in re.findall(r"\b(?:st|params|ctx)\.\_[a-z]\w*", text)
        ]
    assert offenders == []


def test_the_page_folder_is_named_only_by_the_registry() -> None:
    """The folder of the page scripts is written in one place (retroedu/site.py); everything else
    asks the registry, so renaming it is a one-line change."""
    from retroedu import site

    mentions = [
        str(path.relative_to(ROOT))
        for path in SOURCE
        if f"{site.PAGES_DIR}/" in path.read_text(encoding="utf-8")
    ]
    assert mentions == ["retroedu/site.py"]


def test_mypy_checks_the_logic_and_the_glue() -> None:
    assert set(PYPROJECT["tool"]["mypy"]["files"]) >= {"retroedu", "ui"}


def test_one_caching_pattern_in_one_module() -> None:
    """Results are cached in ui/cache.py only, and only with st.cache_resource."""
    patterns = re.compile(r"functools\.cache|lru_cache|@cache\b|cache_data|cache_resource")
    found = {
        str(path.relative_to(ROOT))
        for path in SOURCE
        if not path.is_relative_to(ROOT / "benchmarks")
        and patterns.search(path.read_text(encoding="utf-8"))
    }
    assert found == {"ui/cache.py"}
    assert "cache_data" not in (ROOT / "ui" / "cache.py").read_text(encoding="utf-8")


def test_the_logic_package_is_layered_in_folders() -> None:
    """A handful of top-level modules; models, content, links, calculators, figures and exports
    in folders of their own; no module named like a generic grab-bag."""
    top = sorted(path.stem for path in (ROOT / "retroedu").glob("*.py"))
    assert top == ["__init__", "site"]
    folders = {
        path.name for path in (ROOT / "retroedu").iterdir() if (path / "__init__.py").is_file()
    }
    assert folders == {"models", "content", "links", "calculators", "figures", "exports"}
    names = {path.stem for path in (ROOT / "retroedu").rglob("*.py")}
    assert not names & {"settings", "params", "share", "utils", "helpers", "misc"}


def test_models_write_no_sentences_for_the_screen() -> None:
    """The words for the models' limit codes live in content; a page imports no dash constant."""
    energy_source = (ROOT / "retroedu" / "models" / "energy.py").read_text(encoding="utf-8")
    assert "def reason" not in energy_source
    for path in (ROOT / "app_pages").glob("*.py"):
        assert "EN_DASH" not in path.read_text(encoding="utf-8"), path.name
