"""Compiled templates: the theme's as shipped with cvsite, the others in the build cache.

Jinja compiles a template by parsing it and writing Python: for the theme that is ~0.15 s of
every cold build, before the first PDF can start. `theme.json` beside this module holds the
Python Jinja wrote for each theme template (`make templates`), with its source's checksum and a
fingerprint of the compiler; a build then only compiles that Python (~1 ms a template). A
template edited since, a project's own, or another Jinja falls through to Jinja's own bytecode
cache in `.cvsite-cache/templates/` (`serve` compiles only what was edited since).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import BytecodeCache, Environment, TemplateSyntaxError
from jinja2.bccache import Bucket

from cvsite.cache import Cache, digest
from cvsite.paths import THEME
from cvsite.render.environment import make_environment

SHIPPED = Path(__file__).with_name("theme.json")
"""The theme's templates as Jinja compiled them (`write_shipped` makes it)."""
TEMPLATE_SUFFIXES = frozenset({".html", ".xml", ".txt", ".svg"})


def fingerprint(env: Environment) -> str:
    """What the Python Jinja writes depends on besides the template: Jinja's version and the
    environment's syntax, whitespace and escaping options, extensions, filters and tests."""
    options = [env.block_start_string, env.block_end_string, env.variable_start_string,
               env.variable_end_string, env.comment_start_string, env.comment_end_string,
               env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
               env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
               env.optimized, env.autoescape, env.finalize, env.is_async,
               getattr(env, "newstyle_gettext", False), sorted(env.extensions)]
    named = [(kind, name, str(getattr(function, "jinja_pass_arg", "")))
             for kind, functions in (("filter", env.filters), ("test", env.tests))
             for name, function in sorted(functions.items())]
    return digest(jinja2.__version__, repr(options), repr(named))


def compiled_theme(env: Environment, names: list[str]) -> dict[str, Any]:
    """What `theme.json` holds for the templates `names` of `env`'s loader: each one's source
    checksum and the Python Jinja compiles it to, under the compiler's fingerprint."""
    checksum = BytecodeCache().get_source_checksum
    templates = {}
    for name in sorted(names):
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        try:
            python = env.compile(source, name, filename, raw=True)
        except TemplateSyntaxError:  # not a template (a licence text): read as text
            continue
        templates[name] = {"checksum": checksum(source), "python": python}
    return {"fingerprint": fingerprint(env), "templates": templates}


def shipped(env: Environment) -> dict[tuple[str, str], str]:
    """The Python of each shipped template by (name, source checksum), when it was compiled
    by a compiler like `env`'s (else none)."""
    try:
        store = json.loads(SHIPPED.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if store.get("fingerprint") != fingerprint(env):
        return {}
    return {(name, entry["checksum"]): entry["python"]
            for name, entry in store["templates"].items()}


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates in `.cvsite-cache/templates/`, the shipped theme's for
    what is not there yet (with no cache: the shipped theme only)."""

    def __init__(self, cache: Cache | None, theme: Mapping[tuple[str, str], str]) -> None:
        self.cache = cache
        self.theme = theme

    def get_bucket(self, environment: Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        """The template's bucket: from the cache (Jinja's marshalled code, the quickest), else
        compiled from the shipped theme's Python when its source is the one shipped (and kept
        in the cache for the next build), else empty (Jinja compiles the template)."""
        bucket = super().get_bucket(environment, name, filename, source)
        python = self.theme.get((name, bucket.checksum))
        if bucket.code is None and python is not None:
            bucket.code = compile(python, filename or "<template>", "exec")
            self.dump_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill `bucket` from the cache (Jinja ignores a stale or damaged entry)."""
        data = self.cache.read_bytes(f"templates/{bucket.key}.jinja") if self.cache else None
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a template Jinja has just compiled."""
        if self.cache is not None:
            self.cache.write_bytes(f"templates/{bucket.key}.jinja", bucket.bytecode_to_string())


def theme_store() -> dict[str, Any]:
    """What `theme.json` should hold: the theme's templates compiled as a build compiles them."""
    folder = THEME / "templates"
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*")
             if p.suffix in TEMPLATE_SUFFIXES and not p.name.startswith("LICENSE")]
    with tempfile.TemporaryDirectory() as project:  # no project templates: the theme's only
        return compiled_theme(make_environment(Path(project)), names)


def write_shipped() -> None:
    """Write `theme.json` (`make templates`, after editing a theme template)."""
    text = json.dumps(theme_store(), indent=1, sort_keys=True, ensure_ascii=False)
    SHIPPED.write_text(text + "\n", encoding="utf-8")
