"""HTML tags in BibTeX text fields (al-folio's `title = {<a href="…">…</a>}`) taken out."""

from __future__ import annotations

import re

from cvsite.sources.bibtex.fields import DECODED, VENUE_PARTS
from cvsite.texmath import TEX_MATH, snippets

TEXT_FIELDS = frozenset({"title", "subtitle", "titleaddon", *DECODED,
                         *(part for parts in VENUE_PARTS.values() for part in parts)})
_TAG = re.compile(r"""<\s*(/?)\s*(a|abbr|b|big|br|cite|code|del|em|font|i|ins|kbd|mark|p|q|s
                      |small|span|strike|strong|sub|sup|tt|u)\b(?:[^<>"']|"[^"]*"|'[^']*')*>""",
                  re.I | re.X)
"""A start or end tag of the inline HTML that personal sites write into .bib titles and notes
(not any `<`: `$a<b$` and `x <y> z` are not tags)."""
_BREAKS = frozenset({"br", "p"})


def _untagged(text: str, found: list[str]) -> str:
    """`text` without its HTML tags outside math (a line break as a space), each one noted."""
    def drop(tag: re.Match[str]) -> str:
        found.append(f"<{tag[1]}{tag[2].lower()}>")
        return " " if tag[2].lower() in _BREAKS else ""

    return "".join(piece if math else _TAG.sub(drop, piece)
                   for piece, math in snippets(text, TEX_MATH))


def untagged(fields: dict[str, str]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """The fields with the HTML tags of their text taken out, and a (field, message, hint)
    warning for each field that had any."""
    fields = dict(fields)
    notes = []
    for name in [name for name, value in fields.items() if name in TEXT_FIELDS and "<" in value]:
        found: list[str] = []
        fields[name] = _untagged(fields[name], found)
        if found:
            tags = ", ".join(dict.fromkeys(found))
            notes.append((name, f"HTML in '{name}' is taken out ({tags}): BibTeX fields are "
                                "shown as text", "give a link its own field (url, pdf, code, "
                                "slides, html) and write emphasis as \\emph{…}"))
    return fields, notes
