"""The page pack: rendered pages kept across builds, found by their content keys.

A body file that only grows (each build appends the pages it rendered) and a checked index of
the pages still in use, `{key: [offset, length, crc32, tag]}`. The body is read through a
memory map, so a build touches only the pages it takes (after a one-entry edit at 10,000
papers it neither reads nor rewrites the other 150 MB), and every page is checked against its
CRC when taken: damage reads as a miss. When pages no longer used make up more than half of
the body, the next store copies the live ones into a new body (in the kernel, not through this
process's memory). The body is never truncated in place, so a map held by another build stays
valid. Stdlib only.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import zlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from cvsite.cache import Blob, Cache
from cvsite.output.scan import Stat
from cvsite.output.write import Data, InPlace

PREFIX = "pages-"
COMPACT_ABOVE = 1 << 20
"""Bytes of unused pages below which the body is never rewritten."""


def _map(path: str) -> memoryview:
    """The file's bytes, mapped read-only (empty when missing or empty)."""
    try:
        with open(path, "rb") as file:
            return memoryview(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):  # missing, or empty (an empty file cannot be mapped)
        return memoryview(b"")


def _entry(value: Any) -> tuple[int, int, int, str] | None:
    """An index entry's (offset, length, crc, tag), or None when it is not one."""
    if isinstance(value, list) and len(value) == 4 and isinstance(value[3], str) and \
            all(isinstance(v, int) and v >= 0 for v in value[:3]):
        return value[0], value[1], value[2], value[3]
    return None


class PagePack:
    """One pack of the cache (named after the inputs every page in it shares)."""

    def __init__(self, cache: Cache, name: str) -> None:
        self.cache, self.name = cache, name
        stored = cache.read_json(f"{name}.json") if cache.folder is not None else None
        pages = stored.get("pages") if stored is not None else None
        self.index: dict[str, Any] = pages if isinstance(pages, dict) else {}
        self._body = _map(str(cache.folder / f"{name}.pack")) if self.index and \
            cache.folder is not None else memoryview(b"")

    def tag(self, key: str) -> str | None:
        """The tag the page for `key` was stored with, or None when the pack has none."""
        entry = _entry(self.index.get(key))
        return entry[3] if entry is not None and entry[0] + entry[1] <= len(self._body) else None

    def take(self, key: str, tag: str, stat: Stat | None) -> Data | None:
        """The page stored for `key` with `tag`: `InPlace` when the output file still has the
        `stat` the build that wrote it recorded (read only if the file changes meanwhile), else
        its bytes; None when the pack does not have it (or it is damaged)."""
        if self.tag(key) != tag:
            return None
        if stat is not None:
            return InPlace(stat, _loader(self, key, (tag,)))
        return self.get(key, (tag,))

    def get(self, key: str, tags: Iterable[str]) -> memoryview | None:
        """The page stored for `key` with one of `tags` (a view of the map), or None."""
        entry = _entry(self.index.get(key))
        if entry is None or entry[3] not in tags or entry[0] + entry[1] > len(self._body):
            return None
        page = self._body[entry[0]:entry[0] + entry[1]]
        return page if zlib.crc32(page) == entry[2] else None

    def store(self, new: Mapping[str, tuple[Blob, str]], kept: Iterable[str]) -> None:
        """Keep the pages `kept` (keys already in the pack) and add `new` (key: page, tag),
        dropping every other page and every other pack of the cache."""
        if self.cache.folder is None:
            return
        folder = self.cache.folder
        live = {key: self.index[key] for key in kept if _entry(self.index.get(key))}
        used = sum(entry[1] for entry in live.values())
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{self.name}.pack"
            size = path.stat().st_size if path.exists() else 0
            if size - used > max(used, COMPACT_ABOVE):
                live = self._compact(live)
            with open(path, "ab") as body:
                offset = os.fstat(body.fileno()).st_size
                for key, (page, tag) in new.items():
                    body.write(page)
                    live[key] = [offset, len(page), zlib.crc32(page), tag]
                    offset += len(page)
            self.cache.write_json(f"{self.name}.json", {"pages": live})
            self.index = live
            for old in folder.glob(f"{PREFIX}*"):
                if old.stem != self.name:
                    old.unlink(missing_ok=True)

    def _compact(self, live: dict[str, Any]) -> dict[str, Any]:
        """Rewrite the body with only the `live` pages; their new index entries."""
        assert self.cache.folder is not None
        path = self.cache.folder / f"{self.name}.pack"
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        moved: dict[str, Any] = {}
        with open(path, "rb") as old, open(temp, "wb") as new:
            offset = 0
            for key, (start, length, crc, tag) in sorted(live.items(), key=lambda kv: kv[1][0]):
                _copy(old.fileno(), new.fileno(), start, length)
                moved[key] = [offset, length, crc, tag]
                offset += length
        os.replace(temp, path)
        return moved


def _copy(source: int, target: int, start: int, length: int) -> None:
    """Append `length` bytes of `source` from `start` to `target`, in the kernel if it can."""
    while length > 0:
        try:
            done = os.copy_file_range(source, target, length, start)
        except (AttributeError, OSError):
            done = os.write(target, os.pread(source, min(length, 1 << 20), start))
        if done <= 0:
            raise OSError("short copy while compacting the page pack")
        start, length = start + done, length - done


class DamagedPack(OSError):
    """A page the pack listed could not be read back."""


def _loader(pack: PagePack, key: str, tags: tuple[str, ...]) -> Callable[[], memoryview]:
    """A function giving the page stored for `key` (raising `DamagedPack` when it is gone)."""
    def load() -> memoryview:
        page = pack.get(key, tags)
        if page is None:
            raise DamagedPack(f"the page cache lost a page; run the build again "
                              f"(or with --no-cache): {pack.name} {key}")
        return page
    return load
