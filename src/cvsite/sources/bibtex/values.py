"""BibTeX field values: `{…}`, `"…"`, numbers and @string macros joined with `#`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTH_MACROS = {name[:3].lower(): name for name in MONTH_NAMES}
"""BibTeX's predefined macros (`jan` … `dec`), as plain.bst defines them."""

MAX_VALUE = 100_000
"""Characters in one field or @string value, macros expanded (an abstract is a few thousand)."""
MAX_EXPANDED = 16_000_000
"""Characters of @string text put into one file's values in all (bounds a macro bomb)."""
_NAME = re.compile(r"[^\s\"#%'(),={}]+")
_NUMBER = re.compile(r"\d+")
_NEXT_FIELD = re.compile(r"([A-Za-z_][\w:.+/-]*)\s*=(.*)", re.S)
_DELIMITER = re.compile(r'[{}"]')
_SPACE_OR_COMMENT = re.compile(r"(?:\s+|%[^\n]*)*")
_RUN = r"[^{}\\]++|\\++[{}]?+"  # text, or backslashes with the brace they escape
_GROUP = r"\{(?:" + _RUN + r")*+\}"
for _ in range(4):
    _GROUP = r"\{(?:" + _RUN + "|" + _GROUP + r")*+\}"
_PLAIN = re.compile(_GROUP + r'|"[^{}"\\]*+"|\d++')
"""A whole value that is one `{…}` (braces nested up to 5 deep), a brace-free `"…"`, or a number."""


@dataclass(frozen=True)
class Problem:
    """Something wrong in a value, `offset` lines below the field's own line."""

    offset: int
    message: str
    hint: str | None = None
    macro: str | None = None


@dataclass(frozen=True)
class Value:
    """One field's value: its text, a field run into it for want of a comma, its problems."""

    text: str
    problems: tuple[Problem, ...] = ()
    next_field: tuple[str, str, int] | None = None
    """(name, raw value, line offset) of a field that followed without a comma."""


def collapse(text: str) -> str:
    """`text` with single spaces between its words and none around them."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # the only printable whitespace is the space: nothing to collapse
    return " ".join(text.split())


def _delimited(raw: str, start: int) -> int:
    """Index just past the `{…}` or `"…"` starting at `start`; -1 when it never closes."""
    closing = "}" if raw[start] == "{" else '"'
    depth = 0
    for mark in _DELIMITER.finditer(raw, start + 1):  # only these characters matter
        i = mark.start()
        if raw[i - 1] == "\\":
            continue
        char = mark[0]
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                return i + 1 if closing == "}" else -1
            depth -= 1
        elif char == closing and depth == 0:
            return i + 1
    return -1


def plain(raw: str) -> str | None:
    """The text of a value that needs no macros and has no problems, as `evaluate` gives it."""
    if _PLAIN.fullmatch(raw) is None:
        return None
    return raw if raw[0] not in "{\"" else raw[1:-1]


class Budget:
    """How many more characters of @string text the file's values may take in."""

    def __init__(self) -> None:
        self.left = MAX_EXPANDED

    def take(self, size: int) -> bool:
        """Whether `size` more characters fit (they are counted if so)."""
        self.left -= size
        return self.left >= 0


def too_long(offset: int) -> Problem:
    """A value past `MAX_VALUE`, `offset` lines below its field's line."""
    return Problem(offset, f"value too long (more than {MAX_VALUE:,} characters)",
                   "a @string used many times over multiplies the text: write the value out")


def evaluate(raw: str, macros: Mapping[str, str], budget: Budget | None = None) -> Value:
    """Resolve one raw value (macros case-insensitively), stopping past `MAX_VALUE` or `budget`."""
    parts: list[str] = []
    problems: list[Problem] = []
    i = size = 0
    if len(raw) > MAX_VALUE:
        return Value("", (too_long(0),))

    def line() -> int:
        return raw.count("\n", 0, i)

    while True:
        i = _SPACE_OR_COMMENT.match(raw, i).end()  # type: ignore[union-attr]
        if i >= len(raw):
            break
        char = raw[i]
        if char in "{\"":
            end = _delimited(raw, i)
            if end < 0:
                problems.append(Problem(line(), f"unbalanced {char!r} in the value",
                                        "every '{' needs its '}' (and every '\"' its '\"')"))
                parts.append(raw[i + 1:])
                break
            parts.append(raw[i + 1:end - 1])
            i = end
        elif number := _NUMBER.match(raw, i):
            parts.append(number[0])
            i = number.end()
        elif name := _NAME.match(raw, i):
            if name[0].lower() in macros:
                text = macros[name[0].lower()]
                size += len(text)
                if size > MAX_VALUE or (budget is not None and not budget.take(len(text))):
                    problems.append(too_long(line()) if size > MAX_VALUE else Problem(
                        line(), f"more than {MAX_EXPANDED:,} characters of @string text in "
                        "the file's values", "a @string used many times over multiplies the "
                        "text: write the values out"))
                    break
                parts.append(text)
            else:
                problems.append(Problem(line(), f"undefined macro '{name[0]}'",
                                        "define it with @string in this file or in a .bib of "
                                        "@strings alone, or put the text in braces",
                                        name[0]))
            i = name.end()
        else:
            problems.append(Problem(line(), f"unexpected {raw[i:i + 10]!r} in the value"))
            break
        i = _SPACE_OR_COMMENT.match(raw, i).end()  # type: ignore[union-attr]
        if i >= len(raw):
            break
        if raw[i] == "#":
            i += 1
            continue
        follow = _NEXT_FIELD.match(raw, i)
        if follow:
            return Value("".join(parts), tuple(problems), (follow[1], follow[2].strip(), line()))
        problems.append(Problem(line(), f"unexpected {raw[i:i + 20]!r} after the value",
                                "join pieces with '#', and end every field with a comma"))
        break
    return Value("".join(parts), tuple(problems))
