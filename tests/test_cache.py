"""The build cache is written only inside the project: a `.cvsite-cache` linked elsewhere is
not used (one warning), never written through."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES

Run = Callable[..., tuple[int, str, str]]


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (links not followed), by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("target", ["elsewhere", "project", "parent"])
def test_a_cache_folder_linked_out_of_the_project_is_not_written_through(
        tmp_path: Path, run_cli: Run, target: str) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    (project / "LICENSE").write_text("a file without a suffix, as the cache repair removes")
    (tmp_path / "elsewhere").mkdir()
    place = {"elsewhere": tmp_path / "elsewhere", "project": Path("."), "parent": Path("..")}
    (project / ".cvsite-cache").symlink_to(place[target])
    before = _files(tmp_path)
    status, out, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 0, err
    assert (f"cvsite: warning: cannot use .cvsite-cache/ (it is a symbolic link to "
            f"{place[target]}, not a folder of its own inside the project); building without "
            "it") in err.splitlines()
    assert out.startswith("cvsite: built ")
    after = _files(tmp_path)
    assert {name: after[name] for name in before} == before
    assert all(name.startswith("p/_site/") for name in after.keys() - before.keys())
    assert (project / ".cvsite-cache").is_symlink()


def test_a_cache_folder_linked_inside_the_project_is_used(tmp_path: Path, run_cli: Run) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    (project / "build-cache").mkdir()
    (project / ".cvsite-cache").symlink_to("build-cache")
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 0 and "cvsite-cache" not in err, err
    assert any((project / "build-cache").iterdir())
