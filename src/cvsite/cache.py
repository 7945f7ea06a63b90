"""The build cache in `.cvsite-cache/`, and the only module that writes it.

Every entry is found by a digest of its inputs, so a stale entry is simply never looked up again.
What is read back is checked (a digest of its bytes); anything damaged counts as a miss and the
work is done again. The cache only ever saves time: it cannot change the output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from cvsite.errors import Diagnostic, warning

CACHE_DIR = ".cvsite-cache"
FORMAT = 2
P = ParamSpec("P")
R = TypeVar("R")


def digest(*parts: str | bytes) -> str:
    """A hex digest of the parts (length-prefixed, so that boundaries count)."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def file_digest(path: Path) -> str:
    """A hex digest of a file's bytes."""
    with open(path, "rb") as file:
        return hashlib.file_digest(file, lambda: hashlib.blake2b(digest_size=20)).hexdigest()


def _part(value: object) -> str | bytes:
    """An argument as bytes or text for a digest (a pydantic model by its JSON)."""
    if isinstance(value, str | bytes):
        return value
    dump = getattr(value, "model_dump_json", None)
    return dump() if callable(dump) else repr(value)


def remembered(size: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Remember a pure function's last `size` results by a digest of its arguments, in this
    process (`serve`: an edit to profile.yaml does not read the .bib again). Results are
    shared, so they must be immutable or never changed by the caller."""
    def wrap(function: Callable[P, R]) -> Callable[P, R]:
        results: OrderedDict[str, R] = OrderedDict()

        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            key = digest(*map(_part, args), *(f"{k}={_part(v)!r}" for k, v in kwargs.items()))
            if key in results:
                results.move_to_end(key)
                return results[key]
            result = results[key] = function(*args, **kwargs)
            while len(results) > size:
                results.popitem(last=False)
            return result
        return call
    return wrap


class Cache:
    """A folder of checked blobs and JSON documents found by name; disabled: every lookup misses."""

    def __init__(self, folder: Path | None, problem: Diagnostic | None = None) -> None:
        self.folder = folder
        self.problem = problem
        """Why the project's cache could not be used (a warning), if it could not."""

    @classmethod
    def for_project(cls, source: Path, enabled: bool = True) -> Cache:
        """The project's `.cvsite-cache/` when it can be written and read, else a disabled cache
        that says why (the build goes on without it)."""
        if not enabled:
            return cls(None)
        folder = source / CACHE_DIR
        try:
            _own_folder(folder, source)
            _probe(folder)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return cls(None, warning("cvsite", 0, 0,
                                     f"cannot use {CACHE_DIR}/ ({reason}); building without it"))
        return cls(folder)

    @property
    def enabled(self) -> bool:
        """Whether lookups can hit and results are stored."""
        return self.folder is not None

    def read_bytes(self, name: str) -> bytes | None:
        """A stored blob, or None."""
        try:
            return (self.folder / name).read_bytes() if self.folder is not None else None
        except OSError:
            return None

    def write_bytes(self, name: str, data: bytes) -> None:
        """Store a blob atomically; a cache that cannot be written is silently skipped."""
        if self.folder is None:
            return
        path = self.folder / name
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(data)
            os.replace(temp, path)
        except OSError:
            temp.unlink(missing_ok=True)

    def remove(self, name: str) -> None:
        """Forget a stored blob (nothing happens when there is none)."""
        if self.folder is not None:
            with contextlib.suppress(OSError):
                (self.folder / name).unlink()

    def read_json(self, name: str) -> dict[str, Any] | None:
        """A stored JSON object, or None (missing, damaged, of another cache format)."""
        data = self.read_bytes(name)
        check, _, body = (data or b"").partition(b"\n")
        if not body or check.decode("ascii", "replace") != digest(str(FORMAT), body):
            return None
        try:
            value = json.loads(body)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def write_json(self, name: str, value: Mapping[str, Any]) -> None:
        """Store a JSON object under a digest of its bytes, so that damage reads as a miss."""
        body = json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")
        self.write_bytes(name, digest(str(FORMAT), body).encode("ascii") + b"\n" + body)


def _own_folder(folder: Path, source: Path) -> None:
    """Refuse a cache folder that is a symbolic link out of the project, or to the project
    itself (nothing outside is ever written, nothing of the project removed); raises OSError."""
    if folder.is_symlink():
        real, root = Path(os.path.realpath(folder)), Path(os.path.realpath(source))
        if real == root or not real.is_relative_to(root):
            raise OSError(0, f"it is a symbolic link to {os.readlink(folder)}, not a folder "
                             "of its own inside the project")


def _probe(folder: Path) -> None:
    """Check that `folder` can be written and read back, and remove damage; raises OSError."""
    folder.mkdir(exist_ok=True)
    probe = folder / f".probe-{os.getpid()}.tmp"
    probe.write_bytes(b"ok")
    readable = probe.read_bytes() == b"ok"
    probe.unlink()
    if not readable:
        raise OSError(0, "what was written reads back differently")
    _repair(folder)


def _repair(folder: Path, depth: int = 2) -> None:
    """Remove what cannot be a cache entry: a folder where a file belongs (every file's name has
    a suffix, no folder's has), or a file where a folder belongs."""
    with os.scandir(folder) as entries:
        for entry in entries:
            is_dir = entry.is_dir(follow_symlinks=False)
            if is_dir and "." in entry.name:
                shutil.rmtree(entry.path)
            elif is_dir and depth > 1:
                _repair(Path(entry.path), depth - 1)
            elif not is_dir and "." not in entry.name:
                os.unlink(entry.path)
