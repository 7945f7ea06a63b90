"""Text the PDF cannot show: WeasyPrint's warning per missing glyph, made one per build."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cvsite.errors import Diagnostic, warning
from cvsite.models import Publication
from cvsite.render.venue import publication_venue
from cvsite.scripts import cjk_language

NOTDEF = re.compile(r'WeasyPrint: \.notdef glyph rendered for Unicode string unsupported by '
                    r'fonts: "(.*)" \(U\+[0-9A-Fa-f]+\)', re.S)
"""How `RenderedPdf.problems` words a character drawn as an empty box (no font has it)."""
CJK_HINT = ("install a Chinese, Japanese and Korean font, then run `cvsite build --no-cache`: "
            "Debian/Ubuntu `apt-get install fonts-noto-cjk`, Fedora `dnf install "
            "google-noto-sans-cjk-fonts`, macOS `brew install --cask font-noto-sans-cjk`")
HINT = ("install a font that has them, then run `cvsite build --no-cache` (Debian/Ubuntu: "
        "`apt-get install fonts-noto-core fonts-noto-extra`)")
SHOWN = 5
"""Keys and characters named in the warning (the rest are counted)."""


def glyphless(problems: Iterable[str]) -> tuple[list[str], set[str]]:
    """The problems of one rendering other than missing glyphs, and the characters missing."""
    others: list[str] = []
    missing: set[str] = set()
    for problem in problems:
        match = NOTDEF.fullmatch(problem)
        if match:
            missing.update(match[1])
        else:
            others.append(problem)
    return others, missing


def _printed_text(publication: Publication) -> str:
    """A paper's title, names and venue, as the PDF prints them."""
    p = publication
    return " ".join([p.title_text, *(a.display for a in (*p.authors, *p.editors)),
                     publication_venue(p)])


def _some(items: list[str]) -> str:
    """The first few items and how many more."""
    more = len(items) - SHOWN
    return ", ".join(items[:SHOWN]) + (f" and {more} more" if more > 0 else "")


def unshown_text(missing: set[str], publications: Iterable[Publication],
                 shown: str) -> list[Diagnostic]:
    """One warning for the characters no installed font has, naming the papers that hold them."""
    if not missing:
        return []
    letters = sorted(missing - {" ", "\n"}) or sorted(missing)
    keys = [p.key for p in publications if missing & set(_printed_text(p))]
    papers = "1 paper has" if len(keys) == 1 else f"{len(keys)} papers have"
    what = f"{papers} text that the PDF cannot show: {_some(keys)}" if keys else \
        "the PDF has text it cannot show"
    hint = CJK_HINT if cjk_language("".join(letters)) else HINT
    return [warning(shown, 0, 0, f"{what} (no installed font has {_some(letters)})", hint)]
