"""biblatex's `subtitle` (and `titleaddon`) are part of the title wherever it is shown."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from conftest import built_with_entries
from cvsite.output.result import BuildResult
from cvsite.pdf.build import print_html
from cvsite.render.environment import make_environment
from cvsite.sources.bibtex.fields import joined_title
from cvsite.validate.load import load_site
from pagetext import text_of
from scholar_helpers import read_head

ENTRIES = """\
@book{piccato,
  author       = {Piccato, Pablo},
  title        = {City of Suspects},
  subtitle     = {Crime in {Mexico City}, 1900--1931},
  date         = 2001,
  publisher    = {Duke University Press},
  location     = {Durham and London},
}
@article{asked, author = {Example, Ada}, title = {Why Subtitles?}, subtitle = {A Study},
  journal = {J}, year = {2020}}
"""

FULL = "City of Suspects: Crime in Mexico City, 1900–1931"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The minimal project with the entries above, built once."""
    return built_with_entries(tmp_path_factory.mktemp("subtitles"), ENTRIES)


def test_a_subtitle_follows_the_title_after_a_colon_or_its_own_punctuation() -> None:
    assert joined_title("City of Suspects", "Crime") == "City of Suspects: Crime"
    assert joined_title("Why Subtitles?", "A Study") == "Why Subtitles? A Study"
    assert joined_title("Title", "Sub", "Edited with notes") == "Title: Sub. Edited with notes"
    assert joined_title("Title", "", "Addon") == "Title. Addon"
    assert joined_title("", "Sub") == ""


def test_the_subtitle_shows_in_the_list_page_title_meta_feed_and_pdf(
        site: tuple[Path, BuildResult]) -> None:
    out, result = site
    assert not result.failed
    listed = text_of((out / "publications/index.html").read_text(encoding="utf-8"))
    assert FULL in listed and "Why Subtitles? A Study" in listed
    page = out / "publications/piccato/index.html"
    html = page.read_text(encoding="utf-8")
    assert FULL in text_of(html) and f"<title>{FULL} — " in html
    assert read_head(page).one("citation_title") == FULL
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert FULL in [entry.title for entry in feed.entries]
    project = out.parent / "project"
    loaded, _ = load_site(project)
    assert loaded is not None
    printed = print_html(loaded, make_environment(project), loaded.config.pdf.variants[0])
    assert f"{FULL}." in text_of(printed)
