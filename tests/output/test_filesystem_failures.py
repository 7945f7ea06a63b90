"""A file system that fails (read-only, full, refused, busy) gives one line and exit 2, never a
traceback, and the previous output stays as it was. CI runs as root, so chmod cannot make a
folder unwritable: the failures are injected by `faultshim` into a child `cvsite build`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cvsite.cache import CACHE_DIR
from cvsite.output.manifest import locked

SHIM = Path(__file__).parents[1] / "faultshim"
MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A copy of the minimal project, built once into _site/."""
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    assert cvsite(project).returncode == 0
    return project


def cvsite(project: Path, *args: str, **faults: str) -> subprocess.CompletedProcess[str]:
    """`cvsite build --no-pdf` in a child, with faults injected (see faultshim/faults.py)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(SHIM), *filter(None, [os.environ.get("PYTHONPATH")])])}
    env.update({f"CVSITE_FAULT_{key.upper()}": value for key, value in faults.items()})
    return subprocess.run([sys.executable, "-m", "cvsite", "build", "--no-pdf", *args],
                          cwd=project, env=env, capture_output=True, text=True, check=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def change_title(project: Path) -> None:
    """Edit site.yaml so that the next build has pages to write."""
    config = project / "content/site.yaml"
    config.write_text(config.read_text("utf-8").replace("Ada Example", "Ada B. Example", 1))


@pytest.mark.parametrize(("fault", "said"), [
    ({"action": "EROFS", "match": ".cvsite-spare", "events": "os.mkdir"},
     "Read-only file system"),
    ({"action": "ENOSPC", "match": "index.html", "events": "open", "arm": ".cvsite-spare"},
     "No space left on device"),
    ({"action": "EACCES", "events": "cvsite.output.swap"},
     "Permission denied"),
    ({"action": "EBUSY", "events": "cvsite.output.swap"}, "busy"),
], ids=["read-only parent", "full disk", "output not writable", "output busy"])
def test_a_failing_file_system_is_one_line_and_the_output_stays(
        small: Path, fault: dict[str, str], said: str) -> None:
    before = snapshot(small / "_site")
    change_title(small)
    failed = cvsite(small, at="1", **{"arm": "", **fault})
    assert failed.returncode == 2, failed.stderr
    assert failed.stderr.startswith("cvsite: error: cannot write _site: ")
    assert said in failed.stderr and "Traceback" not in failed.stderr
    assert len(failed.stderr.strip().splitlines()) == 1
    assert snapshot(small / "_site") == before
    assert not (small / "._site.cvsite-old").exists()
    again = cvsite(small)
    assert again.returncode == 0, again.stderr
    assert "Ada B. Example" in (small / "_site/index.html").read_text("utf-8")


def test_an_unreadable_cache_folder_is_skipped_with_a_warning(small: Path,
                                                             tmp_path: Path) -> None:
    change_title(small)
    reference = tmp_path / "reference"
    assert cvsite(small, "--no-cache", "--out", str(reference)).returncode == 0
    denied = cvsite(small, at="1", arm="", action="EACCES", match=CACHE_DIR,
                    events="open,os.mkdir,os.listdir,os.scandir,os.rename,os.remove")
    assert denied.returncode == 0, denied.stderr
    assert "cvsite: warning: cannot use .cvsite-cache/ (Permission denied)" in denied.stderr
    assert "Traceback" not in denied.stderr
    assert snapshot(small / "_site") == {**snapshot(reference), ".cvsite-manifest.json":
                                         (small / "_site/.cvsite-manifest.json").read_bytes()}


def test_cache_files_replaced_by_folders_are_misses(small: Path, tmp_path: Path) -> None:
    cache = small / CACHE_DIR
    for path in sorted(cache.rglob("*"), reverse=True):
        if path.is_file():
            path.unlink()
            (path / "inside").mkdir(parents=True)
    change_title(small)
    built = cvsite(small)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    reference = tmp_path / "reference"
    assert cvsite(small, "--no-cache", "--out", str(reference)).returncode == 0
    assert snapshot(small / "_site").keys() == snapshot(reference).keys() | {
        ".cvsite-manifest.json"}


def test_a_second_build_into_the_same_folder_waits_for_the_first(small: Path) -> None:
    before = snapshot(small / "_site")
    change_title(small)
    with locked(small / "_site"):  # a first build, still writing
        second = subprocess.Popen([sys.executable, "-m", "cvsite", "build", "--no-pdf"],
                                  cwd=small, stderr=subprocess.PIPE, text=True)
        assert second.stderr is not None
        assert second.stderr.readline() == "cvsite: waiting for another build into _site\n"
        assert snapshot(small / "_site") == before
    assert second.wait() == 0, second.stderr.read()
    assert "Ada B. Example" in (small / "_site/index.html").read_text("utf-8")
