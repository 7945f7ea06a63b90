"""The venue line: biblatex keys and name lists in words; the editors mark."""

from __future__ import annotations

from cvsite.language import translations
from cvsite.models import Author, Publication
from cvsite.render.venue import editor_mark, publication_venue, venue_details


def paper(entry_type: str = "book", **fields: object) -> Publication:
    """A publication with these fields."""
    return Publication.model_validate({"key": "k", "entry_type": entry_type, "title": "T",
                                       "authors": (Author(family="A"),), **fields})


def test_a_report_or_thesis_type_key_is_shown_in_words() -> None:
    assert publication_venue(paper("techreport", report_type="resreport",
                                   institution="MIT")) == "Research report, MIT"
    assert publication_venue(paper("phdthesis", report_type="mathesis",
                                   school="ETH")) == "Master's thesis, ETH"
    assert publication_venue(paper("techreport", institution="MIT")) == "Technical report, MIT"


def test_thesis_type_phdthesis_is_shown_as_phd_thesis() -> None:
    geer = paper("thesis", report_type="phdthesis", institution="Uppsala Universitet")
    assert publication_venue(geer) == "PhD thesis, Uppsala Universitet"
    assert publication_venue(paper("thesis", report_type="mathesis",
                                   institution="MIT")) == "Master's thesis, MIT"
    assert publication_venue(paper("thesis", report_type="candthesis",
                                   school="MSU")) == "Candidate thesis, MSU"


def test_a_thesis_type_in_other_words_is_shown_as_written() -> None:
    assert publication_venue(paper("thesis", report_type="Habilitation",
                                   institution="Universität Wien")) == \
        "Habilitation, Universität Wien"
    assert publication_venue(paper("thesis", institution="Uppsala")) == "Uppsala"  # no type


def test_a_thesis_type_is_in_the_words_of_a_german_site() -> None:
    german = translations("de")
    for kind, words in (("phdthesis", "Dissertation"), ("mathesis", "Masterarbeit"),
                        ("candthesis", "Kandidatenarbeit")):
        thesis = paper("thesis", report_type=kind, institution="Universität Wien")
        assert publication_venue(thesis, german) == f"{words}, Universität Wien"


def test_a_phd_thesis_with_an_institution_and_no_school_names_it() -> None:
    assert publication_venue(paper("phdthesis", institution="ETH")) == "PhD thesis, ETH"


def test_a_list_of_places_is_joined_with_commas_and_a_last_and() -> None:
    details = venue_details(paper(publisher="Springer",
                                  address="München and Berlin and New York"))
    assert details == ("München, Berlin and New York",)  # after the venue, Springer
    assert venue_details(paper(publisher="Barnes and Noble")) == ()  # the venue itself
    assert publication_venue(paper(publisher="Barnes and Noble")) == "Barnes and Noble"


def test_series_and_country_keys_are_words() -> None:
    assert venue_details(paper("article", journal="American Anthropologist",
                               series="newseries")) == ("new series",)
    assert venue_details(paper("patent", organization="X",
                               address="countryfr and countryuk and countryde"))[-1] == \
        "France, United Kingdom and Germany"


def test_an_article_whose_editors_repeat_its_authors_shows_no_eds_mark() -> None:
    people = (Author(given="Mitra", family="Madadpour"),)  # TeX Live's alpha-persian sample
    assert editor_mark(paper("article", editors=people).model_copy(
        update={"authors": people})) == ""
    assert editor_mark(paper("book", editors=people).model_copy(
        update={"authors": people})) == "(ed.)"
