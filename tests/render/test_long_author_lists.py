"""Long author lists: shortened on list pages (the owner kept), complete on the paper's page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cvsite.build import build
from pagetext import text_of

MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"
NAMES = [f"Author{i:03d}, Person" for i in range(1, 121)]
NAMES[99] = "Example, Ada"  # the owner, 100th of 120


def _built(into: Path, setting: str) -> Path:
    """The minimal project with one 120-author paper and this `publications:` setting, built."""
    root = shutil.copytree(MINIMAL, into / "project")
    content = root / "content"
    (content / "publications.bib").write_text(
        "@article{big2022,\n  author = {" + " and ".join(NAMES) + "},\n  title = {A Big Team},\n"
        "  journal = {Journal of Examples},\n  year = {2022},\n}\n", encoding="utf-8")
    site = (content / "site.yaml").read_text(encoding="utf-8")
    (content / "site.yaml").write_text(site.replace("publications:\n", "publications:\n" + setting),
                                       encoding="utf-8")
    build(root, root / "_site")
    return root / "_site"


def _page(out: Path, path: str) -> str:
    return text_of((out / path).read_text(encoding="utf-8"))


def test_lists_show_twenty_names_then_the_owner_then_the_count(tmp_path: Path) -> None:
    out = _built(tmp_path, "")
    listed = _page(out, "publications/index.html")
    assert "Person Author020, …, Ada Example, et al. (120 authors)" in listed
    assert "Person Author021" not in listed
    html = (out / "publications/index.html").read_text(encoding="utf-8")
    assert '<strong class="owner">Ada Example</strong>' in html


def test_the_papers_page_lists_every_author(tmp_path: Path) -> None:
    out = _built(tmp_path, "")
    page = _page(out, "publications/big2022/index.html")
    assert "Person Author099, Ada Example, Person Author101" in page
    assert "Person Author120" in page
    assert "et al." not in page


@pytest.mark.parametrize(("setting", "shown"), [
    ("  max_authors: 3\n", "Person Author003, …, Ada Example, et al. (120 authors)"),
    ("  max_authors: null\n", "Person Author119, Person Author120"),
])
def test_the_limit_is_set_in_site_yaml(tmp_path: Path, setting: str, shown: str) -> None:
    assert shown in _page(_built(tmp_path, setting), "publications/index.html")
