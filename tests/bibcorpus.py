"""The BibTeX corpus in tests/bib/ read as cvsite reads it, described as plain text."""

from __future__ import annotations

from pathlib import Path

from cvsite.models import Author, Publication, SiteConfig
from cvsite.render.citeformat import PaperDates
from cvsite.render.venue import publication_venue, venue_details
from cvsite.scripts import cjk_language
from cvsite.sources.bibtex.reader import load_bib
from cvsite.validate.publications import convert_all

CORPUS = Path(__file__).parent / "bib"
CONFIG = SiteConfig(title="Test", base_url="https://example.org/",
                    owner_aliases=("Xiaoxia Wu", "X. Wu"))


def load(name: str) -> tuple[dict[str, Publication], list[str]]:
    """Publications by key and the formatted diagnostics (in line order) of one corpus file."""
    path = CORPUS / name
    entries, problems = load_bib(path, name)
    publications, found = convert_all(entries, CONFIG, name)
    shown = [d.format() for d in sorted(problems + found, key=lambda d: (d.line, d.message))]
    return {p.key: p for p in publications}, shown


def _person(a: Author) -> str:
    name = f"**{a.display}**" if a.owner else a.display
    return name + ("*" if a.equal else "")


def describe(publication: Publication) -> list[str]:
    """One publication as the reader sees it, one aspect per line."""
    p = publication
    lines = [f"[{p.key}] @{p.entry_type} line {p.line}", f"  title: {p.title}"]
    if p.title_text != p.title:
        lines.append(f"  title_text: {p.title_text}")
    lines.append("  authors: " + ", ".join(_person(a) for a in p.authors)
                 + (", et al." if p.et_al else "")
                 + (f" ({p.collaboration})" if p.collaboration else ""))
    spoken = [f"{text} {code}" for text in ("title", *(a.display for a in p.authors))
              if (code := cjk_language(p.title_text if text == "title" else text, p.language,
                                        "" if text == "title" else p.title_text))]
    if spoken:
        lines.append("  lang: " + ", ".join(spoken))
    details = " ; ".join(venue_details(p))
    lines.append(f"  venue: {publication_venue(p)} | {details} | {PaperDates().date_text(p)}")
    links = {name: getattr(p, name) for name in ("url", "doi", "eprint", "pdf", "code",
                                                    "slides", "poster", "video", "project",
                                                    "html")}
    lines += [f"  {name}: {value}" for name, value in links.items() if value]
    if p.abstract:
        lines.append(f"  abstract: {p.abstract}")
    return lines


def snapshot(name: str) -> str:
    """The whole expected text of one corpus file: diagnostics, then publications."""
    publications, problems = load(name)
    lines = [*problems, "---"]
    for publication in publications.values():
        lines += describe(publication)
    return "\n".join(lines) + "\n"
