"""A project using every section type: each item shows on the CV page and in the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import FIXTURES, require_tool
from cvsite.build import build
from cvsite.models import SECTION_TYPES, Site
from cvsite.pdf.build import file_name
from cvsite.validate.load import load_site
from pagetext import parse, text_of

PROJECT = FIXTURES / "every-section"
ITEMS = {
    "positions": ["Professor, Example University", "Examples Group", "Springfield",
                  "Teaches examples to everyone.", "Lecturer, Sample College"],
    "degrees": ["Ph.D. in Exemplary Studies, Example University", "Grace Sample (supervisor)",
                "Examples Considered", "Best Thesis Prize"],
    "publications": ["On Examples", "Journal of Examples"],
    "talks": ["Newest Talk on Examples", "Example Workshop", "Capital City", "Instance Days",
              "Older Talk on Samples", "Sample Symposium", "Shelbyville"],
    "courses": ["Introduction to Examples, Instructor, Example University",
                "Fall 2021, Spring 2022"],
    "awards": ["Example Medal", "Example Society", "2020, 2023"],
    "service": ["Program Committee: Example Conference 2023, Sample Workshop 2022"],
    "items": ["Python, Rust and Julia", "Fluent in Esperanto"],
    "dated": ["Seed grant from the Sample Fund", "Example Foundation award for example research"],
    "projects": ["examplekit", "creator and maintainer", "A toolkit for making examples.",
                 "samplelib", "Sampling, simply."],
}
DATES = ["2021 – Present", "Sep 2019 – Dec 15, 2020", "2014 – 2019", "May 14, 2024", "2022",
         "Mar 2019", "Jun 2020", "Jan 10, 2023"]
"""Year-only, month and day dates, each shown as precisely as it is written."""


@pytest.fixture(scope="module")
def every(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Path]:
    """The project built once."""
    project = Path(shutil.copytree(PROJECT, tmp_path_factory.mktemp("every") / "project"))
    out = project / "_site"  # built from a copy: the fixture gets no cache folder
    build(project, out)
    site, _ = load_site(project)
    assert site is not None
    return site, out


def _pdf_text(path: Path) -> str:
    """The PDF's words in reading order, whitespace collapsed."""
    pdftotext = shutil.which("pdftotext")
    require_tool(pdftotext, "pdftotext (poppler-utils)")
    assert pdftotext is not None
    text = subprocess.run([pdftotext, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return " ".join(text.split())


def test_the_project_uses_every_section_type(every: tuple[Site, Path]) -> None:
    site, _ = every
    assert sorted({s.type for s in site.cv.sections}) == sorted(SECTION_TYPES) == sorted(ITEMS)


def test_every_item_and_date_is_on_the_cv_page(every: tuple[Site, Path]) -> None:
    _, out = every
    text = text_of((out / "cv" / "index.html").read_text("utf-8"))
    missing = [item for items in ITEMS.values() for item in [*items, *DATES] if item not in text]
    assert not missing


def test_every_item_and_date_is_in_the_pdf(every: tuple[Site, Path]) -> None:
    site, out = every
    text = _pdf_text(out / file_name(site.config.pdf.variants[0], site))
    # the PDF sets a position's organization on a line of its own
    printed = {"Professor, Example University": "Professor", "Lecturer, Sample College":
               "Lecturer", "Ph.D. in Exemplary Studies, Example University":
               "Ph.D. in Exemplary Studies"}
    wanted = [printed.get(item, item) for items in ITEMS.values() for item in items]
    missing = [item for item in [*wanted, *DATES] if item not in text]
    assert not missing


def test_talks_and_dated_items_are_newest_first(every: tuple[Site, Path]) -> None:
    site, out = every
    order = ["Newest Talk on Examples", "Middle Talk on Instances", "Older Talk on Samples"]
    grants = ["Example Foundation award", "Seed grant"]
    for text in (text_of((out / "cv" / "index.html").read_text("utf-8")),
                 _pdf_text(out / file_name(site.config.pdf.variants[0], site))):
        assert [text.find(t) for t in order] == sorted(text.find(t) for t in order)
        assert text.find(grants[0]) < text.find(grants[1])


def test_talks_have_a_page_in_the_nav_with_their_materials(every: tuple[Site, Path]) -> None:
    _, out = every
    page = (out / "talks" / "index.html").read_text("utf-8")
    text = text_of(page)
    assert all(t in text for t in ITEMS["talks"])
    links = parse(page).links
    assert {"https://example.org/slides.pdf", "https://example.org/video",
            "https://example.org/poster.pdf"} <= set(links)
    assert "../slides/instances%20talk.pdf" in links  # a file of static/, published with it
    assert (out / "slides" / "instances talk.pdf").is_file()
    home = parse((out / "index.html").read_text("utf-8")).links
    assert [link for link in home if link.endswith("talks/index.html")]  # in the nav


def test_a_pdf_variant_prints_the_sections_it_names_in_its_order(
        every: tuple[Site, Path]) -> None:
    site, out = every
    text = _pdf_text(out / file_name(site.config.pdf.variants[1], site))
    headings = [text.find(h) for h in ("INVITED TALKS", "EXPERIENCE", "SELECTED PAPERS")]
    assert -1 not in headings and headings == sorted(headings)
    assert "TEACHING" not in text and "Systems of Examples" not in text


def test_a_publications_query_lists_only_what_it_asks_for(every: tuple[Site, Path]) -> None:
    _, out = every
    page = (out / "cv" / "index.html").read_text("utf-8")
    text = text_of(page)
    assert text.count("On Examples") == 2  # selected, and since 2019
    assert "Systems of Examples" not in text  # neither selected nor since 2019
    ids = parse(page).ids
    assert len(ids) == len(set(ids))  # a paper in two lists is one anchor, then a prefixed one
    assert {"example2020", "recent-publications-example2020"} <= set(ids)


PROFILE_LINKS = {  # the canonical URL of each service in profile.yaml: its text on the pages
    "https://www.linkedin.com/in/ada-example/": "LinkedIn",
    "https://scholar.google.com/citations?user=AbCdEfGhIjKl": "Google Scholar",
    "https://github.com/ada-example": "GitHub",
    "https://orcid.org/0000-0002-1825-0097": "ORCID",
    "https://www.semanticscholar.org/author/1741101": "Semantic Scholar",
    "https://dblp.org/pid/e/AdaExample.html": "dblp",
    "https://openreview.net/profile?id=~Ada_Example1": "OpenReview",
    "https://huggingface.co/ada-example": "Hugging Face",
    "https://x.com/ada_example": "X",
    "https://bsky.app/profile/ada.bsky.social": "Bluesky",
    "https://hci.social/@ada": "Mastodon",
    "https://lab.example.org/blog/": "Lab blog",
}
NEWS = ["On Examples won the best paper award at the Example Workshop.",
        "Joined the Example Society board.", "Gave a keynote at Sample Days."]


def test_every_profile_service_links_from_the_home_and_cv_pages_and_the_pdf(
        every: tuple[Site, Path]) -> None:
    site, out = every
    pdf = PdfReader(out / file_name(site.config.pdf.variants[0], site))
    in_pdf = {a["/A"]["/URI"] for page in pdf.pages for a in page.get("/Annots") or []
              if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]}
    for page in ("index.html", "cv/index.html"):
        html = (out / page).read_text("utf-8")
        for url, label in PROFILE_LINKS.items():
            assert f'href="{url}" rel="me"' in html.replace("&amp;", "&"), (page, url)
            assert label in text_of(html)
    assert set(PROFILE_LINKS) <= in_pdf


def test_the_news_are_on_the_home_page_and_the_archive_newest_first(
        every: tuple[Site, Path]) -> None:
    _, out = every
    home = text_of((out / "index.html").read_text("utf-8"))
    archive = text_of((out / "news" / "index.html").read_text("utf-8"))
    assert [home.index(n) for n in NEWS[:2]] == sorted(home.index(n) for n in NEWS[:2])
    assert NEWS[2] not in home  # `home: 2`: the rest only in the archive
    assert [archive.index(n) for n in NEWS] == sorted(archive.index(n) for n in NEWS)


def test_the_photo_is_on_the_home_page_in_its_sizes_and_in_the_pdf(
        every: tuple[Site, Path]) -> None:
    site, out = every
    img = re.search(r'<img class="photo" src="([^"]+)" srcset="([^"]+)" width="160" '
                    r'height="160"', (out / "index.html").read_text("utf-8"))
    assert img is not None
    for src in [img[1], *(s.split()[0] for s in img[2].split(","))]:
        assert (out / src).is_file(), src
    pdf = PdfReader(out / file_name(site.config.pdf.variants[0], site))
    assert any(page.images for page in pdf.pages[:1])


def test_a_talk_file_is_linked_at_the_site_from_the_pdf(every: tuple[Site, Path]) -> None:
    site, out = every
    reader = PdfReader(out / file_name(site.config.pdf.variants[0], site))
    uris = {str(annot.get_object()["/A"]["/URI"]) for page in reader.pages
            for annot in page.get("/Annots") or [] if "/A" in annot.get_object()}
    base = site.config.base_url.rstrip("/")
    assert f"{base}/slides/instances%20talk.pdf" in uris
    assert "https://example.org/slides.pdf" in uris
