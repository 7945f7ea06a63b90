"""The spawned PDF workers: a Ctrl-C pressed while one starts is not lost, and none outlives
the process that started it, even one killed with `kill -9`."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap

import pytest

from cvsite.pdf import spawnpool

SAFETY_NET = 60.0
"""Seconds a wait may take before the test fails: only a broken build comes near it."""


def test_a_ctrl_c_while_a_worker_is_spawned_reaches_cvsite_afterwards() -> None:
    with pytest.raises(KeyboardInterrupt), spawnpool._sigint_held():
        os.kill(os.getpid(), signal.SIGINT)  # held back here, not ignored ...
    # ... and raised on leaving the block: the user's Ctrl-C still stops cvsite


CHILD = textwrap.dedent("""
    import os, sys, time
    from cvsite.pdf.spawnpool import QuietPool
    pool = QuietPool(1)
    print(pool.submit(os.getpid).result(), flush=True)
    time.sleep(600)
""")


def _gone(pid: int) -> bool:
    """True once process `pid` has exited (waited on with a pidfd, not by polling)."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], SAFETY_NET)[0])
    finally:
        os.close(fd)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's parent-death signal")
def test_a_worker_does_not_outlive_a_parent_killed_with_sigkill() -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        worker = int(child.stdout.readline())
        assert worker != child.pid
        child.kill()  # SIGKILL: no cleanup of its own can run
        child.wait(timeout=SAFETY_NET)
        assert _gone(worker), f"worker {worker} still alive after its parent was killed"
    finally:
        if child.poll() is None:
            child.kill()
