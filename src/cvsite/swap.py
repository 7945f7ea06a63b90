"""A new output folder made beside the old one and swapped in whole, so that a build killed at
any moment leaves the old site or the new one.

The new tree is made in `.NAME.cvsite-new`: every file kept from the old folder (unchanged or not
cvsite's) is a hard link to it (same inode and times; a copy where links fail), the rest written
fresh (mode 0644, folders 0755). On Linux one `renameat2(RENAME_EXCHANGE)` swaps the two
folders atomically, then the old tree is deleted. Elsewhere (or on a file system without it) two
renames are used, the old folder waiting as `.NAME.cvsite-old` in between; the next build puts
it back if it was killed there. Each build first removes what a killed one left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from stat import S_IMODE

from cvsite.outputscan import Stat

FILE_MODE = 0o644
FOLDER_MODE = 0o755
Source = Callable[[], bytes | memoryview] | str
"""A new file's bytes (a function giving them) or the path of the old file it links to."""


def siblings(out: Path) -> tuple[Path, Path]:
    """The staging folder and the retired folder beside `out`."""
    return out.parent / f".{out.name}.cvsite-new", out.parent / f".{out.name}.cvsite-old"


def recover(out: Path) -> None:
    """Remove what a killed build left beside `out` (putting back an old output it had moved)."""
    staging, retired = siblings(out)
    if not os.path.lexists(out) and retired.is_dir():
        os.rename(retired, out)
    for litter in (staging, retired):
        if os.path.lexists(litter):
            shutil.rmtree(litter)


def write_file(path: str | Path, data: bytes | memoryview, folder: int | None = None) -> Stat:
    """Write one file, mode 0644 (`path` relative to the open `folder` if given); its stat."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, FILE_MODE,
                 dir_fd=folder)
    try:
        os.fchmod(fd, FILE_MODE)  # whatever the umask
        view, done = memoryview(data), 0
        while done < len(view):
            done += os.write(fd, view[done:])
        info = os.fstat(fd)
    finally:
        os.close(fd)
    return info.st_size, info.st_mtime_ns


class Folders:
    """The folders of a new tree, made (0755) and kept open along the current path, so that
    each file is made relative to its open folder (no path walk from the root for each)."""

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
                os.mkdir(part, FOLDER_MODE, dir_fd=parent)
            fd = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
            self.chain.append((part, fd))
            os.fchmod(fd, FOLDER_MODE)
        return self.chain[-1][1]

    def close(self) -> None:
        """Close every folder still open."""
        for _, fd in self.chain:
            os.close(fd)
        self.chain = []


def _link(old: str, leaf: str, folder: int, new: str) -> Stat:
    """Hard-link the old file (or symlink) into the new tree, or copy it; its stat."""
    try:
        os.link(old, leaf, dst_dir_fd=folder, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        if os.path.islink(old):
            os.symlink(os.readlink(old), leaf, dir_fd=folder)
        else:
            shutil.copy2(old, new)
    info = os.lstat(leaf, dir_fd=folder)
    return info.st_size, info.st_mtime_ns


def stage(root: Path, files: Mapping[str, Source], folders: Mapping[str, int]) -> dict[str, Stat]:
    """Make the new tree at `root`: each file from its source, each folder of `folders` (those
    only kept, with their old mode); the files' stats."""
    os.mkdir(root, FOLDER_MODE)
    os.chmod(root, FOLDER_MODE)
    opened = Folders(str(root))
    state: dict[str, Stat] = {}
    try:
        for name in sorted(files):
            folder, _, leaf = name.rpartition("/")
            fd = opened.open(folder)
            source = files[name]
            if isinstance(source, str):
                state[name] = _link(source, leaf, fd, os.path.join(root, name))
            else:
                state[name] = write_file(leaf, source(), fd)
    finally:
        opened.close()
    for name in sorted(folders):  # parents first
        path = os.path.join(root, name)
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, FOLDER_MODE)
        os.chmod(path, S_IMODE(folders[name]))
    return state


def _exchange(new: Path, old: Path) -> bool:
    """Swap two folders atomically (Linux `renameat2`); False where that is not supported."""
    import ctypes  # only when a build writes

    libc = ctypes.CDLL(None, use_errno=True)
    call = getattr(libc, "renameat2", None)
    if call is None:
        return False
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, rename_exchange = -100, 2
    if call(at_cwd, os.fsencode(new), at_cwd, os.fsencode(old), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(old))


def swap_in(staging: Path, out: Path) -> None:
    """Put the staged tree in place of `out` (if any), then delete the old tree."""
    _, retired = siblings(out)
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        retired = staging
    else:
        os.rename(out, retired)
        os.rename(staging, out)
    shutil.rmtree(retired, ignore_errors=True)
