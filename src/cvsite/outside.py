"""Files that would read outside the project: symbolic links that leave it, special files.

Checked before a build reads anything (even to hash it), so no file from elsewhere on the
machine is read or published, and no named pipe or device can make a build wait forever.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from cvsite.errors import Diagnostic, display_path, error
from cvsite.paths import PROJECT_DIRS, THEME

_SPECIAL = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _special_kind(mode: int) -> str | None:
    """What a file that is neither a regular file nor a folder is ("a named pipe"), or None."""
    return next((name for test, name in _SPECIAL if test(mode)), None)


def _hidden(inside: Path) -> bool:
    """Whether a path inside the project is hidden or is the project itself: a link to
    `.git/config`, `.env`, the cache or the whole project would publish what never was meant to
    be (a checkout's links come from whoever wrote its commits)."""
    return not inside.parts or any(part.startswith(".") for part in inside.parts)


def _link_error(path: Path, root: Path) -> tuple[str, str] | None:
    """Why the symbolic link or special file `path` may not be read, and what to do; None for
    a link that stays inside `root` at a regular file or folder."""
    if not path.is_symlink():
        kind = _special_kind(path.lstat().st_mode)
        return (f"not a regular file ({kind}): reading it could wait forever",
                "remove it: cvsite reads and publishes regular files only")
    target = os.readlink(path)
    real = Path(os.path.realpath(path))
    if not real.exists():
        return (f"symbolic link points to nothing ({target})",
                "remove the link, or point it at a file inside the project")
    if not real.is_relative_to(root):
        return (f"symbolic link points outside the project ({target})",
                "copy the file into the project instead of linking to it")
    if _hidden(real.relative_to(root)):
        return (f"symbolic link points to a hidden file or folder of the project ({target})",
                "link only to files cvsite may publish (not into .git, .env or the cache)")
    kind = _special_kind(real.stat().st_mode)
    if kind:
        return (f"symbolic link points to {kind} ({target})",
                "remove it: cvsite reads and publishes regular files only")
    return None


def _links_under(folder: Path) -> Iterator[Path]:
    """Every symbolic link and special file (pipe, socket, device) in `folder`, itself
    included, not followed; hidden links skipped (editors keep lock files there as dangling
    links, and nothing reads or publishes them).
    Listed with `scandir`, whose entries know whether they are links without a `stat`."""
    if folder.is_symlink():
        yield folder
        return
    todo = [str(folder)]
    while todo:
        try:
            with os.scandir(todo.pop()) as listing:
                entries = list(listing)
        except OSError:
            continue  # unreadable: whatever would read it reports that
        for entry in entries:
            if entry.is_symlink():
                if not (entry.name.startswith(".") and not entry.is_dir()):
                    yield Path(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                todo.append(entry.path)
            elif not entry.is_file(follow_symlinks=False):
                yield Path(entry.path)  # a pipe, socket or device: opening it may block


def outside_links(root: Path, folders: Iterable[Path]) -> list[Diagnostic]:
    """An error for every symbolic link in `folders` whose target is missing or outside `root`
    (so that no file from elsewhere on the machine is read or published)."""
    real_root = Path(os.path.realpath(root))
    found = []
    for folder in folders:
        if not folder.is_symlink() and not folder.is_dir():
            continue
        for path in sorted(_links_under(folder)):
            problem = _link_error(path, real_root)
            if problem:
                found.append(error(display_path(path), 0, 0, *problem))
    return found


def outside_files(source: Path) -> list[Diagnostic]:
    """`outside_links` of the project's folders and of the built-in theme's (each its own
    root): checked before anything in them is read."""
    found = outside_links(source, [source / name for name in PROJECT_DIRS])
    if Path(os.path.realpath(THEME)) != Path(os.path.realpath(source)):
        found += outside_links(THEME, [THEME / name for name in PROJECT_DIRS[1:]])
    return found
