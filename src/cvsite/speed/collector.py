"""Python's cycle collector paused while many objects are made and none are left in cycles.

Each full collection walks every object alive, and collections come every few hundred new
container objects: decoding 10,000 entries spent about a quarter of its time in them. Cycles
made while paused are collected once the collector is back on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block (and on again after it, if it was on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_FOR_GOOD = [False]


def freeze_for_good() -> None:
    """Collect, then keep every object alive out of the collector's sight for the rest of the
    process (`serve`, after its first build: the libraries and the theme stay)."""
    gc.collect()
    gc.freeze()
    _FOR_GOOD[0] = True


_DEPTH = [0]


@contextmanager
def frozen() -> Iterator[None]:
    """What exists now is out of the collector's sight inside the block, and back after it;
    new objects are collected as usual. In an enclosing block, what exists now stays frozen
    until that block ends. After `freeze_for_good` nothing is changed (asking gc how much is
    frozen walks all of it: ~3 ms with serve's heap, at every rebuild)."""
    if _FOR_GOOD[0]:
        yield
        return
    gc.freeze()
    _DEPTH[0] += 1
    try:
        yield
    finally:
        _DEPTH[0] -= 1
        if not _DEPTH[0]:
            gc.unfreeze()


@contextmanager
def held() -> Iterator[None]:
    """For a block that makes objects kept after it, inside a `frozen` block: the collector is
    paused while they are made, and they are frozen at its end, before the collector is back on
    (so no collection ever walks them), until the enclosing block ends."""
    with paused():
        yield
        if _DEPTH[0] and not _FOR_GOOD[0]:
            gc.freeze()
