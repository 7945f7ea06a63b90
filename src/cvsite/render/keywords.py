"""biblatex's localisation keys and name-list fields in words (`techreport`, `A and B and C`)."""

from __future__ import annotations

import re

KEYS = {"techreport": "Technical report", "resreport": "Research report",
        "mathesis": "Master's thesis", "phdthesis": "PhD thesis",
        "candthesis": "Candidate thesis", "software": "Software", "datacd": "CD-ROM",
        "audiocd": "Audio CD", "newseries": "new series", "oldseries": "old series",
        "countryde": "Germany", "countryeu": "European Union", "countryfr": "France",
        "countryuk": "United Kingdom", "countryus": "USA"}
"""The keys biblatex prints in words when a field holds one alone (§4.9.2 of its manual)."""
_AND = re.compile(r"\s+and\s+")


def in_words(text: str) -> str:
    """A field's text with a biblatex key as its words, and a list of three or more written
    with `and` (`location = {München and Berlin and New York}`) as `München, Berlin and New
    York`; two stay as written (`Barnes and Noble`)."""
    parts = [KEYS.get(part, part) for part in _AND.split(text.strip())]
    if len(parts) < 3:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
