"""What cvsite knows about BibTeX fields: entry types, required fields, months, verbatim values."""

from __future__ import annotations

import re

from cvsite.errors import did_you_mean
from cvsite.paths import ANY, WEB, link_problem
from cvsite.sources.bibtex.biblatex import FIELDS
from cvsite.sources.bibtex.values import MONTH_NAMES, collapse

REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "article": ("journal",), "book": ("publisher",), "booklet": (), "inbook": ("publisher",),
    "incollection": ("booktitle", "publisher"), "inproceedings": ("booktitle",),
    "conference": ("booktitle",), "manual": (), "mastersthesis": ("school",), "misc": (),
    "phdthesis": ("school",), "proceedings": (), "techreport": ("institution",),
    "unpublished": (), "online": (), "electronic": (), "www": (), "software": (),
    "dataset": (), "report": ("institution",), "thesis": ("school",), "patent": (),
    "collection": ("publisher",), "preprint": (), "standard": (), "periodical": (),
}
"""Known entry types (BibTeX's and common biblatex ones) and the venue fields BibTeX requires."""

DECODED = {"booktitle": "booktitle", "journal": "journal", "series": "series",
           "publisher": "publisher", "address": "address", "school": "school",
           "institution": "institution", "organization": "organization",
           "howpublished": "howpublished", "type": "report_type", "edition": "edition",
           "volume": "volume", "number": "number", "chapter": "chapter", "eid": "eid",
           "note": "note", "abstract": "abstract", "award": "award", "topic": "topic",
           "language": "language", "collaboration": "collaboration",
           "nationality": "nationality"}
"""Displayed text fields (LaTeX decoded) and their Publication attribute."""

_BOOK_PARTS = ("booktitle", "booksubtitle", "booktitleaddon")
NOT_USED_BY_TYPE = {"book": _BOOK_PARTS, "collection": _BOOK_PARTS}
"""Fields that BibTeX's and biblatex's standard styles ignore for a type, and so does cvsite: a
book's title is the book (BibDesk leaves `Booktitle = {Cambridge: MIT Press}` in a @book)."""

VENUE_PARTS = {"booktitle": ("booksubtitle", "booktitleaddon"),
               "journal": ("journalsubtitle", "journaltitleaddon")}
"""biblatex's subtitle and addon of a venue, joined to it as `subtitle`/`titleaddon` to the
title (`joined_title`)."""

ALIASES = {"journaltitle": "journal", "location": "address", "eventtitle": "booktitle",
           "arxiv": "eprint", "arxivid": "eprint", "eprinttype": "archiveprefix",
           "website": "project", "issue": "number", "langid": "language", "articleno": "eid",
           "article-number": "eid", "fjournal": "journal", "yearfiled": "year",
           "monthfiled": "month"}
"""biblatex, Mendeley, al-folio, ACM, MDPI, MathSciNet (`fjournal`, the journal's full name)
and IEEEtran (a patent's filing date, its date when it has no other) spellings, used when the
BibTeX field is absent."""

VERBATIM = {"eprint": "eprint", "archiveprefix": "archive_prefix", "doi": "doi", "url": "url",
            "pdf": "pdf", "code": "code", "slides": "slides", "poster": "poster",
            "video": "video", "project": "project", "html": "html"}
"""Identifiers and links: never LaTeX-decoded (`~` and `%` stay), only `\\url{}` unwrapped."""

LINKS = {"url": (ANY, False), "pdf": (WEB, True), "code": (ANY, False), "slides": (ANY, False),
         "poster": (ANY, False), "video": (ANY, False), "project": (ANY, False),
         "html": (ANY, False)}
"""Link attributes: the schemes that fit, and whether a path inside the site may be given."""

STANDARD = {"title", "author", "editor", "year", "month", "pages", "crossref", "selected",
            "date", "key", "annote", "isbn", "issn", "keywords", "file", "language", "urldate",
            "timestamp", "biburl", "bibsource", "shorttitle", "primaryclass", "langid", "ids",
            "copyright", "abstract", "eventdate", "subtitle", "translator", "type"}
KNOWN = STANDARD | set(DECODED) | set(ALIASES) | set(VERBATIM) | FIELDS
"""Field names cvsite knows; an unknown name very close to one of them is probably a typo."""
_RANGE = re.compile(r"\s*(?:--?|\u2013|\u2014|/)\s*")
_TITLE_END = ".?!:;…"
"""A title ending in one of these takes its subtitle after a space alone."""
_URL_WRAPPER = re.compile(r"^\\(?:url|href)\s*\{(.*?)\}(?:\{.*\})?$", re.S)
_ESCAPED = re.compile(r"\\([_%#&$~])")
_PAGE_RANGE = re.compile(r"(?<=\d)\s*(?:-+|\u2013|\u2014)\s*(?=[A-Za-z]?\d)")


def month_number(word: str) -> int | None:
    """1–12 from `3`, `03`, `mar`, `Mar.`, `March`, `Sept`; None when unreadable."""
    word = word.strip().strip(".{}").lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    for number, name in enumerate(MONTH_NAMES, start=1):
        if len(word) >= 3 and (name.lower().startswith(word) or word == "sept" == name[:4].lower()):
            return number
    return None


def month_range(value: str) -> tuple[int, int | None] | None:
    """(first, last) months from `6`, `jun`, `June--July`, `6-7`; None when unreadable."""
    parts = [p for p in _RANGE.split(value.strip()) if p]
    numbers = [month_number(p) for p in parts]
    if not 1 <= len(numbers) <= 2 or None in numbers:
        return None
    first, last = numbers[0], numbers[-1]
    assert first is not None
    return first, (last if len(numbers) == 2 else None)


def verbatim(value: str) -> str:
    """A link or identifier as written: `\\url{…}` unwrapped, escapes like `\\_` undone."""
    value = collapse(value)
    if "\\" not in value:
        return value.strip("{} ")  # nothing wrapped or escaped
    wrapped = _URL_WRAPPER.match(value)
    if wrapped:
        value = wrapped[1].strip()
    return _ESCAPED.sub(r"\1", value.strip("{} "))


def required(kind: str, fields: dict[str, str]) -> tuple[str, ...]:
    """The venue fields an entry of `kind` needs; an @article with an arXiv `eprint` needs no
    `journal`: it is listed as that preprint (INSPIRE writes `journal = ""` on every one)."""
    needed = REQUIRED_BY_TYPE.get(kind, ())
    if verbatim(fields.get("eprint", "")) and \
            verbatim(fields.get("archiveprefix", "")).lower() in ("", "arxiv"):
        return tuple(name for name in needed if name != "journal")
    return needed


def written_field(attribute: str, fields: dict[str, str]) -> str:
    """The field of the entry a Publication attribute came from (`html` for `project`)."""
    names = [f for f, a in (*DECODED.items(), *VERBATIM.items()) if a == attribute] or [attribute]
    for name in names:
        if name in fields:
            return name
        for alias, target in ALIASES.items():
            if target == name and alias in fields:
                return alias
    return names[0]


def link_problems(data: dict[str, object],
                  fields: dict[str, str]) -> list[tuple[str, str]]:
    """(field as written, message) for each link of an entry the link policy refuses."""
    found = []
    for attribute, (schemes, relative) in LINKS.items():
        href = data.get(attribute)
        problem = link_problem(href, schemes, relative) if isinstance(href, str) else None
        if problem:
            name = written_field(attribute, fields)
            found.append((name, f"{name}: {problem}, got {href!r}"))
    return found


def joined_title(title: str, subtitle: str = "", addon: str = "") -> str:
    """biblatex's title as printed: `Title: Subtitle. Addon` (`Title? Subtitle` after its own
    punctuation); empty when the title is."""
    for part, separator in ((subtitle, ": "), (addon, ". ")):
        if title and part.strip():
            title = title.rstrip()
            title += (" " if title[-1] in _TITLE_END else separator) + part.strip()
    return title


def pages(value: str) -> str:
    """`12--34` and `12-34` as an en-dash range (`S12-3` page ids with letters kept)."""
    return _PAGE_RANGE.sub("\u2013", value.strip())


def normalise(fields: dict[str, str],
              kind: str = "misc") -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """biblatex spellings read as BibTeX's, without the fields entries of `kind` do not use;
    likely typos as (field, message, hint)."""
    fields = dict(fields)
    for alias, name in ALIASES.items():
        if alias in fields and not fields.get(name):
            fields[name] = fields[alias]
    for name in NOT_USED_BY_TYPE.get(kind, ()):
        fields.pop(name, None)
    notes = []
    for name in fields:
        hint = None if name in KNOWN else did_you_mean(name, KNOWN, cutoff=0.85)
        if hint:
            notes.append((name, f"unknown field '{name}' is ignored", hint))
    return fields, notes

