"""What pylatexenc knows of LaTeX as cvsite reads BibTeX text, and the commands it does not know.

pylatexenc's tables, with: the TeX logos; the kernel's and babel's other names for symbols it
has under one name (`\\S` is its `\\textsection`); font switches and spacing shown as nothing;
`\\today` not read (it is the day of the build, which would change the output every day).
A command in none of them is unknown: shown as its name (`\\PS` as `PS`), so that no word
vanishes, and reported; one followed by a `{…}` argument shows the argument (`\\pkg{array}`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexGroupNode, LatexMacroNode
from pylatexenc.latexwalker import get_default_latex_context_db as get_walker_context
from pylatexenc.macrospec import LatexContextDb, MacroSpec

from cvsite.sources.bibtex.aasjournals import JOURNALS

INVISIBLE = ("label", "index", "nocite", "glossary", "phantom", "hphantom", "vphantom",
             "pagestyle", "thispagestyle", "noopsort", "hspace", "vspace")
"""Macros shown as nothing, their argument too (`\\noopsort{a}` only steers BibTeX's sorting)."""
LOGOS = ("TeX", "LaTeX", "BibTeX", "LaTeXe", "XeTeX", "XeLaTeX", "LuaTeX", "LuaLaTeX", "AmSTeX",
         "BibLaTeX", "biblatex", "ConTeXt", "METAFONT", "MF", "MP")
ALIASES = (("S", "textsection"), ("P", "textparagraph"), ("pounds", "textsterling"),
           ("copyright", "textcopyright"), ("euro", "texteuro"), ("ddag", "textdaggerdbl"),
           ("thinspace", ","), ("glqq", "quotedblbase"), ("grqq", "textquotedblleft"),
           ("glq", "quotesinglbase"), ("grq", "textquoteleft"), ("flqq", "guillemotleft"),
           ("frqq", "guillemotright"), ("flq", "guilsinglleft"), ("frq", "guilsinglright"))
"""LaTeX's (and babel's) name for a symbol -> the name pylatexenc knows it by."""
SYMBOLS = (("textbar", "|"), ("textless", "<"), ("textgreater", ">"), ("slash", "/"),
           ("nobreakspace", "\N{NO-BREAK SPACE}"), ("newline", " "), ("checkmark", "\u2713"),
           ("textunderscore", "_"), ("textasciicircum", "^"), ("\n", " "), ("\t", " "),
           ("hyphen", "-"), ("nbhyphen", "-"))
"""Standard symbols pylatexenc lacks (`\\checkmark` is amssymb's, `\\hyphen` biblatex's; a
backslash before a line break is TeX's control space)."""
NOTHING = ("it", "bf", "sl", "tt", "sc", "em", "rm", "sf", "up", "md", "normalfont", "itshape",
           "bfseries", "scshape", "upshape", "slshape", "ttfamily", "rmfamily", "sffamily",
           "mdseries", "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large",
           "Large", "LARGE", "huge", "Huge", "relax", "protect", "allowbreak", "linebreak",
           "nobreak", "break", "newblock", "xspace", "ignorespaces", "unskip", "null", "/", "@",
           "kern", "hfill", "strut", "noindent", "selectfont", "hyphenate")
"""Font switches, spacing and breaks: they change the look, not the words."""
WRAPPERS = ("mbox", "hbox", "textsf", "texttt", "textup", "textmd", "textnormal", "textrm",
            "enquote", "mkbibquote", "mkbibemph", "mkbibitalic", "mkbibbold", "uppercase",
            "lowercase", "MakeUppercase", "MakeLowercase", "MakeTextUppercase",
            "MakeTextLowercase", "num", "doi", "nolinkurl",
            "path", "textipa", "citeauthor", "hyphenation", "textenglish", "textgerman",
            "textfrench", "textspanish", "textitalian", "textrussian", "textgreek")
"""Standard commands (LaTeX's, biblatex's, csquotes', babel's and polyglossia's) whose text is
their one argument as written: shown without a warning."""
RAISED = {"textsuperscript": str.maketrans("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ"),
          "textsubscript": str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")}
"""Superscript and subscript text Unicode has characters for (`C\\textsuperscript{5}` → C⁵)."""
OTHER_LANGUAGE = "foreignlanguage"
"""babel's `\\foreignlanguage[options]{language}{text}`: the text alone."""
NOT_READ = ("today",)
"""Commands pylatexenc knows but cvsite treats as unknown (`\\today` reads the clock)."""
_ARGUMENT = re.compile(r"\{(?!\s*\})")


def _braced_arguments(node: Any, l2tobj: LatexNodes2Text) -> str:
    """The text of a macro's `{…}` arguments (`\\mbox{x}` → `x`; `[options]` dropped)."""
    arguments = node.nodeargd.argnlist if node.nodeargd else []
    return "".join(str(l2tobj.nodelist_to_text([a])) for a in arguments
                   if isinstance(a, LatexGroupNode) and a.delimiters[0] == "{")


def _argument(node: Any, l2tobj: LatexNodes2Text) -> str:
    """The text of a macro's argument, braced or not (`\\mbox b` → `b`)."""
    arguments = node.nodeargd.argnlist if node.nodeargd else []
    return "".join(str(l2tobj.nodelist_to_text([a])) for a in arguments if a is not None)


def _raised(node: Any, l2tobj: LatexNodes2Text) -> str:
    """A super- or subscript's text in Unicode's raised or lowered characters when it has them
    all (`⁵`, `⁻³`, `₂`), else as written (`2\\textsuperscript{nd}` → `2nd`)."""
    text = _argument(node, l2tobj).strip()
    raised = text.translate(RAISED[node.macroname])
    return text if any(a == b for a, b in zip(raised, text, strict=True)) else raised


def _last_argument(node: Any, l2tobj: LatexNodes2Text) -> str:
    """The text of `\\foreignlanguage`'s last argument, braced or not (`{german}{Haus}` →
    `Haus`, `{german} Stra\\ss e` → `Straße`); never the language."""
    arguments = node.nodeargd.argnlist if node.nodeargd else []
    text = arguments[2] if len(arguments) == 3 else None  # `[options]{language}{text}`
    return "" if text is None else str(l2tobj.nodelist_to_text([text]))


def _shown_as_name(node: Any) -> bool:
    """An unknown macro with no argument parsed and none following (`\\PS`, `\\Thanh{}`)."""
    if node.nodeargd and node.nodeargd.argnlist:
        return False
    return not _ARGUMENT.match(node.parsing_state.s, node.pos + node.len)


def _unknown(node: Any, l2tobj: LatexNodes2Text) -> str:
    """An unknown macro's text: its name (and the space after it) or its arguments."""
    if _shown_as_name(node):
        return str(node.macroname) + str(node.macro_post_space)
    return _braced_arguments(node, l2tobj)


def converter(math_mode: str) -> LatexNodes2Text:
    """pylatexenc knowing the TeX logos and symbols, showing unknown macros by name."""
    context = get_default_latex_context_db()
    specs = [MacroTextSpec(name, "LaTeX2e" if name == "LaTeXe" else name) for name in LOGOS]
    specs += [MacroTextSpec(name, context.get_macro_spec(known).simplify_repl)
              for name, known in ALIASES]
    specs += [MacroTextSpec(name, text) for name, text in (*SYMBOLS, *JOURNALS)]
    specs += [MacroTextSpec(name, "") for name in NOTHING]
    specs += [MacroTextSpec(name, discard=True) for name in INVISIBLE]
    specs += [MacroTextSpec(name, simplify_repl=_argument) for name in WRAPPERS]
    specs.append(MacroTextSpec(OTHER_LANGUAGE, simplify_repl=_last_argument))
    specs += [MacroTextSpec(name, simplify_repl=_raised) for name in RAISED]
    specs += [MacroTextSpec(name, simplify_repl=_unknown) for name in NOT_READ]
    context.add_context_category("cvsite", prepend=True, macros=specs)
    context.set_unknown_macro_spec(MacroTextSpec("", simplify_repl=_unknown))
    return LatexNodes2Text(latex_context=context, math_mode=math_mode, strict_latex_spaces=True)


def walker_context() -> LatexContextDb:
    """pylatexenc's parser context, knowing that the invisible macros take an argument."""
    context = get_walker_context()
    context.add_context_category("cvsite-invisible", prepend=True,
                                 macros=[*(MacroSpec(name, "{") for name in (*INVISIBLE,
                                                                               *WRAPPERS,
                                                                               *RAISED)),
                                         MacroSpec(OTHER_LANGUAGE, "[{{")])
    return context


def unknown_commands(nodes: Iterable[Any], context: LatexContextDb) -> Iterator[str]:
    """The names of the unknown macros in the order written: `PS` for one shown by its name,
    `pkg{…}` for one followed by braces, whose text is shown in its place."""
    for node in nodes:
        if isinstance(node, LatexMacroNode):
            if context.get_macro_spec(node.macroname).simplify_repl is _unknown:
                yield str(node.macroname) + ("" if _shown_as_name(node) else "{…}")
            if node.nodeargd:
                yield from unknown_commands(node.nodeargd.argnlist, context)
        elif getattr(node, "nodelist", None):
            yield from unknown_commands(node.nodelist, context)
