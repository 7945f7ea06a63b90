"""Clean BibTeX per paper: cvsite's own fields removed, and it re-parses to the same entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvsite.bibsource import RawEntry, load_bib
from cvsite.citation import CVSITE_FIELDS, bibliography, clean_bibtex, clean_fields
from cvsite.models import Site
from cvsite.publications import convert

ROOT = Path(__file__).resolve().parents[1]
TRICKY = r"""
@article{tricky2020,
  author  = "M{\"u}ller$^*$, J{\"o}rg and van der Berg\textsuperscript{*}, Anna
             and Smith, Jr., John",
  title   = {On {GPUs} and $\alpha$-{Quantization}:
             a {"}study{"}},
  journal = {Journal of {ML}},
  year    = 2020,
  month   = mar,
  volume  = {12},
  pages   = {1--20},
  doi     = {10.1000/xyz_123},
  note    = {100\% reproducible},
  topic   = {Model Compression},
  selected = {yes},
  award   = {oral},
  pdf     = {papers/tricky.pdf},
}
"""


def raw_entries(path: Path) -> list[RawEntry]:
    """Entries of a .bib file, failing the test on any parse problem."""
    entries, problems = load_bib(path, path.name)
    assert problems == []
    return entries


def reparsed(bibtex: str, tmp_path: Path) -> RawEntry:
    """The single entry of a BibTeX string, parsed again by cvsite's own reader."""
    path = tmp_path / "again.bib"
    path.write_text(bibtex, encoding="utf-8")
    (entry,) = raw_entries(path)
    return entry


@pytest.fixture
def tricky(tmp_path: Path) -> RawEntry:
    """An entry with quotes, macros, accents, equal marks and every cvsite field."""
    path = tmp_path / "tricky.bib"
    path.write_text(TRICKY, encoding="utf-8")
    (entry,) = raw_entries(path)
    return entry


def test_per_paper_bibtex_reparses_to_the_same_entry(site: Site, tmp_path: Path) -> None:
    entries = raw_entries(ROOT / "content/publications.bib")
    for raw in entries:
        again = reparsed(clean_bibtex(raw), tmp_path)
        assert (again.key, again.entry_type) == (raw.key, raw.entry_type)
        assert again.fields == clean_fields(raw)
        original, _ = convert(raw, site.config, "a.bib")
        copy, _ = convert(again, site.config, "b.bib")
        assert original is not None and copy is not None
        assert copy.title == original.title and copy.venue == original.venue
        assert copy.year == original.year and copy.eprint == original.eprint
        assert [a.display for a in copy.authors] == [a.display for a in original.authors]
        assert copy.et_al == original.et_al


def test_cvsite_fields_and_equal_marks_are_removed(tricky: RawEntry, tmp_path: Path) -> None:
    text = clean_bibtex(tricky)
    again = reparsed(text, tmp_path)
    assert not CVSITE_FIELDS & set(again.fields)
    assert again.fields["author"] == (r"M{\"u}ller, J{\"o}rg and van der Berg, Anna and "
                                      "Smith, Jr., John")
    assert again.fields["title"] == r'On {GPUs} and $\alpha$-{Quantization}: a {"}study{"}'
    assert again.fields["doi"] == "10.1000/xyz_123"
    assert again.fields["note"] == r"100\% reproducible"
    assert again.fields["year"] == "2020"
    assert "month   = mar," in text  # month macros stay macros
    assert set(again.fields) == set(tricky.fields) - CVSITE_FIELDS
    assert clean_bibtex(again) == text  # cleaning is idempotent


def test_all_publications_file_holds_every_entry_once(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "all.bib"
    path.write_text(bibliography(p.bibtex for p in site.publications), encoding="utf-8")
    keys = [e.key for e in raw_entries(path)]
    assert keys == [p.key for p in site.publications]
    assert not any(name in p.bibtex for p in site.publications for name in ("topic =",
                                                                          "selected =", "award ="))
