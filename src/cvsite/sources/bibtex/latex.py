"""LaTeX to Unicode for displayed BibTeX text, via pylatexenc; math kept or approximated."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexGroupNode, LatexWalker
from pylatexenc.latexwalker import get_default_latex_context_db as get_walker_context
from pylatexenc.macrospec import MacroSpec

from cvsite.scripts import LINE_BREAK_BETWEEN_WIDE
from cvsite.sources.bibtex.fastlatex import decode as fast_decode
from cvsite.texmath import TEX_MATH, plain, snippets

_INVISIBLE = ("label", "index", "nocite", "glossary", "phantom", "hphantom", "vphantom",
              "pagestyle", "thispagestyle", "noopsort")
"""Macros shown as nothing, their argument too (`\\noopsort{a}` only steers BibTeX's sorting)."""
_LOGOS = ("TeX", "LaTeX", "BibTeX", "LaTeXe", "XeTeX", "XeLaTeX", "LuaTeX", "LuaLaTeX", "AmSTeX",
          "BibLaTeX", "biblatex", "ConTeXt", "METAFONT", "MF", "MP")


def _braced_arguments(node: Any, l2tobj: LatexNodes2Text) -> str:
    """The text of a macro's `{…}` arguments (`\\mbox{x}` → `x`; `[options]` dropped)."""
    arguments = node.nodeargd.argnlist if node.nodeargd else []
    return "".join(str(l2tobj.nodelist_to_text([a])) for a in arguments
                   if isinstance(a, LatexGroupNode) and a.delimiters[0] == "{")


def _converter(math_mode: str) -> LatexNodes2Text:
    """pylatexenc knowing the TeX logos and keeping the text of macros it has no rule for."""
    context = get_default_latex_context_db()
    logos = [MacroTextSpec(name, "LaTeX2e" if name == "LaTeXe" else name) for name in _LOGOS]
    logos += [MacroTextSpec("textunderscore", "_"), MacroTextSpec("textasciicircum", "^")]
    logos += [MacroTextSpec(name, discard=True) for name in _INVISIBLE]
    context.add_context_category("cvsite-logos", prepend=True, macros=logos)
    context.set_unknown_macro_spec(MacroTextSpec("", simplify_repl=_braced_arguments))
    return LatexNodes2Text(latex_context=context, math_mode=math_mode, strict_latex_spaces=True)


_WALKER_CONTEXT = get_walker_context()
_WALKER_CONTEXT.add_context_category("cvsite-invisible", prepend=True,
                                     macros=[MacroSpec(name, "{") for name in _INVISIBLE])
_PAGE = _converter("verbatim")
_SPACES = re.compile(r"\s+")
_BARE_ACCENT = re.compile(r"\\([~^])\s*\{\s*\}")
"""`NC{\\^{}}1`, `{\\~{}}`: an accent on nothing is the character itself."""
_TEX_QUOTES = re.compile(r"`(.*?)'(?!\w)|`", re.S)
"""`` `single' `` (and a lone opening `` ` ``): TeX's quotes, typographic; `''` is done already."""
_URL = re.compile(r"\\(?:url|path|nolinkurl)\s*\{([^{}]*)\}")
_BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s{}\\]+")
_HREF = re.compile(r"\\href\s*\{[^{}]*\}")
_BARE_PERCENT = re.compile(r"(?<!\\)%")
_MARKUP = re.compile(r"[\\$~%\ue000-\uf8ff]|--|''|``|[!?]`|<<|>>")
"""What pylatexenc would change besides braces: text without any needs only the braces removed."""
_PROTECTED = re.compile("[\ue000-\uf8ff]")


def _crude(latex: str) -> str:
    """Last resort when pylatexenc gives up: drop control words and braces."""
    return re.sub(r"\\[A-Za-z]+\*?|\\(.)|[{}]", lambda m: m[1] or "", latex)


def _run(converter: LatexNodes2Text, latex: str) -> str:
    """pylatexenc's text, or the crude fallback if it raises on malformed input."""
    try:
        walker = LatexWalker(latex, latex_context=_WALKER_CONTEXT, tolerant_parsing=True)
        return str(converter.nodelist_to_text(walker.get_latex_nodes()[0]))
    except Exception:
        return _crude(latex)


def slow_decode(latex: str) -> str:
    """`decode` by pylatexenc alone (the reference the fast decoder must agree with)."""
    text = _pylatexenc(latex)
    return _quoted(text) if "`" in text else text


def _pylatexenc(latex: str) -> str:
    """pylatexenc's text of `latex`, links and math kept as written."""
    if not _MARKUP.search(latex):
        return _SPACES.sub(" ", latex.replace("{", "").replace("}", "")).strip()
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
    text = _run(_PAGE, _BARE_PERCENT.sub(r"\\%", latex))

    def restore(mark: re.Match[str]) -> str:  # a kept piece may hold earlier ones (`$\url{x}$`)
        index = ord(mark[0]) - 0xE000
        return _PROTECTED.sub(restore, kept[index]) if index < len(kept) else ""

    text = _PROTECTED.sub(restore, text)
    return _SPACES.sub(" ", text.replace("\N{NO-BREAK SPACE}", " ")).strip()


def decode(latex: str) -> str:
    """Plain Unicode with single spaces; math left as `$…$` or `\\(…\\)` for a math renderer.
    A line break between two Chinese or Japanese characters joins them, as a browser shows it
    (`深度⏎学习` is `深度学习`; Korean has spaces between its words)."""
    if "\n" in latex and not latex.isascii():
        latex = LINE_BREAK_BETWEEN_WIDE.sub("", latex)
    text = fast_decode(latex)
    return slow_decode(latex) if text is None else text  # fast: no `` ` `` outside `` `` ``


def _quoted(text: str) -> str:
    """TeX's single quotes outside math as typographic ones: `` `n' `` -> `‘n’`."""
    return "".join(piece if math else _TEX_QUOTES.sub(
        lambda m: "\u2018" if m[1] is None else f"\u2018{m[1]}\u2019", piece)
        for piece, math in snippets(text, TEX_MATH))


class Decoder:
    """`decode` for the strings of one file, each distinct string decoded once."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}

    def decode(self, latex: str) -> str:
        """`decode(latex)`."""
        text = self._texts.get(latex)
        if text is None:
            text = self._texts[latex] = decode(latex)
        return text

    def math_as_text(self, text: str) -> str:
        """Decoded text with its math approximated (for titles, meta tags, sorting)."""
        return plain(text)


def fold(text: str) -> str:
    """A comparison key: accents and case removed, dots as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.replace(".", " ").replace("-", " ")).strip().casefold()
