"""The only module that writes the output folder: only what changed, and never half a site.

A new output folder is written beside its final place and renamed into it. An existing one is
updated in place: every changed file is first written under a temporary name next to its target,
and only when all of them are written are they renamed over their targets and the files no
longer produced deleted. Unchanged files are not touched (their times stay, and on a disk
mounted with `discard` rewriting and deleting thousands of files costs seconds). A failure
before the renames removes the temporary files and leaves the previous output as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cvsite.outputscan import Stat, scan

TEMP_SUFFIX = ".cvsite-tmp"


@dataclass(frozen=True)
class InPlace:
    """A file the output folder already holds as the last build wrote it (with `stat` then):
    left alone while it still has that stat, else written from `load()`."""

    stat: Stat
    load: Callable[[], bytes | memoryview]


Data = bytes | memoryview | InPlace
"""A file's contents (a memoryview: a slice of a cached pack, not copied), or `InPlace`."""


class OutputError(Exception):
    """The output folder cannot be written as asked."""


@dataclass(frozen=True)
class WriteReport:
    """What a write changed in the output folder (paths relative to it)."""

    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int
    state: dict[str, Stat]
    """Every file of the output folder now, with its stat (as `scan` would find it)."""


def check_output_folder(out: Path, source: Path) -> None:
    """Refuse an output folder that would overwrite the project or its content."""
    out, source = out.resolve(), source.resolve()
    names = ("content", "templates", "static", ".git", ".cvsite-cache")
    protected = [source] + [source / name for name in names]
    for place in protected:
        if out == place or out in place.parents:
            raise OutputError(f"refusing to write into {out}: it would replace {place}")
        if place != source and place in out.parents:
            raise OutputError(f"refusing to write into {out}: it is inside {place}")


def _safe_relative(name: str) -> str:
    """A relative path that stays inside the output folder, normalised (`a//./b` is `a/b`)."""
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if name.startswith("/") or ".." in parts or not parts or "\\" in name:
        raise OutputError(f"refusing to write outside the output folder: {name!r}")
    return "/".join(parts)


def _same(path: str, data: Data, stat: Stat | None) -> bool:
    """True when the file at `path` (of known size) already holds exactly `data`."""
    if isinstance(data, InPlace):
        return stat == data.stat
    if stat is None or stat[0] != len(data):
        return False
    try:
        with open(path, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def _conflicts(names: dict[str, str], files: dict[str, Stat],
               folders: set[str]) -> bool:
    """True when a file must replace a folder or a folder a file (an in-place update can't)."""
    for name, path in names.items():
        if name in folders:
            return True
        slash = path.find("/")
        while slash > 0:
            if path[:slash] in files:
                return True
            slash = path.find("/", slash + 1)
    return False


def _bytes(data: Data) -> bytes | memoryview:
    """The bytes to write for `data`."""
    return data.load() if isinstance(data, InPlace) else data


def _write_file(path: str | Path, data: bytes | memoryview, folder: int | None = None) -> Stat:
    """Write one file (created or truncated; `path` relative to the open `folder` if given);
    its stat once written."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666,
                 dir_fd=folder)
    try:
        view, done = memoryview(data), 0
        while done < len(view):
            done += os.write(fd, view[done:])
        info = os.fstat(fd)
    finally:
        os.close(fd)
    return info.st_size, info.st_mtime_ns


class _Folders:
    """The folders of a new tree, made and kept open along the current path, so that each file
    is created relative to its open folder (no path walk from the root for each of them)."""

    def __init__(self, root: str) -> None:
        self.chain: list[tuple[str, int]] = [("", os.open(root, os.O_RDONLY | os.O_DIRECTORY))]

    def open(self, folder: str) -> int:
        """The open folder at `folder` (relative, `/`-separated), made when missing."""
        parts = folder.split("/") if folder else []
        same = 0
        while same < len(parts) and same + 1 < len(self.chain) and \
                self.chain[same + 1][0] == parts[same]:
            same += 1
        for _, fd in self.chain[same + 1:]:
            os.close(fd)
        del self.chain[same + 1:]
        for part in parts[same:]:
            parent = self.chain[-1][1]
            with contextlib.suppress(FileExistsError):
                os.mkdir(part, dir_fd=parent)
            self.chain.append((part, os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW,
                                             dir_fd=parent)))
        return self.chain[-1][1]

    def close(self) -> None:
        """Close every folder still open."""
        for _, fd in self.chain:
            os.close(fd)
        self.chain = []


def _write_files(root: str, files: Mapping[str, Data], names: Mapping[str, str]) -> dict[str, Stat]:
    """Write the files into the new folder `root` at their checked `names`, making folders."""
    os.makedirs(root, exist_ok=True)
    folders = _Folders(root)
    state: dict[str, Stat] = {}
    try:
        for name in sorted(files):
            folder, _, leaf = names[name].rpartition("/")
            state[names[name]] = _write_file(leaf, _bytes(files[name]), folders.open(folder))
    finally:
        folders.close()
    return state


def _write_fresh(files: Mapping[str, Data], names: Mapping[str, str],
                 out: Path) -> dict[str, Stat]:
    """Write everything into a staging folder, then swap it into place; the files' stats."""
    staging = out.parent / f".{out.name}.new-{os.getpid()}"
    retired = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        state = _write_files(str(staging), files, names)
        if out.exists():
            out.rename(retired)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not out.exists():
            retired.rename(out)
        raise
    shutil.rmtree(retired, ignore_errors=True)
    return state


def _update(out: Path, files: Mapping[str, Data], changed: list[str], stale: list[str],
            names: dict[str, str]) -> dict[str, Stat]:
    """Write changed files under temporary names, rename them into place, delete stale ones;
    the written files' stats."""
    temps: list[tuple[Path, Path]] = []
    state: dict[str, Stat] = {}
    made: list[Path] = []
    try:
        for name in changed:
            target = out / names[name]
            missing = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            made += reversed(missing)
            temp = target.with_name(f".{target.name}{TEMP_SUFFIX}")
            temps.append((temp, target))
            state[names[name]] = _write_file(temp, _bytes(files[name]))
    except BaseException:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        for folder in reversed(made):
            shutil.rmtree(folder, ignore_errors=True)
        raise
    for temp, target in temps:
        os.replace(temp, target)
    for name in stale:
        out.joinpath(name).unlink(missing_ok=True)
    parents = {p for name in stale for p in PurePosixPath(name).parents if p.parts}
    for parent in sorted(parents, key=lambda p: len(p.parts), reverse=True):
        path = out.joinpath(*parent.parts)
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return state


def write_site(files: Mapping[str, Data], out: Path) -> WriteReport:
    """Make `out` hold exactly `files`, writing only what changed; all or nothing on failure."""
    names = {name: _safe_relative(name) for name in files}
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    existing, folders = scan(out) if out.is_dir() else ({}, set())
    if not out.is_dir() or _conflicts(names, existing, folders):
        state = _write_fresh(files, names, out)
        return WriteReport(tuple(sorted(files)), tuple(sorted(existing)), 0, state)
    root = str(out)
    changed = sorted(n for n in files
                     if not _same(os.path.join(root, names[n]), files[n], existing.get(names[n])))
    stale = sorted(existing.keys() - set(names.values()))
    written = _update(out, files, changed, stale, names) if changed or stale else {}
    state = {names[n]: written.get(names[n]) or existing[names[n]] for n in files}
    return WriteReport(tuple(changed), tuple(stale), len(files) - len(changed), state)
