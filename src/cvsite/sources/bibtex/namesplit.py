"""BibTeX name lists split at their top-level `and`s.

Regular lists (single spaces, balanced braces, no backslash outside them) are split at ` and `
outside braces; anything else is walked character by character (`_walk`), as bibtexparser does
(0.4 s of CPU for 10,000 entries, `benchmarks/synth.py`), but keeping a name that begins with a
backslash whole (bibtexparser's splitter drops the `\\c` of `A and \\c{C}olt, X`) and
reading a doubled `and` as one (the doubled `and` is warned about by the caller).
A property test compares both ways, and both with bibtexparser where it is right.
"""

from __future__ import annotations

import re

_GROUP = r"\{[^{}]*+\}"
for _ in range(4):
    _GROUP = r"\{(?:[^{}]++|" + _GROUP + r")*+\}"
_REGULAR = re.compile(r"(?:[^{}\\]++|" + _GROUP + r")*+")
"""Balanced braces (nested up to 5 deep) and no backslash outside them."""
_AND = re.compile(r"( [aA][nN][dD] )")
_DOUBLED = re.compile(r"(?i) and and ")
_WHITESPACE = " \r\n\t"
_AND_AT = re.compile(r"(?:[ \r\n\t]+[aA][nN][dD])+[ \r\n\t]+")
"""One `and` (or several in a row) between names, with the whitespace around."""


def _fast(names: str) -> tuple[str, ...] | None:
    """The names in a regularly written list, or None when `_walk` must split it."""
    if "  " in names or "\t" in names or "\n" in names or "\r" in names or \
            names[0] == " " or names[-1] == " ":
        return None  # whitespace that bibtexparser treats in its own ways
    if _DOUBLED.search(names):
        return None  # `A and and B`: one `and`, read by `_walk`
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


def _walk(names: str) -> tuple[str, ...]:
    """The names of any list: split at `and`s outside braces, `\\x` read as one character."""
    names = names.strip(_WHITESPACE)
    found: list[str] = []
    start = i = level = 0
    while i < len(names):
        char = names[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            level += 1
        elif char == "}":
            level = max(level - 1, 0)
        elif not level and char in _WHITESPACE and (between := _AND_AT.match(names, i)) \
                and names[between.end():between.end() + 1] != "}":  # `and }x`: no name after
            found.append(names[start:i])
            start = i = between.end()
            continue
        i += 1
    found.append(names[start:])
    return tuple(found)


def split_names(names: str) -> tuple[str, ...]:
    """The names of a BibTeX name list, each as written."""
    if not names.strip(_WHITESPACE):
        return ()
    found = _fast(names)
    return _walk(names) if found is None else found
