"""LaTeX to Unicode for displayed BibTeX text, via pylatexenc."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text

_CONVERTER = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def to_text(latex: str) -> str:
    """Decode LaTeX markup to plain Unicode with single spaces (braces and accents resolved)."""
    text = _CONVERTER.latex_to_text(latex).replace("\N{NO-BREAK SPACE}", " ")
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """A comparison key: accents and case removed, dots as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.replace(".", " ").replace("-", " ")).strip().casefold()
