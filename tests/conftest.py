"""Shared fixtures: the real project, copies of it to break, and a CLI runner."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cvsite.commands.cli import main
from cvsite.models import Site
from cvsite.output.result import BuildResult
from cvsite.validate.load import load_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
INSTALL_HINT = ("install it with `make system-deps` "
                "(Debian: chromium, default-jre-headless, poppler-utils)")


def minimal_with_entries(into: Path, entries: str) -> Path:
    """A copy of the minimal valid project at `into`, its .bib followed by `entries`."""
    project = Path(shutil.copytree(FIXTURES / "minimal", into))
    bib = project / "content/publications.bib"
    bib.write_text(bib.read_text("utf-8") + "\n" + entries, encoding="utf-8")
    return project


def built_with_entries(root: Path, entries: str, **options: Any) -> tuple[Path, BuildResult]:
    """The minimal project with `entries` built into `root/out` (no PDF unless `options` ask):
    the output folder and the build's result."""
    from cvsite.build import build

    project = minimal_with_entries(root / "project", entries)
    return root / "out", build(project, root / "out", **{"pdf": False, **options})


def require_tool(available: object, what: str, how: str = INSTALL_HINT) -> None:
    """Skip when `what` is missing; fail instead under CVSITE_REQUIRE_TOOLS=1 (set by .ci/run)."""
    if available:
        return
    reason = f"{what} is not available: {how}"
    if os.environ.get("CVSITE_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{reason} [CVSITE_REQUIRE_TOOLS=1]", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session", name="require_tool")
def require_tool_fixture() -> Callable[..., None]:
    """`require_tool(found, "what")`: tool tests skip locally and fail in CI when it is missing."""
    return require_tool


@pytest.fixture(scope="session")
def site() -> Site:
    """Dr. Wu's record as shipped in content/."""
    loaded, problems = load_site(ROOT)
    assert loaded is not None, [p.format() for p in problems]
    return loaded


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the real project (content, templates, static)."""
    for name in ("content", "templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[int, str, str]]:
    """Run `cvsite ARGS` in a folder; returns (exit status, stdout, stderr)."""
    def run(*args: str, cwd: Path) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        try:
            status = main(list(args))
        except SystemExit as exc:
            status = int(exc.code or 0)
        captured = capsys.readouterr()
        return status, captured.out, captured.err
    return run


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once into a temporary output folder."""
    from cvsite.build import build

    out = tmp_path_factory.mktemp("site") / "_site"
    build(ROOT, out)
    return out
