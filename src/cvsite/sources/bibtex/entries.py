"""The fields of entries and @string blocks evaluated: macros and `#` resolved, problems found."""

from __future__ import annotations

from collections.abc import Iterable

from cvsite.errors import Diagnostic, did_you_mean, error, warning
from cvsite.sources.bibtex.split import Block
from cvsite.sources.bibtex.values import MAX_VALUE, MONTH_MACROS, Budget, evaluate, plain

Fields = tuple[dict[str, str], dict[str, int], list[Diagnostic]]
"""An entry's values and 1-based lines by lower-case field name, and its problems."""


class Macros(dict[str, str]):
    """@string definitions, keyed case-insensitively; BibTeX's month names predefined, then
    `shared` ones (from a file of @strings alone), which the file's own may replace."""

    def __init__(self, shared: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(MONTH_MACROS)
        self.update(shared)
        self.own: set[str] = set()
        self.budget = Budget()


def define(block: Block, macros: Macros, display: str) -> list[Diagnostic]:
    """Evaluate one @string (it may use earlier ones) and remember it."""
    value = evaluate(block.text, macros, macros.budget)
    problems = [error(display, block.line + p.offset, 0, f"@string '{block.key}': {p.message}",
                      p.hint) for p in value.problems]
    name = block.key.strip().lower()
    if name in macros.own:
        problems.append(warning(display, block.line, 0, f"@string '{block.key}' is defined "
                                                        "again; the later definition wins"))
    macros[name] = value.text
    macros.own.add(name)
    return problems


def entry_fields(block: Block, macros: Macros, display: str) -> Fields:
    """Every field of an entry evaluated, the first of repeated fields kept."""
    key = block.key.strip()
    fields: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[Diagnostic] = []
    for name, raw, at in block.fields:
        while True:
            text, follower = plain(raw) if len(raw) <= MAX_VALUE else None, None
            if text is None:
                value = evaluate(raw, macros, macros.budget)
                text, follower = value.text, value.next_field
                problems += [error(display, at + p.offset, 0, f"entry '{key}': field '{name}': "
                                   f"{p.message}", did_you_mean((p.macro or "").lower(), macros)
                                   or p.hint, key)
                             for p in value.problems]
                if follower is not None:
                    problems.append(error(display, at + follower[2], 0, f"entry '{key}': missing "
                                          f"comma between fields '{name}' and '{follower[0]}'",
                                          entry=key))
            name = name.strip().lower()
            if name in fields:
                problems.append(warning(display, at, 0, f"entry '{key}': field '{name}' "
                                        f"repeated (first at line {lines[name]}); the first is "
                                        "kept", entry=key))
            else:
                fields[name], lines[name] = text, at
            if follower is None:
                break
            name, raw, at = follower[0], follower[1], at + follower[2]
    return fields, lines, problems
