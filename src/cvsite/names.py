"""Author lists: splitting, decoding, equal-contribution marks and owner matching."""

from __future__ import annotations

import re

from bibtexparser.middlewares.names import parse_single_name_into_parts as parse_name
from bibtexparser.middlewares.names import split_multiple_persons_names as split_names

from cvsite.latex import fold, to_text
from cvsite.models import Author

_EQUAL_MARK = re.compile(r"\s*(\*|\$\^\{?\*\}?\$|\\textsuperscript\{\*\})\s*")


def _strip_mark(name: str) -> tuple[str, bool]:
    """Remove an equal-contribution mark (`*`, `$^*$`, `\\textsuperscript{*}`) from a name."""
    stripped = _EQUAL_MARK.sub(" ", name).strip()
    stripped = re.sub(r"\s+,", ",", stripped)
    return stripped, stripped != name.strip()


def owner_key(name: str) -> tuple[str, str]:
    """(given, family) fold keys of a name written `First Last` or `Last, First`."""
    if "," in name:
        family, _, given = name.partition(",")
    else:
        given, _, family = name.strip().rpartition(" ")
    return fold(given), fold(family)


def parse_authors(field: str, aliases: tuple[str, ...]) -> tuple[tuple[Author, ...], bool]:
    """Split a BibTeX author field into decoded authors; the flag says `and others` ended it."""
    owners = {owner_key(a) for a in aliases}
    authors: list[Author] = []
    et_al = False
    for raw in split_names(" ".join(field.split())):
        if raw.strip().lower() == "others":
            et_al = True
            continue
        name, equal = _strip_mark(raw)
        parts = parse_name(name, strict=False)
        given = to_text(" ".join(parts.first))
        family = to_text(" ".join(parts.last))
        author = Author(given=given, von=to_text(" ".join(parts.von)), family=family,
                        jr=to_text(" ".join(parts.jr)), equal=equal,
                        owner=(fold(given), fold(family)) in owners)
        authors.append(author)
    return tuple(authors), et_al
