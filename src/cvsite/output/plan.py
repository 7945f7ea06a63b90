"""What the new output tree holds: the site's files compared with the output folder.

A file that holds the same bytes is kept (linked, not rewritten), the rest is written fresh.
With a `Managed` folder the manifest (see `manifest`) says which files are cvsite's: any other
file is kept as it is, and a site that would overwrite one is refused.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from stat import S_IMODE

from cvsite.output.manifest import (
    MANIFEST,
    PROTECTED,
    Managed,
    OutputError,
    kept,
    manifest_bytes,
    manifest_damage,
    read_manifest,
)
from cvsite.output.scan import Stat, scan
from cvsite.output.stage import FILE_MODE, Source, folders_of

Data = bytes
"""A file's contents."""


def _same(path: str, data: Data, stat: Stat) -> bool:
    """True when the file at `path` (with `stat`) already holds exactly `data`."""
    if stat[0] != len(data):
        return False
    try:
        with open(path, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def _loader(data: Data) -> Callable[[], bytes]:
    """A function giving the bytes to write for `data`."""
    return lambda: data


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
        damage = manifest_damage(out)
        if damage:
            raise OutputError(
                f"refusing to build into {out}: its {MANIFEST}, the list of the files cvsite "
                f"wrote there, is damaged ({damage})",
                "if it holds only what cvsite built, delete the folder and build again; else put "
                f"back a good {MANIFEST} (from git, for example) or build into a new folder")
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
class Plan:
    """What the new tree holds and where each of its files comes from."""

    sources: dict[str, Source]
    folders: dict[str, int]
    written: list[str]
    deleted: list[str]
    existing: dict[str, Stat]
    inodes: dict[str, int]
    ours: set[str]
    """The files of the new tree that are cvsite's."""


def plan(out: Path, names: dict[str, str], files: Mapping[str, Data],
          managed: Managed | None) -> Plan:
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
    return Plan(sources, modes, written, sorted(mine - ours), existing, inodes, ours)
