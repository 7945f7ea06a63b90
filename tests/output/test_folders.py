"""The folders a site's files need: every parent of every file, and nothing else."""

from __future__ import annotations

from pathlib import PurePosixPath

from hypothesis import given
from hypothesis import strategies as st

from cvsite.output.stage import folders_of

PART = st.text(st.sampled_from("ab.-_é"), min_size=1, max_size=3).filter(lambda s: s not in ".")
NAME = st.lists(PART, min_size=1, max_size=5).map("/".join)


@given(st.lists(NAME, max_size=30))
def test_every_parent_of_every_file_is_a_folder(names: list[str]) -> None:
    """Each file's parents are folders of the site, and no other folder is made."""
    expected = {str(p) for name in names for p in PurePosixPath(name).parents if p.parts}
    assert folders_of(names) == expected


def test_a_file_at_the_top_needs_no_folder() -> None:
    """`index.html` lives in the output folder itself."""
    assert folders_of(["index.html", "papers/a/index.html"]) == {"papers", "papers/a"}
