"""A paper located by its article number (ACM's `articleno`, MDPI's `article-number`, biblatex's
`eid`) shows it where pages would be, on the pages and in Scholar's meta tags."""

from __future__ import annotations

from cvsite.language import translations
from cvsite.models import Publication, SiteConfig
from cvsite.render.venue import venue_details
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.validate.publications import convert_all
from cvsite.validate.scholar import highwire

CONFIG = SiteConfig(title="T", base_url="https://example.org/")

ACM = """\
 @String{JACM = "J. ACM" }
@Article{Cohen07,
  author        = "Sarah Cohen and Werner Nutt and Yehoshua Sagic",
  title         = "Deciding equivalances among conjunctive aggregate queries",
  journal       = JACM,
  articleno     = 5,
  numpages      = 50,
  volume        = 54,
  number        = 2,
  month         = apr,
  year          = 2007,
  doi           = "10.1145/1219092.1219093",
  url           = "http://doi.acm.org/10.1145/1219092.1219093",
  acmid         = 1219093,
}
"""
"""ACM's journal export, as the testers reduced it (/work/hunt2/repro/r5-acm-articleno.bib)."""

MDPI = """\
@Article{rs12132114,
AUTHOR = {Kolbe, Christine and Thies, Boris and Turini, Nazli and Liu, Zhiyu and Bendix, Jörg},
TITLE = {Precipitation Retrieval over the Tibetan Plateau from the Geostationary Orbit—Part 2: \
Precipitation Rates with Elektro-L2 and Insat-3D},
JOURNAL = {Remote Sensing},
VOLUME = {12},
YEAR = {2020},
NUMBER = {13},
ARTICLE-NUMBER = {2114},
URL = {https://www.mdpi.com/2072-4292/12/13/2114},
ISSN = {2072-4292},
DOI = {10.3390/rs12132114}
}
"""
"""MDPI's export (zotero-better-bibtex's fixture "issuenumberarticle-number #2551.bib", its
abstract left out)."""

ADS = """\
@article{Wang:2012,
	Author = {{Wang}, Y. and {Khardon}, R. and {Protopapas}, P.},
	Doi = {10.1088/0004-637X/756/1/67},
	Eid = {67},
	Journal = {ApJ},
	Pages = {67},
	Title = {{Nonparametric Bayesian Estimation of Periodic Light Curves}},
	Volume = 756,
	Year = 2012}
"""
"""An ADS entry from BibDesk (dfm/celerite's paper/celerite.bib, `\\apj` written out): its
`Eid` repeats its `Pages`."""


def read(text: str) -> Publication:
    """The one publication of `text`, read without a problem."""
    entries, problems = parse_bib(text, "t.bib")
    (publication,), found = convert_all(entries, CONFIG, "t.bib")
    assert problems + found == []
    return publication


def test_acm_articleno_is_shown_where_pages_would_be() -> None:
    assert venue_details(read(ACM)) == ("vol. 54", "no. 2", "art. 5")


def test_mdpi_article_number_is_shown_where_pages_would_be() -> None:
    assert venue_details(read(MDPI)) == ("vol. 12", "no. 13", "art. 2114")


def test_the_article_number_is_in_the_words_of_a_german_site() -> None:
    assert venue_details(read(MDPI), translations("de")) == ("Bd. 12", "Nr. 13", "Art. 2114")


def test_pages_are_shown_instead_of_an_eid_that_repeats_them() -> None:
    assert venue_details(read(ADS)) == ("vol. 756", "p. 67")


def test_scholar_reads_the_article_number_as_the_first_page() -> None:
    tags = dict(highwire(read(ACM), CONFIG))
    assert tags["citation_firstpage"] == "5"
    assert "citation_lastpage" not in tags
