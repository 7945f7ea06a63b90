"""The record of the last build: what it made, from which inputs, and how its output looked.

After each build the digest of its inputs, the size and modification time of every file in the
output folder, and the content key of every page (see `pagecache`) are recorded in the cache.
The next build with the same digest whose output folder still holds exactly those files (none
added, removed or touched) has nothing to do; one with other inputs leaves in place the pages
whose key did not change and whose file nobody touched since.

The record is marshalled (read back in milliseconds at 10,000 pages, where JSON took tens) and
found under a digest of its bytes like every cache file; a record of another shape is a miss.
Its page refs are kept marshalled until a build needs them: a no-change build does not.

Comparing the output folder with the record lists every folder (10,000 at 10,000 papers). Once a
comparison finds the output as recorded, and every folder's change time is older than
`SETTLED_NS`, those times are added to the record; the next comparison checks each folder's
change time instead of listing it (anything added, removed or renamed in a folder changes that
time; the age rules out a change within the same timestamp tick), and each file's stat as
before. Any difference falls back to listing.
"""

from __future__ import annotations

import marshal
import time
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from cvsite.cache import Cache
from cvsite.errors import Diagnostic, Severity
from cvsite.output.manifest import MANIFEST
from cvsite.output.scan import Stat, holds, scan

RECORD = "last-build.marshal"
OLD_RECORDS = ("last-build.json",)
"""Records of earlier layouts, removed when a build is recorded."""
SHAPE = "last-build 4"
"""Names the record's layout: a record of any other layout is not read."""
SETTLED_NS = 2_000_000_000
"""How long a file must have been left alone before its stat is trusted (git's racy rule)."""
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
    files: tuple[str, ...]
    """Every file in the output folder then."""
    stats: bytes
    """Their stats, each as two int64 (size, mtime in ns), in the order of `files`."""
    diagnostics: list[Diagnostic]
    pack: str = ""
    """The page pack its pages are in."""
    packed_refs: bytes = b""
    """`refs`, marshalled."""
    folders: tuple[str, ...] = ()
    """Every folder of the output (`""`: the output folder) when the output was last found as
    recorded; empty: not yet, or some folder had changed too recently to tell a later change
    by its time."""
    times: bytes = b""
    """Their change times (int64 ns), in the order of `folders`."""

    @cached_property
    def output(self) -> dict[str, Stat]:
        """Every file in the output folder with its stat, by path."""
        flat = _numbers(self.stats)
        return dict(zip(self.files, zip(flat[0::2], flat[1::2], strict=True), strict=True))

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


def _numbers(data: bytes) -> list[int]:
    """The int64s packed in `data`."""
    return array("q", data).tolist()


def _packed(numbers: Iterable[int]) -> bytes:
    """Int64s packed (for `_numbers`)."""
    return array("q", numbers).tobytes()


def last_build(cache: Cache, out: Path) -> LastBuild | None:
    """The last build into `out` as recorded, or None (none recorded, or the record is off)."""
    data = cache.read_checked(RECORD) if cache.enabled else None
    try:
        record = marshal.loads(data) if data is not None else None
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(record, tuple) or len(record) != 11 or record[0] != SHAPE:
        return None
    _, key, where, pages, shown, files, stats, pack, refs, folders, times = record
    if where != str(out.resolve()) or not all(isinstance(part, kind) for part, kind in (
            (key, str), (pages, int), (shown, list), (files, tuple), (stats, bytes),
            (pack, str), (refs, bytes), (folders, tuple), (times, bytes))) or \
            len(stats) != 16 * len(files) or len(times) != 8 * len(folders):
        return None
    try:
        diagnostics = [Diagnostic(d[0], d[1], d[2], d[3], d[4], Severity(d[5])) for d in shown]
    except (TypeError, ValueError, IndexError, KeyError):
        return None
    return LastBuild(key, pages, files, stats, diagnostics, pack, refs, folders, times)


def unchanged(cache: Cache, last: LastBuild | None, key: str, out: Path) -> Previous | None:
    """The `last` build's result if its inputs had digest `key` and its output is untouched."""
    if last is None or last.key != key or not out.is_dir():
        return None
    if not last.folders or not holds(out, last.files, last.stats, last.folders, last.times):
        changed: dict[str, int] = {}
        started = time.time_ns()
        try:
            now = scan(out, changed)[0]
        except OSError:
            return None
        if any(now.get(name) != stat for name, stat in last.output.items()):
            return None  # files cvsite did not write may come and go
        if max(changed.values()) < started - SETTLED_NS:  # the record as it was, with the times
            _store(cache, out, replace(last, folders=tuple(changed),
                                       times=_packed(changed.values())))
    return Previous(last.pages, sum(name != MANIFEST for name in last.files), last.diagnostics)


def _store(cache: Cache, out: Path, last: LastBuild) -> None:
    """Write the record of `last`, a build into `out` (read back by `last_build`)."""
    shown = [(d.file, d.line, d.col, d.message, d.hint, d.severity.value)
             for d in last.diagnostics]
    record = (SHAPE, last.key, str(out.resolve()), last.pages, shown, last.files, last.stats,
              last.pack, last.packed_refs, last.folders, last.times)
    cache.write_checked(RECORD, marshal.dumps(record))


def remember(cache: Cache, key: str, out: Path, pages: int, diagnostics: list[Diagnostic],
             output: Mapping[str, Stat], pack: str = "",
             refs: Mapping[str, Ref] | None = None) -> None:
    """Record a finished build (`output`: every file in `out` with its stat)."""
    if not cache.enabled:
        return
    stats = _packed(number for stat in output.values() for number in stat)
    _store(cache, out, LastBuild(key, pages, tuple(output), stats, diagnostics, pack,
                                 marshal.dumps(dict(refs or {}))))
    for old in OLD_RECORDS:
        cache.remove(old)
