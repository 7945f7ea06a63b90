"""A publication's date and venue phrases in the site's language (the templates add the markup).

Templates read them as `pub.venue`, `pub.venue_details`, `pub.date_text` and `pub.year` (see
`DATED`).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from cvsite import language
from cvsite.language import N_
from cvsite.models import Publication
from cvsite.render.venue import editor_mark, publication_venue, venue_details

STATES = {"inpress": N_("in press"), "submitted": N_("submitted"),
          "forthcoming": N_("forthcoming"), "prepublished": N_("preprint"),
          "inpreparation": N_("in preparation")}
"""biblatex's `pubstate` keywords and the words shown for them (other states as written)."""


@dataclass(frozen=True)
class PaperDates:
    """A publication's date in the words of one language (`pub.date_text`, `pub.year_label`)."""

    language: str = "en"
    labels: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)

    @cached_property
    def months(self) -> tuple[str, ...]:
        """January to December in this language, looked up once (Babel takes ~30 µs)."""
        return language.month_names(self.language)

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

    def venue(self, pub: Publication) -> str:
        """`venue.publication_venue` in this language."""
        return publication_venue(pub, self.labels)

    def venue_details(self, pub: Publication) -> tuple[str, ...]:
        """`venue.venue_details` in this language."""
        return venue_details(pub, self.labels)

    def editor_mark(self, pub: Publication) -> str:
        """`venue.editor_mark` in this language."""
        return editor_mark(pub, self.labels)

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
        months = self.months
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
         "year": PaperDates.year_label, "venue": PaperDates.venue,
         "venue_details": PaperDates.venue_details, "editor_mark": PaperDates.editor_mark}
"""What templates read as attributes of a publication though the model holds only its fields:
its phrases in the language's words (`pub.year` too, so that templates copied by an older
`cvsite new` do not print 0 for an undated paper)."""
