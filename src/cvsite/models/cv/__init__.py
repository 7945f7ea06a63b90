"""cv.yaml: the curriculum vitae as a list of sections of the writer's choosing."""

from __future__ import annotations

from typing import Any, ClassVar

from cvsite.models.base import Model
from cvsite.models.cv.entries import (
    Advisor,
    Award,
    Dated,
    Degree,
    Position,
    Project,
    Service,
    Talk,
    Teaching,
    Thesis,
)
from cvsite.models.cv.sections import (
    SECTION_TYPES,
    Awards,
    Courses,
    DatedItems,
    Degrees,
    EntrySection,
    Items,
    Positions,
    Projects,
    PublicationQuery,
    Publications,
    Section,
    SectionId,
    ServiceRoles,
    Talks,
)

_FORMER = {"experience": ("Experience", "positions"), "education": ("Education", "degrees"),
           "teaching": ("Teaching Experience", "courses"),
           "awards": ("Honours and Awards", "awards"),
           "service": ("Professional Service", "service")}
SUMMARY = "summary"
"""The id of the profile's summary, which a PDF variant may list among its sections."""


class CV(Model):
    """Every section of the curriculum vitae, in the order shown."""

    sections: tuple[Section, ...] = ()

    moved_fields: ClassVar[dict[str, str]] = {
        key: (f"sections are now a list: write `sections:` with an item `- title: {title}`, "
              f"`id: {key}`, `type: {kind}`, and this list under its `entries:`")
        for key, (title, kind) in _FORMER.items()}
    """A hint for each top-level key of earlier versions."""

    @property
    def all_sections(self) -> tuple[Section, ...]:
        """The sections, with the publications after the opening positions and degrees
        when no section of type `publications` places them."""
        if any(s.type == "publications" for s in self.sections):
            return self.sections
        opening = 0
        while opening < len(self.sections) and self.sections[opening].type in (
                "positions", "degrees"):
            opening += 1
        return (*self.sections[:opening], Publications(type="publications"),
                *self.sections[opening:])

    @property
    def ids(self) -> tuple[str, ...]:
        """The names a PDF variant may list: the summary, then every section's id."""
        return (SUMMARY, *(s.id for s in self.all_sections))

    def entries(self, section_id: str) -> tuple[Any, ...]:
        """The entries of the section with this id (none for an unknown id or publications)."""
        found = next((s for s in self.sections if s.id == section_id), None)
        return () if found is None or isinstance(found, Publications) else found.entries

    @property
    def positions(self) -> tuple[Position, ...]:
        """Every position of every `positions` section."""
        return tuple(e for s in self.sections if isinstance(s, Positions) for e in s.entries)

    @property
    def degrees(self) -> tuple[Degree, ...]:
        """Every degree of every `degrees` section."""
        return tuple(e for s in self.sections if isinstance(s, Degrees) for e in s.entries)

    @property
    def talks(self) -> tuple[Talks, ...]:
        """The sections of talks that have talks (the talks page shows them)."""
        return tuple(s for s in self.sections if isinstance(s, Talks) and s.entries)


__all__ = [
    "CV", "SECTION_TYPES", "SUMMARY", "Advisor", "Award", "Awards", "Courses", "Dated",
    "DatedItems", "Degree", "Degrees", "EntrySection", "Items", "Position", "Positions",
    "Project", "Projects", "PublicationQuery", "Publications", "Section", "SectionId", "Service",
    "ServiceRoles", "Talk", "Talks", "Teaching", "Thesis",
]
