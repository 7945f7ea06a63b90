"""A damaged .cvsite-manifest.json is reported as damaged (not as missing), and what to do."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from cvsite.output.manifest import MANIFEST

Run = Callable[..., tuple[int, str, str]]


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("manifest", "damage"), [
    (b"{not json", "not valid JSON"), (b"\xff\xfe", "not valid JSON"),
    (b'{"files": 3}', "not a list of files as cvsite writes it"),
    (b'{"files": "index.html"}', "not a list of files as cvsite writes it"),
    (b'{"files": [1]}', "not a list of files as cvsite writes it"),
    (b"[]", "not a list of files as cvsite writes it")])
def test_a_damaged_manifest_is_refused_as_damaged_with_what_to_do(
        tmp_path: Path, run_cli: Run, manifest: bytes, damage: str) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    assert run_cli("build", "--no-pdf", "--no-cache", "--out", "o", cwd=project)[0] == 0
    good = (project / "o" / MANIFEST).read_bytes()
    (project / "o" / MANIFEST).write_bytes(manifest)
    before = _files(project / "o")
    status, out, err = run_cli("build", "--no-pdf", "--no-cache", "--out", "o", cwd=project)
    assert (status, out) == (2, "")
    assert err.splitlines() == [
        f"cvsite: error: refusing to build into o: its {MANIFEST}, the list of the files "
        f"cvsite wrote there, is damaged ({damage})",
        "  hint: if it holds only what cvsite built, delete the folder and build again; else "
        f"put back a good {MANIFEST} (from git, for example) or build into a new folder"]
    assert _files(project / "o") == before
    (project / "o" / MANIFEST).write_bytes(good)  # put back, the build goes on as before
    status, _, err = run_cli("build", "--no-pdf", "--no-cache", "--out", "o", cwd=project)
    assert status == 0, err


def test_a_manifest_that_cannot_be_read_says_why(tmp_path: Path, run_cli: Run) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    (project / "o" / MANIFEST).mkdir(parents=True)
    (project / "o" / "mine.txt").write_text("x")
    status, _, err = run_cli("build", "--no-pdf", "--no-cache", "--out", "o", cwd=project)
    assert status == 2
    assert err.startswith(f"cvsite: error: refusing to build into o: its {MANIFEST}, the list "
                          "of the files cvsite wrote there, is damaged (cannot be read: Is a "
                          "directory)\n")


def test_a_folder_without_a_manifest_is_still_said_to_have_none(tmp_path: Path,
                                                               run_cli: Run) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    (project / "o").mkdir()
    (project / "o" / "mine.txt").write_text("x")
    status, _, err = run_cli("build", "--no-pdf", "--no-cache", "--out", "o", cwd=project)
    assert status == 2
    assert f"it holds files cvsite did not write (it has no {MANIFEST})" in err
