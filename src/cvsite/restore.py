"""An output folder deleted or touched since the last build, put back without building.

The no-change fast path (`uptodate`) trusts a build whose inputs digest equals the last build's
to make the same output. When that holds but the output folder no longer matches (it was
deleted, or files were edited by hand), the last build's output is written back from the
cache: its pages from the page pack (found by their content keys, so a pack rewritten since
can only miss, never give other bytes) and every other file from a blob stored beside the
record. Anything missing or damaged is a miss, and the build runs as usual. Stdlib only.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cvsite.cache import Cache, make_pack, read_pack
from cvsite.errors import Diagnostic, Severity
from cvsite.uptodate import RECORD, Previous, remember
from cvsite.write import Data, WriteReport, write_site

PREFIX = "output-"


def _names(key: str) -> tuple[str, str]:
    return f"{PREFIX}{key[:24]}.json", f"{PREFIX}{key[:24]}.pack"


def keep(cache: Cache, key: str, files: Mapping[str, Data], pack: str,
         refs: Mapping[str, list[str]]) -> None:
    """Record how to restore this build's output: pages by their `refs` (key, tag) in the page
    pack named `pack`, the other files' bytes in a pack of their own."""
    if not cache.enabled or cache.folder is None:
        return
    manifest, blob = _names(key)
    others = sorted(name for name in files if name not in refs)
    index: dict[str, list[int]] = {}
    offset = 0
    for name in others:
        index[name] = [offset, len(files[name])]
        offset += len(files[name])
    cache.write_checked(blob, make_pack(index, (files[name] for name in others)))
    cache.write_json(manifest, {"key": key, "pages": pack, "refs": dict(refs)})
    for old in cache.folder.glob(f"{PREFIX}*"):
        if old.name not in (manifest, blob):
            old.unlink(missing_ok=True)


def _files(cache: Cache, key: str) -> dict[str, Data] | None:
    """The last build's output by path, or None when any of it cannot be found."""
    manifest_name, blob_name = _names(key)
    manifest = cache.read_json(manifest_name)
    if manifest is None or manifest.get("key") != key or not isinstance(manifest.get("refs"),
                                                                         dict):
        return None
    others, body = read_pack(cache.read_checked(blob_name))
    if not others:
        return None
    files: dict[str, Data] = {name: body[at[0]:at[0] + at[1]] for name, at in others.items()}
    pages, blob = read_pack(cache.read_checked(str(manifest.get("pages", ""))))
    for name, (page_key, tag) in manifest["refs"].items():
        entry: Any = pages.get(page_key)
        if not isinstance(entry, list) or len(entry) != 3 or entry[2] != tag:
            return None
        files[name] = blob[entry[0]:entry[0] + entry[1]]
    return files


def restore(cache: Cache, key: str, out: Path) -> tuple[Previous, WriteReport] | None:
    """Write the last build's output into `out` if that build's inputs had digest `key`."""
    record = cache.read_json(RECORD) if cache.enabled else None
    if record is None or record.get("key") != key or record.get("out") != str(out.resolve()):
        return None
    try:
        files = _files(cache, key)
        diagnostics = [Diagnostic(d[0], d[1], d[2], d[3], d[4], Severity(d[5]))
                       for d in record["diagnostics"]]
        pages = int(record["pages"])
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    if files is None:
        return None
    report = write_site(files, out)
    remember(cache, key, out, pages, diagnostics)
    return Previous(pages, len(files), diagnostics), report
