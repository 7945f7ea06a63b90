"""Ctrl-C: one line said, exit status 130 (128 + SIGINT); SIGTERM is taken as Ctrl-C.

The PDF workers ignore Ctrl-C: whoever started them kills them as the interruption passes
(`PdfWorkers`, serve's PDF pass). The output folder is left as it was: the writer only ever
swaps in a complete new site.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator

STATUS = 130


def interrupted() -> int:
    """Say so; the exit status."""
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
