"""biblatex's `booksubtitle`/`journalsubtitle` (and their addons) are part of the venue
wherever it is shown, joined as `subtitle`/`titleaddon` are to the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import built_with_entries
from cvsite.models import SiteConfig
from cvsite.output.result import BuildResult
from cvsite.pdf.build import print_html
from cvsite.render.environment import make_environment
from cvsite.render.venue import publication_venue
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.validate.load import load_site
from cvsite.validate.publications import convert_all
from pagetext import text_of
from scholar_helpers import read_head

ENTRIES = """\
@inproceedings{salam,
  author       = {Salam, Abdus},
  editor       = {Svartholm, Nils},
  title        = {Weak and Electromagnetic Interactions},
  date         = 1968,
  booktitle    = {Elementary particle theory},
  booksubtitle = {Relativistic groups and analyticity},
  booktitleaddon= {Proceedings of the {Eighth Nobel Symposium}},
  publisher    = {Almquist \\& Wiksell},
  location     = {Stockholm},
  pages        = {367-377},
}
@article{costa1998b,
    author          = {V. R. Costa},
    title           = {À Margem da lei},
    journaltitle    = {Em Pauta},
    journalsubtitle = {Revista da Faculdade de Serviço Social da {UERJ}},
    journaltitleaddon = {Nova série},
    date            = {1998},
}
"""

CONFIG = SiteConfig(title="T", base_url="https://example.org/")
BOOK = ("Elementary particle theory: Relativistic groups and analyticity. Proceedings of the "
        "Eighth Nobel Symposium")
JOURNAL = "Em Pauta: Revista da Faculdade de Serviço Social da UERJ. Nova série"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The minimal project with the entries above, built once."""
    return built_with_entries(tmp_path_factory.mktemp("venue-subtitles"), ENTRIES)


def test_booksubtitle_and_journalsubtitle_follow_the_venue_as_a_subtitle_the_title() -> None:
    entries, problems = parse_bib(ENTRIES, "t.bib")
    publications, found = convert_all(entries, CONFIG, "t.bib")
    assert problems + found == []
    assert [publication_venue(p) for p in publications] == [BOOK, JOURNAL]


def test_the_venue_subtitle_shows_in_the_list_paper_page_meta_jsonld_and_pdf(
        site: tuple[Path, BuildResult]) -> None:
    out, result = site
    assert not result.failed
    listed = text_of((out / "publications/index.html").read_text(encoding="utf-8"))
    assert BOOK in listed and JOURNAL in listed
    salam = out / "publications/salam/index.html"
    assert BOOK in text_of(salam.read_text(encoding="utf-8"))
    head = read_head(salam)
    assert head.one("citation_conference_title") == BOOK
    assert head.jsonld[0]["publication"]["name"] == BOOK
    costa = read_head(out / "publications/costa1998b/index.html")
    assert costa.one("citation_journal_title") == JOURNAL
    assert costa.jsonld[0]["isPartOf"]["name"] == JOURNAL
    project = out.parent / "project"
    loaded, _ = load_site(project)
    assert loaded is not None
    printed = text_of(print_html(loaded, make_environment(project),
                                 loaded.config.pdf.variants[0]))
    assert BOOK in printed and JOURNAL in printed



def test_html_in_a_booksubtitle_is_taken_out_as_in_a_subtitle() -> None:
    entries, _ = parse_bib("@inproceedings{k, author = {Salam, Abdus}, title = {Weak},"
                           " booktitle = {Elementary particle theory},"
                           " booksubtitle = {<i>Relativistic</i> groups}, year = {1968}}", "t.bib")
    (publication,), found = convert_all(entries, CONFIG, "t.bib")
    assert publication_venue(publication) == "Elementary particle theory: Relativistic groups"
    assert [d.message.split(" (")[0] for d in found] == ["entry 'k': HTML in 'booksubtitle' is "
                                                          "taken out"]
