"""What the output folder holds, read without changing it: its files' stats, its folders'.

`write` compares a build's files with what is there; `uptodate` tells a no-change build whether
the output is still as the last build left it.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Sequence
from pathlib import Path
from stat import S_ISDIR

Stat = tuple[int, int]
"""A file's size and modification time in nanoseconds."""


def scan(out: Path, changed: dict[str, int] | None = None,
         inodes: dict[str, tuple[int, int]] | None = None) -> tuple[dict[str, Stat], set[str]]:
    """Files under `out` with (size, mtime in ns), and its folders (symlinks count as files);
    with `changed`, also each folder's change time in ns (`""`: `out`), read before its listing;
    with `inodes`, each file's inode number and mode."""
    files: dict[str, Stat] = {}
    folders: set[str] = set()
    pending = [("", str(out))]
    if changed is not None:
        changed[""] = os.stat(out).st_ctime_ns
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                name = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.add(name)
                    pending.append((name + "/", entry.path))
                    if changed is not None:
                        changed[name] = entry.stat(follow_symlinks=False).st_ctime_ns
                else:
                    info = entry.stat(follow_symlinks=False)
                    files[name] = (info.st_size, info.st_mtime_ns)
                    if inodes is not None:
                        inodes[name] = info.st_ino, info.st_mode
    return files, folders


def holds(out: Path, files: Sequence[str], stats: bytes, folders: Sequence[str],
          times: bytes) -> bool:
    """True when `out` still has the `folders` with those change `times` and the `files` with
    those `stats` (each packed as int64: size and mtime in ns, change time in ns), found without
    listing a folder: adding, removing or renaming anything in a folder changes its change time
    (so the times must predate the last change by a tick)."""
    try:
        root = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return False
    lstat = os.lstat  # each path is looked up from the open folder, not from /
    try:
        found = array("q")
        for name in folders:
            info = lstat(name, dir_fd=root) if name else os.fstat(root)
            if not S_ISDIR(info.st_mode):
                return False
            found.append(info.st_ctime_ns)
        if found.tobytes() != times:
            return False
        found = array("q")
        add = found.append
        for name in files:
            info = lstat(name, dir_fd=root)
            add(info.st_size)
            add(info.st_mtime_ns)
        return found.tobytes() == stats
    except OSError:
        return False
    finally:
        os.close(root)
