"""The interface language: labels from the catalogs, dates in the language, in pages and PDFs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import ROOT, minimal_with_entries
from cvsite.language import LOCALES, catalog_languages, month_year
from cvsite.validate.load import load_site
from pdftools import built_pdfs, text_of

Run = Callable[..., tuple[int, str, str]]


DATED = """\
@inproceedings{juni, author = {Example, Ada}, title = {Dated by Month}, booktitle = {Conf},
  year = {2021}, month = jun}
@article{undated, author = {Example, Ada}, title = {Not Yet Dated}, journal = {J}}
"""


def _with_language(tmp_path: Path, language: str) -> Path:
    """The minimal project, with two more papers, and `language:` set in site.yaml."""
    project = minimal_with_entries(tmp_path / "p", DATED)
    site = project / "content/site.yaml"
    site.write_text(site.read_text("utf-8") + f"language: {language}\n", "utf-8")
    return project


def _labels() -> set[str]:
    """Every label (a plural by its singular) the theme's templates and cvsite's Python code
    ask a catalog for."""
    found: set[str] = set()
    templates = {"**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    for folder, pattern, method, options in (
            (ROOT / "templates", "**.html", "jinja2", templates),
            (ROOT / "src/cvsite", "**.py", "python", {})):
        for _, _, message, _, _ in extract_from_dir(folder, [(pattern, method)], options):
            found.add(message[0] if isinstance(message, tuple) else message)  # plural: its id
    return found - {""}


@pytest.mark.parametrize("language", catalog_languages()[1:])
def test_every_label_is_translated_in_every_shipped_language(language: str) -> None:
    """A label added to a template without a translation fails here (`make messages`)."""
    with (LOCALES / language / "LC_MESSAGES/cvsite.po").open("rb") as po:
        catalog = read_po(po)
    def translated(label: str) -> bool:
        found = catalog.get(label)
        text = found.string if found else ""
        return bool(found and not found.fuzzy and all(text if isinstance(text, tuple) else [text]))

    missing = sorted(label for label in _labels() if not translated(label))
    assert not missing, f"{language}: untranslated labels: {missing}"


def test_at_least_one_language_besides_english_is_shipped() -> None:
    assert len(catalog_languages()) >= 2


def test_month_names_follow_the_language() -> None:
    july = date(2024, 7, 1)
    assert month_year(july, "en") == "Jul 2024"
    assert month_year(july, "de") == "Juli 2024"
    assert month_year(july, "fr") == "juil. 2024"


def test_an_unknown_language_is_an_error_at_its_line(tmp_path: Path, run_cli: Run) -> None:
    project = _with_language(tmp_path, "xx-nonsense")
    status, _, err = run_cli("check", cwd=project)
    assert status == 1
    assert "content/site.yaml:6:11: error: unknown language 'xx-nonsense'" in err


def test_a_language_without_labels_warns_and_keeps_english_labels(
        tmp_path: Path, run_cli: Run) -> None:
    project = _with_language(tmp_path, "fr")
    status, _, err = run_cli("build", cwd=project)
    assert status == 0
    assert "content/site.yaml:6:11: warning: cvsite's labels are not translated to 'fr'" in err


def test_a_german_site_shows_german_labels_and_dates(tmp_path: Path, run_cli: Run) -> None:
    project = _with_language(tmp_path, "de")
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 0, err
    out = project / "_site"
    listing = (out / "publications/index.html").read_text("utf-8")
    assert ">Publikationen</a>" in listing and ">Nach Thema</a>" in listing
    assert "Alle als BibTeX (.bib)" in listing and '<html lang="de">' in listing
    assert "Zitieren" in listing and ">Cite<" not in listing
    assert "Juni 2021" in listing and "im Druck" in listing  # the papers' dates too
    feed = (out / "feed.xml").read_text("utf-8")
    assert "im Druck" in feed and "in press" not in feed  # the feed's words too
    missing = (out / "404.html").read_text("utf-8")
    assert "Seite nicht gefunden" in missing
    cv = (out / "cv/index.html").read_text("utf-8")
    assert "Jan. 2020 – heute" in cv and "Sept. 2014 – Dez. 2019" in cv and ">Profil<" in cv


def test_the_pdf_of_a_german_site_has_the_same_german_words(tmp_path: Path, run_cli: Run) -> None:
    project = _with_language(tmp_path, "de")
    status, _, err = run_cli("build", cwd=project)
    assert status == 0, err
    site, _ = load_site(project)
    assert site is not None
    text = "\n".join(text_of(r) for r in built_pdfs(site, project / "_site").values())
    assert "PROFIL" in text and "Jan. 2020 – heute" in text and "fett gedruckt" in text
