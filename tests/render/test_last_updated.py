"""The "Last updated" stamp: from SOURCE_DATE_EPOCH on every page's footer and in every PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from cvsite.build import build
from cvsite.models import Site
from cvsite.pdf.build import print_html
from cvsite.render.environment import make_environment
from cvsite.render.pages import render_pages
from pagetext import text_of
from pdftools import built_pdfs
from pdftools import text_of as pdf_text

EPOCH = "1765000000"  # 2025-12-06 05:46:40 UTC
STAMP = "Last updated December 6, 2025"  # the language's long form (English: CLDR `en`)


def test_a_dated_build_stamps_every_page_footer_and_every_pdf(
        project: Path, tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    out = tmp_path / "out"
    build(project, out, use_cache=False)
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('<footer class="site-footer">'):]
        assert STAMP in text_of(footer), page
        assert '<time datetime="2025-12-06">' in footer
    for name, reader in built_pdfs(site, out).items():
        assert STAMP in pdf_text(reader), name


@pytest.mark.parametrize("epoch", [None, "", "not-a-number"], ids=["unset", "empty", "bad"])
def test_without_source_date_epoch_nothing_is_stamped(
        site: Site, monkeypatch: pytest.MonkeyPatch, epoch: str | None) -> None:
    """The clock is never read: a build without the variable says nothing about its date."""
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    env = make_environment(ROOT)
    pages = render_pages(site, env)
    assert not [path for path, text in pages.items() if "Last updated" in text]
    for variant in site.config.pdf.variants:
        assert "Last updated" not in print_html(site, env, variant)

