"""The PDF CV: what a reader, a hiring system and a PDF viewer get from the built PDFs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from cvsite.models import Site
from cvsite.pdf.build import chosen_sections, file_name, section_titles
from pdftools import built_pdfs, fonts_of, outline_titles, squash, text_of

pytestmark = pytest.mark.usefixtures("pdf_site")


@pytest.fixture(scope="session")
def pdf_site(built: Path) -> Path:
    """The real project's output folder (built once per session, PDFs included)."""
    return built


def _cv(site: Site, built: Path) -> PdfReader:
    return built_pdfs(site, built)["cv"]


def test_every_record_of_the_models_is_in_the_full_cv(site: Site, built: Path) -> None:
    text = squash(text_of(_cv(site, built)))
    expected = [site.profile.display_name]
    for job in site.cv.positions:
        expected += [job.role, job.organization, *job.highlights]
    for degree in site.cv.degrees:
        expected += [degree.degree, degree.institution, *(a.name for a in degree.advisors)]
        expected += [degree.thesis.title] if degree.thesis else []
    expected += [t.course for t in site.cv.entries("teaching")]
    expected += [a.title for a in site.cv.entries("awards")]
    for item in site.cv.entries("service"):
        expected += [item.role, *item.details]
    expected += [p.title_text for p in site.publications]
    missing = [e for e in expected if squash(e) not in text]
    assert not missing


def test_text_extracts_cleanly_in_reading_order(site: Site, built: Path) -> None:
    text = text_of(_cv(site, built))
    assert "\ufffd" not in text
    headings = [section_titles(site, site.config.pdf.variants[0])[s]
                for s in chosen_sections(site, site.config.pdf.variants[0])]
    positions = [squash(text).find(squash(h.upper())) for h in headings]
    assert -1 not in positions, headings
    assert positions == sorted(positions)
    assert squash(text).find(squash(site.profile.display_name)) < positions[0]


def test_owner_contact_links_are_clickable(site: Site, built: Path) -> None:
    first = _cv(site, built).pages[0]
    uris = {a["/A"].get("/URI") for a in (x.get_object() for x in first.get("/Annots", []))}
    assert f"mailto:{site.profile.email}" in uris
    assert site.profile.website in uris


def test_each_pdf_keeps_its_page_budget(site: Site, built: Path) -> None:
    readers = built_pdfs(site, built)
    for variant in site.config.pdf.variants:
        assert variant.max_pages is not None
        assert 1 <= len(readers[variant.name].pages) <= variant.max_pages
    assert len(readers["cv"].pages) == 2  # her full CV, as the seed


def test_page_numbers_and_running_header_from_page_two(site: Site, built: Path) -> None:
    reader = _cv(site, built)
    pages = [p.extract_text() for p in reader.pages]
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"\b{number} / {total}\b", page)
    name = site.profile.display_name
    assert pages[1].count(name) == 1  # the running header; page 1 has the masthead only
    assert "Curriculum Vitae" in pages[1]


def test_metadata_comes_from_the_models(site: Site, built: Path) -> None:
    reader = _cv(site, built)
    info = reader.metadata
    assert info is not None
    assert info.title == f"{site.profile.display_name} — Curriculum Vitae"
    assert info.author == site.profile.display_name
    assert info.subject and site.profile.display_name in info.subject
    keywords = str(info.get("/Keywords", ""))
    assert all(topic in keywords for topic in site.config.publications.topics)
    assert reader.trailer["/Root"]["/Lang"] == site.config.language
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF (PDF/UA-1)


def test_bookmarks_name_every_section(site: Site, built: Path) -> None:
    variant = site.config.pdf.variants[0]
    titles = outline_titles(_cv(site, built))
    wanted = [section_titles(site, variant)[s] for s in chosen_sections(site, variant)]
    assert [t for t in titles if t in wanted] == wanted
    assert set(site.config.publications.topics) <= set(titles)


def test_fonts_are_the_shipped_ones_embedded_and_subset(site: Site, built: Path) -> None:
    fonts = fonts_of(_cv(site, built))
    assert fonts, "no fonts found"
    assert all(fonts.values())
    assert all(re.match(r"^[A-Z]{6}\+", name) for name in fonts)
    families = " ".join(fonts)
    assert "Charis" in families and "Inter" in families


def test_resume_holds_only_what_it_selected(site: Site, built: Path) -> None:
    resume = next(v for v in site.config.pdf.variants if v.selected_publications_only)
    text = squash(text_of(built_pdfs(site, built)[resume.name]))
    for pub in site.publications:
        assert (squash(pub.title_text) in text) == pub.selected, pub.key
    left_out = {"teaching", "awards", "service"} - set(chosen_sections(site, resume))
    assert left_out, "the résumé fixture should leave sections out"
    thesis_awards = {d.thesis.award for d in site.cv.degrees if d.thesis}  # also in Education
    items = {"teaching": [t.course for t in site.cv.entries("teaching")],
             "awards": [a.title for a in site.cv.entries("awards") if a.title not in thesis_awards],
             "service": [f"{s.role}: {', '.join(s.details)}" for s in site.cv.entries("service")]}
    for section in left_out:
        assert not [i for i in items[section] if squash(i) in text], section


def test_pages_link_each_pdf_with_its_size(site: Site, built: Path) -> None:
    for page in ("index.html", "cv/index.html"):
        html = (built / page).read_text("utf-8")
        for variant in site.config.pdf.variants:
            name = file_name(variant, site)
            size = round((built / name).stat().st_size / 1000)
            up = "../" * page.count("/")  # links are relative to the page
            assert re.search(rf'href="{up}{re.escape(name)}"[^>]*>Download {variant.label} '
                             rf'<span[^>]*>\(PDF, {size} KB\)', html), (page, name)


def test_pdftotext_reads_headings_and_entries_as_words(site: Site, built: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        if os.environ.get("CVSITE_REQUIRE_TOOLS"):
            pytest.fail("pdftotext (poppler-utils) is required")
        pytest.skip("pdftotext (poppler-utils) not installed")
    variant = site.config.pdf.variants[0]
    path = built / file_name(variant, site)
    text = subprocess.run([pdftotext, "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines()]
    headings = [section_titles(site, variant)[s].upper() for s in chosen_sections(site, variant)]
    assert [line for line in lines if line in headings] == headings  # whole words, in order
    for pub in site.publications:
        if pub.award:
            assert re.search(rf"\({pub.year}\), {pub.award.upper()}\.", text), pub.key
    assert "\ufffd" not in text
