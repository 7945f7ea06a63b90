"""LaTeX to Unicode for displayed BibTeX text, via pylatexenc; math kept or approximated."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from pylatexenc.latexwalker import LatexWalker

from cvsite.scripts import LINE_BREAK_BETWEEN_WIDE
from cvsite.sources.bibtex.fastlatex import decode as fast_decode
from cvsite.sources.bibtex.latexcontext import converter, unknown_commands, walker_context
from cvsite.texmath import TEX_MATH, plain, snippets

_WALKER_CONTEXT = walker_context()
_PAGE = converter("verbatim")
_SPACES = re.compile(r"\s+")
_BARE_ACCENT = re.compile(r"\\([~^])\s*\{\s*\}")
"""`NC{\\^{}}1`, `{\\~{}}`: an accent on nothing is the character itself."""
_TEX_QUOTES = re.compile(r"`(.*?)'(?!\w)|`", re.S)
"""`` `single' `` (and a lone opening `` ` ``): TeX's quotes, typographic; `''` is done already."""
_URL = re.compile(r"\\(?:url|path|nolinkurl)\s*\{([^{}]*)\}")
_BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s{}\\]+")
_HREF = re.compile(r"\\href\s*\{[^{}]*\}")
_BARE_PERCENT = re.compile(r"(?<!\\)%")
_MARKUP = re.compile(r"[\\$~%\ue000-\uf8ff]|--|''|``|[!?]`|<<|>>|<\u2039")
"""What pylatexenc would change besides braces: text without any needs only the braces removed."""
_PROTECTED = re.compile("[\ue000-\uf8ff]")
_BABEL = re.compile(r'<<|<\u2039|>>|(?<!\\)"(---|--~|--)')
"""babel's `<<`/`>>` (guillemets in T1 and T2A fonts; `<‹` a slip for `<<`) and Russian `"---`,
`"--~`, `"--` (dashes); braced so that a dash beside one is not read with it (as the fast path)."""


class Decoded(NamedTuple):
    """Decoded text and the unknown commands in it (shown by their names)."""

    text: str
    unknown: tuple[str, ...] = ()


def _crude(latex: str) -> str:
    """Last resort when pylatexenc gives up: drop control words and braces."""
    return re.sub(r"\\[A-Za-z]+\*?|\\(.)|[{}]", lambda m: m[1] or "", latex)


def _run(latex: str) -> Decoded:
    """pylatexenc's text, or the crude fallback if it raises on malformed input."""
    try:
        walker = LatexWalker(latex, latex_context=_WALKER_CONTEXT, tolerant_parsing=True)
        nodes = walker.get_latex_nodes()[0]
        unknown = unknown_commands(nodes, _PAGE.latex_context)
        return Decoded(str(_PAGE.nodelist_to_text(nodes)), tuple(dict.fromkeys(unknown)))
    except Exception:
        return Decoded(_crude(latex))


def slow_decode(latex: str) -> str:
    """`decode` by pylatexenc alone (the reference the fast decoder must agree with)."""
    return _slow(latex).text


def _slow(latex: str) -> Decoded:
    """`slow_decode` with the unknown commands."""
    text, unknown = _pylatexenc(latex)
    return Decoded(_quoted(text) if "`" in text else text, unknown)


def _babel(mark: re.Match[str]) -> str:
    """A babel ligature or shortcut as its character (dashes left to pylatexenc)."""
    return "{" + mark[1].rstrip("~") + "}" if mark[1] else "\u00bb" if mark[0] == ">>" else "\u00ab"


def _pylatexenc(latex: str) -> Decoded:
    """pylatexenc's text of `latex`, links and math kept as written."""
    if not _MARKUP.search(latex):
        return Decoded(_SPACES.sub(" ", latex.replace("{", "").replace("}", "")).strip())
    kept: list[str] = []

    def protect(text: str) -> str:
        kept.append(text)
        return chr(0xE000 + len(kept) - 1)

    latex = _PROTECTED.sub("", latex)
    latex = _BARE_ACCENT.sub(lambda m: "\\text" + ("asciitilde" if m[1] == "~" else "asciicircum")
                             + "{}", latex)
    latex = _URL.sub(lambda m: protect(m[1]), latex)
    latex = _HREF.sub("", latex)
    latex = _BARE_URL.sub(lambda m: protect(m[0]), latex)
    latex = TEX_MATH.sub(lambda m: protect(m[0]), latex)
    text, unknown = _run(_BABEL.sub(_babel, _BARE_PERCENT.sub(r"\\%", latex)))

    def restore(mark: re.Match[str]) -> str:  # a kept piece may hold earlier ones (`$\url{x}$`)
        index = ord(mark[0]) - 0xE000
        return _PROTECTED.sub(restore, kept[index]) if index < len(kept) else ""

    text = _PROTECTED.sub(restore, text)
    return Decoded(_SPACES.sub(" ", text.replace("\N{NO-BREAK SPACE}", " ")).strip(), unknown)


def _joined(latex: str) -> str:
    """A line break between two Chinese or Japanese characters removed."""
    return LINE_BREAK_BETWEEN_WIDE.sub("", latex) if "\n" in latex and not latex.isascii() \
        else latex


def decode(latex: str) -> str:
    """Plain Unicode with single spaces; math left as `$…$` or `\\(…\\)` for a math renderer.
    A line break between two Chinese or Japanese characters joins them, as a browser shows it
    (`深度⏎学习` is `深度学习`; Korean has spaces between its words)."""
    return decoded(latex).text


def decoded(latex: str) -> Decoded:
    """`decode`, with the unknown commands that it shows by their names (`\\PS` as `PS`)."""
    latex = _joined(latex)
    text = fast_decode(latex)
    return _slow(latex) if text is None else Decoded(text)


def _quoted(text: str) -> str:
    """TeX's single quotes outside math as typographic ones: `` `n' `` -> `‘n’`."""
    return "".join(piece if math else _TEX_QUOTES.sub(
        lambda m: "\u2018" if m[1] is None else f"\u2018{m[1]}\u2019", piece)
        for piece, math in snippets(text, TEX_MATH))


class Decoder:
    """`decode` for the strings of one file, each distinct string decoded once."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._unknown: dict[str, tuple[str, ...]] = {}

    def decode(self, latex: str) -> str:
        """`decode(latex)`."""
        text = self._texts.get(latex)
        if text is None:
            text, unknown = decoded(latex)
            self._texts[latex] = text
            if unknown:
                self._unknown[latex] = unknown
        return text

    def unknown(self, latex: str) -> tuple[str, ...]:
        """The unknown commands of `latex`, shown by their names."""
        self.decode(latex)
        return self._unknown.get(latex, ())

    def math_as_text(self, text: str) -> str:
        """Decoded text with its math approximated (for titles, meta tags, sorting)."""
        return plain(text)


def fold(text: str) -> str:
    """A comparison key: accents and case removed, dots as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.replace(".", " ").replace("-", " ")).strip().casefold()
