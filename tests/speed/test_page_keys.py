"""A paper page's cache key: any change to its entry gives another key, so no stale page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cvsite.cache import Cache
from cvsite.render.environment import make_environment
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


def _paper_key(project: Path, cache: Cache) -> str:
    """The paper page's key."""
    site, problems = load_site(project)
    assert site is not None, problems
    pages = render_cached(project, site, make_environment(project), cache)
    return pages.refs["publications/example2020/index.html"][0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "site")
    return tmp_path / "site"


@pytest.mark.parametrize("use_cache", [True, False])
def test_editing_any_field_changes_the_paper_page_key(project: Path, use_cache: bool) -> None:
    cache = Cache(project / ".cvsite-cache" if use_cache else None)
    _write(project, ENTRY)
    first = _paper_key(project, cache)
    assert _paper_key(project, cache) == first  # unchanged: the page is found again
    seen = {first}
    for name, value in ENTRY.items():
        _write(project, {**ENTRY, name: EDITED.get(name, f"{value} (revised)")})
        key = _paper_key(project, cache)
        assert key not in seen, name
        seen.add(key)
    _write(project, {**ENTRY, "eprint": "2001.00001"})  # a field added
    assert _paper_key(project, cache) not in seen


def test_moving_the_entry_changes_the_paper_page_key(project: Path) -> None:
    cache = Cache(project / ".cvsite-cache")
    _write(project, ENTRY)
    first = _paper_key(project, cache)
    _write(project, ENTRY, above="% a comment above the entry\n")
    assert _paper_key(project, cache) != first  # its line is part of the publication
