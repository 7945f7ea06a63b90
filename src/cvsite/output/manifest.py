"""What cvsite wrote into an output folder, what it never touches, and who is writing it now.

The output folder may hold other files (a `username.github.io` checkout holds `.git`, `CNAME`,
`.nojekyll`). A manifest in the folder lists the files the last build wrote: a build replaces or
deletes only those, and refuses a folder that holds other files unless asked to adopt it.
"""

from __future__ import annotations

import contextlib
import fcntl
import fnmatch
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cvsite.errors import Diagnostic, warning

MANIFEST = ".cvsite-manifest.json"
PROTECTED = (".git", "CNAME", ".nojekyll", MANIFEST)
"""Paths in the output folder a site never writes, replaces or deletes (with `keep:`)."""


class OutputError(Exception):
    """The output folder cannot be written as asked."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def failure(exc: OSError, out: Path) -> OutputError:
    """An operating system error while writing `out`, as one line."""
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(out) else ""
    return OutputError(f"cannot write {out}: {exc.strerror or exc}{where}")


@dataclass(frozen=True)
class Managed:
    """An output folder shared with files cvsite did not write."""

    keep: tuple[str, ...] | None = None
    """Globs of paths never written, replaced or deleted; None: those the manifest names."""
    adopt: bool = False
    """Publish into a folder without a manifest, keeping every file it holds."""
    known: frozenset[str] = frozenset()
    """Files the last build recorded (an output written before manifests counts as ours when
    it holds only these)."""


def kept(path: str, patterns: tuple[str, ...]) -> bool:
    """True when `path` or a folder holding it matches a glob (`*` also matches `/`)."""
    return _matcher(patterns)(path) is not None


def frozen(paths: Iterable[str], keep: tuple[str, ...]) -> list[Diagnostic]:
    """A warning for each `keep` glob that holds files the site itself writes (never updated)."""
    found = []
    for pattern in keep:
        held = sorted(path for path in paths if kept(path, (pattern,)))
        if held:
            more = f" and {len(held) - 3} more" if len(held) > 3 else ""
            found.append(warning("content/site.yaml", 0, 0, f"keep {pattern!r} holds files the "
                                 f"site writes ({', '.join(held[:3])}{more}): they are never "
                                 "updated", "to replace a file of the site, put yours in "
                                 "static/; keep is for files cvsite does not make (a thesis)"))
    return found


@functools.lru_cache(maxsize=8)
def _matcher(patterns: tuple[str, ...]) -> Callable[[str], re.Match[str] | None]:
    """One regular expression for the globs, matching a path or anything inside it."""
    either = "|".join(fnmatch.translate(pattern).removesuffix(r"\Z") for pattern in patterns)
    return re.compile(f"(?:{either})(?:/.*)?\\Z", re.DOTALL).match


def read_manifest(out: Path) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """The files the last build wrote into `out` and its `keep` globs (None: no manifest)."""
    try:
        data = json.loads((out / MANIFEST).read_bytes())
        files, keep = data["files"], data.get("keep", [])
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not (isinstance(files, list) and isinstance(keep, list)
            and all(isinstance(name, str) for name in [*files, *keep])):
        return None
    return frozenset(files), tuple(keep)


def manifest_damage(out: Path) -> str | None:
    """Why the manifest in `out` cannot be read ("not valid JSON"); None when it reads or there
    is none."""
    path = out / MANIFEST
    if not os.path.lexists(path) or read_manifest(out) is not None:
        return None
    try:
        json.loads(path.read_bytes())
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    except ValueError:
        return "not valid JSON"
    return "not a list of files as cvsite writes it"


def manifest_bytes(files: Iterable[str], keep: Iterable[str]) -> bytes:
    """The manifest listing `files` (sorted, so the same site gives the same bytes)."""
    body = {"cvsite": "files this site wrote; cvsite replaces or deletes only these",
            "files": sorted(files), "keep": list(keep)}
    return (json.dumps(body, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


_HELD: set[int] = set()


def _drop_held() -> None:
    """In a forked child, close the parent's lock (the lock stays the parent's)."""
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_drop_held)


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of the folder `out` is in: a second build into it waits for the first."""
    parent = Path(os.path.abspath(out)).parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise failure(exc, out) from exc
    _HELD.add(fd)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"cvsite: waiting for another build into {out}", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)
