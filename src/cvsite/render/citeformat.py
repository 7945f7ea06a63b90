"""A publication's venue line as short plain-text phrases (the templates add the markup).

Templates read them as `pub.venue`, `pub.venue_details`, `pub.date_text` and `pub.year` (see
`COMPUTED` and `DATED`).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cvsite import language
from cvsite.language import N_
from cvsite.models import Author, Publication
from cvsite.render.keywords import in_words

_THESES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}


def _ordinal(number: int) -> str:
    """`2nd`, `11th`, `23rd`."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10,
                                                                                  "th")
    return f"{number}{suffix}"


def names(people: tuple[Author, ...]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    shown = [p.display for p in people]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _bare(text: object) -> str:
    """`text` without the comma or semicolon it ends in (the templates add their own)."""
    return str(text).rstrip(" ,;")


def publication_venue(pub: Publication) -> str:
    """Journal or proceedings; else the thesis school, report institution, preprint or publisher."""
    return _bare(_venue(pub))


def _venue(pub: Publication) -> str:
    """The venue as written."""
    if pub.journal or pub.booktitle:
        return str(pub.journal or pub.booktitle)
    if pub.entry_type in _THESES:
        kind = in_words(pub.report_type) if pub.report_type else _THESES[pub.entry_type]
        return ", ".join(x for x in (kind, pub.school) if x)
    if pub.entry_type in ("techreport", "report"):
        kind = in_words(pub.report_type) if pub.report_type else "Technical report"
        return ", ".join(x for x in (kind, pub.institution) if x)
    if pub.eprint:
        prefix = pub.archive_prefix or "arXiv"
        return f"{'arXiv' if prefix.lower() == 'arxiv' else prefix}:{pub.eprint}"
    return in_words(str(pub.howpublished or pub.publisher or pub.organization or pub.institution
                        or ""))


def venue_details(pub: Publication) -> tuple[str, ...]:
    """Everything after the venue: series, volume, number, pages, editors, edition, publisher."""
    venue = publication_venue(pub)
    parts = [in_words(pub.series)] if pub.series and pub.series != venue else []
    if pub.volume:
        parts.append(f"vol. {pub.volume}")
    if pub.number and not (pub.eprint and pub.eprint.lower() in pub.number.lower()):
        parts.append(f"no. {pub.number}")  # not Scholar's `number = {arXiv:<the eprint>}`
    if pub.chapter:
        parts.append(f"ch. {pub.chapter}")
    if pub.pages:
        single = not re.search(r"[\u2013,]", pub.pages)
        parts.append(f"{'p.' if single else 'pp.'} {pub.pages}")
    if pub.editors and not editor_mark(pub):
        parts.append(f"edited by {names(pub.editors)}")
    if pub.edition:
        edition = pub.edition
        edition = _ordinal(int(edition)) if edition.isdigit() and len(edition) < 4 else edition
        parts.append(edition if "ed" in edition.lower()[-8:] else f"{edition} edition")
    for written in (pub.publisher, pub.organization, pub.address, pub.howpublished, pub.note):
        extra = in_words(written) if written else written
        if extra and extra not in (venue, *parts) and not venue.startswith(f"{extra}:"):
            parts.append(extra)
    return tuple(bare for p in parts if (bare := _bare(p)))


_PARTS = frozenset({"article", "inproceedings", "conference", "incollection", "inbook"})
"""Entry types written by authors, never by the editors of the volume they are in."""


def editor_mark(pub: Publication) -> str:
    """`(eds.)` or `(ed.)` after the names when the people listed are the editors (a book with
    no author); else empty (also for an article whose editor field repeats its authors)."""
    if not pub.editors or pub.authors != pub.editors or pub.entry_type in _PARTS:
        return ""
    return "(ed.)" if len(pub.editors) == 1 and not pub.et_al else "(eds.)"


STATES = {"inpress": N_("in press"), "submitted": N_("submitted"),
          "forthcoming": N_("forthcoming"), "prepublished": N_("preprint"),
          "inpreparation": N_("in preparation")}
"""biblatex's `pubstate` keywords and the words shown for them (other states as written)."""


@dataclass(frozen=True)
class PaperDates:
    """A publication's date in the words of one language (`pub.date_text`, `pub.year_label`)."""

    language: str = "en"
    labels: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)

    def state(self, pub: Publication) -> str:
        """The publication state in words (`submitted`, `in press`); empty when none is given."""
        state = pub.pubstate or ""
        known = STATES.get(state.lower().replace(" ", ""))
        return self.labels.gettext(known) if known else state

    def _stated(self, text: str, pub: Publication) -> str:
        """The date followed by the state: `2023, submitted`."""
        state = self.state(pub)
        return f"{text}, {state}" if state else text

    def year_label(self, pub: Publication) -> str:
        """The year as shown: as written, `2024`, `1984–1986`, or the state (`in press`) when
        there is none."""
        if not (pub.year or pub.year_written):
            return self.state(pub) or self.labels.gettext("in press")
        year = pub.year_written or str(pub.year)
        if pub.open_ended:
            year = f"{year}\u2013"
        elif pub.year_end:
            year = f"{year}\u2013{pub.year_end}"
        return self._stated(year, pub)

    def undated_heading(self, pubs: Iterable[Publication]) -> str:
        """The heading of the papers with no year: what they say instead (`In press, submitted`),
        so a submitted paper is never listed under "In press"."""
        text = ", ".join(dict.fromkeys(self.year_label(pub) for pub in pubs))
        return text[:1].upper() + text[1:]

    def date_text(self, pub: Publication) -> str:
        """`June 2020`, `June–July 2020`, `2020`, `November 2021 – February 2022`, or the texts
        as written (`22–25 Aug 2021`); the state after it (`2023, submitted`)."""
        if not (pub.year or pub.year_written):
            return self.year_label(pub)  # "in press": a month alone says nothing
        year = pub.year_written or str(pub.year)
        months = language.month_names(self.language)
        if pub.month_written:  # `September 2–3, 2021`, `10–15 Jul 2018`
            text = f"{pub.month_written}{',' if pub.month_written[-1].isdigit() else ''} {year}"
        elif (pub.year_end or pub.open_ended) and (pub.month or pub.month_end):
            start = f"{months[pub.month - 1]} {year}" if pub.month else year
            end = "" if pub.open_ended else str(pub.year_end)
            if pub.month_end and end:
                end = f"{months[pub.month_end - 1]} {end}"
            text = f"{start} \u2013 {end}".rstrip()
        elif pub.year_end or pub.open_ended or pub.month is None:
            return self.year_label(pub)
        elif pub.month_end and pub.month_end != pub.month:
            text = f"{months[pub.month - 1]}\u2013{months[pub.month_end - 1]} {year}"
        else:
            text = f"{months[pub.month - 1]} {year}"
        return self._stated(text, pub)


DATED = {"date_text": PaperDates.date_text, "year_label": PaperDates.year_label,
         "year": PaperDates.year_label}
"""The phrases of a publication that take the language's words (`pub.year` too, so that
templates copied by an older `cvsite new` do not print 0 for an undated paper)."""


COMPUTED: dict[str, Callable[[Publication], object]] = {
    "venue": publication_venue, "venue_details": venue_details, "editor_mark": editor_mark}
"""What templates read as attributes of a publication, though the model holds only its fields."""
