"""Every `.bib` file of `content/`, and the keys two of them share."""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from pathlib import Path

from cvsite.errors import Diagnostic, error
from cvsite.models import Publication
from cvsite.validate.paperkeys import folder_name

MAIN = "publications.bib"
DEFAULT = ("*.bib",)
"""Every .bib file directly in content/ (`publications.bib_files` in site.yaml)."""

Group = tuple[str, tuple[Publication, ...]]
"""The publications of one file, with the file as shown in diagnostics."""


def _matches(parts: list[str], glob: list[str]) -> bool:
    """Whether path `parts` match `glob`'s steps (case ignored; `**` is any folders)."""
    if not glob:
        return not parts
    if glob[0] == "**":
        return any(_matches(parts[i:], glob[1:]) for i in range(len(parts) + 1))
    return (bool(parts) and fnmatchcase(parts[0].casefold(), glob[0].casefold())
            and _matches(parts[1:], glob[1:]))


def bib_files(folder: Path, globs: tuple[str, ...] = DEFAULT) -> list[Path]:
    """The files of `folder` that `globs` name: publications.bib first, then by path (a folder
    or a link so named too, for the reader to refuse with a reason). Folders reached through a
    link are not searched, so a glob never leaves `folder` (links leaving the project are
    refused before anything is read: `outside.outside_files`)."""
    if not folder.is_dir():
        return []
    steps = [glob.split("/") for glob in globs]
    found = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in [*dirs, *names]:
            path = Path(root, name)
            parts = path.relative_to(folder).parts
            if any(_matches(list(parts), glob) for glob in steps):
                found.append(path)
    return sorted(found, key=lambda p: (p.relative_to(folder).as_posix() != MAIN,
                                        p.relative_to(folder).as_posix()))


def unmatched(folder: Path, globs: tuple[str, ...], found: list[Path]) -> list[int]:
    """The indexes of the globs that name none of the files `found` in `folder`."""
    paths = [list(p.relative_to(folder).parts) for p in found]
    return [i for i, glob in enumerate(globs)
            if not any(_matches(parts, glob.split("/")) for parts in paths)]


def across_files(groups: list[Group]) -> tuple[list[Group], list[Diagnostic]]:
    """Each key in one file only: a key (or page folder) already in an earlier file is an
    error at the later entry, naming the first, which is kept."""
    first: dict[str, tuple[str, Publication]] = {}
    kept: list[Group] = []
    problems: list[Diagnostic] = []
    for shown, pubs in groups:
        mine = []
        for pub in pubs:
            name = folder_name(pub.key).casefold()
            earlier = first.get(name)
            if earlier is None or earlier[0] == shown:
                first.setdefault(name, (shown, pub))
                mine.append(pub)
                continue
            where, other = earlier
            same = other.key.casefold() == pub.key.casefold()
            clash = "is also in" if same else \
                f"gives the same page folder 'publications/{folder_name(pub.key)}/' as a key in"
            problems.append(error(shown, pub.line, 0, f"key '{pub.key}' {clash} {where}:"
                                  f"{other.line} ('{other.key}'), which is kept",
                                  "rename one of the keys, or delete the copy", pub.key))
        kept.append((shown, tuple(mine)))
    return kept, problems
