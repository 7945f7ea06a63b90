"""Worker processes that end with the process that started them, even one killed with -9."""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.process import BaseProcess


def end_with_parent() -> None:
    """In a worker: exit as soon as the process that started it is gone. A pool's worker waits
    on a queue whose other end it holds itself, so it would otherwise wait forever (and keep the
    fork server and the resource tracker alive with it)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_after, args=(parent,), daemon=True).start()


def _exit_after(parent: BaseProcess) -> None:
    """Wait for `parent` to end (its sentinel: no polling), then end this process."""
    parent.join()
    os._exit(1)
