"""publications.bib: authors and publications, decoded."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any
from urllib.parse import quote

from pydantic import model_validator

from cvsite.models.base import Model
from cvsite.models.scalars import SiteLink, Text, Url

_ONE_YEAR = re.compile(r"\d{4}[a-z]?")
"""A written year that still names one year for machines: `2025a`."""
DOI_SAFE = "/:;()[]@!$&'*+,=~"
"""What stays as written of a DOI in its link; `#`, `?`, `%`, `<`, `>` and the like are
percent-encoded, as the DOI Handbook says (a SICI such as `…43:4<448::AID-JBM13>3.0.CO;2-W`)."""


class Author(Model):
    """One author of a publication, decoded to Unicode."""

    given: str = ""
    von: str = ""
    family: str
    jr: str = ""
    equal: bool = False
    owner: bool = False
    family_first: bool = False
    """Chinese, Japanese and Korean names: family name first, no space (王小明)."""

    @cached_property  # ~1 µs a call, and pages of 10,000 papers ask for it ~10 times an author
    def display(self) -> str:
        """First-von-Last (`Martin Luther King Jr.`), or family first for CJK names (`王小明`)."""
        if self.family_first:
            return f"{self.family}{self.given}"
        return " ".join(part for part in (self.given, self.von, self.family, self.jr) if part)


class Publication(Model):
    """A publication, from one BibTeX entry."""

    key: Text
    entry_type: Text
    title: Text
    """Decoded to Unicode; math stays as `$…$` / `\\(…\\)` for a math renderer."""
    title_text: str = ""
    """The title with math approximated in Unicode: for <title>, meta tags and sorting."""
    authors: tuple[Author, ...]
    et_al: bool = False
    collaboration: Text | None = None
    """The collaboration the authors wrote for (INSPIRE's `collaboration = "ATLAS"`)."""
    nationality: Text | None = None
    """A patent's country as IEEEtran's `nationality` writes it (`United States`, `Japanese`)."""
    editors: tuple[Author, ...] = ()
    year: int = 0
    """For sorting and grouping; 0 when the entry names no year (listed as "in press")."""
    month: int | None = None
    month_end: int | None = None
    """The last month of a range: of `year`, or of `year_end` when there is one."""
    year_end: int | None = None
    """The last year of a range across years (biblatex `date = {1984/1986}`)."""
    open_ended: bool = False
    """A range with no end yet (biblatex `date = {2019/..}`)."""
    pubstate: Text | None = None
    """biblatex's publication state as written (`submitted`, `inpress`, `forthcoming`)."""
    year_written: Text | None = None
    """The year as written when it is not a four-digit year (`to appear`, `2025a`)."""
    month_written: Text | None = None
    """The month as written when it is not a month or a range (`22--25 Aug`)."""
    booktitle: Text | None = None
    journal: Text | None = None
    series: Text | None = None
    publisher: Text | None = None
    address: Text | None = None
    school: Text | None = None
    institution: Text | None = None
    organization: Text | None = None
    howpublished: Text | None = None
    report_type: Text | None = None
    edition: Text | None = None
    volume: Text | None = None
    number: Text | None = None
    chapter: Text | None = None
    pages: Text | None = None
    eid: Text | None = None
    """The article number (biblatex `eid`, ACM's `articleno`, MDPI's `article-number`): where
    the paper is when the journal numbers articles instead of pages."""
    note: Text | None = None
    eprint: Text | None = None
    archive_prefix: Text | None = None
    doi: Text | None = None
    url: Url | None = None
    pdf: SiteLink | None = None
    pdf_line: int = 0
    """The line of the `pdf` field, where a missing file is reported."""
    html: Url | None = None
    """The publisher's page of the paper (al-folio's `html`)."""
    code: Url | None = None
    slides: Url | None = None
    poster: Url | None = None
    video: Url | None = None
    project: Url | None = None
    abstract: Text | None = None
    award: Text | None = None
    topic: Text | None = None
    language: Text | None = None
    """As written in `language` (or biblatex's `langid`): which language Han text is in."""
    selected: bool = False
    line: int = 0
    bibtex: str = ""
    """The entry as clean BibTeX (cvsite's own fields removed), for citing."""

    @model_validator(mode="before")
    @classmethod
    def _title_text(cls, data: Any) -> Any:
        """`title_text` defaults to the title."""
        if isinstance(data, dict) and not data.get("title_text"):
            data = {**data, "title_text": data.get("title", "")}
        return data

    @property
    def eprint_url(self) -> str | None:
        """The arXiv abstract page, when the entry names an arXiv id."""
        if self.eprint and (self.archive_prefix or "arxiv").lower() == "arxiv":
            return f"https://arxiv.org/abs/{self.eprint}"
        return None

    @property
    def doi_url(self) -> str | None:
        """The DOI's resolver link (`#` and `?` in it encoded); a `doi` written as a full URL (a
        handle, say) as written."""
        if not self.doi:
            return None
        return self.doi if "://" in self.doi else f"https://doi.org/{quote(self.doi, DOI_SAFE)}"

    @property
    def doi_id(self) -> str | None:
        """The DOI itself (`10.1000/x`); None when `doi` holds some other URL."""
        return self.doi if self.doi and "://" not in self.doi else None

    @property
    def machine_year(self) -> int | None:
        """The year for machines (Scholar, JSON-LD, feeds), None when the text names no one year."""
        written = self.year_written
        if not self.year or (written and not _ONE_YEAR.fullmatch(written)):
            return None
        return self.year

    @property
    def has_equal_contribution(self) -> bool:
        """True when any author is marked as an equal contributor."""
        return any(a.equal for a in self.authors)


def newest_first(publications: tuple[Publication, ...]) -> tuple[Publication, ...]:
    """Sort by year and month, newest first, papers with no year ("in press") before all;
    ties keep file order (stable)."""
    return tuple(sorted(publications, key=lambda p: (p.year != 0, -p.year, -(p.month or 0))))
