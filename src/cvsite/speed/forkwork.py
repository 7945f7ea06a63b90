"""Work shared with a forked copy of this process (2 cores).

`alongside` gives the child a fixed part; `take_turns` has both processes take numbered tasks
one at a time from a queue until none are left, so that both finish together whatever each task
costs, and the bytes the child makes come back through shared memory rather than a pipe.
The child inherits everything loaded so far (no pickling of inputs), computes its part, sends
the pickled results through a pipe and leaves with `os._exit` (no exit handlers, no flushing of
inherited buffers). If it fails in any way its part is done here, so a failure surfaces exactly
as it would without the fork. Forking is allowed only when no threads but the main one and the
PDF worker pool's run (a fork would copy other threads' locks in whatever state they were).
"""

from __future__ import annotations

import mmap
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, TypeVar, cast

R = TypeVar("R")
S = TypeVar("S")
T = TypeVar("T")
ARENA = 1 << 30
"""Bytes of shared memory reserved for what the child of `take_turns` makes (only the part it
writes is ever backed by memory; anything past it is sent through the pipe)."""
MAX_TASKS = 1024
"""Tasks `take_turns` can queue: the queue is a pipe, written whole (and at once: 4 KiB at
most) before the fork."""
Made = tuple[Sequence[bytes | memoryview], T]
"""What a task of `take_turns` makes: its blobs and something small about them."""
Placed = tuple[int, int] | bytes | memoryview
"""A blob the child of `take_turns` made: (offset, length) in the arena, or the blob itself."""


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
    pid, pipe = _fork(theirs)
    try:
        own = mine()
    except BaseException:  # an error or Ctrl-C here: the child's part is not wanted either
        pipe.close()
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    whole, result = _collect(pid, pipe)
    return (cast("R", result) if whole else theirs()), own


def _fork(work: Callable[[], object]) -> tuple[int, BinaryIO]:
    """A forked child computing `work()` (see `_child`), and the pipe its result comes in."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child's coverage is not collected)
        os.close(read)
        _child(work, write)
    os.close(write)
    return pid, os.fdopen(read, "rb")


def _collect(pid: int, pipe: BinaryIO) -> tuple[bool, object]:
    """The child's result, unpickled as it arrives, once the child has exited; and whether it
    came whole (sent in full by a child that exited cleanly)."""
    result: object = None
    try:
        result = pickle.load(pipe)
        received = True
    except Exception:  # the child failed before sending everything
        received = False
    except BaseException:  # Ctrl-C: the child stops too
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        pipe.close()
    _, status = os.waitpid(pid, 0)
    return received and status == 0, result


def _tasks(queue: int) -> Iterator[int]:
    """The numbers taken from the queue until it is empty (each read of 4 bytes is atomic)."""
    while len(data := os.read(queue, 4)) == 4:
        yield int.from_bytes(data, "little")


def _place(blobs: Sequence[bytes | memoryview], arena: mmap.mmap | None,
           cursor: int) -> tuple[list[Placed], int]:
    """The blobs written into the arena from `cursor` ((offset, length) each, the blob itself
    once it is full), and the new cursor."""
    placed: list[Placed] = []
    for blob in blobs:
        size = len(blob)
        if arena is not None and cursor + size <= ARENA:
            arena[cursor:cursor + size] = blob
            placed.append((cursor, size))
            cursor += size
        else:
            placed.append(blob)
    return placed, cursor


def _taker(queue: int, arena: mmap.mmap | None, work: Callable[[int], Made[T]],
           last: Callable[[], S]) -> tuple[list[tuple[int, list[Placed], T]], S]:
    """The child's share of `take_turns`: its tasks' blobs placed, and then `last()`."""
    done: list[tuple[int, list[Placed], T]] = []
    cursor = 0
    for task in _tasks(queue):
        blobs, about = work(task)
        placed, cursor = _place(blobs, arena, cursor)
        done.append((task, placed, about))
    return done, last()


def take_turns(count: int, work: Callable[[int], Made[T]],
               last: Callable[[], S]) -> tuple[list[Made[T]], S | None]:
    """`[work(0), …, work(count - 1)]`, computed here and in a forked child taking turns (the
    first numbers first), and the child's `last()` once it has no more (None without a child).

    The blobs the child makes are views of shared memory here (mapped while any of them is
    alive). A failure here is raised; one in the child is made good by doing its tasks here.
    """
    if count < 2 or count > MAX_TASKS or not can_fork():
        return [work(i) for i in range(count)], None
    try:
        arena: mmap.mmap | None = mmap.mmap(-1, ARENA)
    except (OSError, ValueError):  # no room to reserve: everything comes through the pipe
        arena = None
    queue, feed = os.pipe()
    os.write(feed, b"".join(i.to_bytes(4, "little") for i in range(count)))
    os.close(feed)
    pid, pipe = _fork(lambda: _taker(queue, arena, work, last))
    done: dict[int, Made[T]] = {}
    try:
        for task in _tasks(queue):
            done[task] = work(task)
    except BaseException:
        pipe.close()
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(queue)
    whole, result = _collect(pid, pipe)
    if not whole:
        return [done[i] if i in done else work(i) for i in range(count)], None
    theirs, extra = cast("tuple[list[tuple[int, list[Placed], T]], S]", result)
    view = memoryview(arena) if arena is not None else memoryview(b"")
    for task, placed, about in theirs:
        done[task] = ([view[p[0]:p[0] + p[1]] if isinstance(p, tuple) else p for p in placed],
                      about)
    return [done[i] for i in range(count)], extra
