"""TeX math in decoded text: MathML for pages (latex2mathml), Unicode text everywhere else.

A decoded BibTeX field keeps its math as written (`$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]`). Pages
show it as MathML made at build time (no JavaScript); `<title>`, meta tags, JSON-LD, the feed
and the PDF show a Unicode approximation (`$O(n^2)$` -> `O(n²)`, `$\\alpha$` -> `α`), since
WeasyPrint lays MathML out as plain inline text. Math latex2mathml cannot read is shown as that
Unicode text too; validation warns about it at the field's line (`unreadable`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from xml.etree import ElementTree

from latex2mathml.converter import convert
from markupsafe import escape
from pylatexenc.latex2text import LatexNodes2Text

TEX_MATH = re.compile(r"\$\$(?<!\\\$\$)(.+?)(?<!\\)\$\$|\$(?<!\\\$)(.+?)(?<!\\)\$"
                      r"|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)
"""Math as TeX reads it: what the LaTeX decoders keep as written. (Each alternative starts
with its `$` or `\\`, the escape test after it, so the regex engine jumps from one to the next.)"""
MATH = re.compile(r"\$\$(?<!\\\$\$)(.+?)(?<!\\)\$\$|\$(?<!\\\$)(?![\s$])(.+?)(?<![\s\\])\$"
                  r"|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)
"""A math snippet to show as math; the group that matched says display (1, 4) or inline. As
pandoc reads `$`: an inline one opens before a non-space and closes after one, so prices
(`$5 and $10`, written `\\$5` in BibTeX) stay text; unlike pandoc, a digit may follow it
(Crossref's `$\\ell$1-regularised`)."""
_NS = "{http://www.w3.org/1998/Math/MathML}"
_TAGS = frozenset({
    "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub", "msubsup",
    "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd",
    "mstyle", "mpadded", "mphantom", "menclose", "merror"})
_ATTRIBUTES = frozenset({
    "display", "mathvariant", "stretchy", "fence", "form", "separator", "accent",
    "accentunder", "columnalign", "columnspacing", "columnlines", "rowspacing", "rowlines",
    "displaystyle", "scriptlevel", "width", "height", "depth", "lspace", "rspace",
    "linethickness", "movablelimits", "largeop", "symmetric", "minsize", "maxsize", "notation",
    "frame", "framespacing"})
"""The MathML latex2mathml makes; anything else (`\\text{<b>}` gives a `<b>`) is refused."""
_UP = "0123456789+-=()*abcdefghijklmnoprstuvwxyzT"
_UP_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾*ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ"
_DOWN, _DOWN_TO = "0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"
_SCRIPTS = ((re.compile(rf"\^(?:\{{([{re.escape(_UP)}]+)\}}|([{re.escape(_UP)}]))"),
             str.maketrans(_UP, _UP_TO)),
            (re.compile(rf"_(?:\{{([{re.escape(_DOWN)}]+)\}}|([{re.escape(_DOWN)}]))"),
             str.maketrans(_DOWN, _DOWN_TO)))
"""`^2`, `^{-1}`, `_i`: the scripts Unicode has a character for (not `^q`, not `_{xy z}`)."""
_MARKS = r"\\dagger|\\ddagger|\\ast|\\star|\\prime|\*|'"
_RELATION = re.compile(r"\s*([≤≥≠≈≡∈∉⊂⊆⊃⊇→←↔⇒⇐⇔↦∼≃≅∝≪≫])\s*")
"""Relations a macro makes (`\\leq`), spaced as TeX spaces them (pylatexenc drops the space)."""
_TO_TEXT = LatexNodes2Text(math_mode="text", strict_latex_spaces="based-on-source")
logging.getLogger("pylatexenc").addHandler(logging.NullHandler())  # it logs, never prints


def snippets(text: str, math: re.Pattern[str] = MATH
             ) -> Iterator[tuple[str, re.Match[str] | None]]:
    """`text` cut into prose and math: (prose, None) and (the math as written, its match)."""
    last = 0
    for match in math.finditer(text):
        if match.start() > last:
            yield text[last:match.start()], None
        yield match[0], match
        last = match.end()
    if last < len(text):
        yield text[last:], None


def _inner(match: re.Match[str]) -> tuple[str, bool]:
    """The TeX inside a snippet's delimiters, and whether it is display math."""
    for group in range(1, 5):
        if match[group] is not None:
            return match[group], group in (1, 4)
    raise AssertionError(match[0])  # the pattern has no other alternative


def _serialised(node: ElementTree.Element) -> str | None:
    """A MathML element written again from its parts, or None for one not allowed."""
    tag = node.tag.removeprefix(_NS)
    if tag not in _TAGS or any(name not in _ATTRIBUTES for name in node.attrib):
        return None
    attributes = "".join(f' {name}="{escape(value)}"' for name, value in node.attrib.items())
    if tag == "math":
        attributes = ' xmlns="http://www.w3.org/1998/Math/MathML"' + attributes
    inside = [str(escape(node.text or ""))]
    for child in node:
        written = _serialised(child)
        if written is None:
            return None
        inside += [written, str(escape(child.tail or ""))]
    return f"<{tag}{attributes}>{''.join(inside)}</{tag}>"


@lru_cache(maxsize=2048)
def mathml(tex: str, display: bool = False) -> str | None:
    """One snippet's TeX as MathML, or None when latex2mathml cannot read all of it."""
    try:
        made = convert(tex, display="block" if display else "inline")
        tree = ElementTree.fromstring(re.sub(r"&(?!#x[0-9A-Fa-f]+;)", "&amp;", made))
    except Exception:  # latex2mathml raises many kinds of error (and IndexError) on bad TeX
        return None
    if any("\\" in (node.text or "") for node in tree.iter()):
        return None  # a command latex2mathml does not know, kept as its name
    return _serialised(tree)


def _scripted(table: dict[int, int], match: re.Match[str]) -> str:
    """A matched `^{…}` or `_…` as Unicode super- or subscripts (`{}` ends a command before
    it: `\\ell_{asso}` is `\\ell{}ₐₛₛₒ`, not an unknown `\\ellₐₛₛₒ`)."""
    return "{}" + str(match[1] or match[2]).translate(table)


@lru_cache(maxsize=2048)
def math_text(tex: str) -> str:
    """One snippet's TeX as Unicode text: `O(n^2)` -> `O(n²)`, `\\alpha` -> `α`."""
    tex = re.sub(rf"\^\s*(?:\{{\s*({_MARKS})\s*\}}|({_MARKS}))",
                 lambda m: m[1] or m[2], tex)  # `x^\\dagger` is x†, not x^†
    readable = mathml(tex) is not None
    for pattern, table in _SCRIPTS:
        tex = pattern.sub(partial(_scripted, table), tex)
    text = ""
    if readable:  # pylatexenc on TeX it cannot read gives `%s/%s` for `\frac{`
        try:
            text = str(_TO_TEXT.latex_to_text(tex))
        except Exception:  # it raises on some TeX latex2mathml reads: drop commands, braces
            text = ""
    text = text or re.sub(r"\\([A-Z](?![A-Za-z]))|\\[A-Za-z]+\*?|\\(.)|[{}]",
                          lambda m: m[1] or m[2] or "", tex)  # a macro of one's own, `\R`: R
    return re.sub(r"\s+", " ", _RELATION.sub(r" \1 ", text)).strip()


def plain(text: str) -> str:
    """`text` with each math snippet as Unicode text (for titles, meta tags, feeds, the PDF)."""
    if "$" not in text and "\\" not in text:  # every snippet has one
        return text
    return MATH.sub(lambda m: math_text(_inner(m)[0]), text)


def _escaped(text: str) -> str:
    """Text as HTML."""
    return str(escape(text))


def to_html(text: str, prose: Callable[[str], str] = _escaped) -> str:
    """`text` as HTML: math as MathML (or its Unicode text when unreadable), the rest `prose`."""
    if "$" not in text and "\\" not in text:
        return prose(text)
    parts = []
    for piece, match in snippets(text):
        if match is None:
            parts.append(prose(piece))
            continue
        tex, display = _inner(match)
        parts.append(mathml(tex, display) or _escaped(math_text(tex)))
    return "".join(parts)


def unreadable(text: str) -> list[str]:
    """The math snippets of `text`, as written, that latex2mathml cannot read."""
    if "$" not in text and "\\" not in text:
        return []
    return [m[0] for m in MATH.finditer(text) if mathml(*_inner(m)) is None]
