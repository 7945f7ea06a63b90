"""Hostile text in every text field of every source is shown as text on every page and output."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser
import pytest

from cvsite.build import build
from cvsite.models import Publication, Site
from cvsite.validate.load import load_site
from hostile import (
    AUTHORS,
    BASE,
    CV,
    MARKUP,
    PAPER,
    PROFILE,
    SITE,
    TITLES,
    bibtex_of,
    shown,
    write_hostile_project,
)
from pagetext import text_of
from scholar_helpers import read_head


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Path]:
    """The hostile project, loaded and built once for this module."""
    root = tmp_path_factory.mktemp("hostile")
    write_hostile_project(root)
    site, problems = load_site(root)
    assert site is not None, [p.format() for p in problems]
    out = root / "_site"
    build(root, out)
    return site, out


class _Markup(HTMLParser):
    """Every element and attribute of a page, and the text of its <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"
        if self._in_title:
            self.titles.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles[-1] += data


def page(out: Path, path: str) -> str:
    """The source of a built page."""
    return (out / path).read_text(encoding="utf-8")


def labels_shown(text: str) -> set[str]:
    """The labels whose whole hostile text `text` shows."""
    return {label for label in re.findall(r"Q([a-z0-9]+) ", text) if shown(label) in text}


def paper(site: Site, key: str) -> Publication:
    """The publication with this key."""
    return next(p for p in site.publications if p.key == key)


def strings(data: object) -> list[str]:
    """Every string in parsed JSON."""
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return [data] if isinstance(data, str) else []


def test_no_page_gets_markup_from_the_content(hostile: tuple[Site, Path]) -> None:
    _, out = hostile
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == 6 + len(PAPER)  # home, two lists, CV, talks, 404 and the papers
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not [m for m in MARKUP if m in html], path
        parsed = _Markup()
        parsed.feed(html)
        assert len(parsed.titles) == 1 and "Qsitetitle" in parsed.titles[0], path
        assert shown("sitetitle") in parsed.titles[0], path
        assert not [tag for tag, _ in parsed.tags if tag in ("img", "iframe", "object")], path
        assert not [(t, a) for t, attrs in parsed.tags for a in attrs if a.startswith("on")]
        scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
        assert all(a.get("type") == "application/ld+json" or a.get("src") for a in scripts)


def test_every_text_field_is_shown_as_text(hostile: tuple[Site, Path]) -> None:
    _, out = hostile
    seen = set().union(*(labels_shown(text_of(p.read_text(encoding="utf-8")))
                         for p in out.rglob("*.html")))
    papers = set().union(*PAPER.values())
    assert seen == (SITE - {"pdftitle"}) | PROFILE | CV | papers  # pdftitle: the PDF's own


def test_publication_lists_show_every_field_as_text(hostile: tuple[Site, Path]) -> None:
    _, out = hostile
    fields = (PAPER["hostile2025"] | PAPER["hostile2024"] | {"heading"}) - {"abstract"}
    by_topic = text_of(page(out, "publications/index.html"))
    assert labels_shown(by_topic) >= fields | {"topic"}
    assert labels_shown(text_of(page(out, "publications/by-year/index.html"))) >= fields


def test_paper_pages_show_every_field_as_text(hostile: tuple[Site, Path]) -> None:
    _, out = hostile
    for key, fields in PAPER.items():
        text = text_of(page(out, f"publications/{key}/index.html"))
        assert labels_shown(text) >= fields | {"topic", "sitetitle"}, key


def test_paper_page_tags_and_cite_box_hold_the_text_exactly(hostile: tuple[Site, Path]) -> None:
    site, out = hostile
    for key in PAPER:
        pub = paper(site, key)
        head = read_head(out / f"publications/{key}/index.html")
        assert head.one("citation_title") == pub.title_text == shown(TITLES[key])
        assert head.one("og:title") == pub.title_text
        hostile_authors = [a for a in head.values("citation_author") if "Qauthor" in a]
        if key in AUTHORS:
            label, given = AUTHORS[key]
            assert hostile_authors == [f"{shown(label)}, {given}"]
        assert head.pre == [pub.bibtex.rstrip("\n")]  # the Cite box: the BibTeX as text


def test_jsonld_parses_and_holds_the_text_exactly(hostile: tuple[Site, Path]) -> None:
    site, out = hostile
    (person,) = read_head(out / "index.html").jsonld
    assert person["name"] == f"{shown('name')} Hostile"
    assert shown("institution") in strings(person)
    pub = paper(site, "hostile2025")
    (article,) = read_head(out / "publications/hostile2025/index.html").jsonld
    assert article["headline"] == pub.title_text
    assert article["abstract"] == shown("abstract")
    assert article["isPartOf"]["name"] == shown("journal")
    assert shown("author") in [a["name"].removeprefix("Ann ") for a in article["author"]]


def test_home_page_shows_the_profile_and_selected_papers_as_text(
        hostile: tuple[Site, Path]) -> None:
    _, out = hostile
    text = text_of(page(out, "index.html"))
    assert labels_shown(text) >= PROFILE | {"sitetitle", "role", "organization", "title",
                                            "author", "journal", "pdflabel"}


def test_cv_page_shows_every_cv_field_as_text(hostile: tuple[Site, Path]) -> None:
    _, out = hostile
    text = text_of(page(out, "cv/index.html"))
    fields = CV | PAPER["hostile2025"] | PAPER["hostile2024"]
    assert labels_shown(text) >= (fields - {"abstract"}) | {"preferred", "location", "summary",
                                                            "heading", "topic", "pdflabel"}


def test_feed_holds_the_text_exactly(hostile: tuple[Site, Path]) -> None:
    site, out = hostile
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert shown("heading") in feed.feed.title and shown("preferred") in feed.feed.title
    entries: dict[str, Any] = {e.link.rstrip("/").rsplit("/", 1)[1]: e for e in feed.entries}
    for key, entry in entries.items():
        pub = paper(site, key)
        assert entry.title == pub.title_text
        assert [a.name for a in entry.authors] == [a.display for a in pub.authors]
        assert [t.term for t in entry.tags] == [shown("topic")]
    assert entries["hostile2025"].summary == (f"{shown('journal')}, 2025. {shown('abstract')}")


def test_sitemap_and_robots_hold_only_addresses(hostile: tuple[Site, Path]) -> None:
    _, out = hostile
    tree = ET.parse(out / "sitemap.xml")
    listed = [loc.text or "" for loc in tree.getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(listed) == 5 + len(PAPER)  # every page but the 404
    assert all(re.fullmatch(BASE + r"[a-z0-9/-]*", u) for u in listed)
    assert "Q" not in (out / "robots.txt").read_text(encoding="utf-8")


def test_bib_downloads_keep_the_bibtex_as_written(hostile: tuple[Site, Path]) -> None:
    site, out = hostile
    everything = (out / "publications.bib").read_text(encoding="utf-8")
    for key in PAPER:
        pub = paper(site, key)
        text = (out / f"publications/{key}/{key}.bib").read_text(encoding="utf-8")
        assert text == pub.bibtex and text in everything
    assert re.search(r"\n  title\s*= \{" + re.escape(bibtex_of("title")) + "},\n", everything)


def test_pdf_shows_every_field_as_text(hostile: tuple[Site, Path],
                                       require_tool: Callable[..., None]) -> None:
    pdftotext = shutil.which("pdftotext")
    require_tool(pdftotext, "pdftotext (poppler-utils)")
    assert pdftotext is not None
    _, out = hostile
    (pdf,) = out.glob("*.pdf")
    text = subprocess.run([pdftotext, "-raw", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    squashed = re.sub(r"\s+", "", text)
    found = {label for label in re.findall(r"Q([a-z0-9]+)", text)
             if re.sub(r"\s+", "", shown(label)) in squashed}
    # a section's title is a heading, printed in capitals
    assert found >= (CV - {"sectiontitle"}) | {
        "preferred", "location", "summary", "pdftitle", "title", "title2", "author", "author2",
        "journal", "booktitle"}
