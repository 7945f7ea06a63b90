"""biblatex entry types are known, shown as the nearest type, and `@set`/`@xdata` not listed."""

from __future__ import annotations

import pytest

from cvsite.models import Publication, SiteConfig
from cvsite.render.venue import publication_venue
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.validate.publications import convert_all

CONFIG = SiteConfig(title="T", base_url="https://example.org/")
PEOPLE = "author = {Example, Ada}, title = {T}, year = {2008}"


def read(text: str) -> tuple[dict[str, Publication], list[str]]:
    """Publications by key and the formatted diagnostics of BibTeX text."""
    entries, problems = parse_bib(text, "t.bib")
    publications, found = convert_all(entries, CONFIG, "t.bib")
    return {p.key: p for p in publications}, [d.format() for d in problems + found]


@pytest.mark.parametrize(("kind", "shown"), [
    ("mvbook", "book"), ("bookinbook", "inbook"), ("suppbook", "inbook"),
    ("mvcollection", "collection"), ("suppcollection", "incollection"),
    ("mvproceedings", "proceedings"), ("reference", "collection"),
    ("mvreference", "collection"), ("inreference", "incollection"),
    ("suppperiodical", "article"), ("dataset", "dataset"), ("software", "software"),
    ("online", "online"), ("patent", "patent"), ("report", "report")])
def test_a_biblatex_type_is_known_and_shown_as_the_nearest_type(kind: str, shown: str) -> None:
    fields = f"{PEOPLE}, publisher = {{P}}, institution = {{I}}, journal = {{J}}, booktitle = {{B}}"
    pubs, problems = read(f"@{kind}{{k, {fields}}}")
    assert problems == []
    assert pubs["k"].entry_type == shown


def test_a_thesis_with_an_institution_needs_no_school() -> None:
    text = ("@thesis{k, author = {Eliseu, André}, title = {Verbos ergativos}, year = {1984},"
            " type = {Dissertação}, institution = {Universidade de Lisboa}}")
    pubs, problems = read(text)
    assert problems == []
    assert publication_venue(pubs["k"]) == "Dissertação, Universidade de Lisboa"


def test_set_and_xdata_entries_are_not_publications_and_not_errors() -> None:
    text = ("@set{both, entryset = {a,b}}\n@xdata{pub, publisher = {P}}\n"
            f"@article{{a, {PEOPLE}, journal = {{J}}}}\n@article{{b, {PEOPLE}, journal = {{J}}}}")
    pubs, problems = read(text)
    assert problems == [] and sorted(pubs) == ["a", "b"]




def test_an_entry_shows_the_authors_and_venue_its_xdata_entries_hold() -> None:
    text = ("@XData{Author:Us, Author = {Doe, Jon and Smith, Alice}}\n"  # biblatex-cv's way
            "@XData{hup, publisher = {Harvard University Press}, location = {Cambridge, Mass.}}\n"
            "@book{pines, title = {The Limitations of Human Knowledge}, date = 1979,"
            " xdata = {Author:Us, hup}}\n"
            "@incollection{ch, author = {Doe, Jon}, title = {A Chapter}, crossref = {pines}}\n")
    pubs, problems = read(text)
    assert problems == [] and sorted(pubs) == ["ch", "pines"]  # never the @xdata entries
    book, chapter = pubs["pines"], pubs["ch"]
    assert [a.display for a in book.authors] == ["Jon Doe", "Alice Smith"]
    assert (book.publisher, book.address) == ("Harvard University Press", "Cambridge, Mass.")
    assert (chapter.booktitle, chapter.publisher) == (book.title, book.publisher)  # via crossref
