"""site.yaml: how the record is published (publications, PDF variants)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from cvsite.models.base import Model
from cvsite.models.cv import SectionId
from cvsite.models.scalars import BaseUrl, Boolean, Handle, Integer, Text


def _inside_content(glob: str) -> str:
    """A glob of `.bib` files that stays inside content/: relative, no `..`, `/` between."""
    why = None
    if glob.startswith("/") or "\\" in glob or ":" in glob:
        why = "must be a relative path inside content/, with '/' between folders"
    elif ".." in glob.split("/"):
        why = "may not step out of content/ with '..'"
    elif not glob.lower().endswith(".bib"):
        why = "must name .bib files (end in '.bib')"
    if why:
        raise PydanticCustomError("bib_glob", "the glob {glob} {why}", {"glob": repr(glob),
                                                                        "why": why})
    return glob


BibGlob = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                    AfterValidator(_inside_content)]
"""A glob of .bib files inside content/ (`publication/*/cite.bib`)."""


class PublicationsConfig(Model):
    """How the publication list is titled and grouped."""

    heading: Text | None = None
    """The publications' heading (default: "Publications" in the site's language)."""
    topics: tuple[Text, ...] = ()
    max_authors: Integer | None = Field(default=20, ge=1, description=(
        "list pages and the PDF show this many authors (and the owner), then 'et al. (N "
        "authors)'; the paper's page shows all; null never shortens"))
    bib_files: tuple[BibGlob, ...] = Field(default=("*.bib",), description=(
        "the .bib files to read, as globs inside content/ (Hugo Academic: "
        "'publication/*/cite.bib'; '**' matches any folders); publications.bib comes first"))

    @field_validator("topics")
    @classmethod
    def _topics_once(cls, topics: tuple[str, ...]) -> tuple[str, ...]:
        """A topic is listed once (twice would make two groups of one name)."""
        twice = sorted({t for t in topics if topics.count(t) > 1})
        if twice:
            raise PydanticCustomError("topic_twice", "topic {topic} is listed twice",
                                      {"topic": repr(twice[0]), "hint": "remove one of them"})
        return topics


PageSize = Literal["letter", "a4"]
KeepGlob = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                     Field(description="a path or glob in the output folder that builds never "
                                       "write, replace or delete (a folder keeps all it holds)")]
PdfFileName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$",
                                              max_length=100)]


class PdfVariant(Model):
    """One PDF rendered from the record (the full CV, a one-page résumé, ...)."""

    name: Handle
    title: Text = "Curriculum Vitae"
    label: Text = "CV"
    file: PdfFileName | None = None
    page_size: PageSize | None = None
    max_pages: Integer | None = Field(default=None, ge=1)
    sections: tuple[SectionId, ...] | None = Field(default=None, description=(
        "the ids of the sections this PDF shows, in this order ('summary' and the ids of "
        "cv.yaml's sections); all of them, in cv.yaml's order, by default"))
    selected_publications_only: Boolean = False
    max_highlights: Integer | None = Field(default=None, ge=0)


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
    base_url: BaseUrl
    language: Text = "en"
    owner_aliases: tuple[Text, ...] = ()
    publications: PublicationsConfig = PublicationsConfig()
    pdf: PdfConfig = PdfConfig()
    keep: tuple[KeepGlob, ...] = ()
    scholar_warnings: Boolean = Field(default=True, description=(
        "warn (in one line per build) about papers Google Scholar may skip or misread; "
        "`cvsite check --scholar` lists them even when false"))
