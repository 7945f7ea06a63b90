"""LaTeX to Unicode for displayed BibTeX text, via pylatexenc; math kept or approximated."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexGroupNode, LatexWalker
from pylatexenc.latexwalker import get_default_latex_context_db as get_walker_context
from pylatexenc.macrospec import MacroSpec

from cvsite.sources.bibtex.fastlatex import decode as fast_decode

_INVISIBLE = ("label", "index", "nocite", "glossary", "phantom", "hphantom", "vphantom",
              "pagestyle", "thispagestyle")
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
    logos.append(MacroTextSpec("textunderscore", "_"))
    logos += [MacroTextSpec(name, discard=True) for name in _INVISIBLE]
    context.add_context_category("cvsite-logos", prepend=True, macros=logos)
    context.set_unknown_macro_spec(MacroTextSpec("", simplify_repl=_braced_arguments))
    return LatexNodes2Text(latex_context=context, math_mode=math_mode, strict_latex_spaces=True)


_WALKER_CONTEXT = get_walker_context()
_WALKER_CONTEXT.add_context_category("cvsite-invisible", prepend=True,
                                     macros=[MacroSpec(name, "{") for name in _INVISIBLE])
_PAGE = _converter("verbatim")
_TEXT = _converter("text")
_SPACES = re.compile(r"\s+")
_URL = re.compile(r"\\(?:url|path|nolinkurl)\s*\{([^{}]*)\}")
_BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s{}\\]+")
_HREF = re.compile(r"\\href\s*\{[^{}]*\}")
_MATH = re.compile(r"(?<!\\)\$\$.+?(?<!\\)\$\$|(?<!\\)\$.+?(?<!\\)\$|\\\(.+?\\\)|\\\[.+?\\\]",
                   re.S)
_BARE_PERCENT = re.compile(r"(?<!\\)%")
_MARKUP = re.compile(r"[\\$~%\ue000-\uf8ff]|--|''|``|[!?]`|<<|>>")
"""What pylatexenc would change besides braces: text without any needs only the braces removed."""
_PROTECTED = re.compile("[\ue000-\uf8ff]")
_SUPERSCRIPTS = str.maketrans("0123456789+-=()n*", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ*")
_SUBSCRIPTS = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")


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


def _math_text(math: str) -> str:
    """A Unicode approximation of a math snippet: `$O(n^2)$` → `O(n²)`."""
    math = re.sub(r"\^(?:\{([0-9+\-=()n*]+)\}|([0-9n*]))",
                  lambda m: (m[1] or m[2]).translate(_SUPERSCRIPTS), math)
    math = re.sub(r"_(?:\{([0-9+\-=()]+)\}|([0-9]))",
                  lambda m: (m[1] or m[2]).translate(_SUBSCRIPTS), math)
    return _run(_TEXT, math)


def slow_decode(latex: str) -> str:
    """`decode` by pylatexenc alone (the reference the fast decoder must agree with)."""
    if not _MARKUP.search(latex):
        return _SPACES.sub(" ", latex.replace("{", "").replace("}", "")).strip()
    kept: list[str] = []

    def protect(text: str) -> str:
        kept.append(text)
        return chr(0xE000 + len(kept) - 1)

    latex = _PROTECTED.sub("", latex)
    latex = _URL.sub(lambda m: protect(m[1]), latex)
    latex = _HREF.sub("", latex)
    latex = _BARE_URL.sub(lambda m: protect(m[0]), latex)
    latex = _MATH.sub(lambda m: protect(m[0]), latex)
    text = _run(_PAGE, _BARE_PERCENT.sub(r"\\%", latex))

    def restore(mark: re.Match[str]) -> str:  # a kept piece may hold earlier ones (`$\url{x}$`)
        index = ord(mark[0]) - 0xE000
        return _PROTECTED.sub(restore, kept[index]) if index < len(kept) else ""

    text = _PROTECTED.sub(restore, text)
    return _SPACES.sub(" ", text.replace("\N{NO-BREAK SPACE}", " ")).strip()


def decode(latex: str) -> str:
    """Plain Unicode with single spaces; math left as `$…$` or `\\(…\\)` for a math renderer."""
    text = fast_decode(latex)
    return slow_decode(latex) if text is None else text


class Decoder:
    """`decode` for the strings of one file, each distinct string decoded once."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._math: dict[str, str] = {}

    def decode(self, latex: str) -> str:
        """`decode(latex)`."""
        text = self._texts.get(latex)
        if text is None:
            text = self._texts[latex] = decode(latex)
        return text

    def math_as_text(self, text: str) -> str:
        """Decoded text with its math approximated (for titles, meta tags, sorting)."""
        if "$" not in text and "\\" not in text:  # math has a `$` or a `\`
            return text
        return _MATH.sub(lambda m: self._snippet(m[0]), text)

    def _snippet(self, math: str) -> str:
        text = self._math.get(math)
        if text is None:
            text = self._math[math] = _math_text(math)
        return text


def fold(text: str) -> str:
    """A comparison key: accents and case removed, dots as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.replace(".", " ").replace("-", " ")).strip().casefold()
