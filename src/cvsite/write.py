"""The only module that writes the output folder: only what changed, and never half a site.

A new output folder is written beside its final place and renamed into it. An existing one is
updated in place: every changed file is first written under a temporary name next to its target,
and only when all of them are written are they renamed over their targets and the files no
longer produced deleted. Unchanged files are not touched (their times stay, and on a disk
mounted with `discard` rewriting and deleting thousands of files costs seconds). A failure
before the renames removes the temporary files and leaves the previous output as it was.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

TEMP_SUFFIX = ".cvsite-tmp"


class OutputError(Exception):
    """The output folder cannot be written as asked."""


@dataclass(frozen=True)
class WriteReport:
    """What a write changed in the output folder (paths relative to it)."""

    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int


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


def _safe_relative(name: str) -> PurePosixPath:
    """A relative path that stays inside the output folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in name:
        raise OutputError(f"refusing to write outside the output folder: {name!r}")
    return path


def scan(out: Path) -> tuple[dict[str, tuple[int, int]], set[str]]:
    """Files under `out` with (size, mtime in ns), and its folders (symlinks count as files)."""
    files: dict[str, tuple[int, int]] = {}
    folders: set[str] = set()
    pending = [("", str(out))]
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                name = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.add(name)
                    pending.append((name + "/", entry.path))
                else:
                    info = entry.stat(follow_symlinks=False)
                    files[name] = (info.st_size, info.st_mtime_ns)
    return files, folders


def _same(path: Path, data: bytes, stat: tuple[int, int] | None) -> bool:
    """True when the file at `path` (of known size) already holds exactly `data`."""
    if stat is None or stat[0] != len(data):
        return False
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _conflicts(names: dict[str, PurePosixPath], files: dict[str, tuple[int, int]],
               folders: set[str]) -> bool:
    """True when a file must replace a folder or a folder a file (an in-place update can't)."""
    for name, path in names.items():
        if name in folders:
            return True
        if any(parent.as_posix() in files for parent in path.parents if parent.parts):
            return True
    return False


def _write_fresh(files: dict[str, bytes], names: dict[str, PurePosixPath], out: Path) -> None:
    """Write everything into a staging folder, then swap it into place."""
    staging = out.parent / f".{out.name}.new-{os.getpid()}"
    retired = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for name in sorted(files):
            target = staging.joinpath(*names[name].parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
        if out.exists():
            out.rename(retired)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not out.exists():
            retired.rename(out)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _update(out: Path, files: dict[str, bytes], changed: list[str], stale: list[str],
            names: dict[str, PurePosixPath]) -> None:
    """Write changed files under temporary names, rename them into place, delete stale ones."""
    temps: list[tuple[Path, Path]] = []
    made: list[Path] = []
    try:
        for name in changed:
            target = out.joinpath(*names[name].parts)
            missing = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            made += reversed(missing)
            temp = target.with_name(f".{target.name}{TEMP_SUFFIX}")
            temps.append((temp, target))
            temp.write_bytes(files[name])
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


def write_site(files: dict[str, bytes], out: Path) -> WriteReport:
    """Make `out` hold exactly `files`, writing only what changed; all or nothing on failure."""
    names = {name: _safe_relative(name) for name in files}
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    existing, folders = scan(out) if out.is_dir() else ({}, set())
    if not out.is_dir() or _conflicts(names, existing, folders):
        _write_fresh(files, names, out)
        return WriteReport(tuple(sorted(files)), tuple(sorted(existing)), 0)
    changed = sorted(n for n in files if not _same(out / n, files[n], existing.get(n)))
    stale = sorted(existing.keys() - files.keys())
    if changed or stale:
        _update(out, files, changed, stale, names)
    return WriteReport(tuple(changed), tuple(stale), len(files) - len(changed))
