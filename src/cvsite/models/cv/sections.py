"""cv.yaml's sections: a title, an id and a type, which says what its entries are."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from cvsite.models.base import Model
from cvsite.models.cv.entries import (
    Award,
    Dated,
    Degree,
    Position,
    Project,
    Service,
    Talk,
    Teaching,
)
from cvsite.models.scalars import Boolean, Integer, Markdown, Text
from cvsite.paths import slug

SectionId = Annotated[str, StringConstraints(strip_whitespace=True,
                                             pattern=r"^[a-z0-9][a-z0-9-]*$"),
                      Field(description="the section's name in links (#id) and in a PDF "
                                        "variant's `sections`; a slug of the title by default",
                            json_schema_extra=lambda schema: schema.pop("default", None))]
"""The default ("", replaced by the slug when validated) is not one to show in the schema."""


class _Section(Model):
    """What every section has: a title and an id (a slug of the title unless given)."""

    title: Text
    id: SectionId = ""

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        """The id defaults to a slug of the title."""
        if isinstance(data, dict) and "id" not in data and isinstance(data.get("title"), str):
            return {**data, "id": slug(data["title"])}
        return data


class Positions(_Section):
    """Jobs, appointments, internships: role, organization, dates, highlights."""

    type: Literal["positions"]
    entries: tuple[Position, ...] = ()


class Degrees(_Section):
    """Degrees with advisors and thesis."""

    type: Literal["degrees"]
    entries: tuple[Degree, ...] = ()


class Courses(_Section):
    """Courses taught, with terms."""

    type: Literal["courses"]
    entries: tuple[Teaching, ...] = ()


class Awards(_Section):
    """Honours, awards, fellowships, with years."""

    type: Literal["awards"]
    entries: tuple[Award, ...] = ()


class ServiceRoles(_Section):
    """Service roles, each with its details."""

    type: Literal["service"]
    entries: tuple[Service, ...] = ()


class Items(_Section):
    """One line of Markdown per entry (skills, languages, memberships)."""

    type: Literal["items"]
    entries: tuple[Markdown, ...] = ()


class DatedItems(_Section):
    """A date and a line of Markdown per entry, shown newest first."""

    type: Literal["dated"]
    entries: tuple[Dated, ...] = ()

    @property
    def shown(self) -> tuple[Dated, ...]:
        """The entries newest first (entries of one date in the order written)."""
        return tuple(sorted(self.entries, key=lambda e: e.date, reverse=True))


class Talks(_Section):
    """Talks, newest first; they also get a page of their own."""

    type: Literal["talks"]
    entries: tuple[Talk, ...] = ()

    @property
    def shown(self) -> tuple[Talk, ...]:
        """The talks newest first (talks of one date in the order written)."""
        return tuple(sorted(self.entries, key=lambda e: e.date, reverse=True))


class Projects(_Section):
    """Projects and open-source software: name, role, link, one line."""

    type: Literal["projects"]
    entries: tuple[Project, ...] = ()


class PublicationQuery(Model):
    """Which publications a publications section lists."""

    selected: Boolean = Field(default=False, description="only those marked `selected`")
    topic: Text | None = Field(default=None, description="only those of this topic "
                               "(one of site.yaml's `publications.topics`)")
    since: Integer | None = Field(default=None, description="only those of this year or later")


class Publications(Model):
    """The publications of the .bib files that match `query`, grouped by topic."""

    type: Literal["publications"]
    title: Text | None = Field(default=None, description="site.yaml's `publications.heading` "
                               "by default")
    id: SectionId = ""
    query: PublicationQuery = PublicationQuery()

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        """The id defaults to a slug of the title, or `publications` without one."""
        if isinstance(data, dict) and "id" not in data:
            title = data.get("title")
            return {**data, "id": slug(title) if isinstance(title, str)
                    else "publications"}
        return data


SECTION_TYPES = ("positions", "degrees", "courses", "awards", "service", "items", "dated",
                 "talks", "projects", "publications")
Section = Annotated[Positions | Degrees | Courses | Awards | ServiceRoles | Items | DatedItems
                    | Talks | Projects | Publications, Field(discriminator="type")]
EntrySection = (Positions | Degrees | Courses | Awards | ServiceRoles | Items | DatedItems | Talks
                | Projects)
