"""Every `.bib` file of `content/`, and the keys two of them share."""

from __future__ import annotations

from pathlib import Path

from cvsite.errors import Diagnostic, error
from cvsite.models import Publication
from cvsite.validate.paperkeys import folder_name

MAIN = "publications.bib"

Group = tuple[str, tuple[Publication, ...]]
"""The publications of one file, with the file as shown in diagnostics."""


def bib_files(folder: Path) -> list[Path]:
    """The `.bib` files directly in `folder`: publications.bib first, then by name (a folder
    or a link so named too, for the reader to refuse with a reason)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.suffix.lower() == ".bib"]
    return sorted(found, key=lambda p: (p.name != MAIN, p.name))


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
            problems.append(error(shown, pub.line, 0, f"key '{pub.key}' is also in {where}:"
                                  f"{other.line} ('{other.key}'), which is kept",
                                  "rename one of the keys, or delete the copy", pub.key))
        kept.append((shown, tuple(mine)))
    return kept, problems
