"""Fields as a reader expects them: an edition year, editors of a book, venue punctuation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import built_with_entries
from cvsite.output.result import BuildResult
from cvsite.pdf.build import print_html
from cvsite.render.environment import make_environment
from cvsite.sources.bibtex.fields import REQUIRED_BY_TYPE
from cvsite.validate.load import load_site
from cvsite.validate.scholar import VENUE_REQUIRED, VENUE_TAG
from pagetext import text_of

ENTRIES = """\
@book{editioned, author = {Example, Ada}, title = {Handbook of Examples},
  publisher = {Example Press}, edition = {2014}, year = {2014}}
@book{second, author = {Example, Ada}, title = {Second Book},
  publisher = {Example Press}, edition = {2}, year = {2016}}
@inproceedings{comma, author = {Example, Ada}, title = {Trailing Comma},
  booktitle = {Proceedings of the Workshop on Examples,}, publisher = {ACM,}, year = {2019}}
@article{nojournal, author = {Example, Ada}, title = {No Journal}, year = {2020}}
@misc{abstracturl, author = {Example, Ada}, title = {Abstract URL}, year = {2022},
  abstract = {Code at https://github.com/example/tool. Details (see https://example.org/a_(b)).
  Try javascript:alert(1) and <script>x</script>.}}
@misc{koeln, author = {Example, Ada}, title = {Köln}, year = {2017},
  url = {https://de.wikipedia.org/wiki/Köln}}
@book{edited, editor = {Smith, Jane and Doe, John}, title = {Edited Volume},
  publisher = {Example Press}, year = {2018}}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The minimal project with the entries above, built once."""
    return built_with_entries(tmp_path_factory.mktemp("fields"), ENTRIES)


def venue_line(out: Path, key: str) -> str:
    """The venue line of a paper's page, as text."""
    page = (out / f"publications/{key}/index.html").read_text(encoding="utf-8")
    match = re.search(r'<p class="paper-venue">(.*?)</p>', page, re.S)
    assert match, key
    return text_of(match[1]).strip()


def test_an_edition_written_as_a_year_is_not_an_ordinal(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert venue_line(out, "editioned") == "Example Press, 2014 edition, 2014"
    assert venue_line(out, "second") == "Example Press, 2nd edition, 2016"


def test_venue_text_ending_in_a_comma_is_not_doubled(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    line = venue_line(out, "comma")
    assert line == "Proceedings of the Workshop on Examples, ACM, 2019"
    assert ",," not in line and ", ," not in line


def test_a_book_with_only_editors_shows_them_as_editors(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    page = (out / "publications/edited/index.html").read_text(encoding="utf-8")
    authors = re.search(r'<p class="paper-authors">(.*?)</p>', page, re.S)
    assert authors and text_of(authors[1]).strip() == "Jane Smith, John Doe (eds.)"
    assert "edited by" not in venue_line(out, "edited")
    listed = text_of((out / "publications/index.html").read_text(encoding="utf-8"))
    assert "Jane Smith, John Doe (eds.)" in listed


def test_a_missing_journal_is_one_warning_not_two(site: tuple[Path, BuildResult]) -> None:
    _, result = site
    about = [d.message for d in result.diagnostics if "'nojournal'" in d.message]
    journal = [m for m in about if "'journal'" in m]
    assert journal == ["entry 'nojournal': @article entries need a 'journal' field"], about


def test_scholar_leaves_to_reading_exactly_the_venue_fields_bibtex_requires() -> None:
    for kind, (_, attr) in VENUE_TAG.items():
        if attr != "publisher":
            assert (attr in REQUIRED_BY_TYPE.get(kind, ())) == (kind in VENUE_REQUIRED), kind


def test_urls_in_an_abstract_become_links(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    page = (out / "publications/abstracturl/index.html").read_text(encoding="utf-8")
    section = re.search(r'<section class="abstract".*?</section>', page, re.S)
    assert section
    assert re.findall(r'<a href="([^"]*)">([^<]*)</a>', section[0]) == [
        ("https://github.com/example/tool", "https://github.com/example/tool"),
        ("https://example.org/a_(b)", "https://example.org/a_(b)")]
    assert "(see https://example.org/a_(b))." in text_of(section[0])
    assert 'href="javascript' not in section[0] and "&lt;script&gt;x" in section[0]


def test_the_pdf_cv_shows_editors_and_encoded_links_as_the_web_does(
        site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    project = out.parent / "project"
    loaded, _ = load_site(project)
    assert loaded is not None
    printed = print_html(loaded, make_environment(project), loaded.config.pdf.variants[0])
    assert "Jane Smith, John Doe (eds.)" in text_of(printed)
    assert 'href="https://de.wikipedia.org/wiki/K%C3%B6ln"' in printed
    page = (out / "publications/koeln/index.html").read_text(encoding="utf-8")
    assert 'href="https://de.wikipedia.org/wiki/K%C3%B6ln">Link</a>' in page
