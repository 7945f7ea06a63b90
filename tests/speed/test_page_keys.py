"""A paper page's cache key: any change to its entry gives another key, so no stale page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cvsite.cache import Cache
from cvsite.render.environment import make_environment
from cvsite.speed import entrycache
from cvsite.speed.pagecache import render_cached
from cvsite.validate.load import load_site

FIXTURE = Path(__file__).parents[1] / "fixtures" / "minimal"
ENTRY = {
    "author": "Example, Ada and Other, Bo",
    "title": "On Examples",
    "journal": "Journal of Examples",
    "year": "2020",
    "month": "jun",
    "volume": "3",
    "number": "2",
    "pages": "1--10",
    "publisher": "Example Press",
    "note": "Invited",
    "doi": "10.1000/example",
    "url": "https://example.org/paper",
    "code": "https://example.org/code",
    "topic": "Theory",
    "award": "Best Paper",
    "selected": "true",
    "abstract": "We give examples.",
}
EDITED = {"year": "2021", "month": "jul", "selected": "false", "topic": "Systems",
          "url": "https://example.org/other", "code": "https://example.org/other",
          "author": "Example, Ada and Other, Cy", "doi": "10.1000/other"}


def _write(project: Path, fields: dict[str, str], above: str = "") -> None:
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items())
    bib = f"{above}@article{{example2020,\n{body}}}\n"
    (project / "content" / "publications.bib").write_text(bib, encoding="utf-8")


def _paper_key(project: Path, cache: Cache) -> tuple[str, bool]:
    """The paper page's key, and whether the entry cache identified its publication."""
    site, problems = load_site(project, cache=cache)
    assert site is not None, problems
    pages = render_cached(project, site, make_environment(project), cache)
    (pub,) = site.publications
    return pages.refs["publications/example2020/index.html"][0], \
        entrycache.identity(pub) is not None


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "site")
    return tmp_path / "site"


@pytest.mark.parametrize("use_cache", [True, False])
def test_editing_any_field_changes_the_paper_page_key(project: Path, use_cache: bool) -> None:
    cache = Cache(project / ".cvsite-cache" if use_cache else None)
    _write(project, ENTRY)
    first, identified = _paper_key(project, cache)
    assert identified == use_cache
    assert _paper_key(project, cache)[0] == first  # unchanged: the page is found again
    seen = {first}
    for name, value in ENTRY.items():
        _write(project, {**ENTRY, name: EDITED.get(name, f"{value} (revised)")})
        key, identified = _paper_key(project, cache)
        assert identified == use_cache
        assert key not in seen, name
        seen.add(key)
    _write(project, {**ENTRY, "eprint": "2001.00001"})  # a field added
    assert _paper_key(project, cache)[0] not in seen


def test_moving_the_entry_changes_the_paper_page_key(project: Path) -> None:
    cache = Cache(project / ".cvsite-cache")
    _write(project, ENTRY)
    first, _ = _paper_key(project, cache)
    _write(project, ENTRY, above="% a comment above the entry\n")
    assert _paper_key(project, cache)[0] != first  # its line is part of the publication


def test_a_changed_copy_of_a_publication_is_not_identified_as_the_original(
        project: Path) -> None:
    _write(project, ENTRY)
    site, _ = load_site(project, cache=Cache(project / ".cvsite-cache"))
    assert site is not None
    (pub,) = site.publications
    assert entrycache.identity(pub) is not None
    assert entrycache.identity(pub.model_copy(update={"title": "Another"})) is None


def test_publications_decoded_without_a_cache_are_keyed_on_their_content(
        project: Path) -> None:
    _write(project, ENTRY)
    site, _ = load_site(project, cache=Cache(project / ".cvsite-cache"))
    assert site is not None and entrycache.identity(site.publications[0]) is not None
    _write(project, {**ENTRY, "note": "Another note"})
    again, _ = load_site(project)
    assert again is not None
    assert entrycache.identity(again.publications[0]) is None
    assert entrycache.identity(site.publications[0]) is None  # the earlier ones let go
