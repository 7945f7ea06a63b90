"""Chinese, Japanese and Korean text in the PDF: drawn with the system's CJK font when there is
one, otherwise one warning per build naming the papers (issue 17, "Non-Latin text")."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from bibcorpus import CORPUS, load
from conftest import minimal_with_entries
from cvsite.build import build
from cvsite.pdf.fonts import has_font_for, missing_fonts
from pdftools import squash, text_of

HOW = "apt-get install fonts-noto-cjk (.ci/run installs it)"


def _papers() -> list:  # type: ignore[type-arg]
    """The Chinese, Japanese and Korean real exports, and an English paper among them."""
    chinese, _ = load("thuthesis-chinese.bib")
    others, _ = load("jecon-japanese-korean.bib")
    return [*chinese.values(), *others.values()]


def _no_font(code: str) -> bool:
    return False


def test_without_a_font_one_warning_names_the_papers() -> None:
    problems = missing_fonts(_papers(), "content", _no_font)
    assert [d.format() for d in problems] == [
        "content: warning: 12 papers have Chinese, Japanese and Korean text that the PDF cannot "
        "show (no font for it is installed): zhangkun1994, zhukezhen1973, zhengkaiqing1987, "
        "mahui1995, huosini1989guwu and 7 more\n  hint: install a CJK font, then build again: "
        "Debian/Ubuntu `apt-get install fonts-noto-cjk`, Fedora `dnf install "
        "google-noto-sans-cjk-fonts`, macOS `brew install --cask font-noto-sans-cjk`"]


def test_only_the_languages_without_a_font_are_named() -> None:
    problems = missing_fonts(_papers(), "content", lambda code: code != "ko")
    assert len(problems) == 1
    assert problems[0].message.startswith("3 papers have Korean text that the PDF cannot show")
    assert "gwon-osang-env-econ-2020, 40022308104, Seong-Tae_Kim_2011" in problems[0].message


def test_with_fonts_or_latin_text_nothing_is_said() -> None:
    assert missing_fonts(_papers(), "content", lambda code: True) == []
    latin = [p for p in _papers() if p.key == "dupont1974bone"]

    def never(code: str) -> bool:
        raise AssertionError("fontconfig asked about a Latin paper")

    assert missing_fonts(latin, "content", never) == []


def _body(name: str) -> str:
    text = (CORPUS / name).read_text("utf-8")
    return text[text.index("@"):]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The minimal project with the Chinese export, built with its PDF: (PDF, warnings)."""
    root = tmp_path_factory.mktemp("cjk-pdf")
    project = minimal_with_entries(root / "project", _body("thuthesis-chinese.bib"))
    result = build(project, root / "site", use_cache=False)
    warnings = [d.message for d in result.diagnostics if "cannot show" in d.message]
    return next((root / "site").glob("*-cv.pdf")), warnings


def _font_names(pdf: Path) -> set[str]:
    reader = PdfReader(pdf)
    return {str(font.get_object()["/BaseFont"]) for page in reader.pages
            for font in page["/Resources"]["/Font"].values()}


def test_the_build_warns_once_exactly_when_no_cjk_font_is_installed(
        built: tuple[Path, list[str]]) -> None:
    _, warnings = built
    if has_font_for("zh"):
        assert warnings == []
    else:
        assert len(warnings) == 1
        assert warnings[0].startswith("6 papers have Chinese text that the PDF cannot show")


def test_chinese_titles_and_names_are_drawn_with_a_cjk_font(
        built: tuple[Path, list[str]], require_tool) -> None:  # type: ignore[no-untyped-def]
    require_tool(has_font_for("zh"), "a Chinese, Japanese and Korean font", HOW)
    pdf, _ = built
    assert any("CJK" in name for name in _font_names(pdf)), _font_names(pdf)
    text = squash(text_of(PdfReader(pdf)))
    for shown in ("机器人柔性手腕的球面齿轮设计研究", "张昆,冯立群,余昌钰", "竺可桢", "宋论"):
        assert shown in text
