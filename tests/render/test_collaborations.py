"""INSPIRE's `collaboration` follows the authors as HEP bibliographies print it ("W. Abdallah et
al. (ATLAS Collaboration)"): in the lists, on the paper page and in the CV PDF."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

from conftest import built_with_entries
from cvsite.language import translations
from cvsite.models import Author, Publication
from cvsite.output.result import BuildResult
from cvsite.pdf.build import print_html
from cvsite.render.authors import author_list
from cvsite.render.environment import make_environment
from cvsite.validate.load import load_site
from pagetext import text_of

INSPIRE = """\
@article{LHCReinterpretationForum:2020xtr,
    author = "Abdallah, Waleed and others",
    collaboration = "LHC Reinterpretation Forum",
    title = "{Reinterpretation of LHC Results for New Physics: Status and \
Recommendations after Run 2}",
    eprint = "2003.07868",
    archivePrefix = "arXiv",
    primaryClass = "hep-ph",
    reportNumber = "CERN-LPCC-2020-001, FERMILAB-FN-1098-CMS-T, Imperial/HEP/2020/RIF/01",
    doi = "10.21468/SciPostPhys.9.2.022",
    journal = "SciPost Phys.",
    volume = "9",
    number = "2",
    pages = "022",
    year = "2020"
}
"""
"""INSPIRE's export, as in scikit-hep/pyhf's docs/bib/general_citations.bib."""

ATLAS = INSPIRE.replace("LHCReinterpretationForum:2020xtr", "atlas").replace(
    '"LHC Reinterpretation Forum"', '"ATLAS"')
"""The same entry as an ATLAS paper: INSPIRE writes the experiment's name alone."""
authors = author_list(gettext.NullTranslations())


def paper(collaboration: str, *people: Author, et_al: bool = True) -> Publication:
    """A paper by `people` for `collaboration`."""
    return Publication(key="k", entry_type="article", title="T", authors=people or (
        Author(given="Georges", family="Aad"),), et_al=et_al, collaboration=collaboration)


def test_the_collaboration_follows_the_authors() -> None:
    assert authors(paper("ATLAS")) == "Georges Aad, et&nbsp;al. (ATLAS Collaboration)"


def test_a_name_that_says_collaboration_or_forum_is_not_given_it_twice() -> None:
    assert authors(paper("ATLAS Collaboration")).endswith(" (ATLAS Collaboration)")
    assert authors(paper("LHC Reinterpretation Forum")).endswith(
        " (LHC Reinterpretation Forum)")


def test_a_joint_paper_names_its_collaborations() -> None:
    assert authors(paper("ATLAS, CMS")).endswith(" (ATLAS, CMS Collaborations)")


def test_an_author_named_for_the_collaboration_is_not_repeated() -> None:
    assert authors(paper("ATLAS", Author(family="ATLAS Collaboration"),
                         et_al=False)) == "ATLAS Collaboration"


def test_the_collaboration_is_in_the_words_of_a_german_site() -> None:
    german = author_list(translations("de"))
    assert german(paper("ATLAS")) == "Georges Aad, u.&nbsp;a. (ATLAS-Kollaboration)"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The minimal project with the INSPIRE entries, built once."""
    return built_with_entries(tmp_path_factory.mktemp("collaborations"), INSPIRE + ATLAS)


def test_the_collaboration_shows_in_the_list_paper_page_and_pdf(
        site: tuple[Path, BuildResult]) -> None:
    out, result = site
    assert not result.failed
    shown = "Waleed Abdallah, et al. (ATLAS Collaboration)"
    listed = text_of((out / "publications/index.html").read_text(encoding="utf-8"))
    assert shown in listed and "et al. (LHC Reinterpretation Forum)" in listed
    assert shown in text_of((out / "publications/atlas/index.html").read_text(encoding="utf-8"))
    project = out.parent / "project"
    loaded, _ = load_site(project)
    assert loaded is not None
    printed = text_of(print_html(loaded, make_environment(project),
                                 loaded.config.pdf.variants[0]))
    assert f"{shown}. Reinterpretation of LHC Results" in printed


def test_math_in_a_collaboration_is_shown_as_unicode_not_tex() -> None:
    assert authors(paper("$\\alpha$ ³He")).endswith(" (α ³He Collaboration)")
