"""Template files by content: which files a page's template reads, and a loader that notices
every edit (Jinja's own checks a file's modification time, which one tick can leave the same).

A page is keyed on the templates it extends, includes and imports, found in their sources
(`jinja2.meta`), so that saving one page's template renders only the pages that use it. A
template that names another through a variable may read any of them: it is keyed on all.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, MutableMapping
from contextlib import suppress
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    meta,
    nodes,
)
from jinja2.loaders import split_template_path

from cvsite.cache import data_digest, file_digest, tree_digest

_REFERENCES: dict[bytes, tuple[str, ...] | None] = {}


class ContentLoader(FileSystemLoader):
    """A FileSystemLoader whose templates are up to date while their bytes are the same."""

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        """The template's text, its file, and a check that the file still holds that text."""
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)
            if os.path.isfile(filename):
                break
        else:
            raise TemplateNotFound(template)
        with open(filename, "rb") as handle:
            data = handle.read()
        known = data_digest(data)

        def uptodate() -> bool:
            try:
                return file_digest(filename) == known
            except OSError:
                return False

        text = data.decode(self.encoding).replace("\r\n", "\n").replace("\r", "\n")
        return text, os.path.normpath(filename), uptodate


class TrackingEnvironment(Environment):
    """An Environment that notes which templates a template names as it parses it to compile
    it, so that keying pages on their templates costs no second parse."""

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals: the environment's own dict when it has none of its own.

        Jinja's default, a ChainMap over the environment's globals, is read item by item in
        Python at every page (copied into the page's context, compared with an imported
        template's): about a tenth of a paper page's time. No template of cvsite has globals of its
        own, and the environment's stay live (the build sets `downloads` after compiling).
        """
        return self.globals if not d else super().make_globals(d)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _REFERENCES.setdefault(source.encode("utf-8"), _names(tree))
        return tree


def _names(tree: nodes.Template) -> tuple[str, ...] | None:
    """The templates a parsed template names, or None if it names one through a variable."""
    found = list(meta.find_referenced_templates(tree))
    if any(name is None for name in found):
        return None
    return tuple(sorted({name for name in found if name is not None}))


def _references(env: Environment, data: bytes) -> tuple[str, ...] | None:
    """The templates a template's source names (None: maybe any of them)."""
    try:
        return _names(env.parse(data.decode("utf-8", "replace")))
    except TemplateSyntaxError:
        return None  # rendering reports it; meanwhile depend on everything


def references(env: Environment, source: str) -> tuple[str, ...] | None:
    """The templates a template's source names (None: maybe any of them), remembered."""
    data = source.encode("utf-8")
    if data not in _REFERENCES:
        _REFERENCES[data] = _references(env, data)
    return _REFERENCES[data]


def note_references(source: str, names: tuple[str, ...] | None) -> None:
    """Remember the templates a template's source names, as found when it was compiled."""
    _REFERENCES.setdefault(source.encode("utf-8"), names)


def template_key(env: Environment, name: str, folders: list[Path]) -> str:
    """A digest of every template file that rendering `name` reads (by name, file, bytes)."""
    assert env.loader is not None
    seen: dict[str, str] = {}
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        try:
            text, filename, _ = env.loader.get_source(env, current)
        except TemplateNotFound:
            seen[current] = "-"
            continue
        data = text.encode("utf-8")
        seen[current] = f"{filename}\0{data_digest(data)}"
        with suppress(TemplateError):  # compiled anyway to render; notes its references
            env.get_template(current)
        names = references(env, text)
        if names is None:
            return data_digest(b"*" + tree_digest(folders).encode())
        todo += names
    return data_digest("\0".join(f"{k}\0{v}" for k, v in sorted(seen.items())).encode())

