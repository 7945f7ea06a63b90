"""Clean BibTeX for citing: a raw entry minus cvsite's own fields, in bibtexparser's layout."""

from __future__ import annotations

import re

from cvsite.sources.bibtex.names import EQUAL_MARK
from cvsite.sources.bibtex.namesplit import split_names
from cvsite.sources.bibtex.raw import RawEntry
from cvsite.sources.bibtex.values import MONTH_MACROS, collapse

CVSITE_FIELDS = frozenset({"topic", "selected", "award", "pdf", "code", "slides", "poster",
                           "video", "project"})
"""Fields that steer the site (grouping, badges, links) and mean nothing to a reference manager."""
PRIVATE_FIELDS = frozenset({"file", "localfile", "local-url", "annote", "annotation", "owner",
                            "timestamp", "groups", "ranking", "readstatus", "read", "rating",
                            "priority", "qualityassured", "printed", "relevance", "review",
                            "comment", "comments", "uri"})
PRIVATE_PREFIXES = ("bdsk-", "mendeley-", "date-", "__")
"""What reference managers keep for their user (JabRef, Zotero, Mendeley, BibDesk, Papers):
file paths on her machine, notes, reading status, dates added. Never published."""
NAME_LISTS = ("author", "editor")
_MONTH_BY_NAME = {**{full.lower(): abbr for abbr, full in MONTH_MACROS.items()},
                  **{abbr: abbr for abbr in MONTH_MACROS}}
"""`June` (the value of the `jun` macro, as the reader resolves it) written back as `jun`."""


def private(name: str) -> bool:
    """Whether a field is a reference manager's note for its user, not bibliographic data."""
    return name in PRIVATE_FIELDS or name.startswith(PRIVATE_PREFIXES)


def _names(value: str) -> str:
    """An author list without the equal-contribution marks cvsite reads."""
    if "*" not in value and "\\ast" not in value and " ," not in value:
        return " and ".join(split_names(value))  # no marks (every mark has a `*` or `\ast`)
    names = (EQUAL_MARK.sub("", name).strip() for name in split_names(value))
    return " and ".join(re.sub(r"\s+,", ",", name) for name in names)


def clean_fields(raw: RawEntry) -> dict[str, str]:
    """The entry's fields as a reference manager should see them (whitespace collapsed)."""
    fields = {}
    for name, value in raw.fields.items():
        if name in CVSITE_FIELDS or private(name):
            continue
        value = collapse(value)
        fields[name] = _names(value) if name in NAME_LISTS else value
    return fields


def field_value(name: str, value: str) -> str:
    """A cleaned value as written: braced, but month names as macros (`month = jun`)."""
    if name == "month":
        return _MONTH_BY_NAME.get(value.lower(), f"{{{value}}}")
    return f"{{{value}}}"


def clean_bibtex(raw: RawEntry) -> str:
    """One entry as BibTeX to copy or download."""
    fields = clean_fields(raw)
    width = max(map(len, fields), default=0)
    lines = [f"  {name}{' ' * (width - len(name))} = {field_value(name, value)}"
             for name, value in fields.items()]
    body = ",\n".join(lines) + "\n" if lines else ""
    return f"@{raw.entry_type}{{{raw.key},\n{body}}}\n"
