"""Chinese, Japanese and Korean titles and names carry `lang` on the pages, so that browsers
pick the right glyphs (issue 17, "Non-Latin text"); the real exports are in tests/bib/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bibcorpus import CORPUS
from conftest import built_with_entries


def _body(name: str) -> str:
    """A corpus file without its provenance comment."""
    text = (CORPUS / name).read_text("utf-8")
    return text[text.index("@"):]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal project with the Chinese, Japanese and Korean exports, built (no PDF)."""
    entries = _body("thuthesis-chinese.bib") + "\n" + _body("jecon-japanese-korean.bib")
    return built_with_entries(tmp_path_factory.mktemp("cjk"), entries, use_cache=False)[0]


def _tagged(html: str, text: str) -> str | None:
    """The `lang` of the element whose whole text is `text` (None: no `lang`)."""
    match = re.search(r"<(\w+)([^<>]*)>" + re.escape(text) + "</", html)
    assert match, text
    lang = re.search(r'\blang="([^"]+)"', match[2])
    return lang[1] if lang else None


@pytest.mark.parametrize(("text", "lang"), [
    ("机器人柔性手腕的球面齿轮设计研究", "zh"),
    ("张昆", "zh"),
    ("配当軽課制度廃止の経済的効果 — 89 年法人税改革の分析 —", "ja"),
    ("岩本 康志", "ja"),            # Han alone: `language = {ja}` says Japanese
    ("武田 史郎", "ja"),
    ("한국의 산업별 생산의 대체탄력성 추정", "ko"),
    ("김성태", "ko"),
    ("Bone marrow transplantation in severe combined immunodeficiency with an unrelated MLC "
     "compatible donor", None),
    ("B Dupont", None),
])
def test_list_page_marks_the_language_of_titles_and_names(site: Path, text: str,
                                                          lang: str | None) -> None:
    html = (site / "publications/index.html").read_text("utf-8")
    assert _tagged(html, text) == lang


def test_paper_page_heading_and_authors_carry_lang(site: Path) -> None:
    html = (site / "publications/Seong-Tae_Kim_2011/index.html").read_text("utf-8")
    assert '<h1 id="paper-title" class="paper-title" lang="ko">한국의 산업별' in html
    assert '<span lang="ko">이상돈</span>' in html
    assert '<html lang="en">' in html  # the page stays in the site's language
