"""A build killed (SIGKILL) at any file system call leaves the old site or the new one, whole.

A child process writes the site with a fault-injection shim (`faultshim/sitecustomize.py`) that
kills it at its Nth file system call; after every kill the output folder must be byte for byte
the old site or the new one, and the next build must succeed and leave no litter.
Longer runs: raise FULL_BUILD_POINTS (each point is one `cvsite build`, about a second).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cvsite.output import swap
from cvsite.output.manifest import Managed
from cvsite.output.write import write_site
from faultshim import faults

SHIM = Path(__file__).parents[1] / "faultshim"
MAX_POINTS = 400
FULL_BUILD_POINTS = 4

OLD = {"index.html": b"<p>old home</p>", "cv/index.html": b"<p>cv</p>",
       "publications/a/index.html": b"<p>a</p>", "publications/b/index.html": b"<p>b</p>",
       "css/site.css": b"body{}", "feed.xml": b"<feed/>", "gone.html": b"soon gone",
       "x": b"a file that becomes a folder"}
NEW = {"index.html": b"<p>new home</p>", "cv/index.html": b"<p>cv</p>",
       "publications/a/index.html": b"<p>a, edited</p>", "publications/c/index.html": b"<p>c</p>",
       "css/site.css": b"body{}", "feed.xml": b"<feed>new</feed>", "x/index.html": b"folder"}
FOREIGN = {".git/HEAD": b"ref: refs/heads/main\n", ".git/objects/ab/cdef": b"blob",
           "CNAME": b"example.org\n", "thesis.tex": b"\\documentclass{article}"}


def killed_write(out: Path, files: dict[str, bytes], point: int, renames: bool,
                 keep_spare: bool) -> int:
    """Write `files` into `out` in a forked child killed at its `point`th file system call;
    the child's wait status."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            if renames:
                swap._exchange = lambda new, old: False  # as where renameat2 is missing
            faults.install(at=point, arm="")
            write_site(files, out, Managed(), keep_spare)
        finally:
            os._exit(0)
    return os.waitpid(pid, 0)[1]


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under `folder`, by relative path."""
    found: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        found[path.relative_to(folder).as_posix()] = None if path.is_dir() else path.read_bytes()
    return found


def fault_env(**settings: str) -> dict[str, str]:
    """The environment of a child with the fault shim."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(SHIM), *filter(None, [os.environ.get("PYTHONPATH")])])}
    env.update({f"CVSITE_FAULT_{key.upper()}": value for key, value in settings.items()})
    return env


def old_site(root: Path) -> Path:
    """An output folder holding OLD (written by cvsite) beside files that are not cvsite's."""
    out = root / "_site"
    out.mkdir()
    for name, data in FOREIGN.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    (out / ".git/refs/tags").mkdir(parents=True)  # an empty folder is kept too
    write_site(OLD, out, Managed(adopt=True))
    return out


def litter(root: Path) -> list[str]:
    """What a build left beside the output folder or inside it."""
    known = ("_site", "._site.cvsite-spare", "pristine", "expected")
    beside = [p.name for p in root.iterdir() if p.name not in known]
    inside = [p.name for p in (root / "_site").rglob("*") if "cvsite-" in p.name and
              p.name != ".cvsite-manifest.json"]
    return beside + inside


@pytest.fixture
def memory_path(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory where there is one (deleting folders on a disk can take ms each)."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(dir=shm, prefix="cvsite-test-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize(("how", "keep_spare"), [("exchange", True), ("exchange", False),
                                                ("renames", True)])
def test_a_write_killed_at_any_call_leaves_the_old_site_or_the_new_one(
        memory_path: Path, how: str, keep_spare: bool) -> None:
    tmp_path = memory_path
    pristine = old_site(tmp_path).rename(tmp_path / "pristine")
    expected = tmp_path / "expected"
    shutil.copytree(pristine, expected, symlinks=True)
    write_site(NEW, expected, Managed())
    old, new = snapshot(pristine), snapshot(expected)
    assert old != new
    out = tmp_path / "_site"
    seen = {"old": 0, "new": 0}
    for point in range(1, MAX_POINTS):
        for folder in (out, tmp_path / "._site.cvsite-spare"):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(pristine, out, symlinks=True)
        status = killed_write(out, NEW, point, how == "renames", keep_spare)
        if os.WIFEXITED(status):
            break
        assert os.WTERMSIG(status) == signal.SIGKILL
        if how == "renames" and not out.exists():  # killed between the two renames
            assert litter(tmp_path), "the old site waits beside the output folder"
        else:
            now = snapshot(out)
            assert now in (old, new), f"killed at call {point}: a mixed site"
            seen["old" if now == old else "new"] += 1
        write_site(NEW, out, Managed(), keep_spare)  # the next build cleans up and succeeds
        assert snapshot(out) == new
        assert litter(tmp_path) == [], f"killed at call {point}"
    else:
        pytest.fail(f"the write did not finish within {MAX_POINTS} calls")
    assert seen["old"] > 5 and (seen["new"] > 0 or keep_spare), seen
    assert snapshot(out) == new and litter(tmp_path) == []


def test_a_build_killed_while_writing_leaves_the_old_site_or_the_new_one(
        memory_path: Path) -> None:
    tmp_path = memory_path
    project = tmp_path / "project"
    shutil.copytree(Path(__file__).parents[1] / "fixtures/minimal", project)
    out = project / "_site"
    command = [sys.executable, "-m", "cvsite", "build", "--no-pdf", "--source", str(project)]
    assert subprocess.run(command, capture_output=True, check=False).returncode == 0
    (out / "CNAME").write_text("example.org\n")
    old = snapshot(out)
    config = project / "content/site.yaml"
    config.write_text(config.read_text("utf-8").replace("title:", "title: New", 1), "utf-8")
    saved = tmp_path / "saved"
    shutil.copytree(out, saved)
    count = tmp_path / "count"
    arm = {"arm": ".cvsite-spare"}
    done = subprocess.run(command, env=fault_env(count=str(count), **arm), capture_output=True,
                          check=False)
    assert done.returncode == 0, done.stderr.decode()
    new, calls = snapshot(out), int(count.read_text())
    assert new != old and calls > 10
    points = sorted({1, calls - 1} | {calls * k // FULL_BUILD_POINTS
                                      for k in range(1, FULL_BUILD_POINTS)})
    kills = 0
    for point in points:
        shutil.rmtree(out)
        shutil.copytree(saved, out)
        killed = subprocess.run(command, env=fault_env(at=str(point), **arm),
                                capture_output=True, check=False)
        assert killed.returncode in (-signal.SIGKILL, 0), killed.stderr.decode()
        kills += killed.returncode != 0
        assert snapshot(out) in (old, new), f"killed at call {point} of {calls}: a mixed site"
        again = subprocess.run(command, capture_output=True, check=False)
        assert again.returncode == 0, again.stderr.decode()
        assert snapshot(out) == new
        beside = sorted(p.name for p in project.iterdir() if ".cvsite-" in p.name)
        assert beside == ["._site.cvsite-spare", ".cvsite-cache"]
    assert kills >= len(points) - 1, "the calls counted are the calls a build makes"
