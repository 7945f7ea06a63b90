"""Whether the build cache can be used at all: it only saves time, so a build without it is
the same build. A cache folder that cannot be written or read is skipped with a warning; an
entry that cannot be one (a folder where a file belongs) is removed as damage."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from cvsite.cache import CACHE_DIR


def usable(source: Path) -> bool:
    """True when the project's cache folder can be written and read back; else say so (the
    cache only saves time: the build goes on without it)."""
    folder = source / CACHE_DIR
    probe = folder / f".probe-{os.getpid()}.tmp"
    try:
        folder.mkdir(exist_ok=True)
        probe.write_bytes(b"")  # empty: no block to allocate and discard
        readable = probe.read_bytes() == b""
        probe.unlink()
        _repair(folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"cvsite: warning: cannot use {CACHE_DIR}/ ({reason}); building without it",
              file=sys.stderr)
        return False
    return readable


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
