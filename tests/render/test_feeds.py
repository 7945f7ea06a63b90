"""The Atom feed, sitemap, robots.txt, .bib downloads and icons of a built site."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from cvsite.build import build
from cvsite.models import Site, newest_first
from cvsite.render.feeds import FEED_ENTRIES, atom

ROOT = Path(__file__).resolve().parents[2]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once for this module."""
    out = tmp_path_factory.mktemp("feeds") / "_site"
    build(ROOT, out)
    return out


def test_feed_is_valid_atom_newest_first(site: Site, built: Path) -> None:
    feed = feedparser.parse((built / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    base = site.config.base_url
    assert feed.feed.link == f"{base}publications/"
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [f"{base}feed.xml"]
    expected = newest_first(site.publications)
    assert [e.link for e in feed.entries] == [f"{base}publications/{p.key}/" for p in expected]
    assert [e.title for e in feed.entries] == [p.title for p in expected]
    assert [[a.name for a in e.authors] for e in feed.entries] == [
        [a.display for a in p.authors] for p in expected]
    years = [e.published_parsed.tm_year for e in feed.entries]
    assert years == [p.year for p in expected] and years == sorted(years, reverse=True)
    assert feed.feed.updated_parsed.tm_year == max(p.year for p in site.publications)


def test_feed_holds_only_the_newest_publications_of_a_long_list(site: Site) -> None:
    first = site.publications[0]
    many = tuple(first.model_copy(update={"key": f"paper{i}", "year": 1900 + i})
                 for i in range(FEED_ENTRIES + 25))
    feed = feedparser.parse(atom(site.model_copy(update={"publications": many})).encode())
    assert len(feed.entries) == FEED_ENTRIES
    newest = sorted(many, key=lambda p: -p.year)[:FEED_ENTRIES]
    assert [e.link.rstrip("/").rsplit("/", 1)[1] for e in feed.entries] == [p.key for p in newest]
    assert feed.feed.updated_parsed.tm_year == 1900 + FEED_ENTRIES + 24


def test_sitemap_lists_every_page_and_nothing_else(site: Site, built: Path) -> None:
    tree = ET.parse(built / "sitemap.xml")
    listed = [loc.text for loc in tree.getroot().iter(f"{SITEMAP}loc")]
    pages = [p.relative_to(built).as_posix() for p in built.rglob("*.html")]
    expected = {site.config.base_url + p.removesuffix("index.html") for p in pages
                if p != "404.html"}
    assert len(listed) == len(set(listed))
    assert set(listed) == expected
    assert len(listed) == len(site.publications) + 4


def test_robots_txt_points_at_the_sitemap(site: Site, built: Path) -> None:
    lines = (built / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {site.config.base_url}sitemap.xml" in lines
    assert "User-agent: *" in lines and "Disallow: /" not in lines


def test_bib_downloads(site: Site, built: Path) -> None:
    everything = (built / "publications.bib").read_text()
    for pub in site.publications:
        assert (built / f"publications/{pub.key}/{pub.key}.bib").read_text() == pub.bibtex
        assert pub.bibtex in everything
    html = (built / "publications/index.html").read_text()
    assert 'href="../publications.bib" download' in html


def test_icons_are_shipped(built: Path) -> None:
    assert (built / "favicon.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert b"<svg" in (built / "favicon.svg").read_bytes()
    for name in ("apple-touch-icon.png", "icon-512.png"):
        assert (built / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_site_under_a_path_links_and_lists_everything_under_it(project: Path,
                                                                   tmp_path: Path) -> None:
    config = project / "content/site.yaml"
    config.write_text(config.read_text().replace("https://xwushirley.github.io/",
                                                 "https://example.org/lab/wu/"))
    out = tmp_path / "out"
    build(project, out)
    listed = [loc.text or "" for loc in ET.parse(out / "sitemap.xml").getroot().iter(
        f"{SITEMAP}loc")]
    assert listed and all(u.startswith("https://example.org/lab/wu/") for u in listed)
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert all(e.link.startswith("https://example.org/lab/wu/publications/")
               for e in feed.entries)
    html = (out / "publications/index.html").read_text()
    assert 'href="../publications/wu2022xtc/index.html"' in html  # relative: works anywhere
    assert 'href="../feed.xml"' in html and 'href="../publications.bib"' in html
    paper = (out / "publications/wu2022xtc/index.html").read_text()
    assert ('content="https://example.org/lab/wu/publications/wu2022xtc/"' in paper)
    assert 'src="../../js/copy.js"' in paper
    missing = (out / "404.html").read_text()  # served at any depth: links from the base path
    assert 'href="/lab/wu/css/site.css"' in missing and 'href="/lab/wu/cv/"' in missing
