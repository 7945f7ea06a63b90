"""The new output tree, made in the spare folder beside the output before it is swapped in.

Every file kept from the output (unchanged, or not cvsite's) is a hard link to it (same inode
and times; a copy where links fail), the rest are written fresh (mode 0644, folders 0755). The
spare may hold the tree of an earlier build (see `swap`): only what differs is changed in it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from stat import S_IMODE, S_IRWXU

from cvsite.output.scan import Stat, scan

FILE_MODE = 0o644
FOLDER_MODE = 0o755
Source = Callable[[], bytes] | str
"""A new file's bytes (a function giving them) or the path of the old file it links to."""


def write_file(path: str | Path, data: bytes, folder: int | None = None) -> Stat:
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
            made = True
            try:
                os.mkdir(part, FOLDER_MODE, dir_fd=parent)
            except FileExistsError:
                made = False
            fd = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
            self.chain.append((part, fd))
            if made:
                os.fchmod(fd, FOLDER_MODE)  # whatever the umask
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


def folders_of(names: Iterable[str]) -> set[str]:
    """Every folder holding one of `names` (site paths: `a/b/c.html` is in `a/b` and `a`)."""
    found: set[str] = set()
    for name in names:
        cut = name.rfind("/")
        while cut > 0 and name[:cut] not in found:  # a folder found has its parents found
            found.add(name[:cut])
            cut = name.rfind("/", 0, cut)
    return found


def stage(root: Path, files: Mapping[str, Source], folders: Mapping[str, int],
          inodes: Mapping[str, int]) -> dict[str, Stat]:
    """Make the tree at `root` hold `files`, each from its source (a link to an old file whose
    inode is in `inodes` is kept when already there), and `folders` (kept ones, with their old
    mode) besides those holding files; the files' stats."""
    if os.path.islink(root) or (os.path.lexists(root) and not os.path.isdir(root)):
        os.unlink(root)
    os.makedirs(root, FOLDER_MODE, exist_ok=True)
    if S_IMODE(os.lstat(root).st_mode) != FOLDER_MODE:  # the old output, made read-only
        os.chmod(root, FOLDER_MODE)
    found: dict[str, tuple[int, int]] = {}
    old, old_folders = scan(root, inodes=found)
    there = {name: inode for name, (inode, _) in found.items()}
    wanted = folders_of(files) | set(folders)
    gone = old_folders - wanted
    for name in sorted(gone):  # a folder, then what it holds
        if not any(parent in gone for parent in folders_of([name])):
            shutil.rmtree(os.path.join(root, name))
    kept = {name: stat for name, stat in old.items() if isinstance(files.get(name), str)
            and there[name] == inodes.get(name)}  # already a link to the file to keep
    for name in old.keys() - kept.keys():
        if not folders_of([name]) & gone:
            os.unlink(os.path.join(root, name))  # not wanted, or to be replaced
    state = _fill(root, files, kept)
    for name in sorted(folders):  # parents first
        path = os.path.join(root, name)
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, FOLDER_MODE)
        mode = S_IMODE(folders[name]) | S_IRWXU  # the owner can still update the spare
        if S_IMODE(os.lstat(path).st_mode) != mode:
            os.chmod(path, mode)
    return state


def _fill(root: Path, files: Mapping[str, Source], there: Mapping[str, Stat]) -> dict[str, Stat]:
    """Link or write every file of `files` not `there` already; every file's stat."""
    opened = Folders(str(root))
    state: dict[str, Stat] = dict(there)
    try:
        for name in sorted(files):
            if name in there:
                continue
            folder, _, leaf = name.rpartition("/")
            fd = opened.open(folder)
            source = files[name]
            if isinstance(source, str):
                state[name] = _link(source, leaf, fd, os.path.join(root, name))
            else:
                state[name] = write_file(leaf, source(), fd)
    finally:
        opened.close()
    return state
