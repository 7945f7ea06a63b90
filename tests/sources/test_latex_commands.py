"""LaTeX commands in BibTeX text: standard ones become their characters, unknown ones keep their
name (no word vanishes), babel's Russian shortcuts are read, `\\today` never reads the clock."""

from __future__ import annotations

import datetime

import pytest

from cvsite.sources.bibtex.latex import decode, decoded
from cvsite.sources.bibtex.latexcontext import ALIASES, converter


@pytest.mark.parametrize(("latex", "text"), [
    ("\\S{}24", "§24"), ("\\P{}3", "¶3"), ("\\pounds{}5", "£5"), ("\\copyright{} 2020", "© 2020"),
    ("\\euro{}5", "€5"), ("a\\dag{} b\\ddag", "a† b‡"), ("a\\textbar{}b", "a|b"),
    ("\\checkmark{} done", "✓ done"), ("a\\nobreakspace b", "a b"), ("and\\slash or", "and/or"),
    ("a\\thinspace b", "a b"), ("a\\,b", "a b"), ("\\glqq x\\grqq", "„x“"), ("\\glq x\\grq", "‚x‘"),
    ("\\flqq x\\frqq", "«x»"), ("\\flq x\\frq", "‹x›"), ("\\textless x\\textgreater", "<x>"),
    ("\\textsection 1", "§1"), ("\\textregistered", "®"), ("\\texttrademark", "™"),
    ("20\\textdegree C", "20°C"), ("5\\textmu m", "5µm"), ("a\\dots{} b\\ldots", "a… b…"),
    ("1\\textendash 2\\textemdash 3", "1–2—3"), ("methodology\\hyphen independent",
                                                   "methodology-independent"),
])
def test_standard_commands_become_their_characters(latex: str, text: str) -> None:
    assert decoded(latex) == (text, ())


def test_the_aliases_name_symbols_pylatexenc_has() -> None:
    context = converter("verbatim").latex_context
    assert all(isinstance(context.get_macro_spec(known).simplify_repl, str)
               for _, known in ALIASES)


@pytest.mark.parametrize(("latex", "text", "unknown"), [
    ("{Passive\\TeX}: from {\\XML} to {\\PDF}", "PassiveTeX: from XML to PDF", ("XML", "PDF")),
    ("TrueType fonts in \\PS", "TrueType fonts in PS", ("PS",)),
    ("registers{\\Dash}an", "registersDashan", ("Dash",)),
    ("Making\\emdash{}the", "Makingemdashthe", ("emdash",)),
    ("\\Thanh{}", "Thanh", ("Thanh",)),
    ("\\PS{} and \\PS", "PS and PS", ("PS",)),
    ("\\emph{\\XML} data", "XML data", ("XML",)),
    ("\\pkg{array} and \\PS", "array and PS", ("pkg{…}", "PS")),  # its braces' text, reported
    ("{\\VAN{Dijk}{Van}{van}} Dijk", "DijkVanvan Dijk", ("VAN{…}",)),  # MNRAS's example.bib
])
def test_an_unknown_command_shows_its_name(latex: str, text: str,
                                           unknown: tuple[str, ...]) -> None:
    assert decoded(latex) == (text, unknown)
    assert decode(latex) == text


@pytest.mark.parametrize(("latex", "text"), [
    ("\\emph{x} and \\textbf{y}", "x and y"), ("{\\it x} {\\bf y} {\\em z}", "x y z"),
    ("Fran\\c{c}ois \\'Eric", "François Éric"), ("see \\url{https://x.org/~a}", "see https://x.org/~a"),
    ("$O(n^2)$ time", "$O(n^2)$ time"), ("{DNA} and {\\TeX}", "DNA and TeX"),
    ("\\texttt{array} and \\mbox{x y}", "array and x y"), ("A\\relax\\protect\\/ B", "A B"),
    ("\\foreignlanguage{german}{Haus} and \\foreignlanguage[variant=swiss]{german}{Chuchi}",
     "Haus and Chuchi"), ("\\foreignlanguage{german} Stra\\ss e", "Straße"),
    ("\\enquote{Quoted} \\mkbibemph{x} \\doi{10.1/x}", "Quoted x 10.1/x"),
    ("a \\mbox b \\MakeUppercase{c}", "a b c"),
    ("C\\textsuperscript{\\,5} 2006", "C⁵ 2006"),  # classicthesis' AMiede_Publications.bib
    ("H\\textsubscript{2}O, 10\\textsuperscript{-3}, 2\\textsuperscript{nd}", "H₂O, 10⁻³, 2nd"),
    ("Proc.\\\nconf.", "Proc. conf."),
])
def test_known_markup_is_not_reported(latex: str, text: str) -> None:
    assert decoded(latex) == (text, ())


def test_today_never_reads_the_clock() -> None:
    today = datetime.date.today()
    found = decoded("Accessed \\today")
    assert found == ("Accessed today", ("today",))
    assert str(today.year) not in found.text and today.strftime("%B") not in found.text


@pytest.mark.parametrize(("latex", "text"), [
    ("Труды конф. <<Локальные сети>>", "Труды конф. «Локальные сети»"),
    ("<‹Локальные>>", "«Локальные»"),
    ('Плиоцен "--- современность', "Плиоцен — современность"),
    ('1941"--~1945 "---~a', "1941–1945 — a"),
    ('He said "no" -"--- x', 'He said "no" -— x'),
    ("$a << b$ and $c >> d$", "$a << b$ and $c >> d$"),
    ("\\url{https://x.org/a<<b}", "https://x.org/a<<b"),
])
def test_babel_guillemets_and_dashes_outside_math_and_links(latex: str, text: str) -> None:
    assert decode(latex) == text
