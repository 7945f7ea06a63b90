"""BibTeX name lists split at their top-level `and`s, as bibtexparser splits them, but faster.

bibtexparser's `split_multiple_persons_names` walks the string a character at a time (~50 µs
for a long author list, and every entry's list is split twice: for its authors and for its
clean BibTeX). Most lists are written with single spaces, balanced braces and backslashes only
inside braces (none before a brace); for those, splitting at each ` and ` outside braces gives
exactly its result (a property test compares them). Anything else is split by bibtexparser.
"""

from __future__ import annotations

import re

from bibtexparser.middlewares.names import split_multiple_persons_names as library_split

_GROUP = re.compile(r"\{[^{}]*\}")
_AND = re.compile(r" [aA][nN][dD] ")
_KNOWN: dict[str, tuple[str, ...]] = {}


def _fast(names: str) -> tuple[str, ...] | None:
    """The names in a regularly written list, or None when bibtexparser must split it."""
    if "  " in names or "\t" in names or "\n" in names or "\r" in names or \
            names[0] == " " or names[-1] == " ":
        return None  # whitespace that bibtexparser treats in its own ways
    if "\\{" in names or "\\}" in names:
        return None  # escaped braces: the braces do not nest as written
    outside = names
    while "{" in outside or "}" in outside:
        inner = _GROUP.sub("", outside)
        if len(inner) == len(outside):
            return None  # unbalanced
        outside = inner
    if "\\" in outside:
        return None  # bibtexparser's handling of escapes outside braces is its own
    found: list[str] = []
    start = 0
    for match in _AND.finditer(names):
        if names.count("{", 0, match.start()) == names.count("}", 0, match.start()):
            found.append(names[start:match.start()])  # an `and` outside braces
            start = match.end()
    found.append(names[start:])
    return tuple(found)


def split_names(names: str) -> tuple[str, ...]:
    """The names of a BibTeX name list, as bibtexparser splits them (memoised)."""
    found = _KNOWN.get(names)
    if found is None:
        if not names.strip(" \r\n\t"):
            found = ()
        else:
            found = _fast(names)
            if found is None:
                found = tuple(library_split(names))
        _KNOWN[names] = found
    return found
