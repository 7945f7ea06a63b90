"""The only module that writes the output folder: only what changed, never half a site, and
never a file cvsite did not write.

A build compares its files with the output folder: files that hold the same bytes are kept
(not rewritten: their inode and times stay), the rest are written fresh, and the whole new tree
is swapped in at once (see `swap`). With a `Managed` folder, the manifest (see `manifest`) says
which files are cvsite's: any other file is kept as it is, and a site that would overwrite one
is refused. Without one (`schema/`, a new project), the folder is cvsite's alone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from stat import S_IMODE

from cvsite.output.manifest import (
    MANIFEST,
    PROTECTED,
    Managed,
    OutputError,
    failure,
    kept,
    manifest_bytes,
    read_manifest,
)
from cvsite.output.scan import Stat, scan
from cvsite.output.swap import FILE_MODE, Source, folders_of, recover, siblings, stage, swap_in

__all__ = ["Data", "InPlace", "Managed", "OutputError", "WriteReport", "check_output_folder",
           "write_site"]


@dataclass(frozen=True)
class InPlace:
    """A file the output folder already holds as the last build wrote it (with `stat` then):
    left alone while it still has that stat, else written from `load()`."""

    stat: Stat
    load: Callable[[], bytes | memoryview]


Data = bytes | memoryview | InPlace
"""A file's contents (a memoryview: a slice of a cached pack, not copied), or `InPlace`."""


@dataclass(frozen=True)
class WriteReport:
    """What a write changed in the output folder (paths relative to it)."""

    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int
    state: dict[str, Stat]
    """Every file cvsite wrote into the output folder now (the manifest too), with its stat."""


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


def _same(path: str, data: Data, stat: Stat) -> bool:
    """True when the file at `path` (with `stat`) already holds exactly `data`."""
    if isinstance(data, InPlace):
        return stat == data.stat
    if stat[0] != len(data):
        return False
    try:
        with open(path, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def _loader(data: Data) -> Callable[[], bytes | memoryview]:
    """A function giving the bytes to write for `data`."""
    return data.load if isinstance(data, InPlace) else lambda: data


def _owned(out: Path, existing: dict[str, Stat], folders: set[str],
           managed: Managed) -> tuple[frozenset[str], tuple[str, ...], bytes | None]:
    """The files of `out` cvsite wrote, the globs kept, and the manifest's bytes (if any)."""
    found = read_manifest(out)
    keep = managed.keep
    if found is not None:
        files, written_keep = found
        mine = files & existing.keys()
        keep = written_keep if keep is None else keep
        return mine, keep or (), (out / MANIFEST).read_bytes()
    if existing and existing.keys() <= managed.known:  # written before manifests
        return frozenset(existing), keep or (), None
    if (existing or folders) and not managed.adopt:
        raise OutputError(
            f"refusing to build into {out}: it holds files cvsite did not write "
            f"(it has no {MANIFEST})",
            "build into a new or empty folder, or pass --adopt to publish into this one while "
            "keeping every file it holds")
    return frozenset(), keep or (), None


def _clashes(names: set[str], mine: set[str], foreign: set[str], empty: set[str]) -> list[str]:
    """Paths where the site (files `names` in folders `mine`) would overwrite a file or folder
    that is not cvsite's."""
    theirs = folders_of(foreign) | empty
    return sorted((names & (foreign | theirs)) | (mine & foreign))


@dataclass
class _Plan:
    """What the new tree holds and where each of its files comes from."""

    sources: dict[str, Source]
    folders: dict[str, int]
    written: list[str]
    deleted: list[str]
    existing: dict[str, Stat]
    inodes: dict[str, int]
    ours: set[str]
    """The files of the new tree that are cvsite's."""


def _plan(out: Path, names: dict[str, str], files: Mapping[str, Data],
          managed: Managed | None) -> _Plan:
    """The new tree of `out`."""
    found: dict[str, tuple[int, int]] = {}
    existing, folders = scan(out, inodes=found) if out.is_dir() else ({}, set())
    inodes = {name: inode for name, (inode, _) in found.items()}
    root = str(out)
    keep: tuple[str, ...] = ()
    if managed is None:
        mine, manifest = frozenset(existing), None
    else:
        mine, keep, manifest = _owned(out, existing, folders, managed)
        never = (*PROTECTED, *keep)  # never written, replaced or deleted, whatever is listed
        mine = frozenset(name for name in mine if not kept(name, never))
        names = {n: path for n, path in names.items() if not kept(path, never)}
    foreign = existing.keys() - mine
    sources: dict[str, Source] = {name: os.path.join(root, name) for name in foreign}
    written = []
    for name, path in names.items():
        stat = existing.get(path)
        same = stat is not None and path in mine and S_IMODE(found[path][1]) == FILE_MODE and \
            _same(os.path.join(root, path), files[name], stat)  # else written (again) 0644
        sources[path] = os.path.join(root, path) if same else _loader(files[name])
        if not same:
            written.append(name)
    ours = set(names.values())
    ours_folders = folders_of(ours)
    both = ours_folders & ours
    if both:
        raise OutputError(f"the site has both a file and a folder at {sorted(both)[0]}")
    empty = folders - folders_of(existing)  # kept as they are: nothing was ever written in them
    bad = _clashes(ours, ours_folders, set(foreign), empty)
    if bad:
        shown = ", ".join(bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
        raise OutputError(f"refusing to overwrite {len(bad)} path(s) in {out} that cvsite did "
                          f"not write: {shown}", "move them away, or name them under `keep:` in "
                          "content/site.yaml to keep them instead of the site's")
    if managed is not None:
        body = manifest_bytes(ours, keep)
        sources[MANIFEST] = (lambda: body) if body != manifest else os.path.join(root, MANIFEST)
        written += [MANIFEST] if body != manifest else []
        ours.add(MANIFEST)
    theirs = (empty | folders_of(foreign)) - ours_folders  # folders keeping their own mode
    modes = {name: os.lstat(os.path.join(root, name)).st_mode for name in theirs}
    return _Plan(sources, modes, written, sorted(mine - ours), existing, inodes, ours)


def write_site(files: Mapping[str, Data], out: Path, managed: Managed | None = None,
               keep_spare: bool = False) -> WriteReport:
    """Make `out` hold `files` (and, when `managed`, every file it holds that is not cvsite's),
    writing only what changed; the old output or the new one, whole, whatever happens.
    `keep_spare` keeps the old tree beside `out` to make the next write quicker (see `swap`)."""
    names = {name: _safe_relative(name) for name in files}
    if out.name in ("", ".", "..") or out.is_symlink():
        out = out.resolve()  # the folder itself, to put the spare beside
    spare, _ = siblings(out)
    plan: _Plan
    try:
        recover(out)
        if os.path.lexists(out) and not out.is_dir():
            raise OutputError(f"{out} exists and is not a folder")
        if out.is_dir() and os.path.ismount(out):
            raise OutputError(f"{out} is a mount point: cvsite swaps the output folder in whole",
                              f"build into a folder inside it, for example --out {out}/site")
        plan = _plan(out, names, files, managed)
        if out.is_dir() and not plan.written and not plan.deleted:
            state = plan.existing
        else:
            try:
                state = stage(spare, plan.sources, plan.folders, plan.inodes)
                swap_in(spare, out, keep_spare)
            except BaseException:
                with contextlib.suppress(OSError):
                    recover(out)  # puts the old output back if it was moved away
                    if not keep_spare:
                        shutil.rmtree(spare)
                raise
    except OSError as exc:
        raise failure(exc, out) from exc
    written = sorted(n for n in plan.written if n != MANIFEST)
    return WriteReport(tuple(written), tuple(plan.deleted), len(files) - len(written),
                       {name: stat for name, stat in state.items() if name in plan.ours})
