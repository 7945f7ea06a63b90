"""News: the newest few on the home page, all of them on news/, each in the feed."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest

from conftest import FIXTURES
from cvsite.build import build
from cvsite.commands.linkcheck import check_folder
from pagetext import parse, text_of

NEWS = """\
home: 3
items:
  - date: 2024-03-05
    text: Gave a talk at **Example University**.
  - date: 2025-05-01
    text: "[On Examples](publications/example2020/) won a best paper award."
  - date: 2019-11-20
    text: Joined the Example Lab.
  - date: 2025-05-01
    text: A second item on the same day.
  - date: 2021-06-30
    text: Defended my thesis.
"""
NEWEST_FIRST = ["[On Examples] won a best paper award.", "A second item on the same day.",
                "Gave a talk at Example University.", "Defended my thesis.",
                "Joined the Example Lab."]
NEWEST_FIRST = [s.replace("[", "").replace("]", "") for s in NEWEST_FIRST]


def _with_news(into: Path, news: str | None) -> Path:
    """The minimal project built into `into/_site`, with `news` as its news.yaml."""
    project = Path(shutil.copytree(FIXTURES / "minimal", into))
    if news is not None:
        (project / "content/news.yaml").write_text(news, encoding="utf-8")
    build(project, project / "_site", pdf=False)
    return project / "_site"


@pytest.fixture(scope="module")
def site_with_news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _with_news(tmp_path_factory.mktemp("news") / "project", NEWS)


def _section(html: str, heading_id: str) -> str:
    """The text of the home page's section labelled by `heading_id`."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return text_of(html[start: html.index("</section>", start)])


def test_the_home_page_shows_the_newest_few_newest_first(site_with_news: Path) -> None:
    html = (site_with_news / "index.html").read_text(encoding="utf-8")
    news = _section(html, "news")
    shown = [item for item in NEWEST_FIRST if item in news]
    assert shown == NEWEST_FIRST[:3]
    assert [news.index(item) for item in shown] == sorted(news.index(item) for item in shown)
    assert "May 1, 2025" in news and "March 5, 2024" in news
    assert "All 5 news items" in news
    assert 'href="news/index.html"' in html


def test_the_archive_lists_every_item_by_year_with_stable_anchors(site_with_news: Path) -> None:
    html = (site_with_news / "news/index.html").read_text(encoding="utf-8")
    text = text_of(html)
    assert [text.index(item) for item in NEWEST_FIRST] == sorted(
        text.index(item) for item in NEWEST_FIRST)
    assert [h for level, h in parse(html).headings if level == 2] == [
        "2025", "2024", "2021", "2019"]
    for anchor in ("news-2025-05-01", "news-2025-05-01-2", "news-2019-11-20"):
        assert f'id="{anchor}"' in html
    assert '<a href="../index.html">Home</a>' in html
    assert '<a href="../news/index.html" aria-current="page">News</a>' in html


def test_news_items_are_in_the_feed_among_the_papers_by_date(site_with_news: Path) -> None:
    feed = feedparser.parse((site_with_news / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    titles = [e.title for e in feed.entries]
    assert titles == [*NEWEST_FIRST[:4], "On Examples", NEWEST_FIRST[4]]
    first = feed.entries[0]
    assert first.link == "https://ada.example.org/news/#news-2025-05-01"
    assert first.published.startswith("2025-05-01")
    assert "best paper award" in first.summary
    assert feed.feed.title == "News and publications — Ada Example"


def test_a_site_with_news_passes_the_link_checker(site_with_news: Path) -> None:
    assert [d.format() for d in check_folder(site_with_news, "https://ada.example.org/")] == []


def test_few_news_items_need_no_archive_page(tmp_path: Path) -> None:
    out = _with_news(tmp_path / "project", "items:\n  - date: 2025-01-02\n    text: Hello.\n")
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Hello." in _section(html, "news")
    assert not (out / "news").exists() and "news/index.html" not in html
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.entries[0].link == "https://ada.example.org/#news-2025-01-02"


@pytest.mark.parametrize("news", [None, "items: []\n"], ids=["no-file", "empty"])
def test_without_news_the_home_page_has_no_news_block(tmp_path: Path, news: str | None) -> None:
    out = _with_news(tmp_path / "project", news)
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="news"' not in html and ">News<" not in html
    assert not (out / "news").exists()
