"""List items rendered once per build and reused by every page showing them: the same bytes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from jinja2 import Environment

from cvsite import pagecache
from cvsite.build import build
from cvsite.once import Once
from test_build_cache import assert_one_edit_reaches_every_paper_page, reference, tree


def without_pdfs(project: Path) -> None:
    """Switch the PDFs off, so that an edited paper changes no download every page shows."""
    config = project / "content" / "site.yaml"
    text = config.read_text("utf-8")
    config.write_text(text[: text.index("\npdf:")] + "\npdf:\n  variants: []\n", "utf-8")


@contextmanager
def forgetful(env: Environment) -> Iterator[Once]:
    """`once` left as it is: every call renders its macro."""
    yield Once()


def test_reused_list_items_give_the_same_pages(project: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    expected = reference(project, tmp_path)
    monkeypatch.setattr(pagecache, "remembered", forgetful)
    out = tmp_path / "every-item-rendered"
    build(project, out, use_cache=False)
    assert tree(out) == expected
    assert b'class="pub' in expected["publications/by-year/index.html"]


def test_reused_macro_that_reads_other_papers_is_not_served_stale(project: Path,
                                                                   tmp_path: Path) -> None:
    """A paper page whose shared macro lists every paper: editing one changes all pages."""
    without_pdfs(project)
    (project / "templates" / "publication.html").write_text(
        "{% macro titles() %}{% for p in site.publications %}{{ p.title }};{% endfor %}"
        "{% endmacro %}{{ pub.title }}|{{ once(titles) }}\n", "utf-8")
    assert_one_edit_reaches_every_paper_page(project, tmp_path)
