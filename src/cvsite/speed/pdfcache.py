"""Rendered PDFs in the build cache, keyed on the print HTML and the files WeasyPrint read.

An entry is found by a digest of the variant's print HTML (which holds every model value it
shows) and the renderer's versions; it is used only if every file the renderer fetched
(stylesheets, fonts; by their path inside the static folders) still has the same contents, like
a compiler's dependency file. The last renderings are also kept in memory, so a long-running
process (`cvsite serve`, the test suite) reuses them across builds and project copies.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from cvsite.cache import Cache, file_digest
from cvsite.pdf.document import Pdf

FOLDER = "pdf"
MEMORY_SIZE = 8
KEEP = 4
"""Renderings kept on disk per variant, so that undoing an edit or switching branches is free."""
Depends = dict[str, str | None]
"""Files a rendering read: path relative to the static folders -> digest of its contents."""


_memory: dict[str, tuple[Depends, Pdf]] = {}


def holds_pdfs(cache: Cache) -> bool:
    """Whether the cache is used and has kept a PDF before (a rebuild's are most likely there)."""
    return cache.folder is not None and (cache.folder / FOLDER).is_dir()


def _file_digest(path: Path | None) -> str | None:
    try:
        return file_digest(path) if path is not None else None
    except OSError:
        return None


def _find(relative: str, roots: Sequence[Path]) -> Path | None:
    """The file at `relative` in the first of `roots` that has it."""
    return next((r / relative for r in roots if (r / relative).is_file()), None)


def depends(files: Sequence[Path], roots: Sequence[Path]) -> Depends:
    """The digest of every file read, by its path relative to the static folder holding it."""
    found: Depends = {}
    for path in files:
        root = next((r.resolve() for r in roots if r.resolve() in path.parents), None)
        name = path.relative_to(root).as_posix() if root else str(path)
        found[name] = _file_digest(path)
    return dict(sorted(found.items()))


def _unchanged(files: Depends, roots: Sequence[Path]) -> bool:
    return all(_file_digest(_find(name, roots)) == sha for name, sha in files.items())


def _names(key: str) -> tuple[str, str]:
    return f"{FOLDER}/{key}.pdf", f"{FOLDER}/{key}.json"


def lookup(cache: Cache, name: str, key: str, roots: Sequence[Path]) -> Pdf | None:
    """The PDF of variant `name` made from `key`, if the files it read are unchanged."""
    if not cache.enabled:
        return None
    blob, meta = _names(key)
    info = cache.read_json(meta)
    if key in _memory and _unchanged(_memory[key][0], roots):
        if info is None:  # made by this process for another copy of the project
            store(cache, name, key, _memory[key][1], _memory[key][0])
        return _memory[key][1]
    if info is None or info.get("key") != key:
        return None
    try:
        files: Depends = dict(info["files"])
        if not _unchanged(files, roots):
            return None
        data = cache.read_bytes(blob)
        if data is None or hashlib.sha256(data).hexdigest() != info["sha256"]:
            return None
        sections = tuple((str(s), int(a), int(b)) for s, a, b in info["section_pages"])
        pdf = Pdf(data, int(info["pages"]), sections)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    _remember(key, files, pdf)
    return pdf


def latest(cache: Cache, name: str) -> Pdf | None:
    """The most recent rendering of variant `name`, whatever it was made from (for previews)."""
    keys = (cache.read_json(f"{FOLDER}/{name}.index.json") or {}).get("keys") or [None]
    if not isinstance(keys[0], str):
        return None
    blob, meta = _names(keys[0])
    info, data = cache.read_json(meta), cache.read_bytes(blob)
    if info is None or data is None or hashlib.sha256(data).hexdigest() != info.get("sha256"):
        return None
    return Pdf(data, int(info.get("pages", 0)), ())


def _remember(key: str, files: Depends, pdf: Pdf) -> None:
    _memory[key] = (files, pdf)
    while len(_memory) > MEMORY_SIZE:
        del _memory[next(iter(_memory))]


def store(cache: Cache, name: str, key: str, pdf: Pdf, files: Depends) -> None:
    """Keep `pdf`, and the last few renderings of variant `name` (best effort, like the cache)."""
    if not cache.enabled:
        return
    pdf = Pdf(pdf.data, pdf.pages, pdf.section_pages)  # without what a rendering also says
    _remember(key, files, pdf)
    blob, meta = _names(key)
    if cache.read_json(meta) is None:
        cache.write_bytes(blob, pdf.data)
        cache.write_json(meta, {"key": key, "sha256": hashlib.sha256(pdf.data).hexdigest(),
                                "pages": pdf.pages, "section_pages": pdf.section_pages,
                                "files": files})
    index = f"{FOLDER}/{name}.index.json"
    known = (cache.read_json(index) or {}).get("keys", [])
    keys = [key, *(k for k in known if isinstance(k, str) and k != key)]
    cache.write_json(index, {"keys": keys[:KEEP]})
    for old in keys[KEEP:]:
        for stale in _names(old):
            cache.remove(stale)
