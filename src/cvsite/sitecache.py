"""The loaded record kept across builds: an unchanged `content/` is not parsed and decoded again.

Keyed on cvsite's code, the bytes of `content/` and `static/` (which the checks look into), the
working folder (diagnostics show paths relative to it) and the options. The record is pickled
(the models' JSON form does not validate back, e.g. months dump as full dates), and stored only
when reading it back gives an equal model, so the cache cannot change a page. Like `.venv/`,
`.cvsite-cache/` is trusted local state: never share or commit it (it is git-ignored).
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from cvsite.cache import Cache, code_key, digest, tree_digest
from cvsite.errors import Diagnostic
from cvsite.load import load_site
from cvsite.models import Site

PREFIX = "site-"
Loaded = tuple[Site | None, list[Diagnostic]]


def _key(source: Path, keep_going: bool) -> str:
    folders = [source / "content", source / "static"]
    return digest(code_key(), tree_digest(folders), os.getcwd(), str(keep_going))[:24]


def _recall(data: bytes) -> Loaded | None:
    """The stored site and diagnostics, or None when anything about them is off."""
    try:
        site, diagnostics = pickle.loads(data)
    except Exception:
        return None
    if not isinstance(site, Site) or not isinstance(diagnostics, list) or \
            not all(isinstance(d, Diagnostic) for d in diagnostics):
        return None
    return site, diagnostics


def load_cached(source: Path, cache: Cache, *, keep_going: bool = False) -> Loaded:
    """`load_site`, answered from the cache when `content/` is as it was."""
    if not cache.enabled or cache.folder is None:
        return load_site(source, keep_going=keep_going)
    name = f"{PREFIX}{_key(source, keep_going)}.pickle"
    data = cache.read_checked(name)
    found = _recall(data) if data is not None else None
    if found is not None:
        return found
    site, diagnostics = load_site(source, keep_going=keep_going)
    if site is not None:
        data = pickle.dumps((site, diagnostics), protocol=pickle.HIGHEST_PROTOCOL)
        if _recall(data) == (site, diagnostics):
            cache.write_checked(name, data)
            for old in cache.folder.glob(f"{PREFIX}*"):
                if old.name != name:
                    old.unlink(missing_ok=True)
    return site, diagnostics
