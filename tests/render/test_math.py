"""TeX math in titles, venues and abstracts: MathML on pages, Unicode text wherever machines
read or the PDF prints, the TeX as written in the Cite box; unreadable math a warning."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import built_with_entries
from cvsite.output.result import BuildResult
from cvsite.pdf.build import print_html
from cvsite.render.environment import make_environment
from cvsite.validate.load import load_site
from pagetext import parse, text_of

ENTRIES = r"""
@article{bound, author = {Example, Ada}, title = {An $O(n^2)$ Bound for $\alpha$-Nets},
  journal = {Journal of $\mathbb{R}^d$ Geometry}, year = {2023},
  abstract = {We show \(x_1 + x_2 \leq \sqrt{n}\) for $n > 2$; code at https://example.org/x.}}
@misc{broken, author = {Example, Ada}, title = {A $\left( x$ Open Bracket}, year = {2022}}
@article{dblp, author = {Example, Ada}, journal = {CoRR}, year = {2023},
  title = {A Preprint on {\$}{\textbackslash}ell{\_}1{\$} Things}}
@misc{sneaky, author = {Example, Ada}, title = {Text $\text{<b>bold</b>}$ in math}, year = {2021}}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The minimal project with the entries above, built once (no PDF: see the last test)."""
    return built_with_entries(tmp_path_factory.mktemp("math"), ENTRIES)


def page(out: Path, key: str) -> str:
    """A paper's page."""
    return (out / f"publications/{key}/index.html").read_text(encoding="utf-8")


def test_math_in_a_title_is_mathml_on_the_page_and_in_the_lists(
        site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    html = page(out, "bound")
    heading = re.search(r'<h1 id="paper-title" class="paper-title">(.*?)</h1>', html, re.S)
    assert heading and heading[1].count("<math ") == 2
    assert "<msup><mi>n</mi><mn>2</mn></msup>" in heading[1]
    listed = (out / "publications/index.html").read_text(encoding="utf-8")
    assert "<msup><mi>n</mi><mn>2</mn></msup>" in listed
    for shown in (re.sub(r'<section class="cite".*?</section>', "", html, flags=re.S), listed):
        assert "$" not in text_of(shown) and "\\alpha" not in text_of(shown)


def test_dblp_escaped_math_is_math_too(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    html = page(out, "dblp")
    assert "<msub><mi>ℓ</mi><mn>1</mn></msub>" in html
    assert parse(html).headings[0] == (1, "A Preprint on ℓ1 Things")
    assert "<title>A Preprint on ℓ₁ Things — " in html


def test_machines_read_the_math_as_unicode_text(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    html = page(out, "bound")
    found = parse(html)
    assert re.search(r"<title>An O\(n²\) Bound for α-Nets — ", html)
    tags = dict((n, unescape(v)) for n, v in
                re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', html))
    assert tags["citation_title"] == "An O(n²) Bound for α-Nets"
    assert tags["citation_journal_title"] == "Journal of ℝᵈ Geometry"
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert script
    data = json.loads(script[1])
    assert data["headline"] == "An O(n²) Bound for α-Nets"
    assert data["isPartOf"]["name"] == "Journal of ℝᵈ Geometry"
    assert data["abstract"].startswith("We show x₁ + x₂ ≤ √(n) for n > 2;")
    description = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert description and "$" not in description[1] and "\\(" not in description[1]
    assert found.headings[0][0] == 1
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "<title>An O(n²) Bound for α-Nets</title>" in feed
    assert "$" not in feed and "\\leq" not in feed


def test_the_cite_box_and_bib_download_keep_the_tex_as_written(
        site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    box = re.search(r'<pre class="bibtex" id="bibtex"><code>(.*?)</code>', page(out, "bound"),
                    re.S)
    assert box and re.search(r"title += \{An \$O\(n\^2\)\$ Bound for \$\\alpha\$-Nets\}",
                             unescape(box[1]))
    assert "$O(n^2)$" in (out / "publications.bib").read_text(encoding="utf-8")


def test_math_in_an_abstract_is_mathml_beside_its_links(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    section = re.search(r'<section class="abstract".*?</section>', page(out, "bound"), re.S)
    assert section and section[0].count("<math ") == 2
    assert '<a href="https://example.org/x">https://example.org/x</a>' in section[0]
    assert "<msqrt>" in section[0] and "\\(" not in section[0]


def test_unreadable_math_is_a_warning_at_its_line_and_shown_as_text(
        site: tuple[Path, BuildResult]) -> None:
    out, result = site
    warned = [d for d in result.diagnostics if "'broken'" in d.message and "math" in d.message]
    assert [(d.severity, d.message) for d in warned] == [
        ("warning", "entry 'broken': title: cannot read the math '$\\left( x$'; shown as plain "
                    "text '( x'")]
    bib = (out.parent / "project/content/publications.bib").read_text(encoding="utf-8")
    assert warned[0].line == bib.splitlines().index(
        r"@misc{broken, author = {Example, Ada}, title = {A $\left( x$ Open Bracket}, "
        "year = {2022}}") + 1
    heading = parse(page(out, "broken")).headings[0]
    assert heading == (1, "A ( x Open Bracket")


def test_markup_inside_math_is_text_never_an_element(site: tuple[Path, BuildResult]) -> None:
    out, result = site
    html = page(out, "sneaky")
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert any("'sneaky'" in d.message for d in result.diagnostics)


def test_the_pdf_prints_the_same_math_as_unicode_text(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    project = out.parent / "project"
    loaded, _ = load_site(project)
    assert loaded is not None
    printed = print_html(loaded, make_environment(project), loaded.config.pdf.variants[0])
    text = text_of(printed)
    assert "An O(n²) Bound for α-Nets." in text and "Journal of ℝᵈ Geometry (2023)" in text
    assert "$" not in text and "<math" not in printed
