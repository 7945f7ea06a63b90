"""Rendering with a memory: a page whose inputs did not change is taken from the cache.

A page's key is a digest of cvsite's code, the template files its template reads (so saving
one template renders only the pages that use it), the static files, the data among the template
globals (the PDF downloads), everything in the site except the publication list, the number of
publications, and the page's own variables (its publication). Whether a page also
read the publication list (a list page, or any template or helper that looks at other papers)
is observed while it renders, through a stand-in for the list that notes any look inside; such
pages are keyed on every publication as well. Above a size threshold the pages that must be
rendered are shared with a forked worker (2 cores).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from jinja2 import Environment

from cvsite.assets import static_dirs
from cvsite.cache import Cache, code_key, digest, tree_digest
from cvsite.models import Publication, Site
from cvsite.render import PageSpec, page_specs, render_page, template_dirs
from cvsite.templatedeps import template_key

PREFIX = "pages-"
PARALLEL_ABOVE = 1500
"""Pages to render before a second process pays for its start and for sending pages back."""


class _Watched:
    """The publication list, noting whether anything beyond its length was looked at."""

    def __init__(self, items: tuple[Publication, ...]) -> None:
        self._items = items
        self.touched = False

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self) -> Iterator[Publication]:
        self.touched = True
        return iter(self._items)

    def __getitem__(self, index: Any) -> Any:
        self.touched = True
        return self._items[index]

    def __contains__(self, item: object) -> bool:
        self.touched = True
        return item in self._items

    def __reversed__(self) -> Iterator[Publication]:
        self.touched = True
        return reversed(self._items)

    def __getattr__(self, name: str) -> Any:
        self.touched = True
        return getattr(self._items, name)


def _render(site: Site, env: Environment, spec: PageSpec) -> tuple[bytes, bool]:
    """A page's bytes, and whether it read the publication list."""
    watched = _Watched(site.publications)
    try:
        view = site.model_copy(update={"publications": watched})
        html = render_page(view, env, spec)
    except Exception:  # a stand-in the code cannot use: render for real, keyed on everything
        return render_page(site, env, spec).encode("utf-8"), True
    return html.encode("utf-8"), watched.touched


_SHARED: dict[str, Any] = {}


def _render_many(indices: list[int]) -> list[tuple[bytes, bool]]:
    """Render pages in a forked worker, from the state shared at the fork."""
    site, env, specs = _SHARED["site"], _SHARED["env"], _SHARED["specs"]
    return [_render(site, env, specs[i]) for i in indices]


def _render_all(site: Site, env: Environment, specs: list[PageSpec],
                todo: list[int]) -> dict[int, tuple[bytes, bool]]:
    """Render the pages `todo`; half of them in a forked worker when there are many."""
    if len(todo) < PARALLEL_ABOVE or (os.cpu_count() or 1) < 2 or \
            threading.active_count() > 1 or "fork" not in _start_methods():
        return {i: _render(site, env, specs[i]) for i in todo}
    _SHARED.update(site=site, env=env, specs=specs)
    theirs, mine = todo[: len(todo) // 2], todo[len(todo) // 2:]
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork")) as pool:
        future = pool.submit(_render_many, theirs)
        done = {i: _render(site, env, specs[i]) for i in mine}
        done.update(zip(theirs, future.result(), strict=True))
    _SHARED.clear()
    return done


def _start_methods() -> list[str]:
    from multiprocessing import get_all_start_methods

    return list(get_all_start_methods())


def _read_pack(data: bytes | None) -> tuple[dict[str, list[Any]], memoryview]:
    """The index and page bytes of a stored pack (empty when missing or unreadable)."""
    if not data or len(data) < 8:
        return {}, memoryview(b"")
    size = int.from_bytes(data[:8], "little")
    try:
        index = json.loads(data[8:8 + size])
    except ValueError:
        return {}, memoryview(b"")
    return (index if isinstance(index, dict) else {}), memoryview(data)[8 + size:]


def render_cached(source: Path, site: Site, env: Environment,
                  cache: Cache) -> dict[str, bytes]:
    """Every HTML page's bytes by path, rendering only those not in the cache."""
    specs = page_specs(site)
    data = {k: v for k, v in env.globals.items() if not callable(v)}  # e.g. the PDF downloads
    fixed = digest(code_key(), tree_digest(static_dirs(source)),
                   os.environ.get("SOURCE_DATE_EPOCH", ""), repr(sorted(data.items())),
                   site.model_dump_json(exclude={"publications"}), str(len(site.publications)))
    dumps = {id(p): p.model_dump_json() for p in site.publications}
    everything = digest(*dumps.values())
    used = {t: template_key(env, t, template_dirs(source)) for t in {s[1] for s in specs}}
    keys = [_key(digest(fixed, used[spec[1]]), spec, dumps) for spec in specs]
    name = f"{PREFIX}{fixed[:20]}.pack"
    index, blob = _read_pack(cache.read_checked(name) if cache.enabled else None)
    found: dict[int, tuple[bytes, bool]] = {}
    for i, key in enumerate(keys):
        entry = index.get(key) if key else None
        if isinstance(entry, list) and len(entry) == 3 and entry[2] in ("", everything):
            found[i] = (bytes(blob[entry[0]:entry[0] + entry[1]]), bool(entry[2]))
    todo = [i for i in range(len(specs)) if i not in found]
    if todo:
        found.update(_render_all(site, env, specs, todo))
        if cache.enabled and cache.folder is not None:
            _store(cache, name, keys, found, everything)
    return {specs[i][0]: found[i][0] for i in range(len(specs))}


def _key(fixed: str, spec: PageSpec, dumps: dict[int, str]) -> str:
    """A page's key; empty (never cached) when a variable is not one of the publications."""
    out, template, extra = spec
    if any(id(value) not in dumps for value in extra.values()):
        return ""
    return digest(fixed, out, template, *(f"{k}={dumps[id(v)]}" for k, v in extra.items()))


def _store(cache: Cache, name: str, keys: list[str], pages: dict[int, tuple[bytes, bool]],
           everything: str) -> None:
    """Write this build's pages as the pack, replacing older packs."""
    index: dict[str, list[Any]] = {}
    offset = 0
    kept = [i for i, key in enumerate(keys) if key]
    for i in kept:
        data, touched = pages[i]
        index[keys[i]] = [offset, len(data), everything if touched else ""]
        offset += len(data)
    head = json.dumps(index).encode("utf-8")
    body = b"".join([len(head).to_bytes(8, "little"), head, *(pages[i][0] for i in kept)])
    cache.write_checked(name, body)
    assert cache.folder is not None
    for old in cache.folder.glob(f"{PREFIX}*"):
        if old.name != name:
            old.unlink(missing_ok=True)
