"""Whether the fonts of this machine can show a language's letters in the PDF (fontconfig)."""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable, Iterable

from cvsite.errors import Diagnostic, warning
from cvsite.models import Publication
from cvsite.render.citeformat import publication_venue
from cvsite.scripts import NAMES, cjk_language

FONTCONFIG_LANG = {"zh": "zh-cn", "ja": "ja", "ko": "ko"}
"""fontconfig's name of each language's letters (`fc-list :lang=zh-cn`)."""
HINT = ("install a CJK font, then build again: Debian/Ubuntu `apt-get install fonts-noto-cjk`, "
        "Fedora `dnf install google-noto-sans-cjk-fonts`, macOS `brew install --cask "
        "font-noto-sans-cjk`")
SHOWN = 5
"""Keys named in the warning (the rest are counted)."""


def has_font_for(code: str) -> bool:
    """Whether fontconfig knows a font that covers language `code` (`zh`, `ja`, `ko`); True
    when fontconfig itself cannot be asked (WeasyPrint needs it, so it is there to render)."""
    name = ctypes.util.find_library("fontconfig")
    if name is None:
        return True
    lib = ctypes.CDLL(name)
    for function in ("FcInitLoadConfigAndFonts", "FcNameParse", "FcObjectSetCreate",
                     "FcFontList"):
        getattr(lib, function).restype = ctypes.c_void_p
    lib.FcNameParse.argtypes = [ctypes.c_char_p]
    lib.FcFontList.argtypes = [ctypes.c_void_p] * 3
    for function in ("FcConfigDestroy", "FcPatternDestroy", "FcObjectSetDestroy",
                     "FcFontSetDestroy"):
        getattr(lib, function).argtypes = [ctypes.c_void_p]
    config = lib.FcInitLoadConfigAndFonts()
    pattern = lib.FcNameParse(f":lang={FONTCONFIG_LANG[code]}".encode())
    objects = lib.FcObjectSetCreate()
    fonts = lib.FcFontList(config, pattern, objects)
    count = ctypes.cast(fonts, ctypes.POINTER(ctypes.c_int))[0] if fonts else 0
    for function, pointer in (("FcFontSetDestroy", fonts), ("FcObjectSetDestroy", objects),
                              ("FcPatternDestroy", pattern), ("FcConfigDestroy", config)):
        if pointer:
            getattr(lib, function)(pointer)
    return bool(count)


def cjk_codes(publication: Publication) -> set[str]:
    """The CJK languages of a paper's title and names as printed (`zh`, `ja`, `ko`)."""
    p = publication
    texts = [*(a.display for a in (*p.authors, *p.editors)), publication_venue(p)]
    codes = {cjk_language(text, p.language, p.title_text) for text in texts}
    return (codes | {cjk_language(p.title_text, p.language)}) - {""}


def missing_fonts(publications: Iterable[Publication], shown: str,
                  has_font: Callable[[str], bool] = has_font_for) -> list[Diagnostic]:
    """One warning naming the papers whose Chinese, Japanese or Korean text no installed font
    shows (each language asked of fontconfig once); none when every one has a font."""
    needs = {pub.key: cjk_codes(pub) for pub in publications}
    wanted = sorted(set().union(*needs.values()))
    missing = {code for code in wanted if not has_font(code)}
    keys = [key for key, codes in needs.items() if codes & missing]
    if not keys:
        return []
    names = [NAMES[code] for code in ("zh", "ja", "ko") if code in missing]
    languages = ", ".join(names[:-1]) + " and " * (len(names) > 1) + names[-1]
    named = ", ".join(keys[:SHOWN]) + (f" and {len(keys) - SHOWN} more" if len(keys) > SHOWN
                                       else "")
    papers = "paper has" if len(keys) == 1 else "papers have"
    return [warning(shown, 0, 0, f"{len(keys)} {papers} {languages} text that the PDF cannot "
                    f"show (no font for it is installed): {named}", HINT)]
