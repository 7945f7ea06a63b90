"""Paper pages as Google Scholar, search engines and readers see them (issue 5)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvsite.build import build
from cvsite.models import Publication, Site
from cvsite.validate.scholar import highwire, pdf_url
from scholar_helpers import read_head

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once for this module."""
    out = tmp_path_factory.mktemp("scholar") / "_site"
    build(ROOT, out)
    return out


def page(pub: Publication) -> str:
    """Where a publication's page is expected."""
    return f"publications/{pub.key}/index.html"


def venue_tag(pub: Publication) -> tuple[str, str | None]:
    """The Highwire tag a paper of this type should carry, and the model's value for it."""
    if pub.entry_type == "article":
        return "citation_journal_title", pub.journal
    return "citation_conference_title", pub.booktitle


def test_every_publication_has_a_page_with_its_title(site: Site, built: Path) -> None:
    for pub in site.publications:
        html = (built / page(pub)).read_text(encoding="utf-8")
        assert f'<h1 id="paper-title" class="paper-title">{pub.title}</h1>' in html


def test_highwire_tags_match_the_models(site: Site, built: Path) -> None:
    base = site.config.base_url
    for pub in site.publications:
        head = read_head(built / page(pub))
        assert head.one("citation_title") == pub.title
        families = [a.split(",")[0] for a in head.values("citation_author")]
        assert families == [a.family for a in pub.authors]
        assert [a.split(", ")[-1] for a in head.values("citation_author")] == [
            a.given for a in pub.authors]
        assert head.one("citation_publication_date") == str(pub.year)
        tag, venue = venue_tag(pub)
        if pub.entry_type in ("inproceedings", "article"):
            assert head.one(tag) == venue
        if pub.eprint:
            assert head.one("citation_arxiv_id") == pub.eprint
        canonical = head.link("canonical")[0]["href"]
        assert canonical == f"{base}publications/{pub.key}/"
        assert head.one("citation_abstract_html_url") == canonical
        assert head.values("citation_pdf_url") == []  # no paper ships a PDF yet


def test_paper_page_shows_award_equal_marks_and_links(site: Site, built: Path) -> None:
    for pub in site.publications:
        html = (built / page(pub)).read_text(encoding="utf-8")
        assert ('class="award"' in html) == bool(pub.award)
        assert ("Equal contribution" in html) == pub.has_equal_contribution
        assert html.count('class="owner"') >= sum(a.owner for a in pub.authors)
        if pub.eprint_url:
            assert f'href="{pub.eprint_url}"' in html


def test_article_jsonld_has_the_required_properties(site: Site, built: Path) -> None:
    for pub in site.publications:
        (data,) = read_head(built / page(pub)).jsonld
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "ScholarlyArticle"
        assert data["headline"] == pub.title
        assert [a["name"] for a in data["author"]] == [a.display for a in pub.authors]
        assert data["datePublished"] == str(pub.year)
        assert data["url"] == f"{site.config.base_url}publications/{pub.key}/"


def test_home_page_person_jsonld(site: Site, built: Path) -> None:
    (person,) = read_head(built / "index.html").jsonld
    now = site.current_position
    assert now is not None
    assert person["@type"] == "Person"
    assert person["name"] == site.profile.name
    assert person["jobTitle"] == now.role
    assert person["worksFor"]["name"] == now.organization
    assert [s["name"] for s in person["alumniOf"]] == [d.institution for d in site.cv.degrees]
    assert f"https://www.linkedin.com/in/{site.profile.linkedin}/" in person["sameAs"]


def test_every_page_has_social_tags_canonical_feed_and_icon(site: Site, built: Path) -> None:
    base = site.config.base_url
    pages = sorted(built.rglob("*.html"))
    assert len(pages) == len(site.publications) + 5
    for path in pages:
        head = read_head(path)
        assert head.one("og:title") and head.one("twitter:title") == head.one("og:title")
        assert head.one("og:description") == head.one("description") != ""
        assert head.one("twitter:card") == "summary"
        assert head.one("og:image").startswith(base)
        feeds = head.link("alternate")
        name = path.relative_to(built).as_posix()
        root = "/" if name == "404.html" else "../" * name.count("/")  # 404: served anywhere
        assert [(f["type"], f["href"]) for f in feeds] == [("application/atom+xml",
                                                             root + "feed.xml")]
        assert {i["href"] for i in head.link("icon")} == {root + "favicon.ico",
                                                          root + "favicon.svg"}
        if path.name == "404.html":
            assert head.link("canonical") == []
            continue
        canonical = head.link("canonical")[0]["href"]
        relative = path.relative_to(built).as_posix().removesuffix("index.html")
        assert canonical == base + relative == head.one("og:url")


def test_publication_lists_link_each_title_to_its_page(site: Site, built: Path) -> None:
    for listing in ("publications/index.html", "publications/by-year/index.html"):
        html = (built / listing).read_text(encoding="utf-8")
        for pub in site.publications:
            up = "../" * listing.count("/")
            link = f'href="{up}publications/{pub.key}/index.html">{pub.title}</a>'
            assert f'<a class="pub-title" {link}' in html


def test_by_year_view_is_newest_first_and_marks_the_selected(site: Site, built: Path) -> None:
    html = (built / "publications/by-year/index.html").read_text(encoding="utf-8")
    years = [int(y) for y in re.findall(r'<h2 id="year-(\d{4})">', html)]
    assert years == sorted({p.year for p in site.publications}, reverse=True)
    listed = re.findall(r'<li class="pub( is-selected)?" id="([^"]+)">', html)
    assert sorted(k for _, k in listed) == sorted(p.key for p in site.publications)
    assert {k for mark, k in listed if mark} == {p.key for p in site.publications if p.selected}


def test_bibtex_is_readable_without_javascript(site: Site, built: Path) -> None:
    for pub in site.publications:
        head = read_head(built / page(pub))
        assert head.pre == [pub.bibtex.strip()]
        assert head.buttons == 0  # the copy button is added by the script, never dead
        assert head.scripts == ["../../js/copy.js defer"]
        assert (built / f"publications/{pub.key}/{pub.key}.bib").read_text() == pub.bibtex
    assert "navigator.clipboard" in (built / "js/copy.js").read_text()


def test_citation_pdf_url_is_same_origin_pdf_only(project: Path, tmp_path: Path) -> None:
    bib = project / "content/publications.bib"
    text = bib.read_text()
    pdfs = {"wu2021curricula": "papers/curricula.pdf",
            "wu2022xtc": "https://arxiv.org/pdf/2206.01859.pdf",
            "ward2019adagrad": "https://xwushirley.github.io/papers/adagrad.pdf",
            "wu2023int4": "papers/int4.html"}
    for key, pdf in pdfs.items():
        text = text.replace(f"{{{key},", f"{{{key},\n  pdf = {{{pdf}}},")
    bib.write_text(text)
    (project / "content/papers").mkdir()
    (project / "content/papers/curricula.pdf").write_bytes(b"%PDF-1.4 curricula")
    (project / "content/papers/adagrad.pdf").write_bytes(b"%PDF-1.4 adagrad")  # on this site
    (project / "content/papers/int4.html").write_text("<!doctype html><title>int4</title>")
    out = tmp_path / "out"
    result = build(project, out)
    base = urlsplit("https://xwushirley.github.io/")
    found = {}
    for key in pdfs:
        urls = read_head(out / f"publications/{key}/index.html").values("citation_pdf_url")
        for url in urls:
            assert (urlsplit(url).scheme, urlsplit(url).netloc) == (base.scheme, base.netloc)
            assert url.endswith(".pdf")
        found[key] = urls
    assert found == {"wu2021curricula": ["https://xwushirley.github.io/papers/curricula.pdf"],
                     "wu2022xtc": [], "ward2019adagrad": [
                         "https://xwushirley.github.io/papers/adagrad.pdf"], "wu2023int4": []}
    assert (out / "papers/curricula.pdf").read_bytes() == b"%PDF-1.4 curricula"
    html = (out / "publications/wu2021curricula/index.html").read_text()
    assert 'href="../../papers/curricula.pdf"' in html
    warned = {d.message.split("'")[1]: d for d in result.diagnostics}
    assert "wu2021curricula" not in warned  # abstract missing, but the full text is on the site
    assert "no abstract and no PDF" in warned["wu2023int4"].message  # an HTML file is no PDF


RICH = r"""
@article{rich2025,
  author   = {Wu*, Xiaoxia and Ward*, Rachel and Bottou, L{\'e}on},
  title    = {A {Rich} Entry </script><script>alert(1)</script>},
  journal  = {Journal of Machine Learning Research},
  year     = {2025},
  month    = {jul},
  volume   = {26},
  number   = {3},
  pages    = {101--142},
  doi      = {10.5555/rich.2025},
  eprint   = {2501.00001},
  archiveprefix = {arXiv},
  code     = {https://github.com/example/rich},
  slides   = {https://example.org/rich-slides.pdf},
  project  = {https://example.org/rich/},
  abstract = {We show <blink>everything</blink> \& more.},
  award    = {oral},
  selected = {true},
  topic    = {Optimization and Theory},
}
"""


def test_journal_article_tags_links_and_safe_jsonld(project: Path, tmp_path: Path) -> None:
    bib = project / "content/publications.bib"
    bib.write_text(bib.read_text() + RICH)
    out = tmp_path / "out"
    result = build(project, out)
    assert not [d for d in result.diagnostics if "'rich2025'" in d.message]
    path = out / "publications/rich2025/index.html"
    head = read_head(path)
    title = "A Rich Entry </script><script>alert(1)</script>"
    assert head.one("citation_title") == title
    assert head.values("citation_author") == ["Wu, Xiaoxia", "Ward, Rachel", "Bottou, Léon"]
    assert head.one("citation_publication_date") == "2025/07"
    assert head.one("citation_journal_title") == "Journal of Machine Learning Research"
    assert (head.one("citation_volume"), head.one("citation_issue")) == ("26", "3")
    assert (head.one("citation_firstpage"), head.one("citation_lastpage")) == ("101", "142")
    assert head.one("citation_doi") == "10.5555/rich.2025"
    assert head.one("citation_arxiv_id") == "2501.00001"
    assert head.values("citation_pdf_url") == []
    (data,) = head.jsonld  # parsed although the title tries to close the script
    assert data["headline"] == title and data["datePublished"] == "2025-07"
    assert data["abstract"] == "We show <blink>everything</blink> & more."
    assert data["isPartOf"]["name"] == "Journal of Machine Learning Research"
    html = path.read_text()
    assert html.count("</script>") == 2  # the JSON-LD and copy.js: none from the content
    assert "<blink>everything</blink>" not in html
    for href in ("https://arxiv.org/abs/2501.00001", "https://doi.org/10.5555/rich.2025",
                 "https://github.com/example/rich", "https://example.org/rich-slides.pdf",
                 "https://example.org/rich/"):
        assert f'<a class="button" href="{href}">' in html
    assert "Equal contribution" in html and "Selected" in html and 'class="award"' in html


OTHER_TYPES = r"""
@phdthesis{wu2020thesis,
  author = {Wu, Xiaoxia},
  title  = {Gradient-based Optimization},
  school = {The University of Texas at Austin},
  year   = {2020},
  abstract = {A thesis.},
}

@techreport{wu2019report,
  author      = {Wu, Xiaoxia and Ward, Rachel},
  title       = {A Report},
  institution = {UT Austin},
  number      = {TR-19-7},
  year        = {2019},
  abstract    = {A report.},
}

@inproceedings{novenue2019,
  author   = {Wu, Xiaoxia},
  title    = {No Venue},
  year     = {2019},
  abstract = {Where did it appear?},
}
"""


def test_theses_and_reports_name_their_institution(project: Path, tmp_path: Path) -> None:
    bib = project / "content/publications.bib"
    bib.write_text(bib.read_text() + OTHER_TYPES)
    out = tmp_path / "out"
    result = build(project, out)
    thesis = read_head(out / "publications/wu2020thesis/index.html")
    assert thesis.one("citation_dissertation_institution") == "The University of Texas at Austin"
    report = read_head(out / "publications/wu2019report/index.html")
    assert report.one("citation_technical_report_institution") == "UT Austin"
    assert report.one("citation_technical_report_number") == "TR-19-7"
    assert report.values("citation_issue") == []
    warned = {d.message.split("'")[1]: d.message for d in result.diagnostics}
    assert "wu2020thesis" not in warned and "wu2019report" not in warned
    novenue = [d.message for d in result.diagnostics if "'novenue2019'" in d.message]
    assert [m for m in novenue if "'booktitle'" in m] == [  # once, not again for Scholar
        "entry 'novenue2019': @inproceedings entries need a 'booktitle' field"]


PDF_LIKE = st.one_of(
    st.sampled_from(["papers/a.pdf", "papers/A.PDF", "../secret.pdf", "/papers/x.pdf", "x.html",
                     "https://xwushirley.github.io/p.pdf", "http://xwushirley.github.io/p.pdf",
                     "https://xwushirley.github.io.evil.com/p.pdf", "//evil.com/p.pdf",
                     "https://user@xwushirley.github.io/p.pdf", "https://arxiv.org/pdf/1.pdf",
                     "https://xwushirley.github.io:8443/p.pdf", "papers/a.pdf?x=1", "#frag.pdf"]),
    st.text(alphabet="abc/.:?#%@-_pdfPDFhtps", max_size=40).filter(lambda t: t.strip()))


@settings(max_examples=300, deadline=None)
@given(pdf=PDF_LIKE)
def test_citation_pdf_url_is_never_cross_origin(site: Site, pdf: str) -> None:
    pub = site.publications[0].model_copy(update={"pdf": pdf})
    url = pdf_url(pub, site.config)
    if url is not None:
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == ("https", "xwushirley.github.io")
        assert parts.path.lower().endswith(".pdf")
        assert [v for k, v in highwire(pub, site.config) if k == "citation_pdf_url"] == [url]
    else:
        assert "citation_pdf_url" not in dict(highwire(pub, site.config))
