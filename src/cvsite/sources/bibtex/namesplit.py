"""BibTeX name lists split at their top-level `and`s, as bibtexparser splits them.

Regular lists (single spaces, balanced braces, no backslash outside them) are split at ` and `
outside braces, the same result (a property test compares); bibtexparser walks every character,
0.4 s of CPU for 10,000 entries (`benchmarks/synth.py`). Anything else is split by bibtexparser.
"""

from __future__ import annotations

import re

from bibtexparser.middlewares.names import split_multiple_persons_names as library_split

_GROUP = r"\{[^{}]*+\}"
for _ in range(4):
    _GROUP = r"\{(?:[^{}]++|" + _GROUP + r")*+\}"
_REGULAR = re.compile(r"(?:[^{}\\]++|" + _GROUP + r")*+")
"""Balanced braces (nested up to 5 deep) and no backslash outside them."""
_AND = re.compile(r"( [aA][nN][dD] )")


def _fast(names: str) -> tuple[str, ...] | None:
    """The names in a regularly written list, or None when bibtexparser must split it."""
    if "  " in names or "\t" in names or "\n" in names or "\r" in names or \
            names[0] == " " or names[-1] == " ":
        return None  # whitespace that bibtexparser treats in its own ways
    if "\\{" in names or "\\}" in names:
        return None  # escaped braces: the braces do not nest as written
    if _REGULAR.fullmatch(names) is None:
        return None  # unbalanced (or nested deeper), or escapes outside braces: bibtexparser's
    parts = _AND.split(names)
    if "{" not in names:
        return tuple(parts[::2])
    found: list[str] = []
    piece = parts[0]
    for i in range(1, len(parts), 2):
        if piece.count("{") == piece.count("}"):
            found.append(piece)  # the `and` after it is outside braces
            piece = parts[i + 1]
        else:
            piece += parts[i] + parts[i + 1]
    found.append(piece)
    return tuple(found)


def split_names(names: str) -> tuple[str, ...]:
    """The names of a BibTeX name list, as bibtexparser splits them."""
    if not names.strip(" \r\n\t"):
        return ()
    found = _fast(names)
    return tuple(library_split(names)) if found is None else found
