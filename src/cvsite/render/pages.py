"""Pages rendered for a build, each noting whether it read the publication list.

Whether a page read the publication list (a list page, or any template or helper that looks
at other papers) is observed while it renders, through a stand-in for the list that notes any
look inside (`pagecache` then keys such a page on every publication).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import Environment, TemplateError

from cvsite.models import Publication, Site
from cvsite.render.environment import PageSpec, render_page
from cvsite.speed.once import Lasting, Once, remembered

Blob = bytes | memoryview
"""Encoded page text (the same as `cvsite.cache.Blob`)."""
Rendered = tuple[dict[int, tuple[Blob, bool]], dict[str, Blob]]
"""Pages by number, with whether each read the publication list, and the other files made."""


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
    """Render the pages `todo` and make `also`'s files."""
    if not todo:
        return {}, _encoded(also())
    with _templates_as_loaded(env), remembered(env, lasting):
        return {i: _render(site, env, specs[i]) for i in todo}, _encoded(also())


def _encoded(files: dict[str, str]) -> dict[str, Blob]:
    """The files as UTF-8."""
    return {name: text.encode("utf-8") for name, text in files.items()}
