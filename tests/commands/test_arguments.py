"""Folders named on the command line: a name that cannot be a path is a usage error (exit 2)
that names it and says why, before the command does anything."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES

Run = Callable[..., tuple[int, str, str]]
LONG = "x" * 300
COMMANDS = [("build", "--no-pdf", "--out"), ("build", "--no-pdf", "--source"),
            ("check", "--source"), ("schema", "--source"), ("serve", "--port", "0", "--source"),
            ("new",)]


def _project(tmp_path: Path) -> Path:
    """The minimal project, with a loop of two symbolic links beside its content/."""
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    (project / "loopa").symlink_to("la")
    (project / "la").symlink_to("loopa")
    return project


def _usage_error(err: str) -> str:
    """The error line of argparse's usage message (after the usage lines), no traceback."""
    assert "Traceback" not in err and err.startswith("usage: cvsite ")
    return err.splitlines()[-1]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize(("name", "reason"), [
    (LONG, "it is too long for the file system (at most 255 bytes a name, 4096 a path)"),
    (f"out/{LONG}/site", "it is too long for the file system"),
    ("la", "its symbolic links point round in a loop"),
    ("la/site", "its symbolic links point round in a loop")], ids=["long", "long-inside",
                                                                 "loop", "loop-inside"])
def test_a_path_that_cannot_be_used_is_a_usage_error_naming_it(
        tmp_path: Path, run_cli: Run, command: tuple[str, ...], name: str, reason: str) -> None:
    project = _project(tmp_path)
    status, out, err = run_cli(*command, name, cwd=project)
    option = "DIR" if command == ("new",) else command[-1]
    assert (status, out) == (2, "")
    assert _usage_error(err).startswith(
        f"cvsite {command[0]}: error: argument {option}: cannot use '{name}': {reason}")
    assert sorted(p.name for p in project.iterdir()) == ["content", "la", "loopa"]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_empty_folder_name_is_a_usage_error(tmp_path: Path, run_cli: Run,
                                               command: tuple[str, ...]) -> None:
    project = _project(tmp_path)
    status, _, err = run_cli(*command, "", cwd=project)
    option = "DIR" if command == ("new",) else command[-1]
    assert status == 2
    assert _usage_error(err) == (f"cvsite {command[0]}: error: argument {option}: "
                                 "the folder name is empty")
    assert sorted(p.name for p in project.iterdir()) == ["content", "la", "loopa"]


def test_an_output_name_too_long_for_the_spare_folder_is_an_output_error(
        tmp_path: Path, run_cli: Run) -> None:
    project = _project(tmp_path)
    name = "y" * 250  # fits, but the spare folder beside it (.NAME.cvsite-spare) does not
    status, _, err = run_cli("build", "--no-pdf", "--out", name, cwd=project)
    assert status == 2 and "Traceback" not in err
    assert err.startswith(f"cvsite: error: cannot write {name}: File name too long")


def test_a_folder_that_does_not_exist_yet_is_a_fine_output(tmp_path: Path, run_cli: Run) -> None:
    project = _project(tmp_path)
    status, _, err = run_cli("build", "--no-pdf", "--out", "new/site", cwd=project)
    assert status == 0, err
    assert (project / "new/site/index.html").is_file()


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize(("url", "problem"), [
    ("my-cv", "expected an http:// or https:// link"),
    ("https://ada example.org/", "it contains a space, a quote or another character"),
    ("https://ada.example.org/?x=1", "it has a query or a fragment")])
def test_an_invalid_base_url_is_a_usage_error(tmp_path: Path, run_cli: Run, command: str,
                                              url: str, problem: str) -> None:
    project = _project(tmp_path)
    status, out, err = run_cli(command, "--base-url", url, cwd=project)
    assert (status, out) == (2, "")
    assert _usage_error(err).startswith(
        f"cvsite {command}: error: argument --base-url: {problem}")
    assert f"got {url!r} (for example https://user.github.io/repo/)" in err
    assert sorted(p.name for p in project.iterdir()) == ["content", "la", "loopa"]
