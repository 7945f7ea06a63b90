"""`once` items kept in the cache from one build to the next (see `once.Lasting`).

Stored as one marshalled {name: HTML} per set of build inputs (the site without its publication
list, the templates, cvsite's code: the page pack's key plus the templates); only the items the
last build used are kept. A file that cannot be read is an empty store.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Mapping
from typing import Any

from cvsite.cache import Cache, digest
from cvsite.speed.once import Lasting

PREFIX = "items-"


def _name(salt: str) -> str:
    return f"{PREFIX}{salt[:20]}.marshal"


def _identity(dumps: Mapping[int, str]) -> Callable[[Any], str | None]:
    """An argument's identity: a publication's digest, a plain value's repr, else None."""
    def identity(arg: Any) -> str | None:
        if id(arg) in dumps:
            return dumps[id(arg)]
        if arg is None or type(arg) in (bool, int, str):
            return f"{type(arg).__name__}:{arg!r}"
        return None
    return identity


def open_items(cache: Cache, fixed: str, templates: Mapping[str, str],
               dumps: Mapping[int, str]) -> Lasting:
    """The items kept for these build inputs (`fixed`: the page pack's key; `templates`: the
    pages' template keys; `dumps`: each publication's digest, by id)."""
    salt = digest(fixed, *(f"{name}={key}" for name, key in sorted(templates.items())))
    data = cache.read_checked(_name(salt)) if cache.enabled else None
    try:
        stored = marshal.loads(data) if data is not None else {}
    except (EOFError, ValueError, TypeError):
        stored = {}
    if not isinstance(stored, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                               for k, v in stored.items()):
        stored = {}
    return Lasting(salt, _identity(dumps), stored)


def keep_items(cache: Cache, lasting: Lasting) -> None:
    """Store the items this build used or made, replacing other stores."""
    if not cache.enabled or cache.folder is None:
        return
    if not lasting.made and lasting.used == lasting.stored.keys():
        return
    name = _name(lasting.salt)
    cache.write_checked(name, marshal.dumps(lasting.kept()))
    for old in cache.folder.glob(f"{PREFIX}*"):
        if old.name != name:
            old.unlink(missing_ok=True)
