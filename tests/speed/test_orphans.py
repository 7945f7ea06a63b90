"""A build killed with -9 leaves no process behind: its workers, fork server and resource
tracker end with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT


def _session(sid: int) -> list[int]:
    """The processes of session `sid`, zombies aside (the build and everything it started)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def _wait_for(test: Callable[[], bool], seconds: float) -> bool:
    """Whether `test()` came true within `seconds`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if test():
            return True
        time.sleep(0.05)
    return False


def test_a_build_killed_with_9_leaves_no_worker_behind(tmp_path: Path) -> None:
    build = subprocess.Popen(  # its own session: every process it starts is found by its id
        [sys.executable, "-m", "cvsite", "build", "--no-cache", "--source", str(ROOT),
         "--out", str(tmp_path / "out")], start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(lambda: len(_session(build.pid)) >= 4, 30), "no PDF worker started"
        time.sleep(0.5)  # the workers at work, or waiting for work
    finally:
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
    left = _wait_for(lambda: not _session(build.pid), 10)
    for pid in _session(build.pid):  # not to leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert left, "processes outlived the build"
