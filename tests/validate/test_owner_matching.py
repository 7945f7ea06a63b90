"""The site's owner is shown in bold in author lists: under her names, and nobody else."""

from __future__ import annotations

import pytest

from cvsite.sources.bibtex.names import Owner, read_names

ALIASES = ("Xiaoxia Wu", "X. Wu")
"""Her names as site.yaml's `owner_aliases` lists them."""
FULL = ("Xiaoxia Shirley Wu",)
"""Her names with a middle name."""


def owners(names: str, aliases: tuple[str, ...]) -> list[bool]:
    """Which authors of a BibTeX name list are the owner."""
    authors = read_names(names, Owner(aliases)).authors
    return [a.owner for a in authors]


@pytest.mark.parametrize("name", ["Xiaoxia Wu", "X. Wu", "Wu, Xiaoxia", "Wu, X.", "X Wu",
                                  "Wu*, X."])
def test_the_owner_is_recognised_by_her_given_name_or_its_initial(name: str) -> None:
    assert owners(f"Example, Ada and {name}", ALIASES) == [False, True]


@pytest.mark.parametrize("name", ["Yang Wu", "Y. Wu", "Xin Wu", "Wu, Xiao", "Xiaoxia Zhang",
                                  "Wu"])
def test_someone_else_with_her_family_name_is_not_the_owner(name: str) -> None:
    assert owners(f"Example, Ada and {name}", ALIASES) == [False, False]


@pytest.mark.parametrize("name", ["Xiaoxia Shirley Wu", "X. S. Wu", "Xiaoxia S. Wu", "X. Wu",
                                  "Xiaoxia Wu"])
def test_every_given_name_written_must_agree_with_hers(name: str) -> None:
    assert owners(name, FULL) == [True]


@pytest.mark.parametrize("name", ["Xiaoxia Yang Wu", "X. Y. Wu", "Xiaoxia T. Wu", "Yang S. Wu",
                                  "Y. Shirley Wu"])
def test_a_different_middle_or_first_name_is_not_the_owner(name: str) -> None:
    assert owners(name, FULL) == [False]
