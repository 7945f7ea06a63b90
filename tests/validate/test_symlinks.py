"""Nothing from outside the project is read or published: symbolic links that lead out of it,
or to nothing, are errors naming the link and its target; links inside it are fine."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from cvsite import outside
from cvsite.outside import outside_files

Run = Callable[..., tuple[int, str, str]]
OUTSIDE = "symbolic link points outside the project"


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A copy of the minimal valid project, with an empty static/ folder."""
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    (project / "static").mkdir()
    return project


@pytest.mark.parametrize(("link", "target"), [
    ("content/papers/e.pdf", "/proc/self/environ"),
    ("static/passwd.txt", "/etc/passwd"),
    ("static/etc", "/etc"),
    ("templates/base.html", "/etc/hostname"),
    ("content/profile.yaml", "/etc/passwd"),
])
def test_symlink_to_outside_the_project_is_an_error(minimal: Path, run_cli: Run, link: str,
                                                    target: str) -> None:
    made = minimal / link
    made.parent.mkdir(parents=True, exist_ok=True)
    made.unlink(missing_ok=True)
    made.symlink_to(target)
    status, out, err = run_cli("build", cwd=minimal)
    assert status == 1
    assert err.startswith(f"{link}: error: {OUTSIDE} ({target})\n"), err
    assert "Traceback" not in err and out == ""
    assert not (minimal / "_site").exists()


def test_a_dangling_symlink_is_an_error_not_a_traceback(minimal: Path, run_cli: Run) -> None:
    (minimal / "static/gone.css").symlink_to("/nonexistent/gone.css")
    (minimal / "static/loop").symlink_to("loop")
    status, _, err = run_cli("build", "--keep-going", cwd=minimal)
    assert status == 1
    assert "static/gone.css: error: symbolic link points to nothing (/nonexistent/gone.css)" in err
    assert "static/loop: error: symbolic link points to nothing (loop)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("place", ["content/notes.txt", "content/papers/x.pdf",
                                   "static/feed.xml", "templates/extra.html"])
def test_a_named_pipe_in_the_project_is_an_error_not_a_hang(minimal: Path, run_cli: Run,
                                                            place: str) -> None:
    pipe = minimal / place
    pipe.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(pipe)  # opening it for reading would wait for a writer forever
    (minimal / "static/in.txt").symlink_to("../" + place)
    status, out, err = run_cli("build", cwd=minimal)
    assert status == 1 and out == ""
    assert f"{place}: error: not a regular file (a named pipe)" in err
    assert f"static/in.txt: error: symbolic link points to a named pipe (../{place})" in err
    assert not (minimal / "_site").exists()


def test_a_link_through_the_project_to_outside_is_an_error(minimal: Path) -> None:
    (minimal / "content/secret").symlink_to("/etc/passwd")
    (minimal / "static/relay.txt").symlink_to("../content/secret")
    found = sorted(os.path.relpath(os.path.abspath(d.file), minimal)
                   for d in outside_files(minimal))
    assert found == ["content/secret", "static/relay.txt"]


def test_symlinks_inside_the_project_are_fine(minimal: Path, run_cli: Run) -> None:
    (minimal / "assets").mkdir()
    (minimal / "assets/paper.pdf").write_bytes(b"%PDF-1.4 paper")
    (minimal / "content/papers").symlink_to("../assets")
    (minimal / "static/cv-photo.txt").symlink_to("../assets/paper.pdf")
    (minimal / "content/.#profile.yaml").symlink_to("ada@host.1234:1700000000")  # editor lock
    bib = minimal / "content/publications.bib"
    bib.write_text(bib.read_text().replace("  topic ", "  pdf = {papers/paper.pdf},\n  topic "))
    status, _, err = run_cli("build", "--no-pdf", cwd=minimal)
    assert status == 0, err
    assert (minimal / "_site/papers/paper.pdf").read_bytes() == b"%PDF-1.4 paper"
    assert (minimal / "_site/cv-photo.txt").read_bytes() == b"%PDF-1.4 paper"


def test_a_failed_build_leaves_the_previous_site_as_it_was(minimal: Path, run_cli: Run) -> None:
    assert run_cli("build", "--no-pdf", cwd=minimal)[0] == 0
    before = {p: p.read_bytes() for p in (minimal / "_site").rglob("*") if p.is_file()}
    (minimal / "static/environ.txt").symlink_to("/proc/self/environ")
    assert run_cli("build", "--no-pdf", cwd=minimal)[0] == 1
    after = {p: p.read_bytes() for p in (minimal / "_site").rglob("*") if p.is_file()}
    assert after == before


def test_a_symlink_in_the_built_in_theme_is_checked_too(
        minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theme = tmp_path / "theme"
    (theme / "static").mkdir(parents=True)
    (theme / "templates").mkdir()
    (theme / "static/leak.txt").symlink_to("/etc/passwd")
    (theme / "templates/ok.html").symlink_to(theme / "templates/missing.html")
    monkeypatch.setattr(outside, "THEME", theme)
    messages = sorted(d.format().splitlines()[0] for d in outside_files(minimal))
    assert [m.split(": ", 1)[1] for m in messages] == [
        f"error: {OUTSIDE} (/etc/passwd)",
        f"error: symbolic link points to nothing ({theme / 'templates/missing.html'})"]


@pytest.mark.parametrize(("link", "target"), [
    ("static/config.txt", "../.git/config"),
    ("content/papers/p.pdf", "../../.git/config"),
    ("static/g", "../.git"),
    ("static/env.txt", "../.env"),
    ("static/everything", ".."),
])
def test_a_link_to_a_hidden_file_of_the_project_or_to_the_project_is_an_error(
        minimal: Path, run_cli: Run, link: str, target: str) -> None:
    (minimal / ".git").mkdir()
    (minimal / ".git/config").write_text('[http]\n\textraheader = "AUTHORIZATION: basic SECRET"\n')
    (minimal / ".env").write_text("TOKEN=SECRET\n")
    made = minimal / link
    made.parent.mkdir(parents=True, exist_ok=True)
    made.symlink_to(target)
    status, out, err = run_cli("build", "--no-pdf", cwd=minimal)
    assert status == 1 and out == ""
    assert err.startswith(f"{link}: error: symbolic link points to a hidden file or folder of "
                          f"the project ({target})\n"), err
    assert not (minimal / "_site").exists()
