"""BibTeX keys as paper page folders: portable names, each key its own folder, none a site path."""

from __future__ import annotations

import re
import unicodedata

from cvsite.errors import Diagnostic, error
from cvsite.models import Publication

RESERVED = frozenset({"index.html", "by-year"})
"""Names the site itself uses inside `publications/` (the list pages)."""
MAX_NAME = 120
"""Characters of a folder name (with its `.bib` beside, well inside every file system's 255)."""
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS = re.compile(r"(?i)(con|prn|aux|nul|com\d|lpt\d)(\..*)?")
"""Names Windows will not give a file or folder."""


def folder_name(key: str) -> str:
    """The key's page folder name: `DBLP:conf/icml/X20` → `DBLP-conf-icml-X20`, accents
    dropped (`müller2020` → `muller2020`), other letters and signs as `-`."""
    plain = key if key.isascii() else "".join(  # ASCII is its own NFKD, with no accents
        c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return _UNSAFE.sub("-", plain).strip(".")


def _unusable(key: str, name: str) -> str | None:
    """Why the key's folder name cannot be used, if it cannot."""
    if ".." in key:
        return f"key '{key}' has '..' in it, which reads as a parent folder in a path"
    if not name.strip("-"):
        return f"key '{key}' has no letter or digit to name its page folder"
    if name in RESERVED:
        return f"key '{key}' would be the site's own 'publications/{name}'"
    if _WINDOWS.fullmatch(name):
        return f"key '{key}' is a name Windows reserves ('{name}')"
    if len(name) > MAX_NAME:
        return f"key '{key[:40]}…' is too long for a page folder ({len(name)} characters; " \
               f"the limit is {MAX_NAME})"
    return None


def check_keys(pubs: tuple[Publication, ...],
               display: str) -> tuple[tuple[Publication, ...], list[Diagnostic]]:
    """Publications whose key gives a folder of their own (case ignored); an error for the rest."""
    kept: list[Publication] = []
    owners: dict[str, Publication] = {}
    problems: list[Diagnostic] = []
    for pub in sorted(pubs, key=lambda p: p.line):
        name = folder_name(pub.key)
        why = _unusable(pub.key, name)
        first = owners.setdefault(name.casefold(), pub)
        if why is None and first is not pub:
            why = (f"key '{pub.key}' gives the same page folder 'publications/{name}/' as key "
                   f"'{first.key}' (line {first.line})")
        if why is None:
            kept.append(pub)
            continue
        problems.append(error(display, pub.line, 0, why, "rename the key (letters, digits, "
                              "'-', '_' and '.' keep their meaning in page addresses)", pub.key))
    order = {id(pub): i for i, pub in enumerate(pubs)}
    return tuple(sorted(kept, key=lambda p: order[id(p)])), problems
