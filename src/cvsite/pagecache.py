"""Rendering with a memory: a page whose inputs did not change is taken from the cache.

A page's key is a digest of cvsite's code, the template files its template reads (so saving
one template renders only the pages that use it), the static files, the data among the template
globals (the PDF downloads), everything in the site except the publication list, the number of
publications, and the page's own variables (its publication). Whether a page also
read the publication list (a list page, or any template or helper that looks at other papers)
is observed while it renders, through a stand-in for the list that notes any look inside; such
pages are keyed on every publication as well. Pages are kept in the page pack (`pagepack`);
one that the output folder holds as the last build wrote it is left there, not even read.
Above a size threshold the pages that must be rendered are shared with a forked worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, TemplateError

from cvsite.assets import static_dirs
from cvsite.cache import Blob, Cache, code_key, digest, tree_digest
from cvsite.entrycache import identity
from cvsite.forkwork import MAX_TASKS, take_turns
from cvsite.itemcache import keep_items, open_items
from cvsite.models import Publication, Site
from cvsite.once import Lasting, Once, remembered
from cvsite.pagepack import PREFIX, PagePack
from cvsite.render import PageSpec, page_specs, render_page, template_dirs
from cvsite.templatedeps import template_key
from cvsite.uptodate import Ref
from cvsite.write import Data, Stat

PARALLEL_ABOVE = 1000
"""Pages to render before a second process pays for its start and for sending pages back."""
Rendered = tuple[dict[int, tuple["Blob", bool]], dict[str, "Blob"]]
"""Pages by number, with whether each read the publication list, and the other files made."""
TASK_PAGES = 20
"""Paper pages the two processes take at a time (a few milliseconds of work)."""


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
    """A page's bytes, and whether it read the publication list (also through `once`)."""
    watched = _Watched(site.publications)
    once = env.globals.get("once")
    memo = once if isinstance(once, Once) else Once()
    try:
        memo.watched = watched
        html = render_page(site.model_copy(update={"publications": watched}), env, spec)
    except Exception:  # a stand-in the code cannot use: render for real, keyed on everything
        memo.watched = None
        return render_page(site, env, spec).encode("utf-8"), True
    return html.encode("utf-8"), watched.touched


def _jobs(specs: list[PageSpec], todo: list[int], publications: int) -> list[tuple[int, list[int]]]:
    """The pages `todo` as (cost, pages) in paper pages: each page of its own variables is one;
    the pages without (list pages: they may show every publication) go together, so that their
    shared list items are rendered once (`once`): a fifth of a paper page per paper for the
    first, a fifteenth for each other."""
    lists = [i for i in todo if not specs[i][2]]
    jobs = [(1, [i]) for i in todo if specs[i][2]]
    if lists:
        jobs.append((len(lists) + publications // 5 + (len(lists) - 1) * publications // 15, lists))
    return jobs


@contextmanager
def _templates_as_loaded(env: Environment) -> Iterator[None]:
    """Every template checked for changes once, not at every page (3 checks a page, each
    reading and hashing the file): the pages of one build use the templates as they are now."""
    broken = False
    for name in env.list_templates(extensions=["html", "xml", "txt"]):
        try:
            env.get_template(name)
        except TemplateError:  # raised where a page uses it (while checked at every page:
            broken = True      # the cache may still hold the template as it was before)
    reload = env.auto_reload
    env.auto_reload = reload and broken
    try:
        yield
    finally:
        env.auto_reload = reload


def _render_all(site: Site, env: Environment, specs: list[PageSpec], todo: list[int],
                lasting: Lasting | None, also: Callable[[], dict[str, str]]) -> Rendered:
    """Render the pages `todo` and make `also`'s files; shared with a forked worker when there
    is much to do."""
    with _templates_as_loaded(env), remembered(env, lasting):
        return _render_shared(site, env, specs, todo, lasting, also)


def _render_shared(site: Site, env: Environment, specs: list[PageSpec], todo: list[int],
                   lasting: Lasting | None, also: Callable[[], dict[str, str]]) -> Rendered:
    """`_render_all`, shared with a forked worker taking turns: the list pages, `also`, then
    runs of paper pages."""
    jobs = _jobs(specs, todo, len(site.publications))
    if sum(cost for cost, _ in jobs) < PARALLEL_ABOVE:
        return {i: _render(site, env, specs[i]) for i in todo}, _encoded(also())
    lists = [i for i in todo if not specs[i][2]]
    papers = [i for i in todo if specs[i][2]]
    # Without items from the last build the list pages go together: the first renders the
    # items, the others take them; with them (an edit) each is a task of its own.
    apart = [[i] for i in lists] if lasting is not None and lasting.stored else [lists]
    head: list[list[int] | None] = [*(apart if lists else []), None]
    size = max(TASK_PAGES, -(-len(papers) // max(1, MAX_TASKS - len(head))))
    tasks = head + [papers[k:k + size] for k in range(0, len(papers), size)]

    def task(number: int) -> tuple[list[bytes], list[bool] | list[str]]:
        numbers = tasks[number]
        if numbers is None:
            files = also()
            return [text.encode("utf-8") for text in files.values()], list(files)
        made = [_render(site, env, specs[i]) for i in numbers]
        return [page for page, _ in made], [touched for _, touched in made]

    def items() -> tuple[dict[str, str], set[str]]:
        return (lasting.made, lasting.used) if lasting else ({}, set())

    results, theirs = take_turns(len(tasks), task, items)
    if lasting is not None and theirs is not None:  # the items the worker rendered or took,
        lasting.made.update(theirs[0])               # kept for the next build
        lasting.used.update(theirs[1])
    pages: dict[int, tuple[Blob, bool]] = {}
    others: dict[str, Blob] = {}
    for numbers, (blobs, about) in zip(tasks, results, strict=True):
        if numbers is None:
            others.update(zip(cast("list[str]", about), blobs, strict=True))
        else:
            pages.update((i, (page, touched)) for i, page, touched in
                         zip(numbers, blobs, cast("list[bool]", about), strict=True))
    return pages, others


def _encoded(files: dict[str, str]) -> dict[str, Blob]:
    """The files as UTF-8."""
    return {name: text.encode("utf-8") for name, text in files.items()}


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
        """Store the pages (and list items) rendered in the cache (the build may do it in a
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
    # What identifies a publication: its entry's key and line where the entry cache made it
    dumps = {id(p): identity(p) or digest(p.model_dump_json()) for p in site.publications}
    everything = digest(*dumps.values())
    used = {t: template_key(env, t, template_dirs(source)) for t in {s[1] for s in specs}}
    by_template = {name: digest(fixed, key) for name, key in used.items()}
    keys = [_key(by_template[spec[1]], spec, dumps) for spec in specs]
    pack = PagePack(cache, f"{PREFIX}{fixed[:20]}")
    found = _recall(pack, keys, specs, ("", everything), settled or {})
    todo = [i for i in range(len(specs)) if i not in found]
    lasting = open_items(cache, fixed, used, dumps) if todo else None
    fresh, made = _render_all(site, env, specs, todo, lasting, others) if todo else \
        ({}, _encoded(others()))
    found.update(fresh)
    kept = [keys[i] for i in found if keys[i] and i not in fresh]

    def save() -> None:
        if lasting is not None:
            keep_items(cache, lasting)
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
