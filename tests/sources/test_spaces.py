"""Whitespace collapsed and names folded exactly as the slow ways would, on any text."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cvsite.sources.bibtex.latex import _SPACES, fold
from cvsite.sources.bibtex.spaces import collapse

SPACES = st.sampled_from([" ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0",
                          "\u2002", "\u2028", "\u3000", "\u200b", "\ufeff"])
TEXT = st.lists(st.text(max_size=4) | SPACES, max_size=12).map("".join)


@settings(max_examples=1000, deadline=None)
@given(TEXT)
@example("")
@example(" a")
@example("a\xa0b")
def test_collapse_agrees_with_split_and_join(text: str) -> None:
    assert collapse(text) == " ".join(text.split())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=20))
@example("X. Wu-Li")
def test_ascii_is_folded_as_unicode_text_is(text: str) -> None:
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slow = _SPACES.sub(" ", bare.replace(".", " ").replace("-", " ")).strip().casefold()
    assert fold(text) == slow
