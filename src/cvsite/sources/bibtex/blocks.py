"""What bibtexparser could not split, or set aside as comments, as diagnostics."""

from __future__ import annotations

import re

from cvsite.errors import Diagnostic, error, warning
from cvsite.sources.bibtex.raw import RawEntry

_HEAD = re.compile(r"@\s*(\w*)\s*[{(]\s*([^,\s{}()=]*)")
_AT_BLOCK = re.compile(r"@\s*\w+\s*[{(]")
_COMMENT = re.compile(r"@\s*comment\s*[{(]", re.I)
_ENTRY_WITHOUT_AT = re.compile(r"(?m)^\s*(article|book|inproceedings|incollection|misc|"
                               r"phdthesis|mastersthesis|techreport|proceedings|unpublished|"
                               r"online|inbook|conference|string)\s*[{(]", re.I)
_FIELD_LIKE = re.compile(r"(?m)^[ \t]*,?\s*([A-Za-z][\w:.+-]*)\s*=\s*[{\"\w]"
                         r"|^[ \t]*[})][ \t]*,?[ \t]*$")
"""A first line that starts as a field does (`year = {2020},`), or closes an entry (`}`): prose
that holds an `=` (IEEEexample.bib's `…via the type field: type = "sec.".`, or a line
`type = "Patent Application"` after a sentence) is not one."""


def _line_of(text: str, index: int) -> int:
    """0-based line offset of `index` in `text`."""
    return text.count("\n", 0, index)


def failure(line: int, raw: str, reason: str, display: str, next_line: int) -> Diagnostic:
    """An entry bibtexparser gave up on, named by its key, with the cause in our words."""
    head = _HEAD.match(raw.lstrip())
    key = head[2] if head else ""
    if head and key and raw.lstrip()[head.end():].lstrip().startswith("="):
        return error(display, line, 0, f"@{head[1]} entry has no key: its first field "
                                        f"'{key}' follows the '{{'",
                     f"write a key after the '{{', as in @{head[1]}{{smith2020,", f"line {line}")
    what = f"entry '{key}'" if key else f"@{head[1]} block" if head else "block"
    if "Unexpected block start" in reason or "found `@" in reason:
        return error(display, line, 0, f"{what}: unclosed entry: a new '@' block starts at "
                                        f"line {next_line} before this one is closed",
                     "check this entry for an unclosed '{' or '\"' or a missing final '}'", key)
    if "end of file" in reason:
        return error(display, line, 0, f"{what}: unclosed entry: the file ends before its "
                                        "closing '}'", "check for an unclosed '{' or '\"'", key)
    if "comma after entry key" in reason:
        return error(display, line, 0, f"{what}: missing comma after the entry key", entry=key)
    reason = reason.replace("`", "'").splitlines()[0].strip()
    return error(display, line, 0, f"{what}: syntax error: {reason}", entry=key)


def strip_comments(text: str, display: str) -> tuple[str, list[Diagnostic]]:
    """@comment{…} blocks blanked out (lines kept), as BibTeX skips them; @-blocks inside warned."""
    problems: list[Diagnostic] = []
    out, done = [], 0
    for match in _COMMENT.finditer(text):
        if match.start() < done:
            continue
        line = _line_of(text, match.start()) + 1
        end = _closing(text, match.end() - 1)
        if end < 0:
            problems.append(error(display, line, 0, "unclosed @comment: the file ends before "
                                                    "its closing brace"))
            break
        body = text[match.start():end]
        for inner in _AT_BLOCK.finditer(body, 1):
            problems.append(warning(display, line + _line_of(body, inner.start()), 0,
                                    f"'{inner[0].strip()}' inside the @comment starting at line "
                                    f"{line} is ignored",
                                    "move it out of the @comment if it should be read"))
        out += [text[done:match.start()], "\n" * body.count("\n")]
        done = end
    return "".join([*out, text[done:]]), problems


def _closing(text: str, start: int) -> int:
    """Index just past the bracket matching the `{` or `(` at `start`; -1 if none."""
    opening = text[start]
    closing = "}" if opening == "{" else ")"
    depth = 0
    for i in range(start, len(text)):
        if text[i] == opening or (opening == "(" and text[i] == "{"):
            depth += 1
        elif text[i] == closing or (opening == "(" and text[i] == "}"):
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def leftover_problems(base: int, text: str, previous: RawEntry | None,
                      display: str) -> list[Diagnostic]:
    """Text between entries (at line `base`) that looks like part of one: never drop it silently."""
    missing_at = _ENTRY_WITHOUT_AT.search(text)
    if missing_at:
        return [warning(display, base + _line_of(text, missing_at.start(1)), 0,
                        f"'{missing_at[0].strip()}' looks like an entry without its '@'; "
                        "it is ignored", "start the entry with '@'")]
    start = len(text) - len(text.lstrip())
    field_like = _FIELD_LIKE.match(text, text.rfind("\n", 0, start) + 1)  # its first line only
    if not field_like:
        return []
    line = base + _line_of(text, field_like.start(1) if field_like[1] else field_like.start())
    if previous is not None:
        return [error(display, line, 0, f"entry '{previous.key}' (line {previous.line}): the "
                                        "text after its end looks like more of its fields",
                      "an extra '}' closes the entry early: check its braces", previous.key)]
    return [warning(display, line, 0, "text outside any entry looks like a field; it is ignored")]


def duplicate_keys(entries: list[RawEntry], display: str) -> tuple[set[int], list[Diagnostic]]:
    """Indexes of entries whose key an earlier entry has (case-insensitively, as BibTeX)."""
    seen: dict[str, RawEntry] = {}
    dropped: set[int] = set()
    problems = []
    for index, entry in enumerate(entries):
        first = seen.setdefault(entry.key.lower(), entry)
        if not entry.key:
            message, hint = f"@{entry.entry_type} entry has no key", "write a key after the '{'"
        elif first is entry:
            continue
        elif first.key == entry.key:
            message, hint = f"duplicate key '{entry.key}' (first at line {first.line})", None
        else:
            message = (f"key '{entry.key}' differs only in case from '{first.key}' "
                       f"(line {first.line})")
            hint = "BibTeX treats keys case-insensitively: rename one"
        dropped.add(index)
        label = f"{entry.key} (line {entry.line})" if entry.key else f"line {entry.line}"
        problems.append(error(display, entry.line, 0, message, hint, label))
    return dropped, problems
