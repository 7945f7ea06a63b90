"""A large .bib split in two halves on both cores reads exactly as when it is split in one go."""

from __future__ import annotations

import re

import pytest

from bibcorpus import CORPUS
from cvsite.sources.bibtex import split as bibsplit
from cvsite.sources.bibtex.blocks import strip_comments
from cvsite.sources.bibtex.reader import parse_bib

ONE_GO = 10**12
"""A `split_above` no text reaches: the whole text is split by one process."""
TRICKY = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in sorted(CORPUS.glob("*.bib")))
"""Every export style and oddity of the corpus in one text (broken entries included)."""
BLOCK_STARTS = re.compile(r"(?m)^@\w*[ \t]*[{(]")


def reading(text: str, split_above: int) -> tuple[list[tuple[object, ...]], list[str]]:
    """The entries (every attribute) and the formatted diagnostics, in order."""
    entries, problems = parse_bib(text, "t.bib", split_above)
    return ([(e.key, e.entry_type, e.fields, e.line, e.field_lines, e.text) for e in entries],
            [f"{p.format()} [{p.severity.value} {p.entry}]" for p in problems])


def cut_before(monkeypatch: pytest.MonkeyPatch, text: str, marker: str) -> None:
    """Make the cut fall on the line starting with `marker` (the next block start from there)."""
    text = strip_comments(text, "t.bib")[0]  # what is split: @comment blocks blanked out
    monkeypatch.setattr(bibsplit, "SHARE", text.index(marker) / len(text))


def line_of(text: str, marker: str) -> int:
    """The 1-based line `marker` is on."""
    return text.count("\n", 0, text.index(marker)) + 1


HALVES = """\
@string{acl = "Proceedings of ACL"}
@string{Acl = {ACL again}}
@comment{
@article{hidden, title = {commented out}}
}
@inproceedings{first,
  author = {Wu, Xiaoxia},
  title = {Spanning
           several
           lines},
  booktitle = acl # " 2020",
  year = 2020,
}
@misc(paren, title = {Parenthesised}, year = 2021)
@article{broken,
  title = {Never {closed},
  year = 2022,
@misc{second,
  author = {Wu, Xiaoxia},
  title = {Uses a macro of the first half},
  booktitle = acl,
  month = jan,
}
@string{ACL = {Redefined in the second half}}
@string{acl = {The first's very key: skipped, as bibtexparser skips it}}
@misc{FIRST, title = {Same key as the first half's, in other case}}
@misc{second, title = {Repeated}}
@misc{late, title = {T}, booktitle = undefinedmacro, year = 2023}
} stray text = {after the entries}
@misc{last, note = {a line ending in a backslash \\
  is not counted as one by bibtexparser}}
@misc{first, title = {Same key as the first, after that line}}
"""


@pytest.mark.parametrize("marker", ["@misc(paren", "@article{broken", "@misc{second",
                                    "@string{ACL = {Redefined", "@misc{first, title = {Same"])
def test_a_file_cut_at_a_block_reads_as_in_one_go(monkeypatch: pytest.MonkeyPatch,
                                                   forks: list[int], marker: str) -> None:
    cut_before(monkeypatch, HALVES, marker)
    whole = reading(HALVES, ONE_GO)
    assert forks == []
    assert reading(HALVES, 0) == whole
    assert forks == [1]


def test_lines_and_macros_after_the_cut_are_the_files(monkeypatch: pytest.MonkeyPatch,
                                                      forks: list[int]) -> None:
    cut_before(monkeypatch, HALVES, "@misc{second")
    entries, problems = parse_bib(HALVES, "t.bib", 0)
    assert forks == [1]
    second = next(e for e in entries if e.key == "second")
    assert second.line == line_of(HALVES, "@misc{second")
    assert second.field_lines["title"] == line_of(HALVES, "title = {Uses")
    assert second.fields["booktitle"] == "Redefined in the second half"  # the last @string wins
    shown = [(p.line, p.message) for p in problems]
    assert (line_of(HALVES, "@string{ACL"), "@string 'ACL' is defined again; the later "
            "definition wins") in shown
    assert (line_of(HALVES, "@article{broken"), "entry 'broken': unclosed entry: a new '@' block "
            f"starts at line {line_of(HALVES, '@misc{second')} before this one is closed") in shown
    late = line_of(HALVES, "@misc{late")
    assert (late, "entry 'late': field 'booktitle': undefined macro 'undefinedmacro'") in shown
    assert [p.line for p in problems if "duplicate key 'second'" in p.message] == [late - 1]


def test_every_cut_through_the_corpus_reads_as_in_one_go(monkeypatch: pytest.MonkeyPatch,
                                                        forks: list[int]) -> None:
    whole = reading(TRICKY, ONE_GO)
    split = strip_comments(TRICKY, "t.bib")[0]
    starts = [m.start() for m in BLOCK_STARTS.finditer(split)][1:]
    assert len(starts) > 50
    for start in starts:
        monkeypatch.setattr(bibsplit, "SHARE", start / len(split))
        assert reading(TRICKY, 0) == whole, f"cut at line {line_of(split, split[start:])}"
    assert len(forks) == len(starts)


def test_a_large_file_is_split_on_both_cores(forks: list[int]) -> None:
    text = (TRICKY + "\n") * (bibsplit.SPLIT_ABOVE // len(TRICKY) + 1)
    assert reading(text, bibsplit.SPLIT_ABOVE) == reading(text, ONE_GO)
    assert forks == [1]


def test_a_small_file_is_split_in_one_go(forks: list[int]) -> None:
    parse_bib(TRICKY, "t.bib")
    assert forks == []


def test_a_splitter_failure_in_a_half_is_the_whole_files(monkeypatch: pytest.MonkeyPatch) -> None:
    real = bibsplit.parse_string

    def fails_on_second_half(text: str, parse_stack: list[object]) -> object:
        if "@misc{second" in text and "@misc{first" not in text:
            raise RuntimeError("splitter bug")
        return real(text, parse_stack=[])
    monkeypatch.setattr(bibsplit, "parse_string", fails_on_second_half)
    cut_before(monkeypatch, HALVES, "@misc{second")
    assert reading(HALVES, 0) == reading(HALVES, ONE_GO)
    monkeypatch.setattr(bibsplit, "parse_string", lambda text, parse_stack: 1 / 0)
    assert reading(HALVES, 0)[1] == [
        "t.bib:1: error: cannot split the file into entries: division by zero [error ]"]
