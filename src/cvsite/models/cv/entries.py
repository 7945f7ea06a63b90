"""The entries of cv.yaml's sections, one model per entry type."""

from __future__ import annotations

from typing import Self

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from cvsite.models.base import Model
from cvsite.models.dates import CvDate, Date, EndDate, ends_before_it_starts, written
from cvsite.models.scalars import Integer, Markdown, SiteLink, Term, Text, Url


class _Period(Model):
    """An entry with a `start` and an `end` (its own fields), the end not before the start."""

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        start: CvDate | None = getattr(self, "start")  # noqa: B009
        end: CvDate | None = getattr(self, "end")  # noqa: B009
        if start is not None and end is not None and ends_before_it_starts(start, end):
            raise PydanticCustomError("end_before_start", "ends ({end}) before it starts "
                                      "({start})", {"end": written(end), "start": written(start),
                                                    "hint": "correct the year, or swap them"})
        return self


class Position(_Period):
    """A job, internship or appointment."""

    role: Text
    organization: Text
    team: Text | None = None
    mentor: Text | None = None
    location: Text | None = None
    start: Date
    end: EndDate
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


class Degree(_Period):
    """A degree earned or in progress."""

    degree: Text
    field: Text | None = None
    institution: Text
    location: Text | None = None
    start: Date | None = None
    end: EndDate = None
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
    years: tuple[Integer, ...] = ()


class Service(Model):
    """A professional service role."""

    role: Text
    details: tuple[Text, ...] = ()


class Dated(Model):
    """A dated line of Markdown (a grant, a press mention, a milestone)."""

    date: Date
    text: Markdown


class Talk(Model):
    """A talk, with where and when it was given and its materials."""

    title: Text
    event: Text | None = None
    place: Text | None = None
    date: Date
    slides: SiteLink | None = None
    """An http(s) link, or a file in `static/` by its path there (`slides/talk.pdf`)."""
    video: Url | None = None
    poster: SiteLink | None = None

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """(label, link) of the materials given: slides, video, poster."""
        found = (("Slides", self.slides), ("Video", self.video), ("Poster", self.poster))
        return tuple((label, link) for label, link in found if link)


class Project(Model):
    """A project or piece of open-source software, in one line."""

    name: Text
    role: Text | None = None
    link: Url | None = None
    description: Markdown | None = None
