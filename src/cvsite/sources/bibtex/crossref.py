"""`crossref`: a child entry takes the fields it lacks from its parent entry."""

from __future__ import annotations

from dataclasses import replace

from cvsite.errors import Diagnostic, warning
from cvsite.sources.bibtex.raw import RawEntry

NOT_INHERITED = {"crossref", "ids", "key", "file", "selected", "award", "topic", "title",
                 "abstract"}
"""Fields a child entry never takes from its crossref parent (cvsite's own flags included)."""


def _inherit(child: RawEntry, parent: RawEntry) -> RawEntry:
    """The child with the parent's fields it lacks; the parent's title becomes its booktitle."""
    fields, lines = dict(child.fields), dict(child.field_lines)
    for name, value in parent.fields.items():
        if name not in fields and name not in NOT_INHERITED:
            fields[name], lines[name] = value, parent.field_lines.get(name, parent.line)
    if "booktitle" not in fields and parent.fields.get("title"):
        fields["booktitle"] = parent.fields["title"]
        lines["booktitle"] = parent.field_lines.get("title", parent.line)
    return replace(child, fields=fields, field_lines=lines)


def resolve_crossrefs(entries: list[RawEntry],
                      file: str) -> tuple[list[RawEntry], list[Diagnostic]]:
    """Children completed from their parents; author-less parents (venues) are not listed."""
    by_key = {e.key.lower(): e for e in entries}
    parents: set[str] = set()
    out, problems = [], []
    for entry in entries:
        ref = entry.fields.get("crossref", "").strip()
        if not ref:
            out.append(entry)
            continue
        parent = by_key.get(ref.lower())
        if parent is None or parent is entry:
            problems.append(warning(file, entry.field_lines.get("crossref", entry.line), 0,
                                    f"entry '{entry.key}': crossref '{ref}' is not an entry "
                                    "of this file", entry=entry.key))
            out.append(entry)
            continue
        parents.add(parent.key.lower())
        out.append(_inherit(entry, parent))
    venues = {k for k in parents if not by_key[k].fields.get("author", "").strip()}
    return [e for e in out if e.key.lower() not in venues], problems
