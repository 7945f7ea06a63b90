"""Accents on every author of a paper, not only the first: on its page and in its Cite BibTeX."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from cvsite.build import build
from pagetext import text_of

MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"
BIB = r"""@article{accents2020,
  author  = {Zeman, Daniel and \c{C}olt, Xavier and \"Ozt\"urk, Ali and \'{E}mile Colt},
  title   = {On Accents},
  journal = {Journal of Examples},
  year    = {2020},
}
"""


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The paper's folder in a built copy of the minimal project holding one accented list."""
    root = shutil.copytree(MINIMAL, tmp_path_factory.mktemp("accents") / "project")
    (root / "content" / "publications.bib").write_text(BIB, encoding="utf-8")
    build(root, root / "_site")
    return root / "_site" / "publications" / "accents2020"


def test_every_author_keeps_their_accents_on_the_paper_page(paper: Path) -> None:
    page = (paper / "index.html").read_text(encoding="utf-8")
    assert "Daniel Zeman, Xavier Çolt, Ali Öztürk, Émile Colt" in text_of(page)
    assert '<meta name="citation_author" content="Çolt, Xavier">' in page


def test_cite_bibtex_keeps_every_author_as_written(paper: Path) -> None:
    written = (r"""author  = {Zeman, Daniel and \c{C}olt, Xavier and \"Ozt\"urk, Ali and """
               r"""\'{E}mile Colt}""")
    assert written in (paper / "accents2020.bib").read_text(encoding="utf-8")
    assert written in html.unescape((paper / "index.html").read_text(encoding="utf-8"))
