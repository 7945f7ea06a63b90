"""biblatex's localisation keys and name-list fields in words (`techreport`, `A and B and C`)."""

from __future__ import annotations

import gettext
import re

from cvsite.language import N_

KEYS = {"techreport": N_("Technical report"), "resreport": N_("Research report"),
        "mathesis": N_("Master's thesis"), "phdthesis": N_("PhD thesis"),
        "candthesis": N_("Candidate thesis"), "software": N_("Software"), "datacd": N_("CD-ROM"),
        "audiocd": N_("Audio CD"), "newseries": N_("new series"), "oldseries": N_("old series"),
        "countryde": N_("Germany"), "countryeu": N_("European Union"), "countryfr": N_("France"),
        "countryuk": N_("United Kingdom"), "countryus": N_("USA"), "patent": N_("Patent"),
        "patentde": N_("German patent"), "patenteu": N_("European patent"),
        "patentfr": N_("French patent"), "patentuk": N_("British patent"),
        "patentus": N_("U.S. patent"), "patreq": N_("Patent request"),
        "patreqde": N_("German patent request"), "patreqeu": N_("European patent request"),
        "patreqfr": N_("French patent request"), "patrequk": N_("British patent request"),
        "patrequs": N_("U.S. patent request")}
"""The keys biblatex prints in words when a field holds one alone (§4.9.2 of its manual)."""
_AND = re.compile(r"\s+and\s+")


def in_words(text: str, labels: gettext.NullTranslations) -> str:
    """A field's text with a biblatex key as its words, and a list of three or more written
    with `and` (`location = {München and Berlin and New York}`) as `München, Berlin and New
    York`; two stay as written (`Barnes and Noble`)."""
    written = _AND.split(text.strip())
    parts = [labels.gettext(KEYS[part]) if part in KEYS else part for part in written]
    if len(parts) == 1 or (len(parts) == 2 and not KEYS.keys() & set(written)):
        return " and ".join(parts)  # as written: `Barnes and Noble`
    return listed(parts, labels)


def listed(parts: list[str], labels: gettext.NullTranslations) -> str:
    """`A`, or `A and B`, `A, B and C` in the words of `labels`."""
    if len(parts) == 1:
        return parts[0]
    return labels.gettext(N_("%(names)s and %(last)s")) % {"names": ", ".join(parts[:-1]),
                                                           "last": parts[-1]}
