"""Every .bib file in content/ is read; a key in two files is an error naming both places
(issue 17, "Files found")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from cvsite.build import build
from cvsite.errors import ContentError
from pagetext import text_of

PAPERS = """\
@inproceedings{folio2023,
  title = {A Paper Kept in al-folio's papers.bib},
  author = {Example, Ada},
  booktitle = {Proceedings of Examples},
  year = {2023},
}
"""

TALKS = """\
@misc{talk2024, title = {A Talk in Its Own File}, author = {Example, Ada}, year = {2024}}

@article{Example2020,
  title = {The Same Key Again}, author = {Example, Ada}, journal = {J}, year = {2020}}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The minimal project (publications.bib) with al-folio's papers.bib beside it."""
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    (project / "content" / "papers.bib").write_text(PAPERS, encoding="utf-8")
    return project


def test_every_bib_file_in_content_is_listed(project: Path) -> None:
    (project / "content" / "talks.bib").write_text(TALKS.split("\n\n")[0], encoding="utf-8")
    result = build(project, project / "_site", use_cache=False, pdf=False)
    page = text_of((project / "_site" / "publications" / "index.html").read_text("utf-8"))
    for title in ("On Examples", "A Paper Kept in al-folio's papers.bib",
                  "A Talk in Its Own File"):
        assert title in page
    assert not result.failed
    assert (project / "_site" / "publications" / "folio2023" / "index.html").is_file()


def test_a_key_in_two_files_is_an_error_naming_both(project: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)  # paths in diagnostics are shown relative to where one stands
    (project / "content" / "talks.bib").write_text(TALKS, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(project, project / "_site", use_cache=False, pdf=False)
    assert [d.format() for d in caught.value.diagnostics] == [
        "content/talks.bib:3: error: key 'Example2020' is also in content/publications.bib:1 "
        "('example2020'), which is kept\n  hint: rename one of the keys, or delete the copy"]
    result = build(project, project / "_site", keep_going=True, use_cache=False, pdf=False)
    assert result.left_out == ("Example2020",)
    page = text_of((project / "_site" / "publications" / "index.html").read_text("utf-8"))
    assert "On Examples" in page and "The Same Key Again" not in page


IEEE_STRINGS = """\
% Two lines of IEEEfull.bib (TeX Live, bibtex/bib/ieeetran; Michael Shell), as IEEE's
% template users keep it beside their own .bib: \\bibliography{IEEEfull,refs}
@STRING{IEEE_J_AC         = "{IEEE} Transactions on Automatic Control"}
@STRING{IEEE_J_EDL        = "{IEEE} Electron Device Letters"}
"""
USING_THEM = """\
@article{edl2001, author = {Example, Ada}, title = {A Letter}, journal = IEEE_J_EDL,
  year = {2001}}
@string{IEEE_J_AC = "IEEE TAC"}
@article{tac2002, author = {Example, Ada}, title = {A Transaction}, journal = IEEE_J_AC,
  year = {2002}}
"""


def test_the_strings_of_a_file_of_strings_alone_apply_to_every_other_file(
        project: Path) -> None:
    (project / "content" / "IEEEfull.bib").write_text(IEEE_STRINGS, encoding="utf-8")
    (project / "content" / "refs.bib").write_text(USING_THEM, encoding="utf-8")
    result = build(project, project / "_site", use_cache=False, pdf=False)
    assert [d.format() for d in result.diagnostics if "macro" in d.message
            or "@string" in d.message] == []
    page = text_of((project / "_site" / "publications" / "index.html").read_text("utf-8"))
    assert "IEEE Electron Device Letters, 2001" in page
    assert "IEEE TAC, 2002" in page  # a file's own @string replaces the shared one


def test_strings_of_a_file_with_entries_stay_in_that_file(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    (project / "content" / "papers.bib").write_text(
        '@string{PE = "Proceedings of Examples"}\n' + PAPERS.replace(
            "{Proceedings of Examples}", "PE"), encoding="utf-8")
    (project / "content" / "refs.bib").write_text(
        "@article{other, author = {Example, Ada}, title = {T}, journal = PE, year = {2001}}\n",
        encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(project, project / "_site", use_cache=False, pdf=False)
    assert [d.format() for d in caught.value.diagnostics] == [
        "content/refs.bib:1: error: entry 'other': field 'journal': undefined macro 'PE'\n"
        "  hint: define it with @string in this file or in a .bib of @strings alone, or put "
        "the text in braces"]


def test_a_file_of_strings_may_use_the_strings_of_one_read_before_it(project: Path) -> None:
    (project / "content" / "a_abbrev.bib").write_text('@string{jem = "Journal A"}\n',
                                                      encoding="utf-8")
    (project / "content" / "c_abbrev.bib").write_text('@string{jfull = jem # " Full"}\n',
                                                      encoding="utf-8")
    (project / "content" / "refs.bib").write_text(
        "@article{full, author = {Example, Ada}, title = {T}, journal = jfull, year = {2001}}\n",
        encoding="utf-8")
    result = build(project, project / "_site", use_cache=False, pdf=False)
    assert not result.failed
    page = text_of((project / "_site" / "publications" / "index.html").read_text("utf-8"))
    assert "Journal A Full, 2001" in page
