"""The fast LaTeX decoder agrees with the pylatexenc-based decoder on everything it accepts."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cvsite.sources.bibtex import latex
from cvsite.sources.bibtex.fastlatex import decode
from cvsite.sources.bibtex.latex import slow_decode as slow

PIECES = st.sampled_from([
    "a", "Z", "é", "ü", "Ł", "1", " ", "  ", "\n", "\t", "-", "--", "'", "''", "`", '"', ",", ".",
    ":", "(", ")", "[", "]", "/", "!", "?", "*", "+", "=", "<", "|", "{", "}", "{}", "$", "~",
    "%", "&", "#", "^", "_", "\\", "\\&", "\\%", "\\$", "\\#", "\\_", "\\{", "\\}", "\\'e",
    "\\'{E}", "{\\'E}", '\\"u', '{\\"o}', '\\"{a}', "\\`e", "\\^o", "\\~n", "\\=a", "\\.z",
    "\\'\\i", "{\\'\\i}", "\\v{r}", "\\c{c}", "\\u{a}", "\\H{o}", "\\k{a}", "\\r{a}", "\\v r",
    "\\ss", "\\o", "\\O", "\\aa", "\\AE", "\\oe", "\\l", "\\L", "\\i", "\\j", "\\ss{}",
    "\\emph{x}", "\\textbf{y}", "\\LaTeX", "$O(n^2)$", "$\\ell_1$", "$\\mathcal{O}(\\log n)$",
    "$k$", "$ a  b $", "$\\sqrt{T}$", "$x_{i}$", "\\'", "\\\"", "\\v{\\i}", "\\'{\\j}",
    "<<", ">>", "<", "\ue000", "https://example.org/a", "\\url{x}", "\\BibTeX", "\\ ",
    "---", "``", "~~", "12--34", "a---b", "!`", "?`", "\\'{}", "{--}", "$a--b$",
    '"---', '"--', '"--~', "<\u2039", ">", "\\PS", "{\\XML}", "\\Thanh{}", "\\today", "\\S{}",
    "\\slash",
])


GOOD = PIECES.filter(lambda piece: decode(piece) is not None)


@settings(max_examples=1000, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join) | st.lists(GOOD, max_size=12).map("".join))
@example("Ji{\\v{r}}{\\'\\i} Dvo{\\v{r}}{\\'a}k")
@example("Understanding {INT4} Quantization for {$k$-means} in $\\mathcal{O}(\\log n)$")
@example("$\\url{x}$")
@example("$https://example.org/a$")
@example("$x$://b and $y$\\url{z}")
@example("\\'{e} \\path{a} $k$")
@example("!``")
@example('a-"---b "--~c $x"--y$ <<\u2039>>>')
def test_agrees_with_pylatexenc(text: str) -> None:
    fast = decode(text)
    if fast is not None:
        assert fast == slow(text)
    assert latex.decode(text) == slow(text)  # the one decoder: fast path, else pylatexenc


@pytest.mark.parametrize("latex", ["M{\\\"u}ller", "{van der Berg}", "Garc{\\'\\i}a",
                                   "We show $O(n^2)$ bounds.", "Fran{\\c{c}}ois", "A \\& B",
                                   "{{FP6-LLM}}: Efficiently Serving", "457--475",
                                   "Language Models---a Survey", "a~b", "``Quoted''"])
def test_common_bibtex_is_decoded_without_pylatexenc(latex: str) -> None:
    assert decode(latex) == slow(latex)


@pytest.mark.parametrize("latex", ["\\emph{x}", "a%b", "`q'", "{unbalanced", "x}",
                                   "https://x.org/~a", "$k$ at \\url{x}", "$\\url{x}$",
                                   "$a://b$"])
def test_anything_else_is_left_to_pylatexenc(latex: str) -> None:
    assert decode(latex) is None
