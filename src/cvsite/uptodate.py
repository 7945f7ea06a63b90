"""The record of the last build: what it made, from which inputs, and how its output looked.

After each build the digest of its inputs, the size and modification time of every file in the
output folder, and the content key of every page (see `pagecache`) are recorded in the cache.
The next build with the same digest whose output folder still holds exactly those files (none
added, removed or touched) has nothing to do; one with other inputs leaves in place the pages
whose key did not change and whose file nobody touched since.

The record is marshalled (read back in milliseconds at 10,000 pages, where JSON took tens) and
found under a digest of its bytes like every cache file; a record of another shape is a miss.
Its page refs are kept marshalled until a build needs them: a no-change build does not.
"""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cvsite.cache import Cache
from cvsite.errors import Diagnostic, Severity
from cvsite.write import Stat, scan

RECORD = "last-build.marshal"
OLD_RECORDS = ("last-build.json",)
"""Records of earlier layouts, removed when a build is recorded."""
SHAPE = "last-build 2"
"""Names the record's layout: a record of any other layout is not read."""
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
    packed_refs: bytes = b""
    """`refs`, marshalled."""

    @cached_property
    def refs(self) -> dict[str, Ref]:
        """Each page's (key, tag) in the page pack, by path (empty when unreadable)."""
        try:
            refs = marshal.loads(self.packed_refs) if self.packed_refs else {}
        except (EOFError, ValueError, TypeError):
            return {}
        return refs if isinstance(refs, dict) else {}

    def settled(self, out: Path) -> dict[str, tuple[Ref, Stat]]:
        """The pages still in `out` as this build wrote them: (key, tag) and stat by path."""
        now, _ = scan(out) if out.is_dir() else ({}, set())
        return {path: (ref, now[path]) for path, ref in self.refs.items()
                if path in now and now[path] == self.output.get(path)}


def last_build(cache: Cache, out: Path) -> LastBuild | None:
    """The last build into `out` as recorded, or None (none recorded, or the record is off)."""
    data = cache.read_checked(RECORD) if cache.enabled else None
    try:
        record = marshal.loads(data) if data is not None else None
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(record, tuple) or len(record) != 8 or record[0] != SHAPE:
        return None
    _, key, where, pages, shown, output, pack, refs = record
    if where != str(out.resolve()) or not isinstance(output, dict) or \
            not all(isinstance(part, kind) for part, kind in
                    ((key, str), (pages, int), (pack, str), (refs, bytes), (shown, list))):
        return None
    try:
        diagnostics = [Diagnostic(d[0], d[1], d[2], d[3], d[4], Severity(d[5])) for d in shown]
    except (TypeError, ValueError, IndexError, KeyError):
        return None
    return LastBuild(key, pages, output, diagnostics, pack, refs)


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
    shown = [(d.file, d.line, d.col, d.message, d.hint, d.severity.value) for d in diagnostics]
    record = (SHAPE, key, str(out.resolve()), pages, shown, dict(output), pack,
              marshal.dumps(dict(refs or {})))
    cache.write_checked(RECORD, marshal.dumps(record))
    for old in OLD_RECORDS:
        cache.remove(old)
