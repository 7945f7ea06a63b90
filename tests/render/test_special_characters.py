"""Special characters of real BibTeX as a reader sees them on the page, and what machines read:
bare accents, TeX quotes, dashes, footnote marks after names, \\noopsort, Scholar's arXiv
numbers, editors as citation_editor."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from bibcorpus import CORPUS
from conftest import built_with_entries
from pagetext import parse, text_of


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal project with tests/bib/special-characters.bib added, built once."""
    entries = (CORPUS / "special-characters.bib").read_text(encoding="utf-8")
    return built_with_entries(tmp_path_factory.mktemp("special"), entries)[0]


def page(out: Path, key: str) -> str:
    """A paper's page."""
    return (out / f"publications/{key}/index.html").read_text(encoding="utf-8")


def part(html: str, css_class: str) -> str:
    """The text of the paper page's element with this class."""
    found = re.search(rf'<p class="{css_class}">(.*?)</p>', html, re.S)
    assert found, css_class
    return text_of(found[1]).strip()


def tags(html: str, name: str) -> list[str]:
    """The values of one citation_* meta tag."""
    return [unescape(v) for v in re.findall(rf'<meta name="{name}" content="([^"]*)">', html)]


def test_bare_accents_quotes_and_dashes_are_typeset(out: Path) -> None:
    html = page(out, "ncone2021")
    title = ("Lower Bounds for NC^1 via the ‘Switching’ Lemma: “Depth” – and Size — Revisited")
    assert parse(html).headings[0] == (1, title)
    assert tags(html, "citation_title") == [title]
    assert part(html, "paper-venue") == ("Journal of Complexity & Circuits, Code at ~ada/nc1; "
                                         "50% shorter; x^2, 2021")


def test_a_footnote_mark_after_a_name_is_dropped_and_kept_in_the_cite_box(out: Path) -> None:
    html = page(out, "ncone2021")
    assert part(html, "paper-authors") == "Ada Example, Bob Smith, Jan de Vries"
    assert tags(html, "citation_author") == ["Example, Ada", "Smith, Bob", "de Vries, Jan"]
    box = re.search(r'<pre class="bibtex" id="bibtex"><code>(.*?)</code>', html, re.S)
    assert box and "Example, Ada$^\\dagger$" in unescape(box[1])


def test_noopsort_is_not_shown(out: Path) -> None:
    html = page(out, "knuth1973")
    assert parse(html).headings[0] == (1, "Fundamental Algorithms, Rock ‘n’ Roll Edition")
    assert "noopsort" not in text_of(re.sub(r"<pre.*?</pre>", "", html, flags=re.S))


def test_editors_are_citation_editor_tags(out: Path) -> None:
    html = page(out, "knuth1973")
    assert tags(html, "citation_editor") == ["Example, Ada", "Smith, Bob"]
    assert tags(html, "citation_author") == ["Knuth, Donald E."]


def test_a_scholar_arxiv_number_beside_the_eprint_is_shown_once(out: Path) -> None:
    for key, arxiv_id in (("scholar2024", "2401.12345"), ("zotero2024", "2402.54321")):
        venue = part(page(out, key), "paper-venue")
        assert venue.count(arxiv_id) == (1 if key == "zotero2024" else 0), venue
        assert "no." not in venue
        assert f'href="https://arxiv.org/abs/{arxiv_id}"' in page(out, key)
