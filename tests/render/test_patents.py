"""A patent says it is one, with its country and number ("U.S. patent 5668842"), dated by its
filing when it has no other date; IEEE's and biblatex's ways of writing it alike."""

from __future__ import annotations

from cvsite.language import translations
from cvsite.models import SiteConfig
from cvsite.render.citeformat import PaperDates
from cvsite.render.venue import publication_venue, venue_details
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.validate.publications import convert_all

CONFIG = SiteConfig(title="T", base_url="https://example.org/")
IEEE = """\
@patent{IEEEexample:uspat,
  author        = "Ronald E. Sorace and Victor S. Reinhardt and
                   Steven A. Vaughn",
  assignee      = "Hughes Aircraft Company",
  address       = "Los Angeles, CA",
  title         = "High-Speed Digital-to-{RF} Converter",
  nationality   = "United States",
  number        = "5668842",
  dayfiled      = "28",
  monthfiled    = feb,
  yearfiled     = "1995",
  day           = "16",
  month         = sep,
  year          = "1997"
}
@patent{IEEEexample:frenchpatreq,
  author        = "F. Kowalik and M. Isard",
  title         = "Estimateur d'un D{\\'e}faut de Fonctionnement
                   d'un Modulateur en Quadrature et {\\'E}tage de Modulation
                   l'Utilisant",
  language      = "french",
  nationality   = "French",
  type          = "Patent Request",
  number        = "9500261",
  dayfiled      = "11",
  monthfiled    = jan,
  yearfiled     = "1995"
}
@patent{biblatex, author = {Kowalik, F.}, title = {Estimateur}, type = {patreqfr},
  number = {9500261}, location = {countryfr}, date = {1995-01-11}}
"""
"""IEEEtran's own examples (TeX Live, bibtex/bib/ieeetran/IEEEexample.bib) and the same
request as biblatex writes it (`type = {patreqfr}`, `location = {countryfr}`)."""


def _read() -> dict[str, tuple[str, tuple[str, ...], str, str]]:
    """Each patent's venue, details and date (English), and its venue on a German site."""
    entries, problems = parse_bib(IEEE, "p.bib")
    publications, found = convert_all(entries, CONFIG, "p.bib")
    assert problems + found == []
    german = translations("de")
    return {p.key: (publication_venue(p), venue_details(p), PaperDates().date_text(p),
                    publication_venue(p, german)) for p in publications}


def test_a_patent_names_its_country_and_number() -> None:
    shown = _read()
    assert shown["IEEEexample:uspat"][:2] == ("U.S. patent 5668842", ("Los Angeles, CA",))
    assert shown["IEEEexample:frenchpatreq"][0] == "Patent Request 9500261"
    assert shown["biblatex"][:2] == ("French patent request 9500261", ("France",))


def test_a_patent_with_only_its_filing_date_is_dated_by_it_not_in_press() -> None:
    shown = _read()
    assert shown["IEEEexample:uspat"][2] == "September 1997"  # granted: its own date
    assert shown["IEEEexample:frenchpatreq"][2] == "January 1995"


def test_a_patent_is_in_the_words_of_a_german_site() -> None:
    shown = _read()
    assert shown["IEEEexample:uspat"][3] == "US-Patent 5668842"
    assert shown["biblatex"][3] == "Französische Patentanmeldung 9500261"
