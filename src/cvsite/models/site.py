"""The whole record: everything loaded from content/."""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter

from cvsite.models.base import Model
from cvsite.models.config import SiteConfig
from cvsite.models.cv import CV, Position, Publications
from cvsite.models.news import News
from cvsite.models.profile import Profile
from cvsite.models.publication import Publication, newest_first


class Site(Model):
    """Everything loaded from `content/`."""

    config: SiteConfig
    profile: Profile
    cv: CV
    publications: tuple[Publication, ...] = ()
    news: News = News()

    @property
    def current_position(self) -> Position | None:
        """The first ongoing position, if any."""
        return next((p for p in self.cv.positions if p.current), None)

    @property
    def selected_publications(self) -> tuple[Publication, ...]:
        """Publications marked `selected`, newest first."""
        return newest_first(tuple(p for p in self.publications if p.selected))

    def publications_by_topic(self, selected_only: bool = False
                              ) -> list[tuple[str | None, tuple[Publication, ...]]]:
        """(topic, publications newest first) in the configured topic order; the untopical
        last, as topic None."""
        topics = list(self.config.publications.topics)
        pubs = self.selected_publications if selected_only else newest_first(self.publications)
        found: dict[str | None, list[Publication]] = {t: [] for t in topics}
        rest: list[Publication] = []
        for p in pubs:
            found.get(p.topic, rest).append(p)
        groups: list[tuple[str | None, tuple[Publication, ...]]] = [
            (t, tuple(found[t])) for t in topics]
        if rest:
            groups.append((None, tuple(rest)))
        return [(t, ps) for t, ps in groups if ps]

    def publication_groups(self, section: Publications, selected_only: bool = False
                           ) -> list[tuple[str | None, tuple[Publication, ...]]]:
        """The topic groups of a publications section: those its query asks for."""
        query = section.query
        groups = self.publications_by_topic(selected_only=selected_only or query.selected)
        since = query.since
        kept = [(t, tuple(p for p in ps if since is None or not p.year or p.year >= since))
                for t, ps in groups if query.topic is None or t == query.topic]
        return [(t, ps) for t, ps in kept if ps]

    def publications_by_year(self) -> list[tuple[int | None, tuple[Publication, ...]]]:
        """(year, publications newest first), newest year first; those with no year (in press)
        first, as year None."""
        ordered = newest_first(self.publications)
        return [(y or None, tuple(run))  # no year is year 0
                for y, run in groupby(ordered, key=attrgetter("year"))]
