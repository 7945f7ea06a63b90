"""Clean BibTeX for citing: a raw entry minus cvsite's own fields, written by bibtexparser."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bibtexparser import model as bib
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.middlewares.names import split_multiple_persons_names as split_names
from bibtexparser.writer import BibtexFormat

from cvsite.bibsource import RawEntry
from cvsite.bibvalues import MONTH_MACROS as MONTH_NAME_OF
from cvsite.names import EQUAL_MARK

CVSITE_FIELDS = frozenset({"topic", "selected", "award", "pdf", "code", "slides", "poster",
                           "video", "project"})
"""Fields that steer the site (grouping, badges, links) and mean nothing to a reference manager."""
NAME_LISTS = ("author", "editor")
MONTH_MACROS = frozenset(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                          "nov", "dec"))
_MONTH_BY_NAME = {**{full.lower(): abbr for abbr, full in MONTH_NAME_OF.items()},
                  **{abbr: abbr for abbr in MONTH_NAME_OF}}
"""`June` (the value of the `jun` macro, as the reader resolves it) written back as `jun`."""
_FORMAT = BibtexFormat()  # type: ignore[no-untyped-call]
_FORMAT.indent = "  "
_FORMAT.value_column = "auto"
_FORMAT.block_separator = "\n"


def _names(value: str) -> str:
    """An author list without the equal-contribution marks cvsite reads."""
    names = [EQUAL_MARK.sub("", name).strip() for name in split_names(value)]
    return " and ".join(re.sub(r"\s+,", ",", name) for name in names)


def clean_fields(raw: RawEntry) -> dict[str, str]:
    """The entry's fields as a reference manager should see them (whitespace collapsed)."""
    fields = {}
    for name, value in raw.fields.items():
        if name in CVSITE_FIELDS:
            continue
        value = " ".join(value.split())
        fields[name] = _names(value) if name in NAME_LISTS else value
    return fields


def _entry(raw: RawEntry) -> bib.Entry:
    """A bibtexparser entry holding the cleaned fields, every value braced."""
    fields = [bib.Field(name, _MONTH_BY_NAME.get(value.lower(), value)
                        if name == "month" and value.lower() in _MONTH_BY_NAME
                        else f"{{{value}}}") for name, value in clean_fields(raw).items()]
    return bib.Entry(raw.entry_type, raw.key, fields)


def write(entries: Iterable[bib.Entry]) -> str:
    """Entries as BibTeX text, through bibtexparser's writer."""
    return str(write_string(Library(list(entries)), unparse_stack=[], bibtex_format=_FORMAT))


def clean_bibtex(raw: RawEntry) -> str:
    """One entry as BibTeX to copy or download."""
    return write([_entry(raw)])


def bibliography(bibtex: Iterable[str]) -> str:
    """Several cleaned entries as one .bib file (one blank line between entries)."""
    return "\n".join(text.rstrip("\n") + "\n" for text in bibtex if text)
