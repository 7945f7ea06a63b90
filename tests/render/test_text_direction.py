"""Titles in Persian, Arabic or Hebrew carry `dir="auto"`, so that a browser sets them right to
left (their punctuation on the correct side) in a left-to-right page; other titles carry none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import built_with_entries
from cvsite.scripts import text_direction

PERSIAN = """\
% From TeX Live's alpha-persian sample (texlive-lang-arabic: doc/bibtex/alpha-persian/sample*.bib)
@phdthesis{mmm,
  title={فضای توپولوژی},
  author={ رضایی علی‌آباد,علی},
  LANGUAGE =     {Persian},
  year = {2002},
  school  = {دانشگاه چمران اهواز},
}
@article{hebrew, author = {Example, Ada}, title = {מבוא לבלשנות (מהדורה שנייה)},
  journal = {J}, year = {2020}}
@article{latin, author = {Example, Ada}, title = {A Plain English Title}, journal = {J},
  year = {2020}}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal project with the entries above, built (no PDF)."""
    return built_with_entries(tmp_path_factory.mktemp("rtl"), PERSIAN, use_cache=False)[0]


def _opening_tag(html: str, text: str) -> str:
    """The opening tag of the element whose text is `text`."""
    match = re.search(r"(<\w+[^<>]*>)" + re.escape(text) + "</", html)
    assert match, text
    return match[1]


@pytest.mark.parametrize(("key", "title", "marked"), [
    ("mmm", "فضای توپولوژی", True),
    ("hebrew", "מבוא לבלשנות (מהדורה שנייה)", True),
    ("latin", "A Plain English Title", False),
])
def test_list_and_paper_page_set_right_to_left_titles_by_their_letters(
        site: Path, key: str, title: str, marked: bool) -> None:
    listed = _opening_tag((site / "publications/index.html").read_text("utf-8"), title)
    heading = _opening_tag((site / f"publications/{key}/index.html").read_text("utf-8"), title)
    assert ('dir="auto"' in listed, 'dir="auto"' in heading) == (marked, marked)


def test_the_page_itself_stays_left_to_right(site: Path) -> None:
    html = (site / "publications/mmm/index.html").read_text("utf-8")
    assert '<html lang="en">' in html and "<html dir" not in html


@pytest.mark.parametrize(("text", "direction"), [
    ("Deep Learning", ""), ("Zürich, 北京", ""), ("עברית", "auto"), ("العربية", "auto"),
    ("ܠܫܢܐ ܣܘܪܝܝܐ", "auto"), ("BERT for Arabic: العربية", "auto")])
def test_right_to_left_letters_anywhere_in_a_text_let_the_browser_decide(
        text: str, direction: str) -> None:
    assert text_direction(text) == direction
