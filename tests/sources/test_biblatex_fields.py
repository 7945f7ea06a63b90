"""biblatex's own field names are never called typos (they blocked `--strict`)."""

from __future__ import annotations

import pytest

from cvsite.sources.bibtex.biblatex import FIELDS
from cvsite.sources.bibtex.fields import normalise

REPORTED = [
    "sorttitle", "volumes", "editora", "editorb", "editorc", "editoratype", "booksubtitle",
    "booktitleaddon", "maintitle", "mainsubtitle", "origdate", "origlocation", "origpublisher",
    "eventdate", "eventtitle", "venue", "eprintclass", "eprinttype", "langid", "hyphenation",
    "indextitle", "sortname", "sortkey", "presort", "shortauthor", "shorthand", "nameaddon",
    "related", "relatedtype", "options", "keywords", "file", "urldate", "version", "pagetotal",
    "bookpagination", "pagination", "addendum", "library", "usera"
]


@pytest.mark.parametrize("name", REPORTED)
def test_a_biblatex_field_is_not_a_typo(name: str) -> None:
    assert name in FIELDS
    assert normalise({"title": "T", name: "x"})[1] == []


def test_a_real_typo_is_still_one() -> None:
    notes = normalise({"title": "T", "booktitel": "x"})[1]
    assert [(name, hint) for name, _, hint in notes] == [("booktitel", "did you mean 'booktitle'?")]
