"""Macros rendered once per build: a list item shown on several pages is rendered for the first.

A template opts in with `{{ once(macro, arg, ...) }}` for a macro whose output depends only on
its arguments and on the build (not on the page calling it). Outside a build's pages `once`
simply calls the macro.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import Environment


def call(macro: Any, *args: Any) -> Any:
    """The macro's output (no memory): the default `once`."""
    return macro(*args)


class Once:
    """`once` for the pages of one build: each (macro, arguments) rendered at its first call.

    Arguments are told apart by identity (they are kept alive, so no identity is reused). A
    look at the publication list made while rendering a macro is noted again at each reuse, so
    the page cache still sees every page that reads the list.
    """

    def __init__(self) -> None:
        self._done: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any, bool]] = {}
        self.watched: Any = None
        """The current page's stand-in for the publication list (`touched` on a look), if any."""

    def __call__(self, macro: Any, *args: Any) -> Any:
        code = getattr(getattr(macro, "_func", None), "__code__", None)
        if code is None:
            return macro(*args)
        key = (code, *map(id, args))
        hit = self._done.get(key)
        watched = self.watched
        if hit is not None:
            if hit[2] and watched is not None:
                watched.touched = True
            return hit[1]
        before = watched is not None and watched.touched
        if watched is not None:
            watched.touched = False
        try:
            html = macro(*args)
        finally:
            touched = watched is not None and watched.touched
            if watched is not None:
                watched.touched = before or touched
        self._done[key] = (args, html, touched)
        return html


@contextmanager
def remembered(env: Environment) -> Iterator[Once]:
    """Within the block, `once` in `env` remembers what it rendered; afterwards it forgets."""
    previous = env.globals.get("once", call)
    memo = Once()
    env.globals["once"] = memo
    try:
        yield memo
    finally:
        env.globals["once"] = previous
