"""A fast decoder for the LaTeX that BibTeX fields mostly hold, giving up on anything else.

pylatexenc takes ~3 ms a string, which is 30 s for 10,000 entries. Most fields use a small
subset: plain text, case-protecting braces, `$…$` math (kept verbatim), accents (`{\\"u}`,
`\\'{E}`, `\\v{r}`, `\\'\\i`), a few letters (`\\ss`, `\\o`, `\\l`), escaped specials
(`\\&`), dashes (`--`, `---`), ties (`~`) and TeX quotes (``` `` ``` ``''``).
`decode` handles exactly that subset, giving the same text as pylatexenc (a property test
compares them), and returns None for anything else so that the caller falls back to pylatexenc.
"""

from __future__ import annotations

import re
import unicodedata

from cvsite.sources.bibtex.values import collapse

ACCENTS = {"'": "\u0301", '"': "\u0308", "`": "\u0300", "^": "\u0302", "~": "\u0303",
           "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
           "c": "\u0327", "k": "\u0328", "r": "\u030a"}
LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
           "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ"}
ESCAPED = {"&": "&", "%": "%", "$": "$", "#": "#", "_": "_"}
SPECIALS = {"---": "\u2014", "--": "\u2013", "~": " ", "``": "\u201c", "''": "\u201d",
            '"---': "\u2014", '"--~': "\u2013", '"--': "\u2013", "<<": "\u00ab", ">>": "\u00bb",
            "<\u2039": "\u00ab"}
"""pylatexenc's text for TeX's ligatures and the tie (a no-break space, shown as a space); babel's
guillemets (`<‹` a slip for `<<`) and Russian dashes (`"---`), as the slow path reads them."""
DOTLESS = {"\\i": "i", "\\j": "j"}
_TOKEN = re.compile(r"""
  (?=[\\${}~`'"\-<>:%&\#^_!?\ue000-\uf8ff])  # the first characters below: a quick skip of text
  (?:
    (?P<math>\$(?!\$)[^$%\\{}\ue000-\uf8ff]*
        (?:(?:\\[A-Za-z]+|\\[,;:!| ]|\{[^$%\\{}\ue000-\uf8ff]*\})[^$%\\{}\ue000-\uf8ff]*)*\$)
  | \\(?P<sym>['"`^~=.])(?:\{(?P<b1>\\[ij]|[A-Za-z])\}|(?P<b2>\\[ij](?![^\W\d_]|\s)|[A-Za-z]))
  | \\(?P<let>[uvHckr])\{(?P<b3>\\[ij]|[A-Za-z])\}
  | \\(?P<name>ss|aa|AA|ae|AE|oe|OE|[oOlLij])(?![^\W\d_]|\s)
  | \\(?P<esc>[&%$\#_])
  | (?P<special>"?---|"--~|"?--|~|``|''|<<|>>|<\u2039)
  | (?P<bad>\\|[%&\#^_`$\ue000-\uf8ff]|[!?]`|://)
  | (?P<open>\{) | (?P<close>\})
  )
""", re.VERBOSE)
_LINKS = re.compile(r"://|\\(?:url|path|nolinkurl|href)")
"""Links, which the slow path unwraps or keeps before anything else (even inside math); outside
math, `://` and `\\url` (`\\path`, `\\href`, `\\nolinkurl`) are `bad` tokens already."""


def _accented(mark: str, base: str) -> str:
    """A letter with a combining accent, composed as far as Unicode allows."""
    return unicodedata.normalize("NFC", DOTLESS.get(base, base) + ACCENTS[mark])


def decode(latex: str) -> str | None:
    """Plain Unicode text with single spaces, or None when `latex` is outside the subset."""
    out: list[str] = []
    depth, position = 0, 0
    for match in _TOKEN.finditer(latex):
        out.append(latex[position:match.start()])
        position = match.end()
        kind = match.lastgroup
        if kind == "math":
            if _LINKS.search(match.group("math")):
                return None  # a link outside math is `bad`: only math is searched for one
            out.append(match.group("math"))
        elif kind == "bad":
            return None
        elif kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                return None
        elif match.group("sym"):
            out.append(_accented(match.group("sym"), match.group("b1") or match.group("b2")))
        elif kind == "b3":
            out.append(_accented(match.group("let"), match.group("b3")))
        elif kind == "name":
            out.append(LETTERS[match.group("name")])
        elif kind == "special":
            out.append(SPECIALS[match.group("special")])
        else:
            out.append(ESCAPED[match.group("esc")])
    if depth:
        return None
    out.append(latex[position:])
    return collapse("".join(out))  # the whitespace of re's \s, no-break spaces too
