"""Spawned worker processes that leave Ctrl-C to cvsite, which stops them at once.

A terminal's Ctrl-C reaches every process of the foreground group: a pool worker would print
its own KeyboardInterrupt traceback, and `concurrent.futures` waits at exit for the work in
hand (seconds of WeasyPrint). These workers start with SIGINT blocked (a blocked signal stays
blocked across exec), ignore it before anything else, and each leads a process group of its
own, so that `kill` stops it with any process it started (serve's PDF worker spawns a pool of
its own); `kill_all` stops every live pool at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")
NESTED = "CVSITE_POOL_WORKER"
"""Set in a worker's environment, which the processes it spawns inherit."""
_LIVE: weakref.WeakSet[QuietPool] = weakref.WeakSet()


PR_SET_PDEATHSIG = 1
"""Linux's prctl option: the signal a process gets when the one that started it dies."""


def _die_with(parent: int) -> None:
    """Be killed when `parent` dies, even by `kill -9` (Linux; elsewhere nothing is done):
    a worker leads a group of its own, so nothing else would stop it. Linux ties this to the
    thread that started the worker, so a pool made outside the main thread passes 0: not
    asked."""
    if not parent:
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)


def _ready(then: Callable[[], object] | None, parent: int) -> None:
    """A worker's start: Ctrl-C is the parent's to handle, its group its own, its life no
    longer than its parent's, then the caller's initializer."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back while spawned
    _die_with(parent)
    if NESTED not in os.environ:  # a pool's pool stays in its parent's group, killed with it
        os.environ[NESTED] = "1"
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
    if then is not None:
        then()


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back (blocked, not ignored) while a worker is spawned: the worker starts with
    it blocked until `_ready` ignores it, and a Ctrl-C pressed meanwhile reaches this process
    as soon as the worker is started, instead of being lost."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _main_pid() -> int:
    """This process's id when called from its main thread (see `_die_with`), else 0."""
    return os.getpid() if threading.current_thread() is threading.main_thread() else 0


class QuietPool(ProcessPoolExecutor):
    """A pool of spawned processes that ignore Ctrl-C and are killed when left by an error."""

    def __init__(self, workers: int, initializer: Callable[[], object] | None = None) -> None:
        super().__init__(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                         initializer=_ready, initargs=(initializer, _main_pid()))
        _LIVE.add(self)

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Submit work; a process started for it ignores Ctrl-C from the start."""
        with _sigint_held():
            return super().submit(fn, *args, **kwargs)

    def kill(self) -> None:
        """Stop every process now, its work unfinished (`concurrent.futures` would wait)."""
        processes = list((self._processes or {}).values())
        for process in processes:
            if process.pid is None:
                continue
            try:
                os.killpg(process.pid, signal.SIGKILL)  # the worker and what it started
            except OSError:  # it leads no group yet, so it started nothing
                with contextlib.suppress(OSError):
                    os.kill(process.pid, signal.SIGKILL)
        self.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(OSError, ValueError, AssertionError):
                process.join(5)
        _LIVE.discard(self)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> bool | None:
        """Wait for the work when it went well; kill the processes on an error or Ctrl-C."""
        if value is not None:
            self.kill()
        _LIVE.discard(self)
        return super().__exit__(kind, value, traceback)


def kill_all() -> None:
    """Kill every live pool's processes (after Ctrl-C)."""
    for pool in list(_LIVE):
        pool.kill()
