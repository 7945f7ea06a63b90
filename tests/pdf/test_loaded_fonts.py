"""Fonts decoded once for several PDFs: the same bytes, the same dependencies, never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from cvsite.paths import static_dirs
from cvsite.pdf.document import load_fonts, render_pdf

PAGE = ('<!doctype html><html lang="en"><head><title>t</title>'
        '<link rel="stylesheet" href="css/print.css"></head>'
        '<body><h1 class="name">Ada Example</h1><p>Some <b>bold</b> and <i>italic</i> text.</p>'
        '</body></html>')


def _roots(project: Path) -> list[Path]:
    return list(reversed(static_dirs(project)))


def test_a_pdf_with_fonts_loaded_before_is_the_same_bytes_and_depends_on_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    roots = _roots(ROOT)
    cold = render_pdf(PAGE, roots)
    warm = render_pdf(PAGE, roots, fonts=load_fonts(roots))
    assert warm.data == cold.data
    fonts = {p for p in cold.fetched if p.suffix in (".woff", ".woff2", ".ttf", ".otf")}
    assert fonts and fonts <= set(warm.fetched)  # the PDF cache sees a font file change


def test_fonts_loaded_for_other_folders_or_another_date_are_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    theme = _roots(ROOT)
    loaded = load_fonts(theme)
    fonts = tmp_path / "p/static/fonts"  # the project's own regular face: the theme's italic
    fonts.mkdir(parents=True)
    shutil.copy(ROOT / "static/fonts/CharisSIL-Italic.woff", fonts / "CharisSIL-Regular.woff")
    own = _roots(tmp_path / "p")
    with_own = render_pdf(PAGE, own, fonts=loaded).data
    assert with_own == render_pdf(PAGE, own).data != render_pdf(PAGE, theme).data
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert render_pdf(PAGE, theme, fonts=loaded).data == render_pdf(PAGE, theme).data
