"""Ctrl-C: every worker process stopped at once, one line said, exit status 130 (128 + SIGINT).

The output folder is left as it was: the writer only ever swaps in a complete new site.
"""

from __future__ import annotations

import signal
import sys
import threading

STATUS = 130


def stop_workers() -> None:
    """Kill the PDF worker and the spawned pools, with what they forked (if any were started)."""
    for name in ("cvsite.pdfpool", "cvsite.spawnpool"):  # not imported: none of theirs runs
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
