"""Name lists split at their `and`s: as bibtexparser splits them, where it is right."""

from __future__ import annotations

import re

import pytest
from bibtexparser.middlewares.names import split_multiple_persons_names as library_split
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cvsite.sources.bibtex.namesplit import _fast, _walk, split_names

PIECES = st.sampled_from([
    "a", "n", "d", "A", "N", "D", "and", "AND", "And", " and ", " AND ", " ", "  ", "\t", "\n",
    "Wu", "Xiaoxia", ",", ".", "-", "~", "{", "}", "{and}", "{Simon and Schuster}", "\\", "\\\"",
    "\\'", "{\\\"u}", "M{\\\"u}ller", "\\&", "\\{", "\\}", "others", "$^*$", "*", "Jr.", "é",
    "\u00a0", "{p{y}", "\\\\", "x}", "{\\v{r}}",
])


@settings(max_examples=1000, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
@example("Wu, Xiaoxia and M{\\\"u}ller, J{\\\"o}rg and {Simon and Schuster} and others")
@example("A and \\'Emile B")
@example("A and }B")
@example("{A} AND {B}")
@example("{p{y}\\{x} and z}")
def test_both_ways_agree_and_agree_with_bibtexparser_where_it_is_right(names: str) -> None:
    for written in (names, " ".join(names.split())):
        if written.strip(" \r\n\t"):
            assert split_names(written) == _walk(written)
        # bibtexparser misreads backslashes between names (`and \\c{C}`), and keeps a doubled `and`
        if "\\" not in written and not re.search(r"(?i)\sand\s+and\s", written):
            assert list(split_names(written)) == library_split(written)


@pytest.mark.parametrize(("names", "expected"), [
    ("Zeman, Daniel and \\c{C}olt, Xavier", ("Zeman, Daniel", "\\c{C}olt, Xavier")),
    ("A and \\'Emile B and \\\"Ozt\\\"urk, Ali", ("A", "\\'Emile B", "\\\"Ozt\\\"urk, Ali")),
    ("Ada Example and and Bob Jones", ("Ada Example", "Bob Jones")),
    ("Ada Example  AND\nand Bob \\c{C}olt", ("Ada Example", "Bob \\c{C}olt")),
])
def test_names_beginning_with_a_backslash_and_doubled_ands_are_split_right(
        names: str, expected: tuple[str, ...]) -> None:
    assert split_names(names) == expected


@pytest.mark.parametrize("names", [
    "Wu, Xiaoxia and Yao, Zhewei and He, Yuxiong",
    "Dvo{\\v{r}}{\\'a}k, Ji{\\v{r}}{\\'\\i} and {van der Berg}, Anna AND Smith, Jr., John",
    "{Barnes and Noble} and Xiaoxia Wu and others",
])
def test_regular_lists_are_split_without_bibtexparser(names: str) -> None:
    assert _fast(names) is not None
    assert list(_fast(names) or ()) == library_split(names)
