"""A book's `booktitle` is ignored, as BibTeX's and biblatex's standard styles ignore it: its
title is the book, and its venue is its publisher."""

from __future__ import annotations

from cvsite.models import Publication, SiteConfig
from cvsite.render.venue import publication_venue, venue_details
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.validate.publications import convert_all

CONFIG = SiteConfig(title="T", base_url="https://example.org/")

NOCEDAL = """\
@book{Nocedal:2006,
	Adsurl = {http://www.gaussianprocess.org/gpml/},
	Author = {{Nocedal}, J. and {Wright}, S.~J.},
	Booktitle = {Cambridge: MIT Press},
	Date-Added = {2017-03-17 18:30:15 +0000},
	Date-Modified = {2017-03-17 18:32:11 +0000},
	Publisher = {Springer},
	Title = {{Numerical Optimization}},
	Year = 2006}
"""
"""BibDesk's file of ADS imports: dfm/celerite's paper/celerite.bib, verbatim."""


def read(text: str) -> Publication:
    """The one publication of `text`, read without a problem."""
    entries, problems = parse_bib(text, "t.bib")
    (publication,), found = convert_all(entries, CONFIG, "t.bib")
    assert problems + found == []
    return publication


def test_a_stray_booktitle_in_a_book_does_not_replace_its_publisher() -> None:
    book = read(NOCEDAL)
    assert (publication_venue(book), venue_details(book)) == ("Springer", ())
    assert book.booktitle is None  # nor in JSON-LD's `publication`


def test_a_biblatex_collection_ignores_booktitle_too() -> None:
    collection = read(NOCEDAL.replace("@book", "@collection"))
    assert publication_venue(collection) == "Springer"


def test_a_chapter_still_names_the_book_it_is_in() -> None:
    chapter = read(NOCEDAL.replace("@book", "@incollection"))
    assert publication_venue(chapter) == "Cambridge: MIT Press"
