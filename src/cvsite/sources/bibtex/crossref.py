"""`crossref`: a child entry takes the fields it lacks from its parent entry."""

from __future__ import annotations

from dataclasses import replace

from cvsite.errors import Diagnostic, warning
from cvsite.sources.bibtex.raw import RawEntry

NOT_INHERITED = {"crossref", "ids", "key", "file", "selected", "award", "topic", "title",
                 "subtitle", "titleaddon", "abstract"}
"""Fields a child entry never takes from its crossref parent (cvsite's own flags included)."""
BOOK_TITLE = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon"}
"""The parent's title, subtitle and addon become the child's book title, subtitle and addon
(biblatex's default inheritance for a book's or collection's parts)."""


def _inherit(child: RawEntry, parent: RawEntry, titled: bool = True) -> RawEntry:
    """The child with the parent's fields it lacks; the parent's title (subtitle, addon)
    becomes its booktitle (`titled`; not for a parent in a chain, whose own title is the book
    of the child below)."""
    fields, lines = dict(child.fields), dict(child.field_lines)
    for name, value in parent.fields.items():
        if name not in fields and name not in NOT_INHERITED:
            fields[name], lines[name] = value, parent.field_lines.get(name, parent.line)
    for name, target in BOOK_TITLE.items() if titled else ():
        if target not in fields and parent.fields.get(name):
            fields[target] = parent.fields[name]
            lines[target] = parent.field_lines.get(name, parent.line)
    return replace(child, fields=fields, field_lines=lines)


MAX_DEPTH = 8
"""Parents followed up a chain (`bosi08` -> `assis08:1` -> `assis08`), at most."""


def _parent(entry: RawEntry, by_key: dict[str, RawEntry], file: str,
            problems: list[Diagnostic]) -> RawEntry | None:
    """The entry's parent completed from its own parents, or None (with a warning) when it
    names no other entry; a chain that loops or runs past MAX_DEPTH stops there."""
    ref = entry.fields.get("crossref", "").strip()
    parent = by_key.get(ref.lower())
    if parent is None or parent is entry:
        problems.append(warning(file, entry.field_lines.get("crossref", entry.line), 0,
                                f"entry '{entry.key}': crossref '{ref}' is not an entry "
                                "of this file", entry=entry.key))
        return None
    chain = [parent]
    while (up := by_key.get(chain[-1].fields.get("crossref", "").strip().lower())) is not None:
        if up is entry or up in chain or len(chain) == MAX_DEPTH:
            problems.append(warning(file, entry.field_lines.get("crossref", entry.line), 0,
                                    f"entry '{entry.key}': the crossref chain from '{ref}' "
                                    "loops or is too long; followed "
                                    f"{len(chain)} entr{'y' if len(chain) == 1 else 'ies'}",
                                    entry=entry.key))
            break
        chain.append(up)
    completed = chain[-1]
    for child in reversed(chain[:-1]):
        completed = _inherit(child, completed, titled=False)
    return completed


def resolve_crossrefs(entries: list[RawEntry],
                      file: str) -> tuple[list[RawEntry], list[Diagnostic]]:
    """Children completed from their parents (and theirs); author-less parents (venues) are
    not listed."""
    by_key = {e.key.lower(): e for e in entries}
    parents: set[str] = set()
    out: list[RawEntry] = []
    problems: list[Diagnostic] = []
    for entry in entries:
        if not entry.fields.get("crossref", "").strip():
            out.append(entry)
            continue
        parent = _parent(entry, by_key, file, problems)
        if parent is None:
            out.append(entry)
            continue
        parents.add(parent.key.lower())
        out.append(_inherit(entry, parent))
    venues = {k for k in parents if not by_key[k].fields.get("author", "").strip()}
    return [e for e in out if e.key.lower() not in venues], problems
