"""Name lists split as bibtexparser splits them (most without it); dangling `and`s found alike."""

from __future__ import annotations

import pytest
from bibtexparser.middlewares.names import split_multiple_persons_names as library_split
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cvsite.sources.bibtex.names import _DANGLING, without_dangling
from cvsite.sources.bibtex.namesplit import _fast, split_names
from cvsite.validate.publications import _DANGLING_AND, _dangling_and

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


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=10).map(lambda parts: " ".join("".join(parts).split())))
@example("and Wu, X.")
@example("Wu, X. AND")
@example("Wu, X. and And Doe, J.")
def test_dangling_ands_are_found_as_the_search_finds_them(names: str) -> None:
    assert _dangling_and(names) == bool(_DANGLING_AND.search(names))


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=10).map(lambda parts: " ".join("".join(parts).split())))
@example("and Wu, X.")
@example("Wu, X. AND")
@example("ANDand")
def test_dangling_ands_are_removed_as_the_substitution_removes_them(names: str) -> None:
    assert without_dangling(names) == _DANGLING.sub("", names)
