"""cv.yaml: the curriculum vitae, section by section."""

from __future__ import annotations

from cvsite.models.base import Model
from cvsite.models.scalars import EndMonth, Term, Text, YearMonth


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
