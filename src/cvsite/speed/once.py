"""Macros rendered once per build: a list item shown on several pages is rendered for the first.

A template opts in with `{{ once(macro, arg, ...) }}` for a macro whose output depends only on
its arguments and on the build (not on the page calling it). Outside a build's pages `once`
simply calls the macro.

With a `Lasting` (see `itemcache`), items are also kept across builds: after a one-entry edit
the list pages render one new item and take the others as the last build made them.

The environment keeps one `Once` as its `once` global for good (`remembered` switches its memory
on for a build's pages): a macro module Jinja caches for imports without context holds a copy of
the globals, which then still sees the memory of the build running.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import Environment
from markupsafe import Markup


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
        self.lasting: Lasting | None = None
        """Items kept from earlier builds (`remembered(..., lasting=...)`), if any."""

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
        lasting = self.lasting
        name = lasting.name(code, args) if lasting is not None else None
        kept = lasting.take(name) if lasting is not None and name is not None else None
        if kept is not None:
            done[key] = (code, args, kept, False)
            return kept
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
        if lasting is not None and name is not None and not touched and isinstance(html, Markup):
            lasting.made[name] = str(html)
        return html


def _feed(hasher: Any, part: str) -> None:
    """One part into a hasher as `cache.digest` feeds it (length-prefixed)."""
    data = part.encode("utf-8")
    hasher.update(len(data).to_bytes(8, "little"))
    hasher.update(data)


class Lasting:
    """Items kept across builds: the HTML of a `once` call by a name made of the build's
    `salt` (everything the items may depend on besides their arguments: the site without its
    publications, the templates, cvsite's code), the macro's place in its template, and a
    digest of each argument (`identity`; a call with an argument it cannot name is not kept).
    An item that looked at the publication list is never kept."""

    def __init__(self, salt: str, identity: Callable[[Any], str | None],
                 stored: dict[str, str]) -> None:
        self.salt, self.identity, self.stored = salt, identity, stored
        self.made: dict[str, str] = {}
        """Items rendered in this build, by name."""
        self.used: set[str] = set()
        """Names of the stored items this build took."""
        self._started: dict[int, tuple[Any, Any]] = {}
        """Per macro (its code, kept alive): the hasher of its items' names, fed the salt, the
        file and the line."""

    def name(self, code: Any, args: tuple[Any, ...]) -> str | None:
        """The item's name, or None when an argument has no identity (or there are none):
        `digest(salt, file, line, *identities)`, its common start hashed once per macro."""
        if not args:
            return None
        started = self._started.get(id(code))  # by id: hashing a code object reads all of it
        if started is None:
            started = self._started[id(code)] = (code, hashlib.blake2b(digest_size=20))
            for part in (self.salt, code.co_filename, str(code.co_firstlineno)):
                _feed(started[1], part)
        hasher = started[1].copy()
        for arg in args:
            found = self.identity(arg)
            if found is None:
                return None
            _feed(hasher, found)
        return hasher.hexdigest()

    def take(self, name: str) -> Markup | None:
        """A stored item, or None."""
        html = self.stored.get(name)
        if html is None:
            return None
        self.used.add(name)
        return Markup(html)

    def kept(self) -> dict[str, str]:
        """What to store for the next build: the items this build used or made."""
        return {**{name: self.stored[name] for name in self.used}, **self.made}


@contextmanager
def remembered(env: Environment, lasting: Lasting | None = None) -> Iterator[Once]:
    """Within the block (a build's pages rendering), `once` in `env` remembers what it rendered;
    afterwards it forgets."""
    memo = env.globals.get("once")
    if not isinstance(memo, Once):  # an environment not made by `render`
        memo = env.globals["once"] = Once(remembering=False)
    if memo._done is not None:  # already remembering (an enclosing block): share its memory
        yield memo
        return
    memo._done = {}
    memo.lasting = lasting
    try:
        yield memo
    finally:
        memo._done = None
        memo.watched = None
        memo.lasting = None
