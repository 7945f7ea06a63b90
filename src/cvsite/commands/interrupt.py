"""Ctrl-C: every worker process stopped at once, one line said, exit status 130 (128 + SIGINT).

The output folder is left as it was: the writer only ever swaps in a complete new site.
SIGTERM is taken as Ctrl-C: the PDF workers lead process groups of their own, so a `kill` of
the command alone would not reach them.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator

STATUS = 130


def stop_workers() -> None:
    """Kill the PDF worker and the spawned pools, with what they forked (if any were started)."""
    for name in ("cvsite.pdf.pool", "cvsite.pdf.spawnpool"):  # not imported: none of theirs runs
        module = sys.modules.get(name)
        if module is not None:
            module.kill_all()


def interrupted() -> int:
    """Stop the workers (a second Ctrl-C does not cut this short), say so; the exit status."""
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            stop_workers()
        finally:
            signal.signal(signal.SIGINT, previous)
    else:
        stop_workers()
    print("cvsite: interrupted", file=sys.stderr, flush=True)
    return STATUS


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises KeyboardInterrupt like Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
