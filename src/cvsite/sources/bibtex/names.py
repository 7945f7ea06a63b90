"""Author lists: split before decoding, equal-contribution marks, owner matching."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from bibtexparser.middlewares.names import parse_single_name_into_parts as parse_name

from cvsite.models import Author
from cvsite.sources.bibtex.latex import decode, fold
from cvsite.sources.bibtex.namesplit import split_names

EQUAL_MARK = re.compile(r"\\textsuperscript\s*\{\s*(?:\*|\$\s*(?:\*|\\ast)\s*\$)\s*\}"
                         r"|\$\s*\^?\s*\{?\s*(?:\*|\\ast)\s*\}?\s*\$|\*")
FOOTNOTE_MARK = re.compile(
    r"\$\s*\^?\s*\{?\s*(?:\\dagger|\\ddagger|\\dag|\\ddag|\\S|\\P|\\star|\\sharp|\\natural|\\flat|\\#)"
    r"\s*\}?\s*\$|\$\s*\^\s*\{?[0-9a-z, ]+\}?\s*\$|\\textsuperscript\s*\{[^{}*]*\}|\\d?dag\b|[†‡]")
"""An author's footnote mark (`$^\\dagger$`, `$^{1,2}$`, `\\textsuperscript{\\dag}`): dropped, since
the footnote it points to is not in the bibliography (the `*` of equal contribution is kept)."""
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_ET_AL = ("others", "et al.", "et al", "et~al.")
_SPACE_COMMA = re.compile(r"\s+,")
_DANGLING = re.compile(r"(?i)^and\s+|\s+and$")
_DANGLING_AND = re.compile(r"(?i)^and\b|\band$|\band and\b")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd"})
_TILDE_ACCENT = re.compile(r"\\~(\{[^{}]*\}|[A-Za-z])")
"""`Nu\\~{n}ez`: braced so the name splitter does not read the accent's `~` as a tie (space)."""
_ELIDED = ("'", "\u2019")
"""A particle ending in an apostrophe joins the family name: `d\\textquotesingle Alch\\'{e}`."""
_TRAILING_PARTICLES = re.compile(r"\s((?:(?:van|von|de|der|den|la|le|du|da|di|del|della|ten|ter|zu|"
                                 r"dos|das)\s?)+)$")
"""`Liebergen, Kevin van`: the Dutch index order, the particle after the given name."""

Person = tuple[str, str, str, str]
"""(given, von, family, jr), decoded."""


def _strip_mark(name: str) -> tuple[str, bool]:
    """Remove an equal-contribution mark (`*`, `$^*$`, `\\textsuperscript{*}`) from a name."""
    if "*" not in name and "\\ast" not in name:  # every mark has one
        return _SPACE_COMMA.sub(",", name.strip()), False
    unmarked = EQUAL_MARK.sub(" ", name)
    return _SPACE_COMMA.sub(",", unmarked.strip()), unmarked != name


def _commas(name: str) -> int:
    """How many commas a name has outside braces."""
    if "," not in name or "{" not in name:
        return name.count(",")
    level = count = 0
    for char in name:
        level += (char == "{") - (char == "}")
        count += char == "," and level <= 0
    return count


def list_problems(name: str, written: str) -> list[tuple[str, str]]:
    """What is wrong with a name list (whitespace collapsed), as (message, hint) warnings."""
    found = []
    if _DANGLING_AND.search(written):
        found.append((f"'{name}' has an 'and' with no name beside it",
                      "a name is missing, or an 'and' is one too many"))
    found += [(f"'{name}': the name '{person}' has {_commas(person)} commas; it is shown as "
               "written", "a name has at most two: 'von Last, First' or 'von Last, Jr, First'; "
               "separate names with 'and'")
              for person in split_names(_DANGLING.sub("", written)) if _commas(person) > 2]
    return found


def left_out_problem(name: str, person: str) -> tuple[str, str]:
    """The warning for a name that shows no text once decoded (`{}`), left out of the list."""
    return (f"'{name}': the name '{person}' shows no text once its LaTeX is removed; it is left "
            "out", "write the name in letters")


def parse_person(name: str) -> Person:
    """One name (`First von Last`, `von Last, First`, `von Last, Jr, First`), decoded."""
    if _commas(name) > 2:
        return "", "", decode(name), ""  # warned: shown as written
    try:
        parts = parse_name(_TILDE_ACCENT.sub(r"{\\~\1}", name), strict=False)
        pieces = [" ".join(p) for p in (parts.first, parts.von, parts.last, parts.jr)]
    except Exception:
        pieces = ["", "", name, ""]
    given, von, family, jr = (decode(p) for p in pieces)
    if not family:
        given, family = "", given or von
    if "," not in name and von:
        given, von = _capitalised_lead(given, von)
    if "," in name and not von and (particle := _TRAILING_PARTICLES.search(given)):
        given, von = given[:particle.start()], particle[1].strip()
    if von.endswith(_ELIDED):
        von, family = von.rpartition(" ")[0], von.rpartition(" ")[2] + family
    if not jr:
        given, family, jr = _suffix(given, family, comma="," in name)
    return given, von, family, jr


def _capitalised_lead(given: str, von: str) -> tuple[str, str]:
    """`\\'{E}mile van Berg`: words read as von only because `{E}` hid the capital are given."""
    words = von.split(" ")
    lead = next((i for i, word in enumerate(words) if not word[:1].isupper()), len(words))
    return " ".join(p for p in (given, *words[:lead]) if p), " ".join(words[lead:])


def _suffix(given: str, family: str, comma: bool) -> tuple[str, str, str]:
    """`Jr.`/`III` written in the name (`John Smith III`, `Smith Jr., John`) as the suffix."""
    rest, _, last = family.rpartition(" ")
    if rest and last.lower() in _SUFFIXES:
        return given, rest, last
    first, _, surname = given.rpartition(" ")
    if not comma and first and family.lower() in _SUFFIXES:
        return first, surname, family
    return given, family, ""


def _given_match(ours: str, theirs: str) -> bool:
    """`X.` matches `Xiaoxia`; `Xiaoxia` matches `Xiaoxia`; both must be present or absent."""
    a, b = fold(ours).split(), fold(theirs).split()
    if not a or not b:
        return a == b
    pairs = zip(a, b, strict=False)
    return all(x == y or (x[0] == y[0] and min(len(x), len(y)) == 1) for x, y in pairs)


def _contradicts(ours: str, theirs: str) -> bool:
    """Two written-out first names that differ (`Xiaoxia` vs `Xin`)."""
    a, b = fold(ours).split()[:1], fold(theirs).split()[:1]
    return bool(a and b) and min(len(a[0]), len(b[0])) > 1 and a != b


class Owner:
    """The site owner's names, to recognise her in author lists."""

    def __init__(self, aliases: Sequence[str]) -> None:
        self.aliases = tuple(aliases)
        self.names = [parse_person(_strip_mark(a)[0]) for a in aliases]
        self.lasts = [fold(f"{v} {f}") for _, v, f, _ in self.names]
        self.known: dict[str, Author | bool | None] = {}
        """Each name met so far in the file's lists, as `_author` made it (names repeat)."""

    def __contains__(self, person: Person) -> bool:
        given, von, family, _ = person
        last = fold(f"{von} {family}")
        same = [name[0] for name, its in zip(self.names, self.lasts, strict=True) if its == last]
        return (any(_given_match(g, given) for g in same)
                and not any(_contradicts(g, given) for g in same))


def _author(raw: str, owner: Owner) -> Author | bool | None:
    """One name of a list as a decoded author; None when it shows nothing, True for `others`."""
    word = raw.strip().lower()
    if word in _ET_AL:
        return True
    if word in ("", "and"):
        return None
    author = _new_author(raw, owner)
    return author if author.display else None


def _new_author(raw: str, owner: Owner) -> Author:
    name, equal = _strip_mark(raw)
    if "$" in name or "\\" in name or "†" in name or "‡" in name:
        name = _SPACE_COMMA.sub(",", FOOTNOTE_MARK.sub(" ", name)).strip()
    given, von, family, jr = parse_person(name)
    # `王, 小明` is shown 王小明; `山田 太郎` (no comma) keeps the order it was written in.
    cjk = bool(_CJK.search(family)) and (not given or bool(_CJK.search(given)))
    return Author(given=given, von=von, family=family, jr=jr, equal=equal,
                  owner=(given, von, family, jr) in owner, family_first=cjk and "," in name)


class NameList(NamedTuple):
    """A name list read: its people, whether `and others` ended it, the names showing no text."""

    authors: tuple[Author, ...]
    et_al: bool
    left_out: tuple[str, ...]


def read_names(field: str, owner: Owner) -> NameList:
    """Decoded people of a name list (whitespace collapsed), `and others`, names left out."""
    authors: list[Author] = []
    left_out: list[str] = []
    et_al = False
    for raw in split_names(_DANGLING.sub("", field)):  # dangling: warned
        author = owner.known.get(raw, False)  # `_author` never gives False
        if author is False:
            author = owner.known[raw] = _author(raw, owner)
        if isinstance(author, Author):
            authors.append(author)
        elif author:
            et_al = True
        elif raw.strip().lower() not in ("", "and"):
            left_out.append(raw)
    return NameList(tuple(authors), et_al, tuple(left_out))
