"""A publication as Google Scholar and readers see it: its page, links and Highwire meta tags."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from posixpath import normpath
from typing import NamedTuple
from urllib.parse import urlsplit

from cvsite.errors import SCHOLAR, Diagnostic, warning
from cvsite.language import N_
from cvsite.models import Author, Publication, SiteConfig
from cvsite.paths import encoded
from cvsite.texmath import plain
from cvsite.validate.paperkeys import folder_name

VENUE_TAG = {"article": ("citation_journal_title", "journal"),
             "inproceedings": ("citation_conference_title", "booktitle"),
             "conference": ("citation_conference_title", "booktitle"),
             "incollection": ("citation_inbook_title", "booktitle"),
             "inbook": ("citation_inbook_title", "booktitle"),
             "phdthesis": ("citation_dissertation_institution", "school"),
             "mastersthesis": ("citation_dissertation_institution", "school"),
             "techreport": ("citation_technical_report_institution", "institution"),
             "book": ("citation_publisher", "publisher")}
"""Entry type -> (Highwire tag naming where it appeared, Publication attribute holding it)."""


_SPELLING = re.compile(r"^https?://(?:www\.|dx\.)?", re.I)
"""What two spellings of one web address may differ in, at the start."""


VENUE_REQUIRED = frozenset({"article", "inproceedings", "conference", "incollection",
                            "phdthesis", "mastersthesis", "techreport"})
"""Types whose `VENUE_TAG` field BibTeX requires (sources/bibtex/fields.REQUIRED_BY_TYPE):
reading the entry already warns when it is missing, so the Scholar warning does not repeat it."""


class Link(NamedTuple):
    """A link of a publication: `local` ones are paths inside the site, the rest full URLs."""

    label: str
    href: str
    local: bool = False


def paper_path(pub: Publication) -> str:
    """The paper page's folder in the site: `publications/<key>/` (unsafe characters as `-`)."""
    return f"publications/{folder_name(pub.key)}/"


def absolute(config: SiteConfig, path: str = "") -> str:
    """A full URL under the configured base URL."""
    return config.base_url.rstrip("/") + "/" + path.lstrip("/")


def local_file(href: str | None) -> str | None:
    """The site path of a link given as a relative path (`papers/x.pdf`); None for URLs."""
    if not href or urlsplit(href).scheme or href.startswith(("/", "#")):
        return None
    path = normpath(href)
    return None if path.startswith("..") or "\\" in path else path


def links(pub: Publication) -> list[Link]:
    """Every link of a publication, in reading order; one button per distinct address."""
    found = []
    if pub.eprint_url:
        found.append(Link("arXiv", pub.eprint_url))
    if pub.pdf:
        path = local_file(pub.pdf)
        found.append(Link("PDF", encoded(path), True) if path else Link("PDF", encoded(pub.pdf)))
    for label, href in (("HTML", pub.html), (N_("Code"), pub.code), (N_("Slides"), pub.slides),
                        (N_("Poster"), pub.poster), (N_("Video"), pub.video), ("DOI", pub.doi_url),
                        (N_("Project page"), pub.project), (_url_label(pub.url), pub.url)):
        if href and not any(_same(href, link.href) for link in found):
            found.append(Link(label, encoded(href)))
    return found


SITES = {"openreview.net": "OpenReview", "proceedings.mlr.press": "PMLR",
         "proceedings.neurips.cc": "NeurIPS", "papers.nips.cc": "NeurIPS",
         "papers.neurips.cc": "NeurIPS", "proceedings.iclr.cc": "ICLR",
         "aclanthology.org": "ACL Anthology", "ojs.aaai.org": "AAAI", "jmlr.org": "JMLR",
         "dl.acm.org": "ACM", "ieeexplore.ieee.org": "IEEE Xplore", "arxiv.org": "arXiv",
         "openaccess.thecvf.com": "CVF", "link.springer.com": "Springer"}
"""Where a paper's `url` often points, and the button named for it (else "Link")."""


def _url_label(url: str | None) -> str:
    """The button for a paper's `url`: the name of a well-known publisher's site, or Link."""
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:  # a malformed address: its button is still a plain link
        host = ""
    return SITES.get(host.removeprefix("www."), N_("Link"))


def _same(one: str, other: str) -> bool:
    """True for two spellings of one address (`http`/`https`, `dx.doi.org`, a final `/`)."""
    def plain(url: str) -> str:
        return _SPELLING.sub("", encoded(url)).rstrip("/").lower()
    return plain(one) == plain(other)


def pdf_url(pub: Publication, config: SiteConfig) -> str | None:
    """The full-text URL Scholar may index: same origin as the site and a `.pdf` path only."""
    if not pub.pdf:
        return None
    path = local_file(pub.pdf)
    url = encoded(absolute(config, path) if path else pub.pdf)
    target = urlsplit(url)
    site = urlsplit(config.base_url)
    same_origin = (site.scheme, site.netloc) == (target.scheme, target.netloc)
    return url if same_origin and target.path.lower().endswith(".pdf") else None


def citation_name(author: Author) -> str:
    """`Family, Given` (with von and Jr. parts), the form Scholar matches best."""
    family = " ".join(p for p in (author.von, author.family) if p)
    return ", ".join(p for p in (family, author.jr, author.given) if p)


def publication_date(pub: Publication, sep: str = "/") -> str:
    """`2023/07` when the month is known, `2023`, or "" when the year is text (`to appear`);
    `-` as separator for ISO 8601."""
    year = pub.machine_year
    if year is None:
        return ""
    return f"{year}{sep}{pub.month:02d}" if pub.month else str(year)


def highwire(pub: Publication, config: SiteConfig) -> list[tuple[str, str]]:
    """The `citation_*` meta tags of a paper page, in the order Scholar documents them."""
    tags = [("citation_title", pub.title_text)]
    tags += [("citation_author", citation_name(a)) for a in pub.authors]
    if pub.authors != pub.editors:  # a book with editors only lists them as its authors
        tags += [("citation_editor", citation_name(e)) for e in pub.editors]
    if date := publication_date(pub):
        tags.append(("citation_publication_date", date))
    tag, attr = VENUE_TAG.get(pub.entry_type, ("", ""))
    venue = getattr(pub, attr, None) if attr else None
    if tag and venue:
        tags.append((tag, plain(str(venue))))
    first, _, last = (pub.pages or "").partition("\N{EN DASH}")
    first = first or pub.eid or ""  # an article number is its first page, as APS and IOP tag it
    report = pub.number if pub.entry_type == "techreport" else None
    for name, value in (("citation_volume", pub.volume),
                        ("citation_issue", None if report else pub.number),
                        ("citation_technical_report_number", report),
                        ("citation_firstpage", first), ("citation_lastpage", last),
                        ("citation_doi", pub.doi_id)):
        if value:
            tags.append((name, value))
    if pub.eprint_url and pub.eprint:
        tags.append(("citation_arxiv_id", pub.eprint))
    tags.append(("citation_abstract_html_url", absolute(config, paper_path(pub))))
    pdf = pdf_url(pub, config)
    if pdf:
        tags.append(("citation_pdf_url", pdf))
    return tags


def scholar_warnings(pubs: tuple[Publication, ...], config: SiteConfig, file: str,
                     exists: Callable[[str], bool]) -> list[Diagnostic]:
    """One warning per paper whose page Google Scholar would skip or index poorly."""
    found = []
    for pub in pubs:
        gaps, hints = [], []
        local = local_file(pub.pdf)
        fulltext = pdf_url(pub, config) is not None and (local is None or exists(local))
        if not pub.abstract and not fulltext:
            gaps.append("no abstract and no PDF on this site")
            hints.append("add an 'abstract' field, or put the paper in content/papers/ and set "
                         f"pdf = {{papers/{folder_name(pub.key)}.pdf}}")
        if pub.et_al:
            gaps.append("the author list ends in 'and others'")
            hints.append("Scholar lists only the authors named: write every author out")
        tag, attr = VENUE_TAG.get(pub.entry_type, ("", ""))
        if tag and attr != "publisher" and not getattr(pub, attr, None) \
                and pub.entry_type not in VENUE_REQUIRED:
            gaps.append(f"no '{attr}' field for {tag}")
        if gaps:
            found.append(replace(warning(file, pub.line, 0, f"entry '{pub.key}': Google Scholar "
                                         f"may skip or misread its page: {'; '.join(gaps)}",
                                         "; ".join(hints) or None), topic=SCHOLAR))
    return found
