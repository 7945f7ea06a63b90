"""Pages rendered for a build, each noting whether it read the publication list; on both
cores when there are many (`forkwork.take_turns`).

Whether a page read the publication list (a list page, or any template or helper that looks
at other papers) is observed while it renders, through a stand-in for the list that notes any
look inside (`pagecache` then keys such a page on every publication).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, cast

from jinja2 import Environment, TemplateError

from cvsite.models import Publication, Site
from cvsite.render.environment import PageSpec, render_page
from cvsite.speed.forkwork import MAX_TASKS, take_turns
from cvsite.speed.once import Lasting, Once, remembered

PARALLEL_ABOVE = 1000
"""Pages to render before a second process pays for its start and for sending pages back."""
Blob = bytes | memoryview
"""Encoded page text (the same as `cvsite.cache.Blob`)."""
Rendered = tuple[dict[int, tuple[Blob, bool]], dict[str, Blob]]
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


def render_all(site: Site, env: Environment, specs: list[PageSpec], todo: list[int],
               lasting: Lasting | None, also: Callable[[], dict[str, str]]) -> Rendered:
    """Render the pages `todo` and make `also`'s files; shared with a forked worker when there
    is much to do."""
    if not todo:
        return {}, _encoded(also())
    with _templates_as_loaded(env), remembered(env, lasting):
        return _render_shared(site, env, specs, todo, lasting, also)


def _render_shared(site: Site, env: Environment, specs: list[PageSpec], todo: list[int],
                   lasting: Lasting | None, also: Callable[[], dict[str, str]]) -> Rendered:
    """`render_all`, shared with a forked worker taking turns: the list pages, `also`, then
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
