"""The build cache in `.cvsite-cache/`: results keyed on hashes of everything they depend on.

Every entry is found by a digest of its inputs (file contents, cvsite's own code, the versions
of the libraries that shape the output, the build options), so a stale entry is simply never
looked up again. What is read back is checked (a digest of its bytes, its type); anything
damaged counts as a miss and the work is done again. The cache only ever saves time: it
cannot change the output. Stdlib (and xxhash) only, so that a no-change rebuild need not import
the rendering stack.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import xxhash

CACHE_DIR = ".cvsite-cache"
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
_CODE = [_PACKAGE, _PACKAGE.parents[1] / "templates", _PACKAGE.parents[1] / "static"]
"""cvsite's code and default theme (packaged, or beside the source in a checkout)."""
LIBRARIES = ("jinja2", "markupsafe", "markdown", "yaml", "pydantic", "pydantic_core",
             "bibtexparser", "pylatexenc", "weasyprint", "pydyf", "tinycss2", "cssselect2",
             "feedgen", "lxml", "nh3")
"""Libraries whose upgrade can change the output: their installed files are part of the key."""
PROJECT_DIRS = ("content", "templates", "static")


Blob = bytes | memoryview


def _check(first: str, chunks: Sequence[Blob]) -> str:
    """The digest a stored blob (the chunks, concatenated) is checked by: XXH3-128, since it
    only has to tell damage (a cut or garbled file), and a no-change build reads 2.5 MB."""
    hasher = xxhash.xxh3_128()
    data = first.encode("utf-8")
    hasher.update(len(data).to_bytes(8, "little"))
    hasher.update(data)
    hasher.update(sum(len(chunk) for chunk in chunks).to_bytes(8, "little"))
    for chunk in chunks:
        hasher.update(chunk)
    return hasher.hexdigest()


def digest(*parts: str | bytes | memoryview) -> str:
    """A hex digest of the parts (length-prefixed, so that boundaries count)."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def data_digest(data: bytes) -> str:
    """The hex digest of `data`: XXH3-128 of its length and its bytes (fast; the files are the
    user's own, so collisions are no concern)."""
    hasher = xxhash.xxh3_128()
    hasher.update(len(data).to_bytes(8, "little"))
    hasher.update(data)
    return hasher.hexdigest()


def file_digest(path: Path | str) -> str:
    """`data_digest` of a file's contents."""
    with open(path, "rb") as handle:
        return data_digest(handle.read())


def _files(folder: Path) -> Iterable[Path]:
    """Every file under `folder`, in a stable order, skipping caches and hidden files."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and not name.endswith(".pyc"):
                yield Path(root, name)


def tree_digest(folders: Iterable[Path]) -> str:
    """A digest of the names and contents of every file under the folders."""
    hasher = hashlib.blake2b(digest_size=20)
    for folder in folders:
        for path in _files(folder) if folder.is_dir() else ():
            hasher.update(f"{path.relative_to(folder).as_posix()}\0{file_digest(path)}\0".encode())
    return hasher.hexdigest()


def _library_stamp(name: str) -> str:
    """Where a library is installed and when its entry file changed (no import needed)."""
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return f"{name}:?"
    if spec is None or spec.origin is None:
        return f"{name}:-"
    info = os.stat(spec.origin)
    return f"{name}:{spec.origin}:{info.st_size}:{info.st_mtime_ns}"


@cache
def _program_key() -> str:
    """cvsite's Python code, the Python version and the libraries' stamps: once per process,
    since the code that runs is the code that was imported."""
    stamps = [_library_stamp(name) for name in LIBRARIES]
    return digest(str(FORMAT), sys.version, tree_digest(_CODE[:1]), *stamps)


def code_key() -> str:
    """A digest of cvsite's code and default theme, the Python version and the libraries."""
    return digest(_program_key(), tree_digest(_CODE[1:]))


def inputs_key(source: Path, options: Mapping[str, object]) -> str:
    """A digest of everything a build of `source` reads, and of how it was asked to build."""
    top = sorted(p for p in source.glob("*.y*ml") if p.is_file())
    top_data = [p.name + "\0" + p.read_text("utf-8", errors="replace") for p in top]
    folders = [source / name for name in PROJECT_DIRS]
    return digest(code_key(), tree_digest(folders), *top_data,
                  json.dumps(options, sort_keys=True, default=str),
                  os.environ.get("SOURCE_DATE_EPOCH", ""))


class Cache:
    """A folder of JSON documents and blobs found by name; disabled means every lookup misses."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def for_project(cls, source: Path, enabled: bool = True) -> Cache:
        """The project's `.cvsite-cache/`, or a disabled cache."""
        return cls(source / CACHE_DIR if enabled else None)

    @property
    def enabled(self) -> bool:
        """Whether lookups can hit and results are stored."""
        return self.folder is not None

    def _path(self, name: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / name

    def read_bytes(self, name: str) -> bytes | None:
        """A stored blob, or None."""
        path = self._path(name)
        try:
            return path.read_bytes() if path is not None else None
        except OSError:
            return None

    def write_bytes(self, name: str, data: Blob | Sequence[Blob]) -> None:
        """Store a blob (or the concatenation of several, written one after the other, never
        joined in memory) atomically; a cache that cannot be written is silently skipped."""
        path = self._path(name)
        if path is None:
            return
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(temp, "wb") as file:
                for chunk in (data,) if isinstance(data, bytes | memoryview) else data:
                    file.write(chunk)
            os.replace(temp, path)
        except OSError:
            temp.unlink(missing_ok=True)

    def remove(self, name: str) -> None:
        """Forget a stored blob (nothing happens when there is none)."""
        path = self._path(name)
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()

    def read_checked(self, name: str) -> memoryview | None:
        """A blob stored by `write_checked` (a view, not a copy), or None when missing or
        damaged."""
        data = self.read_bytes(name)
        newline = data.find(b"\n") if data is not None else -1
        if data is None or newline < 0:
            return None
        body = memoryview(data)[newline + 1:]
        check = data[:newline].decode("ascii", "replace")
        return body if check == _check(str(FORMAT), (body,)) else None

    def write_checked(self, name: str, body: Blob | Sequence[Blob]) -> None:
        """Store a blob (or several, concatenated) under a digest of its bytes, so that damage
        reads as a miss."""
        chunks = (body,) if isinstance(body, bytes | memoryview) else body
        check = _check(str(FORMAT), chunks).encode("ascii")
        self.write_bytes(name, [check, b"\n", *chunks])

    def read_json(self, name: str) -> dict[str, Any] | None:
        """A stored JSON object, or None (missing, damaged, of another cache format)."""
        body = self.read_checked(name)
        try:
            value = json.loads(bytes(body)) if body is not None else None
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def write_json(self, name: str, value: Mapping[str, Any]) -> None:
        """Store a JSON object (see `write_checked`)."""
        self.write_checked(name, json.dumps(value, ensure_ascii=False).encode("utf-8"))


def read_pack(data: bytes | memoryview | None) -> tuple[dict[str, Any], memoryview]:
    """The JSON index and the body of a pack made by `make_pack` (empty when unreadable)."""
    if not data or len(data) < 8:
        return {}, memoryview(b"")
    size = int.from_bytes(bytes(data[:8]), "little")
    try:
        index = json.loads(bytes(data[8:8 + size]))
    except ValueError:
        return {}, memoryview(b"")
    return (index if isinstance(index, dict) else {}), memoryview(data)[8 + size:]


def make_pack(index: Mapping[str, Any], chunks: Iterable[Blob]) -> list[Blob]:
    """A JSON index (whose entries locate slices of the body) followed by the body, as chunks
    (for `write_checked`)."""
    head = json.dumps(index).encode("utf-8")
    return [len(head).to_bytes(8, "little"), head, *chunks]

