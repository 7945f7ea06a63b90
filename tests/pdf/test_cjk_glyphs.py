"""Chinese, Japanese and Korean text in the PDF: drawn with the system's CJK font when there is
one, otherwise one warning per build naming the papers (issue 17, "Non-Latin text")."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from bibcorpus import CORPUS, load
from conftest import minimal_with_entries
from cvsite.build import build
from cvsite.models import Publication
from cvsite.pdf.glyphs import HINT, glyphless, unshown_text
from pdftools import squash, text_of

HOW = "apt-get install fonts-noto-cjk (.ci/run installs it)"


def has_cjk_font() -> bool:
    """Whether fontconfig, which WeasyPrint asks, knows a font for Chinese text."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True,
                           text=True, check=False)
    return bool(found.stdout.strip())


def _papers() -> list[Publication]:
    """The Chinese, Japanese and Korean real exports (an English paper among them)."""
    chinese, _ = load("thuthesis-chinese.bib")
    others, _ = load("jecon-japanese-korean.bib")
    return [*chinese.values(), *others.values()]


def _notdef(char: str) -> str:
    return ("WeasyPrint: .notdef glyph rendered for Unicode string unsupported by fonts: "
            f'"{char}" (U+{ord(char):04X})')


def test_each_missing_glyph_is_taken_out_of_the_rendering_problems() -> None:
    others, missing = glyphless([_notdef("张"), "WeasyPrint: something else", _notdef("昆")])
    assert (others, missing) == (["WeasyPrint: something else"], {"张", "昆"})


def test_missing_glyphs_are_one_warning_naming_the_papers() -> None:
    problems = unshown_text(set("机器张昆경"), _papers(), "content")
    assert [d.format() for d in problems] == [
        "content: warning: 4 papers have text that the PDF cannot show: zhangkun1994, "
        "gwon-osang-env-econ-2020, 40022308104, Seong-Tae_Kim_2011 (no installed font has 器, "
        "张, 昆, 机, 경)\n  hint: install a Chinese, Japanese and Korean font, then run "
        "`cvsite build --no-cache`: Debian/Ubuntu `apt-get install fonts-noto-cjk`, Fedora "
        "`dnf install google-noto-sans-cjk-fonts`, macOS `brew install --cask "
        "font-noto-sans-cjk`"]


def test_other_missing_text_is_one_warning_with_a_general_hint() -> None:
    problems = unshown_text({"ᚠ", "ᚢ"}, _papers(), "content")
    assert [(d.message, d.hint) for d in problems] == [
        ("the PDF has text it cannot show (no installed font has ᚠ, ᚢ)", HINT)]
    assert unshown_text(set(), _papers(), "content") == []


def _body(name: str) -> str:
    text = (CORPUS / name).read_text("utf-8")
    return text[text.index("@"):]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The minimal project with the Chinese export, built with its PDF: (PDF, warnings)."""
    root = tmp_path_factory.mktemp("cjk-pdf")
    project = minimal_with_entries(root / "project", _body("thuthesis-chinese.bib"))
    result = build(project, root / "site", use_cache=False)
    warnings = [d.message for d in result.diagnostics if "cannot show" in d.message
                or "notdef" in d.message]
    return next((root / "site").glob("*-cv.pdf")), warnings


def _font_names(pdf: Path) -> set[str]:
    reader = PdfReader(pdf)
    return {str(font.get_object()["/BaseFont"]) for page in reader.pages
            for font in page["/Resources"]["/Font"].values()}


def test_the_build_warns_once_exactly_when_no_cjk_font_is_installed(
        built: tuple[Path, list[str]]) -> None:
    _, warnings = built
    if has_cjk_font():
        assert warnings == []
    else:
        assert len(warnings) == 1
        assert warnings[0].startswith(
            "6 papers have text that the PDF cannot show: zhangkun1994, zhukezhen1973, "
            "zhengkaiqing1987, mahui1995, huosini1989guwu and 1 more (no installed font has ")


def test_chinese_titles_and_names_are_drawn_with_a_cjk_font(
        built: tuple[Path, list[str]], require_tool) -> None:  # type: ignore[no-untyped-def]
    require_tool(has_cjk_font(), "a Chinese, Japanese and Korean font", HOW)
    pdf, _ = built
    assert any("CJK" in name for name in _font_names(pdf)), _font_names(pdf)
    text = squash(text_of(PdfReader(pdf)))
    for shown in ("机器人柔性手腕的球面齿轮设计研究", "张昆,冯立群,余昌钰", "竺可桢", "宋论"):
        assert shown in text
