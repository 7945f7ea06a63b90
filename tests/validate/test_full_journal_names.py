"""MathSciNet's `fjournal` (the journal's full name, written on every entry) is a known field:
never called a typo of `journal`, and the venue only when there is no `journal`."""

from __future__ import annotations

from cvsite.models import SiteConfig
from cvsite.render.venue import publication_venue
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.validate.publications import convert_all

CONFIG = SiteConfig(title="T", base_url="https://example.org/")

MNRAS = """\
@article{Fournier1901,
author={Fournier, Paul},
title={Not a Real Paper},
journal={ApJ},
fjournal={Astrophysical Journal},
volume=1,
pages={101-111},
year=1901,
}
"""
"""The MNRAS Overleaf template's example.bib (texlive-publishers-doc 2022, mnras/), verbatim."""


def test_fjournal_is_not_warned_as_a_typo_and_journal_stays_the_venue() -> None:
    entries, problems = parse_bib(MNRAS, "t.bib")
    (publication,), found = convert_all(entries, CONFIG, "t.bib")
    assert problems + found == []
    assert publication_venue(publication) == "ApJ"  # as every BibTeX style prints it


def test_an_entry_with_only_fjournal_shows_it_and_needs_no_journal() -> None:
    only_full = MNRAS.replace("journal={ApJ},\n", "")
    entries, _ = parse_bib(only_full, "t.bib")
    (publication,), found = convert_all(entries, CONFIG, "t.bib")
    assert found == []
    assert publication_venue(publication) == "Astrophysical Journal"
