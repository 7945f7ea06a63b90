"""Macros rendered once per build: a list item shown on several pages is rendered for the first.

A template opts in with `{{ once(macro, arg, ...) }}` for a macro whose output depends only on
its arguments and on the build (not on the page calling it). Outside a build's pages `once`
simply calls the macro.

The environment keeps one `Once` as its `once` global for good (`remembered` switches its memory
on for a build's pages): a macro module Jinja caches for imports without context holds a copy of
the globals, which then still sees the memory of the build running.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import Environment


def call(macro: Any, *args: Any) -> Any:
    """The macro's output (no memory)."""
    return macro(*args)


class Once:
    """`once`: while remembering, each (macro, arguments) rendered at its first call.

    Macros and arguments are told apart by identity (kept alive, so no identity is reused). A
    look at the publication list made while rendering a macro is noted again at each reuse, so
    the page cache still sees every page that reads the list.
    """

    def __init__(self, remembering: bool = True) -> None:
        self._done: dict[tuple[int, ...], tuple[Any, tuple[Any, ...], Any, bool]] | None = \
            {} if remembering else None
        self.watched: Any = None
        """The current page's stand-in for the publication list (`touched` on a look), if any."""

    def __call__(self, macro: Any, *args: Any) -> Any:
        done = self._done
        code = getattr(getattr(macro, "_func", None), "__code__", None)
        if done is None or code is None:
            return macro(*args)
        key = (id(code), *map(id, args))  # ids: hashing a code object reads all of it
        hit = done.get(key)
        watched = self.watched
        if hit is not None:
            if hit[3] and watched is not None:
                watched.touched = True
            return hit[2]
        before = watched is not None and watched.touched
        if watched is not None:
            watched.touched = False
        try:
            html = macro(*args)
        finally:
            touched = watched is not None and watched.touched
            if watched is not None:
                watched.touched = before or touched
        done[key] = (code, args, html, touched)  # keeps the code and arguments alive
        return html


@contextmanager
def remembered(env: Environment) -> Iterator[Once]:
    """Within the block (a build's pages rendering), `once` in `env` remembers what it rendered;
    afterwards it forgets.

    Meanwhile what exists already (the loaded site, the libraries) is frozen out of the cycle
    collector's sight (`gc.freeze`): each full collection would walk its millions of objects
    again, a fifth of the list pages' time at 10,000 publications. Unless something froze
    objects before (serve does), which is then left as it is.
    """
    memo = env.globals.get("once")
    if not isinstance(memo, Once):  # an environment not made by `render`
        memo = env.globals["once"] = Once(remembering=False)
    if memo._done is not None:  # already remembering (an enclosing block): share its memory
        yield memo
        return
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    memo._done = {}
    try:
        yield memo
    finally:
        memo._done = None
        memo.watched = None
        if freeze:
            gc.unfreeze()
