"""profile.yaml: the person the site is about."""

from __future__ import annotations

from cvsite.models.base import Model
from cvsite.models.links import SERVICES, ProfileLink, profile_link
from cvsite.models.scalars import (
    Bluesky,
    Boolean,
    Dblp,
    Email,
    GitHub,
    HuggingFace,
    LinkedIn,
    Markdown,
    Mastodon,
    OpenReview,
    Orcid,
    PhotoFile,
    Scholar,
    SemanticScholar,
    Text,
    Url,
    XHandle,
)

PHOTO_SIZES = (160, 320, 640)
"""The square sizes the photo is made in: the home page's (and twice it for sharp screens),
and the link previews' (Open Graph, JSON-LD)."""


class OtherLink(Model):
    """A profile on a site without a field of its own: its name and address."""

    label: Text
    url: Url


class Profile(Model):
    """The person the site is about."""

    name: Text
    preferred_name: Text | None = None
    honorific: Text | None = None
    location: Text | None = None
    email: Email | None = None
    website: Url | None = None
    linkedin: LinkedIn | None = None
    scholar: Scholar | None = None
    github: GitHub | None = None
    orcid: Orcid | None = None
    semantic_scholar: SemanticScholar | None = None
    dblp: Dblp | None = None
    openreview: OpenReview | None = None
    huggingface: HuggingFace | None = None
    x: XHandle | None = None
    bluesky: Bluesky | None = None
    mastodon: Mastodon | None = None
    links: tuple[OtherLink, ...] = ()
    photo: PhotoFile | None = None
    """A photo in content/, made square in PHOTO_SIZES."""
    photo_in_pdf: Boolean = False
    """Whether the PDF's header shows the photo too."""
    summary: Markdown
    interests: tuple[Text, ...] = ()

    @property
    def display_name(self) -> str:
        """`Xiaoxia (Shirley) Wu`: the preferred name set before the family name."""
        if not self.preferred_name:
            return self.name
        given, _, family = self.name.rpartition(" ")
        return f"{given} ({self.preferred_name}) {family}" if given else self.name

    @property
    def photo_files(self) -> dict[int, str]:
        """The site path of the photo in each of PHOTO_SIZES (none without a photo)."""
        return {size: f"images/photo-{size}.jpg" for size in PHOTO_SIZES} if self.photo else {}

    @property
    def profile_links(self) -> tuple[ProfileLink, ...]:
        """The person's profiles elsewhere, in the services' order, then the other links."""
        found = [profile_link(s.key, ident) for s in SERVICES
                 if (ident := getattr(self, s.key)) is not None]
        found += [ProfileLink("other", o.label, o.url, o.label) for o in self.links]
        return tuple(found)
