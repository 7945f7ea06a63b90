"""The loaded record kept across builds: an unchanged `content/` is not parsed and decoded again.

Keyed on cvsite's code, the bytes of `content/` and `static/` (which the checks look into), the
working folder (diagnostics show paths relative to it) and the options. The YAML models are
pickled (their JSON form does not validate back, e.g. months dump as full dates); the
publications are kept as plain data and validated back, which is several times faster than
unpickling thousands of models. A record is stored only when reading it back gives an equal
site, so the cache cannot change a page, and only when the same content is loaded a second time
(storing it costs ~0.5 s at 10,000 papers; after a content edit an unchanged project takes the
no-change path or restores its output, and a project edited before every build would pay for a
record it never reads). Like `.venv/`, `.cvsite-cache/` is trusted local state: never share or
commit it (it is git-ignored).
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from cvsite.cache import Cache, code_key, digest, tree_digest
from cvsite.errors import Diagnostic
from cvsite.models import Publication, Site
from cvsite.validate.load import load_site

PREFIX = "site-"
Loaded = tuple[Site | None, list[Diagnostic]]


def _key(source: Path, keep_going: bool) -> str:
    folders = [source / "content", source / "static"]
    return digest(code_key(), tree_digest(folders), os.getcwd(), str(keep_going))[:24]


def _dump(site: Site, diagnostics: list[Diagnostic]) -> bytes | None:
    """The record as bytes (the site without its publications, their data, the diagnostics),
    or None when it would not read back equal (checked one publication at a time, so that
    there are never two copies of every publication in memory)."""
    rest = site.model_copy(update={"publications": ()})
    head = pickle.dumps((rest, diagnostics), protocol=pickle.HIGHEST_PROTOCOL)
    if pickle.loads(head) != (rest, diagnostics):
        return None
    pubs = [p.model_dump() for p in site.publications]
    if any(Publication.model_validate(d) != p for d, p in zip(pubs, site.publications,
                                                                   strict=True)):
        return None
    return pickle.dumps((rest, pubs, diagnostics), protocol=pickle.HIGHEST_PROTOCOL)


def _recall(data: bytes | memoryview) -> Loaded | None:
    """The stored site and diagnostics, or None when anything about them is off."""
    try:
        rest, pubs, diagnostics = pickle.loads(data)
        if not isinstance(rest, Site) or not isinstance(pubs, list):
            return None
        publications = tuple(Publication.model_validate(p) for p in pubs)
    except Exception:
        return None
    if not isinstance(diagnostics, list) or \
            not all(isinstance(d, Diagnostic) for d in diagnostics):
        return None
    return rest.model_copy(update={"publications": publications}), diagnostics


def load_cached(source: Path, cache: Cache, *, keep_going: bool = False) -> Loaded:
    """`load_site`, answered from the cache when `content/` is as it was."""
    if not cache.enabled or cache.folder is None:
        return load_site(source, keep_going=keep_going)
    name = f"{PREFIX}{_key(source, keep_going)}.pickle"
    stored = cache.read_checked(name)
    found = _recall(stored) if stored is not None else None
    if found is not None:
        return found
    site, diagnostics = load_site(source, keep_going=keep_going, cache=cache)
    wanted = name.replace(".pickle", ".wanted")
    if site is None:
        return site, diagnostics
    if cache.read_bytes(wanted) is None:  # the first load of this content: note it, no more
        cache.write_bytes(wanted, b"")
        keep = wanted
    else:
        data = _dump(site, diagnostics)
        if data is not None:
            cache.write_checked(name, data)
        keep = name
    for old in cache.folder.glob(f"{PREFIX}*"):
        if old.name != keep:
            old.unlink(missing_ok=True)
    return site, diagnostics
