"""An @article with an arXiv `eprint` and no journal (INSPIRE writes `journal = ""` on every
preprint) is listed as that preprint, unwarned: `--strict` builds a plain INSPIRE export."""

from __future__ import annotations

from cvsite.models import SiteConfig
from cvsite.render.venue import publication_venue
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.validate.publications import convert_all

CONFIG = SiteConfig(title="T", base_url="https://example.org/")

PREPRINT = """\
@article{Bockelman:2023gbj,
    author = "Bockelman, Brian and Elmer, Peter and Watts, Gordon",
    title = "{IRIS-HEP Strategic Plan for the Next Phase of Software Upgrades for HL-LHC Physics}",
    eprint = "2302.01317",
    archivePrefix = "arXiv",
    primaryClass = "hep-ex",
    month = "2",
    year = "2023",
    journal = ""
}
"""
"""INSPIRE's export, as in scikit-hep/pyhf's docs/bib/general_citations.bib."""

REPORT = """\
@article{ATLAS:2020pnm,
    author = "{ATLAS Collaboration}",
    title = "{ATLAS HL-LHC Computing Conceptual Design Report}",
    reportNumber = "CERN-LHCC-2020-015, LHCC-G-178",
    month = "9",
    year = "2020",
    url = "https://cds.cern.ch/record/2729668",
    journal = ""
}
"""
"""The same file's CERN report, which INSPIRE also exports as an @article with no journal."""


def messages(text: str) -> tuple[str, list[str]]:
    """The venue of the one entry of `text` and the messages about it."""
    entries, problems = parse_bib(text, "t.bib")
    (publication,), found = convert_all(entries, CONFIG, "t.bib")
    return publication_venue(publication), [d.message for d in problems + found]


def test_an_inspire_preprint_with_an_empty_journal_is_listed_unwarned() -> None:
    assert messages(PREPRINT) == ("arXiv:2302.01317", [])
    assert messages(PREPRINT.replace('    journal = ""\n', "")) == ("arXiv:2302.01317", [])


def test_an_article_with_no_journal_and_no_preprint_is_still_warned() -> None:
    assert messages(REPORT)[1] == ["entry 'ATLAS:2020pnm': @article entries need a 'journal' "
                                   "field"]


def test_an_eprint_in_another_archive_does_not_stand_for_the_journal() -> None:
    jstor = PREPRINT.replace('archivePrefix = "arXiv"', 'archivePrefix = "JSTOR"')
    assert messages(jstor)[1] == ["entry 'Bockelman:2023gbj': @article entries need a "
                                  "'journal' field"]
