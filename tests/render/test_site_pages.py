"""The built site shows every fact of the record, in accessible, self-contained HTML."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from cvsite.models import Site
from cvsite.render.filters import Dates
from pagetext import parse, text_of

PAGES = ["index.html", "publications/index.html", "cv/index.html", "404.html"]


def read(built: Path, page: str) -> str:
    return (built / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_page_has_landmarks_one_h1_and_ordered_headings(built: Path, page: str) -> None:
    doc = parse(read(built, page))
    assert {"header", "nav", "main", "footer"} <= set(doc.landmarks)
    levels = [level for level, _ in doc.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), doc.headings
    assert len(doc.ids) == len(set(doc.ids)), "duplicate ids"


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_nothing_from_other_sites(built: Path, page: str) -> None:
    html = read(built, page)
    assert not re.search(r"\son[a-z]+=", html), "inline event handlers need JavaScript"
    for match in re.finditer(r'<(?:link|img|script|source)\b[^>]*(?:href|src)="([^"]+)"', html):
        if "rel=\"canonical\"" in match.group(0) or "rel=\"alternate\"" in match.group(0):
            continue
        assert not match.group(1).startswith(("http:", "https:", "//")), match.group(0)


@pytest.mark.parametrize("page", PAGES)
def test_internal_links_resolve(built: Path, page: str) -> None:
    for href in parse(read(built, page)).links:
        if href.startswith(("http:", "https:", "mailto:", "#")):
            continue
        path = href.split("#")[0]
        if page == "404.html":  # served at any depth: its links start at the base path
            assert path.startswith("/"), href
            target = built / path.lstrip("/")
            assert (target / "index.html").is_file() or target.is_file(), f"{page}: {href}"
            continue
        assert not href.startswith("/"), f"{page}: {href} only works at the domain root"
        target = (built / page).parent / path
        assert target.is_file(), f"{page}: {href} names no file (a folder does not open from disk)"


def test_cv_page_shows_every_fact_of_the_models(built: Path, site: Site) -> None:
    period = Dates().period
    text = text_of(read(built, "cv/index.html"))
    facts = []
    for job in site.cv.positions:
        facts += [job.role, job.organization, period(job.start, job.end), *job.highlights]
        facts += [x for x in (job.team, job.mentor, job.location) if x]
    for degree in site.cv.degrees:
        facts += [degree.degree, degree.institution, period(degree.start, degree.end)]
        facts += [a.name for a in degree.advisors]
        facts += [degree.thesis.title] if degree.thesis else []
    for course in site.cv.entries("teaching"):
        facts += [course.course, *course.terms]
    for award in site.cv.entries("awards"):
        facts += [award.title, *(str(y) for y in award.years)]
    for role in site.cv.entries("service"):
        facts += [role.role, *role.details]
    facts += [pub.title for pub in site.publications]
    facts += [" ".join(site.profile.summary.split())]
    missing = [fact for fact in facts if fact not in text]
    assert not missing


def test_cv_page_states_literal_seed_facts(built: Path) -> None:
    text = text_of(read(built, "cv/index.html"))
    for fact in ["Senior Staff Scientist, Together AI", "Jul 2024 – Present",
                 "Nov 2021 – Jun 2024", "Aug 2014 – Dec 2020", "Mentor: Léon Bottou",
                 "Rachel Ward (supervisor) & Léon Bottou (co-supervisor)",
                 "Scotland Saltire Scholarship, University of Edinburgh 2012",
                 "Conference Reviewer: AISTATS 2020, MSML 2020, NeurIPS 2020, WiML 2019",
                 "NeurIPS ENLSP", "arXiv:2401.14112"]:
        assert fact in text


def test_home_page_introduces_her(built: Path, site: Site) -> None:
    html = read(built, "index.html")
    text = text_of(html)
    assert "Xiaoxia (Shirley) Wu" in text
    assert "Senior Staff Scientist, Together AI" in text
    assert 'href="mailto:xiaoxiawu10@gmail.com"' in html
    assert 'href="https://www.linkedin.com/in/xiaoxiawu1/"' in html
    for pub in site.selected_publications:
        assert pub.title in text
    links = parse(html).links
    assert "publications/index.html" in links and "cv/index.html" in links


def test_publications_page_groups_by_topic_and_highlights_her(built: Path, site: Site) -> None:
    html = read(built, "publications/index.html")
    headings = [h for level, h in parse(html).headings if level == 2]
    assert headings == list(site.config.publications.topics)
    assert html.count('<strong class="owner">X. Wu</strong>') == len(site.publications)
    assert "Equal contribution" in text_of(html)
    titles = [m for m in re.findall(r'class="pub-title"[^>]*>(.*?)<', html)]
    assert len(titles) == len(site.publications)


def test_not_found_page_is_not_indexed(built: Path) -> None:
    html = read(built, "404.html")
    assert '<meta name="robots" content="noindex">' in html
    assert "Page not found" in text_of(html)


def test_static_files_are_copied(built: Path) -> None:
    assert (built / "css" / "site.css").read_bytes() == (
        Path(__file__).parents[2] / "static" / "css" / "site.css").read_bytes()


def test_cv_page_description_names_the_sections_as_written(built: Path, site: Site) -> None:
    html = (built / "cv" / "index.html").read_text("utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert description
    titles = [s.title for s in site.cv.all_sections if s.title]
    assert titles and all(title.replace("&", "&amp;") in description[1] for title in titles)
