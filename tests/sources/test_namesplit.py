"""Name lists split as bibtexparser splits them (most without it)."""

from __future__ import annotations

import pytest
from bibtexparser.middlewares.names import split_multiple_persons_names as library_split
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cvsite.sources.bibtex.namesplit import _fast, split_names

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
def test_agrees_with_bibtexparser(names: str) -> None:
    assert list(split_names(names)) == library_split(names)
    normalised = " ".join(names.split())
    assert list(split_names(normalised)) == library_split(normalised)


@pytest.mark.parametrize("names", [
    "Wu, Xiaoxia and Yao, Zhewei and He, Yuxiong",
    "Dvo{\\v{r}}{\\'a}k, Ji{\\v{r}}{\\'\\i} and {van der Berg}, Anna AND Smith, Jr., John",
    "{Barnes and Noble} and Xiaoxia Wu and others",
])
def test_regular_lists_are_split_without_bibtexparser(names: str) -> None:
    assert _fast(names) is not None
    assert list(_fast(names) or ()) == library_split(names)
