"""For any entry, the paper's page, its citation_* tags, its JSON-LD and the PDF agree.

Math in a title is MathML on the page and the same math as Unicode text everywhere else (the
PDF too): the heading's text is MathML's characters (`O(n2)`, its 2 drawn raised), the rest
read `O(n²)`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cvsite.build import build
from pagetext import parse, text_of

MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"
PDF = "ada-example-cv.pdf"

# (as written in BibTeX, as a reader sees it)
PLAIN = [("Learning", "Learning"), ("Graphs", "Graphs"), ("Models", "Models"),
         ("of", "of"), ("Deep", "Deep")]
TITLE_WORDS = [
    *PLAIN, (r"{\"u}ber", "über"), (r"Caf\'{e}", "Café"), (r"\c{C}a", "Ça"), ("{TeX}", "TeX"),
    ("{DNA}", "DNA"), ("--", "–"), (r"\&", "&"), (r"na\"{\i}ve", "naïve")]
MATH = [("$O(n^2)$", "O(n²)", "O(n2)"), (r"$\alpha$-Nets", "α-Nets", "α-Nets"),
        (r"$\ell_1$", "ℓ₁", "ℓ1"), (r"$\infty$", "∞", "∞"), (r"\(k\)-Means", "k-Means", "k-Means")]
"""(as written, as Unicode text, the text of its MathML)"""
GIVEN = [("Jan", "Jan"), ("Ana", "Ana"), (r"\'{E}mile", "Émile"), (r"J{\"o}rg", "Jörg"),
         ("Mary Ann", "Mary Ann")]
FAMILY = [("Berg", "Berg"), ("Smith", "Smith"), (r"\"Ozt\"urk", "Öztürk"),
          (r"\c{C}olt", "Çolt"), (r"M{\"u}ller", "Müller"), (r"Nu\~{n}ez", "Nuñez")]
PARTICLES = ["", "van", "von", "de la", "van der"]
SUFFIXES = ["", "Jr.", "III"]
YEARS = st.integers(1950, 2030).map(str) | st.sampled_from(
    ["in press", "to appear", "forthcoming", "2025a", "2019b"])


@dataclass(frozen=True)
class Name:
    """One author: the BibTeX form chosen and the parts a reader sees."""

    written: str
    given: str
    von: str
    family: str
    jr: str

    def shown(self) -> str:
        """'Given von Family Jr.', as on the page, in JSON-LD and in the PDF."""
        return " ".join(p for p in (self.given, self.von, self.family, self.jr) if p)

    def cited(self) -> str:
        """'von Family, Jr., Given', as in citation_author."""
        last = " ".join(p for p in (self.von, self.family) if p)
        return ", ".join(p for p in (last, self.jr, self.given) if p)


@st.composite
def names(draw: st.DrawFn) -> Name:
    """An author in one of BibTeX's three name forms."""
    given, von, family, jr = (draw(st.sampled_from(GIVEN)), draw(st.sampled_from(PARTICLES)),
                              draw(st.sampled_from(FAMILY)), draw(st.sampled_from(SUFFIXES)))
    last = " ".join(p for p in (von, family[0]) if p)
    forms = ([f"{last}, {jr}, {given[0]}"] if jr
             else [f"{last}, {given[0]}", f"{given[0]} {last}"])
    return Name(draw(st.sampled_from(forms)), given[1], von, family[1], jr)


@dataclass(frozen=True)
class Entry:
    """A generated entry: its BibTeX and what a reader must see."""

    key: str
    title_written: str
    title: str
    heading: str
    authors: tuple[Name, ...]
    year: str

    def bibtex(self) -> str:
        """The entry as a .bib file holds it."""
        authors = " and ".join(a.written for a in self.authors)
        return (f"@article{{{self.key},\n  author  = {{{authors}}},\n"
                f"  title   = {{{self.title_written}}},\n  journal = {{Journal of Examples}},\n"
                f"  year    = {{{self.year}}},\n  topic   = {{Theory}},\n}}\n")


@st.composite
def entries(draw: st.DrawFn, key: str) -> Entry:
    """An entry whose title and names mix accents, braces, dashes and particles."""
    plain = [(w, t, t) for w, t in TITLE_WORDS]
    middle = draw(st.lists(st.sampled_from(plain + MATH), min_size=1, max_size=4))
    first, last = (draw(st.sampled_from([(w, t, t) for w, t in PLAIN])) for _ in range(2))
    words = [first, *middle, last]
    authors = draw(st.lists(names(), min_size=1, max_size=4, unique_by=lambda n: n.shown()))
    return Entry(key, " ".join(w[0] for w in words), " ".join(w[1] for w in words),
                 " ".join(w[2] for w in words), tuple(authors), draw(YEARS))


def _one_year(written: str) -> str | None:
    """The year a machine may read from a written year: '2025a' names 2025, 'in press' none."""
    found = re.fullmatch(r"(\d{4})[a-z]?", written)
    return found.group(1) if found else None


def _check_page(entry: Entry, page: str) -> None:
    """The visible text, citation_* tags and JSON-LD of one paper's page."""
    found = parse(page)
    assert (1, entry.heading) in found.headings
    assert page.count("<math ") >= entry.title_written.count("$") // 2 + \
        entry.title_written.count("\\(")
    assert f"<title>{escape(entry.title)} — " in page
    visible = text_of(page)
    assert ", ".join(a.shown() for a in entry.authors) in visible
    assert f"Journal of Examples, {entry.year}" in visible
    meta = re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', page)
    tags = [(n, unescape(v)) for n, v in meta]
    assert ("citation_title", entry.title) in tags
    assert [v for n, v in tags if n == "citation_author"] == [a.cited() for a in entry.authors]
    dates = [v for n, v in tags if n == "citation_publication_date"]
    year = _one_year(entry.year)
    assert dates == ([year] if year else [])
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert script is not None
    data = json.loads(script.group(1))
    assert data["headline"] == entry.title
    assert [p["name"] for p in data["author"]] == [a.shown() for a in entry.authors]
    assert data.get("datePublished") == year


def _squash(text: str) -> str:
    """Text without whitespace or hyphens, to compare across line breaks (pdftotext drops the
    hyphen of a line that ends in one, as if it were hyphenation: `α-⏎Nets` is `αNets`)."""
    return re.sub(r"[\s-]+", "", text)


MATH_TITLE = Entry(
    "math", r"Learning $O(n^2)$ $\alpha$-Nets {\"u}ber $\ell_1$ \(k\)-Means Graphs",
    "Learning O(n²) α-Nets über ℓ₁ k-Means Graphs", "Learning O(n2) α-Nets über ℓ1 k-Means Graphs",
    (Name("Berg, Jan", "Jan", "", "Berg", ""),), "2020")
"""Every kind of math at once, whatever the random draws hold."""


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(drawn=(MATH_TITLE,))
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=3, unique=True).flatmap(
    lambda ids: st.tuples(*(entries(f"p{i}") for i in ids))))
def test_page_tags_jsonld_and_pdf_show_the_same_title_authors_and_year(
        require_tool: Callable[..., None], drawn: tuple[Entry, ...]) -> None:
    pdftotext = shutil.which("pdftotext")
    require_tool(pdftotext, "pdftotext")
    with tempfile.TemporaryDirectory() as tmp:
        root = shutil.copytree(MINIMAL, Path(tmp) / "project")
        bib = "\n".join(e.bibtex() for e in drawn)
        (root / "content" / "publications.bib").write_text(bib, encoding="utf-8")
        build(root, root / "_site", use_cache=False)
        for entry in drawn:
            page = (root / "_site" / "publications" / entry.key / "index.html")
            _check_page(entry, page.read_text(encoding="utf-8"))
        text = _squash(subprocess.run([str(pdftotext), str(root / "_site" / PDF), "-"], check=True,
                                      capture_output=True, text=True).stdout)
    for entry in drawn:
        assert _squash(entry.title) in text
        for author in entry.authors:
            assert _squash(author.shown()) in text
        assert _squash(f"({entry.year})") in text
