"""Entries decoded by the process that split them read exactly as when split, then decoded."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bibcorpus import CORPUS
from cvsite.cache import Cache
from cvsite.models import SiteConfig
from cvsite.sources.bibtex import latex
from cvsite.sources.bibtex import split as bibsplit
from cvsite.sources.bibtex.blocks import strip_comments
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.speed import entrycache, entryplan, forkwork
from cvsite.speed.entrystore import Decoded
from cvsite.validate import publications
from cvsite.validate.publications import convert_all
from decoding import counting_decoder

CONFIG = SiteConfig(title="T", base_url="https://example.org/", owner_aliases=("X. Wu",),
                    publications={"topics": ["Optimization"]})
ONE_GO = 10**12
TRICKY = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in sorted(CORPUS.glob("*.bib")))
BLOCK_STARTS = re.compile(r"(?m)^@\w*[ \t]*[{(]")
Read = tuple[list[object], list[str]]

HALVES = r"""@string{acl = "Proceedings of ACL"}
@inproceedings{first,
  author = {Wu, Xiaoxia and M{\"u}ller, J.},
  title = {Uses a macro},
  booktitle = acl # " 2020",
  year = 2020,
}
@misc{plain, author = {Wu, X.}, title = {Plain {BERT}}, year = 2021, topic = {Optimisation}}
@article{broken,
  title = {Never {closed},
  year = 2022,
@inproceedings{child, author = {Doe, Jane}, title = {A Child}, crossref = {venue}}
@misc{second, author = {Doe, J. and others}, title = {Second}, year = 2023, month = jan}
@misc{SECOND, author = {Doe, J.}, title = {Same key, other case}, year = 2023}
@misc{nokey, author = {Doe, J.}, title = {T}, year = 2023
@proceedings{venue, title = {Proceedings of Venues}, year = 2024, publisher = {P}}
@misc{late, author = {Doe, J.}, title = {T}, year = 2024, booktitle = undefinedmacro}
@misc{warned, author = {Doe, J. and}, title = {$O(n)$ \emph{bounds}}, year = 2024, topik = 1}
@misc{first, author = {Doe, J.}, title = {Same key as the first}, year = 2025}
"""
"""Macros, a crossref, duplicate keys, broken entries, errors and warnings on both sides."""


def one_go(text: str) -> Read:
    """The text split in one go, then decoded: the publications and formatted diagnostics."""
    latex.forget()
    entries, problems = parse_bib(text, "t.bib", ONE_GO)
    found, more = convert_all(entries, CONFIG, "t.bib")
    return list(found), [f"{p.format()} [{p.severity.value} {p.entry}]" for p in problems + more]


def decoded_where_split(text: str, cache: Cache | None = None) -> Read:
    """The text read by `read_publications`, split in two halves."""
    latex.forget()
    found, problems = entryplan.read_publications(text, "t.bib", CONFIG, cache, 0)
    return list(found), [f"{p.format()} [{p.severity.value} {p.entry}]" for p in problems]


def cut_before(monkeypatch: pytest.MonkeyPatch, text: str, marker: str) -> None:
    """Make the cut fall on the line starting with `marker`."""
    text = strip_comments(text, "t.bib")[0]
    monkeypatch.setattr(bibsplit, "SHARE", text.index(marker) / len(text))


def without_crossref(text: str) -> str:
    """The text with its crossref removed (the child sends its entries without their fields)."""
    return text.replace(", crossref = {venue}", "")


@pytest.mark.parametrize("text", [HALVES, without_crossref(HALVES)])
@pytest.mark.parametrize("marker", ["@misc{plain", "@inproceedings{child", "@misc{SECOND",
                                    "@proceedings{venue", "@misc{first, author = {Doe"])
def test_a_file_decoded_in_two_halves_reads_as_in_one_go(
        monkeypatch: pytest.MonkeyPatch, forks: list[int], text: str, marker: str) -> None:
    cut_before(monkeypatch, text, marker)
    whole = one_go(text)
    assert whole[0] and any("duplicate key" in p for p in whole[1])
    assert decoded_where_split(text) == whole
    assert forks == [1]


@pytest.mark.parametrize("text", [TRICKY, re.sub("(?i)crossref", "seealso", TRICKY)])
def test_every_cut_through_the_corpus_reads_as_in_one_go(monkeypatch: pytest.MonkeyPatch,
                                                        forks: list[int], text: str) -> None:
    whole = one_go(text)
    split = strip_comments(text, "t.bib")[0]
    starts = [m.start() for m in BLOCK_STARTS.finditer(split)][1::2]
    assert len(starts) > 25
    for start in starts:
        monkeypatch.setattr(bibsplit, "SHARE", start / len(split))
        assert decoded_where_split(text) == whole, f"cut at {split[start:start + 40]!r}"
    assert len(forks) == len(starts)


@pytest.mark.parametrize("text", [HALVES, without_crossref(HALVES)])
def test_the_entry_cache_is_read_and_kept_as_in_one_go(
        monkeypatch: pytest.MonkeyPatch, forks: list[int], tmp_path: Path, text: str) -> None:
    cut_before(monkeypatch, text, "@misc{SECOND")
    whole = one_go(text)
    split, together = Cache(tmp_path / "split"), Cache(tmp_path / "together")
    assert decoded_where_split(text, split) == whole  # cold: every entry stored
    latex.forget()
    entries, _ = parse_bib(text, "t.bib", ONE_GO)
    convert_all(entries, CONFIG, "t.bib", together)
    name = entrycache.store_name(split)
    assert split.read_checked(name) == together.read_checked(name)
    decoded = counting_decoder(monkeypatch)
    assert decoded_where_split(text, split) == whole  # warm: every entry recalled
    assert decoded == []
    edited = text.replace("{Same key as the first}", "{Edited}")
    assert decoded_where_split(edited, split) == one_go(edited)
    assert split.read_checked(name) is not None


def test_an_entry_that_cannot_be_sent_is_decoded_here(monkeypatch: pytest.MonkeyPatch,
                                                      forks: list[int]) -> None:
    cut_before(monkeypatch, HALVES, "@misc{plain")
    whole = one_go(HALVES)
    monkeypatch.setattr(entryplan, "blob", lambda payload: None)
    assert decoded_where_split(without_crossref(HALVES)) == one_go(without_crossref(HALVES))
    assert decoded_where_split(HALVES) == whole


def test_a_decoding_bug_surfaces_as_without_the_split(monkeypatch: pytest.MonkeyPatch,
                                                      forks: list[int]) -> None:
    cut_before(monkeypatch, HALVES, "@misc{SECOND")
    real = publications.decode_entry

    def fails(raw: publications.RawEntry, context: publications.Context) -> Decoded:
        if raw.key == "warned":
            raise RuntimeError("decoder bug")
        return real(raw, context)
    monkeypatch.setattr(publications, "decode_entry", fails)
    with pytest.raises(RuntimeError, match="decoder bug"):
        decoded_where_split(HALVES)


def test_a_stored_entry_the_child_found_but_this_process_cannot_read_is_read_anew(
        monkeypatch: pytest.MonkeyPatch, forks: list[int], tmp_path: Path) -> None:
    if not forkwork.can_fork():
        pytest.skip("no fork or a single core here")
    text = without_crossref(HALVES)
    cut_before(monkeypatch, text, "@misc{SECOND")
    cache = Cache(tmp_path)
    whole = one_go(text)
    assert decoded_where_split(text, cache) == whole  # every entry stored
    here, real = os.getpid(), entryplan.read_store
    monkeypatch.setattr(entryplan, "read_store",  # the store as another build left it, here
                        lambda c: real(c) if os.getpid() != here else {})
    reads: list[int] = []
    parse = entryplan.parse_bib

    def counted(*args: object) -> object:
        reads.append(1)
        return parse(*args)  # type: ignore[arg-type]
    monkeypatch.setattr(entryplan, "parse_bib", counted)
    assert decoded_where_split(text, cache) == whole
    assert len(reads) == 2  # the child's entries could not be recalled: read again in one go
