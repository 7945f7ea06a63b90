"""What a text's script says: Chinese, Japanese or Korean (for `lang`), right to left (`dir`)."""

from __future__ import annotations

import re

_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_CJK = re.compile(f"{_HANGUL.pattern}|{_KANA.pattern}|{_HAN.pattern}")
_WIDE = f"{_KANA.pattern}|{_HAN.pattern}|[\u3001-\u303f\uff01-\uff60]"
LINE_BREAK_BETWEEN_WIDE = re.compile(f"(?<={_WIDE})[ \t\r]*\n\\s*(?={_WIDE})")
"""A line break (and the spaces around it) between two Chinese or Japanese characters or
their punctuation, which joins them with no space (as CSS does: Korean has spaces)."""
DECLARED = {"chinese": "zh", "zh": "zh", "japanese": "ja", "ja": "ja", "korean": "ko",
            "ko": "ko"}
"""BibTeX `language` / biblatex `langid` values (also `zh-CN`, `ja_JP`) and their code."""
NAMES = {"zh": "Chinese", "ja": "Japanese", "ko": "Korean"}
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                            "\U0001e800-\U0001efff]")
"""Letters of the scripts written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and the
rest of their blocks, and the historic ones of the supplementary planes."""


def text_direction(text: str) -> str:
    """`auto` for text with a right-to-left letter (the browser then sets it in the direction
    of its first strong letter, so an Arabic title's punctuation lands on the correct side),
    else "" (left to right, as the page is)."""
    return "" if text.isascii() or not _RIGHT_TO_LEFT.search(text) else "auto"


def declared_code(language: str | None) -> str | None:
    """`zh`, `ja` or `ko` from an entry's `language`/`langid` (`Chinese`, `zh-CN`), else None."""
    if not language:
        return None
    word = re.split(r"[-_\s,;]", language.strip().casefold(), maxsplit=1)[0]
    return DECLARED.get(word)


def _kana_or_hangul(text: str) -> str | None:
    """`ko` for text with Hangul, `ja` with kana, else None."""
    if _HANGUL.search(text):
        return "ko"
    return "ja" if _KANA.search(text) else None


def cjk_language(text: str, declared: str | None = None, context: str = "") -> str:
    """`ko` with Hangul, `ja` with kana; Han alone is `zh`, unless `declared` (the entry's
    `language`) or else the `context` (a name's title) says Japanese or Korean; "" for text
    with no Chinese, Japanese or Korean letter."""
    if text.isascii() or not _CJK.search(text):  # most names and titles: no search needed
        return ""
    return (_kana_or_hangul(text) or declared_code(declared) or _kana_or_hangul(context)
            or "zh")
