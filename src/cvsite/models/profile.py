"""profile.yaml: the person the site is about."""

from __future__ import annotations

from cvsite.models.base import Model
from cvsite.models.scalars import Email, Handle, Markdown, Text, Url


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
    summary: Markdown
    interests: tuple[Text, ...] = ()

    @property
    def display_name(self) -> str:
        """`Xiaoxia (Shirley) Wu`: the preferred name set before the family name."""
        if not self.preferred_name:
            return self.name
        given, _, family = self.name.rpartition(" ")
        return f"{given} ({self.preferred_name}) {family}" if given else self.name
