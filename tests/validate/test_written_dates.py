"""Dates written as text (`to appear`, `22--25 Aug`) keep the paper: shown as written, warned,
never given a wrong machine date (issue 17, "Papers never silently lost")."""

from __future__ import annotations

import shutil

import feedparser
import pytest

from conftest import FIXTURES
from cvsite.build import BuildResult, build
from pagetext import text_of
from scholar_helpers import read_head

BIB = """\
@inproceedings{days2021, author = {Example, Ada}, title = {Conference Days},
  booktitle = {Proceedings of PMLR}, year = {2021}, month = {22--25 Aug}}
@article{press, author = {Example, Ada}, title = {Accepted Somewhere}, journal = {J. Z},
  year = {in press}}
@article{letter2025, author = {Example, Ada}, title = {Second of the Year}, journal = {J. Z},
  year = {2025a}}
@book{reprint, author = {Example, Ada}, title = {Reprinted Classic}, publisher = {P},
  year = {1957/1990}}
@misc{undated, author = {Example, Ada}, title = {Never Dated}}
@article{dated2024, author = {Example, Ada}, title = {Plainly Dated}, journal = {J. Z},
  year = {2024}}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The minimal project with papers dated in words, built with --keep-going."""
    project = shutil.copytree(FIXTURES / "minimal", tmp_path_factory.mktemp("dates") / "p")
    (project / "content" / "publications.bib").write_text(BIB, encoding="utf-8")
    return build(project, project / "_site", keep_going=True, use_cache=False, pdf=False)


def _page(built: BuildResult, path: str) -> str:
    return text_of((built.out / path).read_text(encoding="utf-8"))


def test_text_dates_keep_every_paper_with_a_warning_each(built: BuildResult) -> None:
    assert not built.failed and built.left_out == ()
    warned = [d.format() for d in built.diagnostics if d.severity.value == "warning"]
    assert any("entry 'days2021': month '22--25 Aug' is not a month; shown as written" in w
               for w in warned)
    for key in ("press", "letter2025", "reprint"):
        assert any(f"entry '{key}': year" in w and "shown as written" in w for w in warned)
    assert any("entry 'undated': no year: listed as 'in press'" in w for w in warned)


def test_the_list_shows_dates_as_written_and_undated_papers_first(built: BuildResult) -> None:
    page = _page(built, "publications/index.html")
    assert "Proceedings of PMLR, 22–25 Aug 2021" in page
    assert "J. Z, in press" in page and "J. Z, 2025a" in page and "P, 1957/1990" in page
    order = [page.index(t) for t in ("Accepted Somewhere", "Never Dated", "Second of the Year",
                                       "Plainly Dated", "Conference Days", "Reprinted Classic")]
    assert order == sorted(order)
    by_year = _page(built, "publications/by-year/index.html")
    assert by_year.index("In press") < by_year.index("2025") < by_year.index("2024")


def test_a_text_year_gives_no_machine_date_and_a_lettered_year_its_year(
        built: BuildResult) -> None:
    for key in ("press", "reprint", "undated"):
        head = read_head(built.out / "publications" / key / "index.html")
        assert head.values("citation_publication_date") == []
        assert all("datePublished" not in data for data in head.jsonld)
    head = read_head(built.out / "publications" / "letter2025" / "index.html")
    assert head.one("citation_publication_date") == "2025"
    head = read_head(built.out / "publications" / "days2021" / "index.html")
    assert head.one("citation_publication_date") == "2021/08"
    feed = feedparser.parse((built.out / "feed.xml").read_bytes())
    dated = {e.title: e.get("published") for e in feed.entries}
    assert dated["Accepted Somewhere"] is None and dated["Plainly Dated"].startswith("2024-01-01")
