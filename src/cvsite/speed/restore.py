"""An output folder deleted or touched since the last build, put back without building.

The no-change fast path (`uptodate`) trusts a build whose inputs digest equals the last build's
to make the same output. When that holds but the output folder no longer matches (it was
deleted, or files were edited by hand), the last build's output is written back from the
cache: every file from a blob stored beside the record. Anything missing or damaged is a miss,
and the build runs as usual. Stdlib only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from cvsite.cache import Cache, make_pack, read_pack
from cvsite.output.write import Data, InPlace, Managed, WriteReport, write_site
from cvsite.speed.uptodate import LastBuild, Previous, remember

PREFIX = "output-"


def _names(key: str) -> tuple[str, str]:
    return f"{PREFIX}{key[:24]}.json", f"{PREFIX}{key[:24]}.pack"


def keep(cache: Cache, key: str, files: Mapping[str, bytes | memoryview]) -> None:
    """Keep the bytes of this build's files (those not left in place), to restore its output."""
    if not cache.enabled or cache.folder is None:
        return
    manifest, blob = _names(key)
    others = sorted(files)
    index: dict[str, list[int]] = {}
    offset = 0
    for name in others:
        index[name] = [offset, len(files[name])]
        offset += len(files[name])
    cache.write_checked(blob, make_pack(index, (files[name] for name in others)))
    cache.write_json(manifest, {"key": key})
    for old in cache.folder.glob(f"{PREFIX}*"):
        if old.name not in (manifest, blob):
            old.unlink(missing_ok=True)


def kept(cache: Cache, last: LastBuild) -> dict[str, memoryview]:
    """The bytes `keep` kept of the `last` build's files, by path (empty when they cannot be
    found)."""
    manifest_name, blob_name = _names(last.key)
    manifest = cache.read_json(manifest_name)
    if manifest is None or manifest.get("key") != last.key:
        return {}
    others, body = read_pack(cache.read_checked(blob_name))
    return {name: body[at[0]:at[0] + at[1]] for name, at in others.items()}


def unchanged_in_place(files: Mapping[str, Data], last: LastBuild | None,
                       before: Mapping[str, memoryview]) -> dict[str, Data]:
    """`files`, with each that holds the bytes the `last` build wrote (`before`, from `kept`)
    as `InPlace` at the stat then recorded: the writer leaves it if the file still has that
    stat, without reading it."""
    if last is None or not before:
        return dict(files)
    found: dict[str, Data] = {}
    for name, data in files.items():
        stat = last.output.get(name)
        if stat is not None and not isinstance(data, InPlace) and before.get(name) == data:
            found[name] = InPlace(stat, _given(data))
        else:
            found[name] = data
    return found


def _given(data: bytes | memoryview) -> Callable[[], bytes | memoryview]:
    """A function giving `data`."""
    return lambda: data


def _files(cache: Cache, last: LastBuild, out: Path) -> dict[str, Data] | None:
    """The last build's output by path, or None when any of it cannot be found."""
    files: dict[str, Data] = dict(kept(cache, last))
    return files or None


def restore(cache: Cache, last: LastBuild | None, key: str, out: Path,
            managed: Managed) -> tuple[Previous, WriteReport] | None:
    """Write the `last` build's output into `out` if that build's inputs had digest `key`."""
    if last is None or last.key != key:
        return None
    files = _files(cache, last, out)
    if files is None:
        return None
    report = write_site(files, out, managed, keep_spare=True)
    remember(cache, key, out, last.pages, last.diagnostics, report.state, last.pack, last.refs)
    return Previous(last.pages, len(files), last.diagnostics), report
