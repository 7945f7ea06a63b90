"""Every profile link is on the home page, the CV page (with its icon) and in the PDF."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import FIXTURES
from cvsite.build import build
from pdftools import squash, text_of

PROFILE = """\
name: Ada Example
email: ada@example.org
website: https://ada.example.org
linkedin: https://www.linkedin.com/in/ada-example/
scholar: https://scholar.google.com/citations?user=AbCdEfGhIjKl&hl=en
github: ada-example
orcid: https://orcid.org/0000-0002-1825-0097
semantic_scholar: https://www.semanticscholar.org/author/Ada-Example/1741101
dblp: e/AdaExample
openreview: ~Ada_Example1
huggingface: https://huggingface.co/ada-example
x: "@ada_example"
bluesky: ada.bsky.social
mastodon: "@ada@hci.social"
links:
  - label: Lab blog
    url: https://lab.example.org/blog/
summary: Ada studies examples.
"""

LINKS = {  # URL: (the page's text, the PDF's text)
    "https://ada.example.org": ("ada.example.org", "ada.example.org"),
    "https://www.linkedin.com/in/ada-example/": ("LinkedIn", "linkedin.com/in/ada-example"),
    "https://scholar.google.com/citations?user=AbCdEfGhIjKl": ("Google Scholar",
                                                               "Google Scholar"),
    "https://github.com/ada-example": ("GitHub", "github.com/ada-example"),
    "https://orcid.org/0000-0002-1825-0097": ("ORCID", "ORCID 0000-0002-1825-0097"),
    "https://www.semanticscholar.org/author/1741101": ("Semantic Scholar", "Semantic Scholar"),
    "https://dblp.org/pid/e/AdaExample.html": ("dblp", "dblp"),
    "https://openreview.net/profile?id=~Ada_Example1": ("OpenReview", "OpenReview"),
    "https://huggingface.co/ada-example": ("Hugging Face", "huggingface.co/ada-example"),
    "https://x.com/ada_example": ("X", "@ada_example"),
    "https://bsky.app/profile/ada.bsky.social": ("Bluesky", "@ada.bsky.social"),
    "https://hci.social/@ada": ("Mastodon", "@ada@hci.social"),
    "https://lab.example.org/blog/": ("Lab blog", "Lab blog"),
}


class _Anchors(HTMLParser):
    """Each link's href, rel, visible text, and whether it holds an icon hidden from readers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, dict[str, object]] = {}
        self._open: dict[str, object] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        got = dict(attrs)
        if tag == "a":
            self._open = {"rel": got.get("rel"), "text": "", "icon": False}
            self.found.setdefault(str(got.get("href")), self._open)
        elif tag == "svg" and self._open is not None:
            self._open["icon"] = got.get("aria-hidden") == "true" and "icon" in str(got["class"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] = str(self._open["text"]) + data


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = Path(shutil.copytree(FIXTURES / "minimal", tmp_path_factory.mktemp("p") / "p"))
    (project / "content/profile.yaml").write_text(PROFILE, encoding="utf-8")
    built = tmp_path_factory.mktemp("site") / "_site"
    build(project, built, use_cache=False)
    return built


@pytest.mark.parametrize("page", ["index.html", "cv/index.html"])
def test_each_link_shows_its_name_and_an_icon_hidden_from_screen_readers(out: Path,
                                                                          page: str) -> None:
    parser = _Anchors()
    parser.feed((out / page).read_text("utf-8"))
    for url, (text, _) in LINKS.items():
        anchor = parser.found[url]
        assert (anchor["text"], anchor["icon"], anchor["rel"]) == (text, True, "me"), url


def test_the_home_page_lists_every_profile_as_same_as(out: Path) -> None:
    html = (out / "index.html").read_text("utf-8")
    data = json.loads(re.search(r'ld\+json">\s*(\{.*?\})\s*</script>', html, re.S)[1])
    assert data["sameAs"] == list(LINKS)[1:]  # all but the website, which is the site itself


def test_the_pdf_shows_each_link_with_its_address(out: Path) -> None:
    (reader,) = [PdfReader(path) for path in sorted(out.glob("*.pdf"))]
    text = squash(text_of(reader))
    uris = {str(a.get_object()["/A"]["/URI"]) for page in reader.pages
            for a in page.get("/Annots", []) if "/A" in a.get_object()}
    for url, (_, shown) in LINKS.items():
        assert squash(shown) in text, shown
        assert url in uris, url

