"""Files for machines: the Atom feed, sitemap, robots.txt and the .bib downloads (pure)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator
from jinja2 import Environment

from cvsite import __version__
from cvsite.models import Publication, Site, newest_first
from cvsite.render.citeformat import publication_venue
from cvsite.texmath import plain
from cvsite.validate.paperkeys import folder_name
from cvsite.validate.scholar import absolute, paper_path

FEED = "feed.xml"
BIBLIOGRAPHY = "publications.bib"
NOT_IN_SITEMAP = frozenset({"404.html"})
FEED_ENTRIES = 50
"""Newest publications in the feed: readers poll it, and a lab's 10,000 papers would be MBs."""


def bib_path(pub: Publication) -> str:
    """Where a paper's own .bib is served: beside its page, named as its folder."""
    return f"{paper_path(pub)}{folder_name(pub.key)}.bib"


def page_url(out_path: str) -> str:
    """The site path of an HTML file: `a/index.html` → `a/`."""
    return out_path.removesuffix("index.html")


def _when(pub: Publication) -> datetime | None:
    """A publication's date as a timestamp (first of its month, or of January); None when its
    year is text (`to appear`), which gives no date."""
    year = pub.machine_year
    return None if year is None else datetime(year, pub.month or 1, 1, tzinfo=UTC)


def atom(site: Site) -> str:
    """An Atom feed of the newest publications, dated from the content (not the clock)."""
    config, pubs = site.config, newest_first(site.publications)[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(absolute(config, FEED))
    feed.title(f"{config.publications.heading} — {site.profile.display_name}")
    feed.author({"name": site.profile.name})
    feed.link(href=absolute(config, FEED), rel="self", type="application/atom+xml")
    feed.link(href=absolute(config, "publications/"), rel="alternate", type="text/html")
    feed.language(config.language)
    feed.generator("cvsite", version=__version__)
    updated = max((w for p in pubs if (w := _when(p))), default=datetime(1970, 1, 1, tzinfo=UTC))
    feed.updated(updated)
    for pub in pubs:
        entry = feed.add_entry(order="append")
        url = absolute(config, paper_path(pub))
        entry.id(url)
        entry.title(pub.title_text)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.author([{"name": a.display} for a in pub.authors])
        when = _when(pub)
        if when is not None:
            entry.published(when)
        entry.updated(when or updated)  # Atom needs one; the feed's own date says no more
        venue = ", ".join(plain(str(v)) for v in (publication_venue(pub), pub.year_label) if v)
        entry.summary(f"{venue}. {plain(pub.abstract)}" if pub.abstract else venue)
        if pub.topic:
            entry.category(term=pub.topic)
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def render_extras(site: Site, env: Environment, pages: Collection[str]) -> dict[str, str]:
    """Every non-HTML generated file, keyed by its path in the output folder (`pages`: paths)."""
    locations = [absolute(site.config, page_url(p)) for p in sorted(pages)
                 if p.endswith(".html") and p not in NOT_IN_SITEMAP]
    files = {"sitemap.xml": env.get_template("sitemap.xml").render(locations=locations),
             "robots.txt": env.get_template("robots.txt").render(
                 sitemap=absolute(site.config, "sitemap.xml")),
             FEED: atom(site),
             BIBLIOGRAPHY: bibliography(p.bibtex for p in newest_first(site.publications))}
    files.update({bib_path(p): p.bibtex for p in site.publications})
    return files


def bibliography(bibtex: Iterable[str]) -> str:
    """Several cleaned entries as one .bib file (one blank line between entries)."""
    return "\n".join(text.rstrip("\n") + "\n" for text in bibtex if text)
