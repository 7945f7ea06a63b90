"""biblatex's field names and entry types (biblatex manual §2.1, §2.2): none is a typo."""

from __future__ import annotations

DATA_FIELDS = frozenset([
    "abstract", "addendum", "afterword", "annotation", "annotator", "author", "authortype",
    "bookauthor", "bookpagination", "booksubtitle", "booktitle", "booktitleaddon", "chapter",
    "commentator", "date", "doi", "edition", "editor", "editora", "editorb", "editorc",
    "editortype", "editoratype", "editorbtype", "editorctype", "eid", "entrysubtype", "eprint",
    "eprintclass", "eprinttype", "eventdate", "eventtitle", "eventtitleaddon", "file", "foreword",
    "holder", "howpublished", "indextitle", "institution", "introduction", "isan", "isbn", "ismn",
    "isrn", "issn", "issue", "issuesubtitle", "issuetitle", "issuetitleaddon", "iswc",
    "journalsubtitle", "journaltitle", "journaltitleaddon", "label", "language", "library",
    "location", "mainsubtitle", "maintitle", "maintitleaddon", "month", "nameaddon", "note",
    "number", "organization", "origdate", "origlanguage", "origlocation", "origpublisher",
    "origtitle", "pages", "pagetotal", "pagination", "part", "publisher", "pubstate",
    "reprinttitle", "series", "shortauthor", "shorteditor", "shorthand", "shorthandintro",
    "shortjournal", "shortseries", "shorttitle", "subtitle", "title", "titleaddon", "translator",
    "type", "url", "urldate", "venue", "version", "volume", "volumes", "year", "day", "endyear",
    "endmonth", "endday"
])
"""§2.2.2 data fields (and the date parts older files write)."""

SPECIAL_FIELDS = frozenset([
    "crossref", "entryset", "execute", "gender", "langid", "langidopts", "ids", "indexsorttitle",
    "keywords", "options", "presort", "related", "relatedoptions", "relatedtype", "relatedstring",
    "sortkey", "sortname", "sortshorthand", "sorttitle", "sortyear", "xdata", "xref", "hyphenation"
])
"""§2.2.3 special fields (`hyphenation`: `langid`'s name before biblatex 1.x)."""

CUSTOM_FIELDS = frozenset(
    [f"name{c}" for c in "abc"] + [f"name{c}type" for c in "abc"]
    + [f"list{c}" for c in "abcdef"] + [f"user{c}" for c in "abcdef"]
    + [f"verb{c}" for c in "abc"])
"""§2.2.4 fields for custom styles."""

FIELD_ALIASES = frozenset({"address", "annote", "archiveprefix", "journal", "key", "pdf",
                           "primaryclass", "school"})
"""§2.2.5 BibTeX's names biblatex reads as its own."""

FIELDS = DATA_FIELDS | SPECIAL_FIELDS | CUSTOM_FIELDS | FIELD_ALIASES

SHOWN_AS = {
    "mvbook": "book", "bookinbook": "inbook", "suppbook": "inbook",
    "mvcollection": "collection", "suppcollection": "incollection",
    "reference": "collection", "mvreference": "collection", "inreference": "incollection",
    "mvproceedings": "proceedings", "suppperiodical": "article",
}
"""biblatex types shown as the nearest type cvsite lays out (a multi-volume book as a book)."""

NOT_LISTED = frozenset({"set", "xdata"})
"""Entries that hold other entries' data, not a publication (`@set`'s members are listed)."""

FIELD_ALTERNATIVES = {"school": ("school", "institution"), "institution": ("institution",
                                                                           "school")}
"""biblatex reads `school` as `institution`: either fills the venue a thesis or report needs."""
