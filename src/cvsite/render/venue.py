"""A publication's venue line as short plain-text phrases in the site's language."""

from __future__ import annotations

import gettext
import re

from cvsite.language import N_
from cvsite.models import Author, Publication
from cvsite.render.keywords import in_words, listed

ENGLISH = gettext.NullTranslations()
"""The labels as written (English): the default of every function here."""
_KINDS = {"phdthesis": N_("PhD thesis"), "mastersthesis": N_("Master's thesis"), "thesis": "",
          "techreport": N_("Technical report"), "report": N_("Technical report")}
"""Theses and reports: the words shown when `type` is empty (biblatex's @thesis has none)."""
_THESES = frozenset({"phdthesis", "mastersthesis", "thesis"})
"""biblatex reads a thesis's `school` as its `institution`: either one names where."""
_PARTS = frozenset({"article", "inproceedings", "conference", "incollection", "inbook"})
"""Entry types written by authors, never by the editors of the volume they are in."""


_NATIONS = {"United States": "patentus", "U.S.": "patentus", "US": "patentus",
            "USA": "patentus", "German": "patentde", "Germany": "patentde",
            "European": "patenteu", "French": "patentfr", "France": "patentfr",
            "British": "patentuk", "United Kingdom": "patentuk", "UK": "patentuk"}
"""IEEEtran's `nationality` of a patent as biblatex's patent type, for its words."""


def _ordinal(number: int) -> str:
    """`2nd`, `11th`, `23rd`."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10,
                                                                                  "th")
    return f"{number}{suffix}"


def names(people: tuple[Author, ...], labels: gettext.NullTranslations = ENGLISH) -> str:
    """`A`, `A and B`, `A, B and C`."""
    return listed([p.display for p in people], labels)


def _bare(text: object) -> str:
    """`text` without the comma or semicolon it ends in (the templates add their own)."""
    return str(text).rstrip(" ,;")


def publication_venue(pub: Publication, labels: gettext.NullTranslations = ENGLISH) -> str:
    """Journal or proceedings; else the thesis school, report institution, preprint or publisher."""
    return _bare(_venue(pub, labels))


def _venue(pub: Publication, labels: gettext.NullTranslations) -> str:
    """The venue as written."""
    if pub.journal or pub.booktitle:
        return str(pub.journal or pub.booktitle)
    if pub.entry_type in _KINDS and (kind_where := _kind_and_place(pub, labels)):
        return kind_where
    if pub.entry_type == "patent":
        return _patent(pub, labels)
    if pub.eprint:
        prefix = pub.archive_prefix or "arXiv"
        return f"{'arXiv' if prefix.lower() == 'arxiv' else prefix}:{pub.eprint}"
    return in_words(str(pub.howpublished or pub.publisher or pub.organization or pub.institution
                        or ""), labels)


def _kind_and_place(pub: Publication, labels: gettext.NullTranslations) -> str:
    """`PhD thesis, ETH`: the thesis or report type (a biblatex key in words, other text as
    written), then its school or institution; empty when the entry names neither."""
    default = _KINDS[pub.entry_type]
    kind = (in_words(pub.report_type, labels) if pub.report_type
            else labels.gettext(default) if default else "")
    where = (pub.school or pub.institution) if pub.entry_type in _THESES else pub.institution
    return ", ".join(x for x in (kind, where) if x)


def _patent(pub: Publication, labels: gettext.NullTranslations) -> str:
    """`U.S. patent 5668842`: biblatex's patent `type` in words (other text as written, IEEE's
    `nationality` before "Patent"), then the patent's number."""
    if pub.report_type:
        kind = in_words(pub.report_type, labels)
    elif pub.nationality in _NATIONS:
        kind = in_words(_NATIONS[pub.nationality], labels)
    elif pub.nationality:
        kind = labels.gettext(N_("%(country)s patent")) % {"country": pub.nationality}
    else:
        kind = labels.gettext(N_("Patent"))
    return f"{kind} {pub.number}" if pub.number else kind


def _edition(edition: str, labels: gettext.NullTranslations) -> str:
    """`2nd edition` (`2. Auflage`), or the edition as written when it says so (`2nd ed.`)."""
    if edition.isdigit() and len(edition) < 4:
        if type(labels) is gettext.NullTranslations:  # English: an ordinal
            return labels.gettext(N_("%(edition)s edition")) % {"edition": _ordinal(int(edition))}
        return labels.gettext(N_("%(number)s. edition")) % {"number": edition}
    if "ed" in edition.lower()[-8:]:
        return edition
    return labels.gettext(N_("%(edition)s edition")) % {"edition": edition}


def venue_details(pub: Publication,
                  labels: gettext.NullTranslations = ENGLISH) -> tuple[str, ...]:
    """Everything after the venue: series, volume, number, pages (or article number), editors,
    edition, publisher."""
    venue = publication_venue(pub, labels)
    words = labels.gettext
    parts = [in_words(pub.series, labels)] if pub.series and pub.series != venue else []
    if pub.volume:
        parts.append(words(N_("vol. %(volume)s")) % {"volume": pub.volume})
    if pub.number and pub.entry_type != "patent" and not (
            pub.eprint and pub.eprint.lower() in pub.number.lower()):
        parts.append(words(N_("no. %(number)s")) % {"number": pub.number})  # not Scholar's arXiv
    if pub.chapter:
        parts.append(words(N_("ch. %(chapter)s")) % {"chapter": pub.chapter})
    if pub.pages:
        single = not re.search(r"[\u2013,]", pub.pages)
        page = N_("p. %(pages)s") if single else N_("pp. %(pages)s")
        parts.append(words(page) % {"pages": pub.pages})
    elif pub.eid:  # where pages would be, as biblatex prints `eid`
        parts.append(words(N_("art. %(number)s")) % {"number": pub.eid})
    if pub.editors and not editor_mark(pub, labels):
        parts.append(words(N_("edited by %(names)s")) % {"names": names(pub.editors, labels)})
    if pub.edition:
        parts.append(_edition(pub.edition, labels))
    for written in (pub.publisher, pub.organization, pub.address, pub.howpublished, pub.note):
        extra = in_words(written, labels) if written else written
        if extra and extra not in (venue, *parts) and not venue.startswith(f"{extra}:"):
            parts.append(extra)
    return tuple(bare for p in parts if (bare := _bare(p)))


def editor_mark(pub: Publication, labels: gettext.NullTranslations = ENGLISH) -> str:
    """`(eds.)` or `(ed.)` after the names when the people listed are the editors (a book with
    no author); else empty (also for an article whose editor field repeats its authors)."""
    if not pub.editors or pub.authors != pub.editors or pub.entry_type in _PARTS:
        return ""
    one = len(pub.editors) == 1 and not pub.et_al
    return labels.gettext(N_("(ed.)") if one else N_("(eds.)"))
