"""What the output folder holds, read without changing it: its files' stats, its folders'."""

from __future__ import annotations

import os
from pathlib import Path

Stat = tuple[int, int]
"""A file's size and modification time in nanoseconds."""


def scan(out: Path,
         inodes: dict[str, tuple[int, int]] | None = None) -> tuple[dict[str, Stat], set[str]]:
    """Files under `out` with (size, mtime in ns), and its folders (symlinks count as files);
    with `inodes`, each file's inode number and mode."""
    files: dict[str, Stat] = {}
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
                    if inodes is not None:
                        inodes[name] = info.st_ino, info.st_mode
    return files, folders
