"""The record of the last build: what it made, from which inputs, and how its output looked.

After each build the digest of its inputs, the size and modification time of every file in the
output folder, and the content key of every page (see `pagecache`) are recorded in the cache.
The next build with the same digest whose output folder still holds exactly those files (none
added, removed or touched) has nothing to do; one with other inputs leaves in place the pages
whose key did not change and whose file nobody touched since.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cvsite.cache import Cache
from cvsite.errors import Diagnostic, Severity
from cvsite.write import Stat, scan

RECORD = "last-build.json"
Ref = tuple[str, str]
"""A page's content key and tag in the page pack."""


@dataclass(frozen=True)
class Previous:
    """What the last build made, when nothing changed since."""

    pages: int
    files: int
    diagnostics: list[Diagnostic]


@dataclass(frozen=True)
class LastBuild:
    """The last build into an output folder."""

    key: str
    pages: int
    output: dict[str, Stat]
    diagnostics: list[Diagnostic]
    pack: str = ""
    """The page pack its pages are in."""
    refs: dict[str, Ref] = field(default_factory=dict)
    """Each page's (key, tag) in that pack, by path."""

    def settled(self, out: Path) -> dict[str, tuple[Ref, Stat]]:
        """The pages still in `out` as this build wrote them: (key, tag) and stat by path."""
        now, _ = scan(out) if out.is_dir() else ({}, set())
        return {path: (ref, now[path]) for path, ref in self.refs.items()
                if path in now and now[path] == self.output.get(path)}


def _ref(value: Any) -> Ref:
    """A recorded (key, tag); raises ValueError when it is not one."""
    if not isinstance(value, list) or len(value) != 2 or \
            not all(isinstance(part, str) for part in value):
        raise ValueError(value)
    return value[0], value[1]


def last_build(cache: Cache, out: Path) -> LastBuild | None:
    """The last build into `out` as recorded, or None (none recorded, or the record is off)."""
    record = cache.read_json(RECORD) if cache.enabled else None
    if record is None or record.get("out") != str(out.resolve()):
        return None
    try:
        output = {str(name): (int(stat[0]), int(stat[1]))
                  for name, stat in record["output"].items()}
        diagnostics = [Diagnostic(d[0], d[1], d[2], d[3], d[4], Severity(d[5]))
                       for d in record["diagnostics"]]
        refs = {str(path): _ref(ref) for path, ref in record.get("refs", {}).items()}
        return LastBuild(str(record["key"]), int(record["pages"]), output, diagnostics,
                         str(record.get("pack", "")), refs)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return None


def unchanged(last: LastBuild | None, key: str, out: Path) -> Previous | None:
    """The `last` build's result if its inputs had digest `key` and its output is untouched."""
    if last is None or last.key != key or not out.is_dir():
        return None
    try:
        if scan(out)[0] != last.output:
            return None
    except OSError:
        return None
    return Previous(last.pages, len(last.output), last.diagnostics)


def remember(cache: Cache, key: str, out: Path, pages: int, diagnostics: list[Diagnostic],
             output: Mapping[str, Stat], pack: str = "",
             refs: Mapping[str, Ref] | None = None) -> None:
    """Record a finished build (`output`: every file in `out` with its stat)."""
    if not cache.enabled:
        return
    shown = [[d.file, d.line, d.col, d.message, d.hint, d.severity.value] for d in diagnostics]
    cache.write_json(RECORD, {"key": key, "out": str(out.resolve()), "pages": pages,
                              "output": dict(output), "diagnostics": shown, "pack": pack,
                              "refs": dict(refs or {})})
