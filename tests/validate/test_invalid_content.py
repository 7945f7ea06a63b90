"""Every invalid fixture gives exactly its expected file:line:col diagnostics, and exit 1."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES

CASES = sorted(p.name for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


def make_case(name: str, into: Path) -> Path:
    """The minimal valid project with the fixture's files laid over it (DELETE-x removes x)."""
    shutil.copytree(FIXTURES / "minimal", into, dirs_exist_ok=True)
    case = FIXTURES / "invalid" / name
    for path in case.rglob("*"):
        if path.is_file() and path.name.startswith("DELETE-"):
            (into / "content" / path.name.removeprefix("DELETE-")).unlink()
        elif path.is_file() and path.name != "expected.txt":
            target = into / path.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    return into


@pytest.mark.parametrize("name", CASES)
def test_invalid_content_is_reported_at_its_position(
        name: str, tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    project = make_case(name, tmp_path / "project")
    status, out, err = run_cli("build", cwd=project)
    expected = (FIXTURES / "invalid" / name / "expected.txt").read_text(encoding="utf-8")
    assert err == expected
    assert status == 1
    assert out == ""
    assert not (project / "_site").exists()


def test_minimal_fixture_builds(tmp_path: Path,
                                run_cli: Callable[..., tuple[int, str, str]]) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    status, out, err = run_cli("build", cwd=project)
    assert (status, err) == (0, "")
    assert "built 6 pages" in out  # home, publications (2 views), CV, 404 and the one paper
