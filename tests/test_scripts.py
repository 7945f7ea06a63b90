"""Which language CJK text is in, from its script (issue 17, "Non-Latin text")."""

from __future__ import annotations

import pytest

from cvsite.scripts import cjk_language, declared_code


@pytest.mark.parametrize(("text", "declared", "context", "code"), [
    ("Understanding INT4 Quantization", None, "", ""),
    ("José García", "japanese", "", ""),
    ("机器人柔性手腕的球面齿轮设计研究", None, "", "zh"),
    ("日本経済研究センターCGEモデル", None, "", "ja"),   # Han and katakana
    ("한국의 산업별 생산의 대체탄력성 추정", None, "", "ko"),
    ("朝鮮大学校学報 = 조선대학교학보", None, "", "ko"),  # Han and Hangul
    ("岩本 康志", "ja", "", "ja"),                       # Han alone, the entry says Japanese
    ("岩本 康志", "Japanese", "", "ja"),
    ("王夫之", "zh-CN", "", "zh"),
    ("武田 史郎", None, "日本経済研究センターCGEモデル", "ja"),  # a name beside a kana title
    ("武田 史郎", None, "An English Title", "zh"),
    ("ひらがな", "chinese", "", "ja"),                   # the letters outweigh the field
])
def test_script_decides_the_language(text: str, declared: str | None, context: str,
                                     code: str) -> None:
    assert cjk_language(text, declared, context) == code


@pytest.mark.parametrize(("written", "code"), [("ja", "ja"), ("ko_KR", "ko"),
                                                ("Chinese", "zh"), ("english", None),
                                                ("", None), (None, None)])
def test_language_field_values(written: str | None, code: str | None) -> None:
    assert declared_code(written) == code
