"""Work shared with a forked copy of this process: the first part there, the rest here (2 cores).

The child inherits everything loaded so far (no pickling of inputs), computes its part, sends
the pickled results through a pipe and leaves with `os._exit` (no exit handlers, no flushing of
inherited buffers). If it fails in any way its part is done here, so a failure surfaces exactly
as it would without the fork. Forking is allowed only when no threads but the main one and the
PDF worker pool's run (a fork would copy other threads' locks in whatever state they were).
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import TypeVar

R = TypeVar("R")
S = TypeVar("S")


def _harmless(thread: threading.Thread) -> bool:
    """The main thread, or one of a process pool's helper threads (they only feed its queues)."""
    return thread is threading.main_thread() or thread.name == "QueueFeederThread" or \
        type(thread).__module__.startswith("concurrent.futures")


def can_fork() -> bool:
    """Whether a second process can share the work here."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2 and \
        threading.current_thread() is threading.main_thread() and \
        all(_harmless(t) for t in threading.enumerate())


def _child(work: Callable[[], R], pipe: int) -> None:
    """Run in the forked child: compute, send (pickled as it is written), exit without cleanup."""
    code = 1
    try:
        with os.fdopen(pipe, "wb") as out:
            pickle.dump(work(), out, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)


def alongside(theirs: Callable[[], R], mine: Callable[[], S]) -> tuple[R, S]:
    """`(theirs(), mine())`, with `theirs` computed in a forked child when possible.

    `theirs` must return a picklable value (it is sent back through a pipe and unpickled as it
    arrives, so its pickled form is never held whole in either process).
    """
    if not can_fork():
        return theirs(), mine()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child's coverage is not collected)
        os.close(read)
        _child(theirs, write)
    os.close(write)
    pipe = os.fdopen(read, "rb")
    try:
        own = mine()
    except BaseException:
        pipe.close()  # the child's writes fail now, and it exits
        os.waitpid(pid, 0)
        raise
    try:
        result: R = pickle.load(pipe)
        received = True
    except Exception:  # the child failed before sending everything
        received = False
    finally:
        pipe.close()
    _, status = os.waitpid(pid, 0)
    if received and status == 0:
        return result, own
    return theirs(), own
