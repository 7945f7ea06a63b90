"""Rendering with a memory: a page whose inputs did not change is taken from the cache.

A page's key is a digest of cvsite's code, the template files its template reads (so saving
one template renders only the pages that use it), the static files, the data among the template
globals (the PDF downloads), everything in the site except the publication list, the number of
publications, and the page's own variables (its publication). A page that read the publication
list while it rendered (observed by `pagerender`) is keyed on every publication as well. Pages
are kept in the page pack (`pagepack`); one that the output folder holds as the last build
wrote it is left there, not even read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from jinja2 import Environment

from cvsite.cache import Blob, Cache, code_key, digest, tree_digest
from cvsite.models import Site
from cvsite.output.scan import Stat
from cvsite.output.write import Data
from cvsite.render.environment import PageSpec, page_specs, static_dirs, template_dirs
from cvsite.render.pages import render_all
from cvsite.speed.pagepack import PREFIX, PagePack
from cvsite.speed.templatedeps import template_key
from cvsite.speed.uptodate import Ref


class Pages(dict[str, Data]):
    """Pages by path (bytes, or `InPlace` when the output already holds them), the page pack
    they are kept in, each path's (key, tag) there, `save` to keep the new ones there, and
    the other files made meanwhile."""

    def __init__(self, pages: dict[str, Data], pack: str, refs: dict[str, Ref],
                 save: Callable[[], None], others: dict[str, Blob]) -> None:
        super().__init__(pages)
        self.pack = pack
        self.refs = refs
        self.others = others
        """The files made alongside the pages (`render_cached`'s `also`)."""
        self.save = save
        """Store the pages rendered in the cache (the build may do it in a
        second process while it writes the output)."""


def _recall(pack: PagePack, keys: list[str], specs: list[PageSpec], tags: tuple[str, str],
            settled: Mapping[str, tuple[Ref, Stat]]) -> dict[int, tuple[Data, bool]]:
    """The pages the pack has, with whether each read the publication list; a page the output
    still holds as the last build wrote it is left there (not read)."""
    found: dict[int, tuple[Data, bool]] = {}
    for i, key in enumerate(keys):
        tag = pack.tag(key) if key else None
        if tag is None or tag not in tags:
            continue
        placed = settled.get(specs[i][0])
        page = pack.take(key, tag, placed[1] if placed and placed[0] == (key, tag) else None)
        if page is not None:
            found[i] = (page, bool(tag))
    return found


def render_cached(source: Path, site: Site, env: Environment, cache: Cache,
                  settled: Mapping[str, tuple[Ref, Stat]] | None = None,
                  also: Callable[[list[str]], dict[str, str]] | None = None) -> Pages:
    """Every HTML page by path, rendering only those not in the cache (`settled`: the pages
    the output folder holds as the last build wrote them, by path), and the files `also`
    makes of the pages' paths (made meanwhile, as `Pages.others`)."""
    specs = page_specs(site)
    paths = [spec[0] for spec in specs]

    def others() -> dict[str, str]:
        return also(paths) if also is not None else {}

    data = {k: v for k, v in env.globals.items() if not callable(v)}  # e.g. the PDF downloads
    fixed = digest(code_key(), tree_digest(static_dirs(source)),
                   os.environ.get("SOURCE_DATE_EPOCH", ""), repr(sorted(data.items())),
                   site.model_dump_json(exclude={"publications"}), str(len(site.publications)))
    dumps = {id(p): digest(p.model_dump_json()) for p in site.publications}
    everything = digest(*dumps.values())
    used = {t: template_key(env, t, template_dirs(source)) for t in {s[1] for s in specs}}
    by_template = {name: digest(fixed, key) for name, key in used.items()}
    keys = [_key(by_template[spec[1]], spec, dumps) for spec in specs]
    pack = PagePack(cache, f"{PREFIX}{fixed[:20]}")
    found = _recall(pack, keys, specs, ("", everything), settled or {})
    todo = [i for i in range(len(specs)) if i not in found]
    fresh, made = render_all(site, env, specs, todo, None, others)
    found.update(fresh)
    kept = [keys[i] for i in found if keys[i] and i not in fresh]

    def save() -> None:
        if cache.enabled and (fresh or len(kept) != len(pack.index)):
            pack.store({keys[i]: (page, everything if touched else "")
                        for i, (page, touched) in fresh.items() if keys[i]}, kept)
    refs = {specs[i][0]: (key, everything if found[i][1] else "")
            for i, key in enumerate(keys) if key}
    return Pages({paths[i]: found[i][0] for i in range(len(specs))}, pack.name, refs, save,
                 made)


def _key(fixed: str, spec: PageSpec, dumps: dict[int, str]) -> str:
    """A page's key; empty (never cached) when a variable is not one of the publications."""
    out, template, extra = spec
    if any(id(value) not in dumps for value in extra.values()):
        return ""
    return digest(fixed, out, template, *(f"{k}={dumps[id(v)]}" for k, v in extra.items()))
