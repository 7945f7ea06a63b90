"""A project with no publications builds, says so, and shows a friendly empty page without
advertising an empty feed (issue 17, "Files found")."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import FIXTURES
from pagetext import text_of

Run = Callable[..., tuple[int, str, str]]


def test_no_bib_file_builds_an_empty_publications_page_and_says_so(tmp_path: Path,
                                                                      run_cli: Run) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    (project / "content" / "publications.bib").unlink()
    status, out, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 0, err
    assert "no publications (put a .bib file in content/ to list them)" in out
    site = project / "_site"
    for page in ("publications/index.html", "publications/by-year/index.html"):
        assert "No publications are listed yet." in text_of((site / page).read_text("utf-8"))
    home = (site / "index.html").read_text("utf-8")
    assert "feed.xml" not in home and "Publications feed" not in text_of(home)
    assert "BibTeX for all" not in text_of(home)


def test_with_publications_the_feed_is_advertised(tmp_path: Path, run_cli: Run) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    status, out, _ = run_cli("build", "--no-pdf", cwd=project)
    assert status == 0 and "no publications" not in out
    home = (project / "_site" / "index.html").read_text("utf-8")
    assert 'type="application/atom+xml"' in home and "Publications feed" in text_of(home)
