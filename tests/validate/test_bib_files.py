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
