"""Clean BibTeX per paper: cvsite's own fields removed, and it re-parses to the same entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bibtexparser import model as bib
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.writer import BibtexFormat
from hypothesis import given, settings
from hypothesis import strategies as st

from cvsite.models import Site
from cvsite.render.feeds import bibliography
from cvsite.render.venue import publication_venue
from cvsite.sources.bibtex.clean import CVSITE_FIELDS, clean_bibtex, clean_fields, private
from cvsite.sources.bibtex.names import EQUAL_MARK
from cvsite.sources.bibtex.namesplit import split_names
from cvsite.sources.bibtex.raw import RawEntry
from cvsite.sources.bibtex.reader import load_bib
from cvsite.sources.bibtex.values import MONTH_MACROS as MONTH_NAME_OF
from cvsite.validate.publications import convert

ROOT = Path(__file__).resolve().parents[2]
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
        assert copy.title == original.title
        assert publication_venue(copy) == publication_venue(original)
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


PRIVATE = r"""
@article{k1, author = {Example, Ada}, title = {T}, year = {2020}, journal = {J},
  file = {Full Text PDF:/Users/alice/Zotero/storage/ABCD/secret draft.pdf:application/pdf},
  annote = {private note}, owner = {alice}, timestamp = {2020.01.01}, localfile = {/home/a.pdf},
  bdsk-file-1 = {YnBsaXN0}, mendeley-groups = {To read}, date-added = {2020-01-01 10:00:00},
  groups = {mine}, readstatus = {read}, keywords = {quantization}, abstract = {A.}}
"""


def test_reference_managers_private_fields_are_never_published(tmp_path: Path) -> None:
    path = tmp_path / "private.bib"
    path.write_text(PRIVATE, encoding="utf-8")
    (raw,) = raw_entries(path)
    again = reparsed(clean_bibtex(raw), tmp_path)
    assert list(again.fields) == ["author", "title", "year", "journal", "keywords", "abstract"]
    assert "alice" not in clean_bibtex(raw) and "private" not in clean_bibtex(raw)


def test_all_publications_file_holds_every_entry_once(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "all.bib"
    path.write_text(bibliography(p.bibtex for p in site.publications), encoding="utf-8")
    keys = [e.key for e in raw_entries(path)]
    assert keys == [p.key for p in site.publications]
    assert not any(name in p.bibtex for p in site.publications for name in ("topic =",
                                                                          "selected =", "award ="))


def library_bibtex(raw: RawEntry) -> str:
    """The clean entry as cvsite made it through bibtexparser (its name splitter and writer)."""
    months = {**{full.lower(): abbr for abbr, full in MONTH_NAME_OF.items()},
              **{abbr: abbr for abbr in MONTH_NAME_OF}}
    fields = []
    for name, value in raw.fields.items():
        if name in CVSITE_FIELDS or private(name):
            continue
        value = " ".join(value.split())
        if name in ("author", "editor"):
            # split as namesplit splits (test_namesplit compares it with bibtexparser's splitter,
            # which drops the backslash of `and \\c{C}olt`)
            names = [EQUAL_MARK.sub("", person).strip() for person in split_names(value)]
            value = " and ".join(re.sub(r"\s+,", ",", person) for person in names)
        shown = months[value.lower()] if name == "month" and value.lower() in months \
            else f"{{{value}}}"
        fields.append(bib.Field(name, shown))
    layout = BibtexFormat()  # type: ignore[no-untyped-call]
    layout.indent, layout.value_column, layout.block_separator = "  ", "auto", "\n"
    entry = bib.Entry(raw.entry_type, raw.key, fields)
    return str(write_string(Library([entry]), unparse_stack=[], bibtex_format=layout))


def corpus_entries() -> list[RawEntry]:
    """Every entry of the BibTeX corpus and of the real site, read as cvsite reads them."""
    paths = [*sorted((ROOT / "tests" / "bib").glob("*.bib")), ROOT / "content/publications.bib"]
    return [raw for path in paths for raw in load_bib(path, path.name)[0]]


def test_clean_bibtex_is_what_bibtexparser_made_of_the_corpus(tricky: RawEntry) -> None:
    entries = [tricky, *corpus_entries()]
    assert len(entries) > 50
    for raw in entries:
        assert clean_bibtex(raw) == library_bibtex(raw), raw.key


VALUES = st.lists(st.sampled_from([
    "Wu, Xiaoxia", " and ", " AND ", "and", "others", "$^*$", "*", "\\textsuperscript{*}", " ,",
    ", ", "{", "}", "M{\\\"u}ller", "\\", " ", "\n", "\t", "June", "jun", "Sept", "6", "{van der}",
    "$\\ast$", "Jr.", "é", "--",
]), max_size=10).map("".join)
NAMES = st.sampled_from(["author", "editor", "month", "title", "year", "topic", "pdf", "x",
                         "howpublished", "archiveprefix"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(NAMES, VALUES, max_size=6))
def test_clean_bibtex_is_what_bibtexparser_makes_of_any_fields(fields: dict[str, str]) -> None:
    raw = RawEntry("k", "misc", fields, 1)
    assert clean_bibtex(raw) == library_bibtex(raw)
