"""The typed record: frozen pydantic models, data only (no I/O)."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from cvsite.citeformat import date_text, publication_venue, venue_details
from cvsite.scalars import Email, EndMonth, Handle, Term, Text, Url, YearMonth


class Model(BaseModel):
    """Base for every model: immutable, unknown fields are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --- site.yaml ---------------------------------------------------------------------------------


class PublicationsConfig(Model):
    """How the publication list is titled and grouped."""

    heading: Text = "Publications"
    topics: tuple[Text, ...] = ()


SectionName = Literal["summary", "experience", "education", "publications", "teaching",
                      "awards", "service"]
CV_SECTIONS: tuple[SectionName, ...] = get_args(SectionName)
PageSize = Literal["letter", "a4"]
PdfFileName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$")]


class PdfVariant(Model):
    """One PDF rendered from the record (the full CV, a one-page résumé, ...)."""

    name: Handle
    title: Text = "Curriculum Vitae"
    label: Text = "CV"
    file: PdfFileName | None = None
    page_size: PageSize | None = None
    max_pages: int | None = Field(default=None, ge=1)
    sections: tuple[SectionName, ...] = CV_SECTIONS
    selected_publications_only: bool = False
    max_highlights: int | None = Field(default=None, ge=0)


class PdfConfig(Model):
    """The PDFs that `cvsite build` renders; an empty `variants` list renders none."""

    page_size: PageSize = "letter"
    variants: tuple[PdfVariant, ...] = (PdfVariant(name="cv"),)

    @model_validator(mode="after")
    def _unique(self) -> PdfConfig:
        """Two variants may not share a name or a file."""
        for attribute in ("name", "file"):
            values = [getattr(v, attribute) for v in self.variants if getattr(v, attribute)]
            twice = sorted({v for v in values if values.count(v) > 1})
            if twice:
                raise PydanticCustomError("pdf_duplicate", "two PDF variants have the {what} "
                                          "{value}", {"what": attribute, "value": repr(twice[0])})
        return self


class SiteConfig(Model):
    """Site-wide settings."""

    title: Text
    base_url: Url
    language: Text = "en"
    owner_aliases: tuple[Text, ...] = ()
    publications: PublicationsConfig = PublicationsConfig()
    pdf: PdfConfig = PdfConfig()


# --- profile.yaml ------------------------------------------------------------------------------


class Profile(Model):
    """The person the site is about."""

    name: Text
    preferred_name: Text | None = None
    honorific: Text | None = None
    location: Text | None = None
    email: Email | None = None
    website: Url | None = None
    linkedin: Handle | None = None
    scholar: Handle | None = None
    github: Handle | None = None
    orcid: Handle | None = None
    summary: Text
    interests: tuple[Text, ...] = ()

    @property
    def display_name(self) -> str:
        """`Xiaoxia (Shirley) Wu`: the preferred name set before the family name."""
        if not self.preferred_name:
            return self.name
        given, _, family = self.name.rpartition(" ")
        return f"{given} ({self.preferred_name}) {family}" if given else self.name


# --- cv.yaml -----------------------------------------------------------------------------------


class Position(Model):
    """A job, internship or appointment."""

    role: Text
    organization: Text
    team: Text | None = None
    mentor: Text | None = None
    location: Text | None = None
    start: YearMonth
    end: EndMonth
    highlights: tuple[Text, ...] = ()

    @property
    def current(self) -> bool:
        """True while the position is ongoing."""
        return self.end is None


class Advisor(Model):
    """A thesis advisor and their role."""

    name: Text
    role: Text | None = None


class Thesis(Model):
    """A dissertation."""

    title: Text
    award: Text | None = None


class Degree(Model):
    """A degree earned or in progress."""

    degree: Text
    field: Text | None = None
    institution: Text
    location: Text | None = None
    start: YearMonth | None = None
    end: EndMonth = None
    advisors: tuple[Advisor, ...] = ()
    thesis: Thesis | None = None


class Teaching(Model):
    """A course taught, with the terms."""

    course: Text
    role: Text | None = None
    institution: Text | None = None
    terms: tuple[Term, ...] = ()


class Award(Model):
    """An honour, award, fellowship or scholarship."""

    title: Text
    organization: Text | None = None
    years: tuple[int, ...] = ()


class Service(Model):
    """A professional service role."""

    role: Text
    details: tuple[Text, ...] = ()


class CV(Model):
    """Every section of the curriculum vitae."""

    experience: tuple[Position, ...] = ()
    education: tuple[Degree, ...] = ()
    teaching: tuple[Teaching, ...] = ()
    awards: tuple[Award, ...] = ()
    service: tuple[Service, ...] = ()


# --- publications.bib --------------------------------------------------------------------------


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

    @property
    def display(self) -> str:
        """First-von-Last (`Martin Luther King Jr.`), or family first for CJK names."""
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
    editors: tuple[Author, ...] = ()
    year: int
    month: int | None = None
    month_end: int | None = None
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
    note: Text | None = None
    eprint: Text | None = None
    archive_prefix: Text | None = None
    doi: Text | None = None
    url: Url | None = None
    pdf: Text | None = None
    code: Url | None = None
    slides: Url | None = None
    poster: Url | None = None
    video: Url | None = None
    project: Url | None = None
    abstract: Text | None = None
    award: Text | None = None
    topic: Text | None = None
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
    def venue(self) -> str:
        """Where it appeared: journal, proceedings, school, or the preprint server and id."""
        return publication_venue(self)

    @property
    def venue_details(self) -> tuple[str, ...]:
        """Volume, number, pages, editors, edition, publisher, note: each a short phrase."""
        return venue_details(self)

    @property
    def date_text(self) -> str:
        """`June 2020`, `June–July 2020` or `2020`."""
        return date_text(self)

    @property
    def eprint_url(self) -> str | None:
        """The arXiv abstract page, when the entry names an arXiv id."""
        if self.eprint and (self.archive_prefix or "arxiv").lower() == "arxiv":
            return f"https://arxiv.org/abs/{self.eprint}"
        return None

    @property
    def has_equal_contribution(self) -> bool:
        """True when any author is marked as an equal contributor."""
        return any(a.equal for a in self.authors)


# --- the whole site ----------------------------------------------------------------------------


class Site(Model):
    """Everything loaded from `content/`."""

    config: SiteConfig
    profile: Profile
    cv: CV
    publications: tuple[Publication, ...] = ()

    @property
    def current_position(self) -> Position | None:
        """The first ongoing position, if any."""
        return next((p for p in self.cv.experience if p.current), None)

    @property
    def selected_publications(self) -> tuple[Publication, ...]:
        """Publications marked `selected`, newest first."""
        return tuple(p for p in newest_first(self.publications) if p.selected)

    def publications_by_topic(self, selected_only: bool = False
                              ) -> list[tuple[str, tuple[Publication, ...]]]:
        """(topic, publications newest first) in the configured topic order; untopical last."""
        topics = list(self.config.publications.topics)
        pubs = self.selected_publications if selected_only else newest_first(self.publications)
        groups = [(t, tuple(p for p in pubs if p.topic == t)) for t in topics]
        rest = tuple(p for p in pubs if p.topic not in topics)
        if rest:
            groups.append(("Other" if topics else "", rest))
        return [(t, ps) for t, ps in groups if ps]

    def publications_by_year(self) -> list[tuple[int, tuple[Publication, ...]]]:
        """(year, publications newest first), newest year first."""
        years = sorted({p.year for p in self.publications}, reverse=True)
        ordered = newest_first(self.publications)
        return [(y, tuple(p for p in ordered if p.year == y)) for y in years]


def newest_first(publications: tuple[Publication, ...]) -> tuple[Publication, ...]:
    """Sort by year and month, newest first; ties keep file order (stable)."""
    return tuple(sorted(publications, key=lambda p: (-p.year, -(p.month or 0))))

