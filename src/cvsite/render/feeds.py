"""Files for machines: the Atom feed, sitemap, robots.txt and the .bib downloads (pure)."""

from __future__ import annotations

import gettext
from collections.abc import Collection, Iterable
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator
from jinja2 import Environment
from markupsafe import Markup

from cvsite import __version__, richtext
from cvsite.models import NewsItem, Publication, Site, newest_first
from cvsite.render.citeformat import PaperDates
from cvsite.texmath import plain
from cvsite.validate.paperkeys import folder_name
from cvsite.validate.scholar import absolute, paper_path

FEED = "feed.xml"
BIBLIOGRAPHY = "publications.bib"
NOT_IN_SITEMAP = frozenset({"404.html"})
FEED_ENTRIES = 50
"""Newest publications in the feed: readers poll it, and a lab's 10,000 papers would be MBs."""
TITLE_LENGTH = 100
"""A news entry's title is its text, cut to this many characters (readers list titles)."""


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


def _day(item: NewsItem) -> datetime:
    """A news item's day as a timestamp (midnight UTC)."""
    return datetime(item.date.year, item.date.month, item.date.day, tzinfo=UTC)


def merged(pubs: Iterable[Publication],
           news: Iterable[tuple[str, NewsItem]]) -> list[Publication | tuple[str, NewsItem]]:
    """Publications (newest first, as listed) with each news item before the first paper older
    than it; the newest `FEED_ENTRIES` of them."""
    waiting = list(news)
    out: list[Publication | tuple[str, NewsItem]] = []
    for pub in pubs:
        when = _when(pub)
        while waiting and when is not None and _day(waiting[0][1]) >= when:
            out.append(waiting.pop(0))
        out.append(pub)
    return (out + waiting)[:FEED_ENTRIES]


def _add_news(site: Site, feed: FeedGenerator, anchor: str, item: NewsItem) -> None:
    """One news item as a feed entry, linked where it is shown (news/, or the home page)."""
    shown = "news/" if site.news.has_archive else ""
    entry = feed.add_entry(order="append")
    entry.id(absolute(site.config, f"news/#{anchor}"))
    text = Markup(richtext.to_html(item.text)).striptags()
    entry.title(text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1].rstrip() + "…")
    entry.link(href=absolute(site.config, f"{shown}#{anchor}"), rel="alternate",
               type="text/html")
    entry.published(_day(item))
    entry.updated(_day(item))
    entry.content(richtext.to_html(item.text), type="html")


def atom(site: Site, labels: gettext.NullTranslations | None = None) -> str:
    """An Atom feed of the newest publications and news, dated from the content (not the
    clock)."""
    config = site.config
    listed = merged(newest_first(site.publications), site.news.newest_first)
    pubs = [p for p in listed if isinstance(p, Publication)]
    feed = FeedGenerator()
    feed.id(absolute(config, FEED))
    words = labels or gettext.NullTranslations()
    dates = PaperDates(config.language, words)
    heading = words.gettext("News and publications") if site.news.items else \
        config.publications.heading or words.gettext("Publications")
    feed.title(f"{heading} — {site.profile.display_name}")
    feed.author({"name": site.profile.name})
    feed.link(href=absolute(config, FEED), rel="self", type="application/atom+xml")
    feed.link(href=absolute(config, "publications/"), rel="alternate", type="text/html")
    feed.language(config.language)
    feed.generator("cvsite", version=__version__)
    days = [_day(item[1]) for item in listed if isinstance(item, tuple)]
    updated = max([*(w for p in pubs if (w := _when(p))), *days],
                  default=datetime(1970, 1, 1, tzinfo=UTC))
    feed.updated(updated)
    for pub in listed:
        if isinstance(pub, tuple):
            _add_news(site, feed, *pub)
            continue
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
        venue = ", ".join(plain(str(v)) for v in (dates.venue(pub), dates.year_label(pub))
                          if v)
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
             FEED: atom(site, _labels(env)),
             BIBLIOGRAPHY: bibliography(p.bibtex for p in newest_first(site.publications))}
    files.update({bib_path(p): p.bibtex for p in site.publications})
    return files


def _labels(env: Environment) -> gettext.NullTranslations | None:
    """The environment's catalog (`make_environment` sets it), if any."""
    found = env.globals.get("labels")
    return found if isinstance(found, gettext.NullTranslations) else None


def bibliography(bibtex: Iterable[str]) -> str:
    """Several cleaned entries as one .bib file (one blank line between entries)."""
    return "\n".join(text.rstrip("\n") + "\n" for text in bibtex if text)
