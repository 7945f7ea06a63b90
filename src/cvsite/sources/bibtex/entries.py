"""The fields of entries and @string blocks evaluated: macros and `#` resolved, problems found."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import NamedTuple, cast

from cvsite.errors import Diagnostic, error, warning
from cvsite.sources.bibtex.split import Block, Finish
from cvsite.sources.bibtex.values import MAX_VALUE, MONTH_MACROS, Budget, evaluate, plain

Fields = tuple[dict[str, str], dict[str, int], list[Diagnostic]]
"""An entry's values and 1-based lines by lower-case field name, and its problems."""
Decide = Callable[[Block, Fields], object]
"""What is made of an entry where its fields are evaluated (e.g. its publication), or None."""


class Decided(NamedTuple):
    """An entry's evaluated fields and what `Decide` made of it (a block's `done`)."""

    fields: Fields
    outcome: object


class Macros(dict[str, str]):
    """@string definitions, keyed case-insensitively; BibTeX's month names predefined."""

    def __init__(self) -> None:
        super().__init__(MONTH_MACROS)
        self.budget = Budget()


def _macro_hint(name: str | None, macros: Mapping[str, str]) -> str | None:
    """`did you mean 'acl'?` for an undefined macro close to a defined one."""
    close = difflib.get_close_matches(name.lower(), list(macros), n=1) if name else []
    return f"did you mean '{close[0]}'?" if close else None


def define(block: Block, macros: Macros, display: str) -> list[Diagnostic]:
    """Evaluate one @string (it may use earlier ones) and remember it."""
    value = evaluate(block.text, macros, macros.budget)
    problems = [error(display, block.line + p.offset, 0, f"@string '{block.key}': {p.message}",
                      p.hint) for p in value.problems]
    name = block.key.strip().lower()
    if name in macros and name not in MONTH_MACROS:
        problems.append(warning(display, block.line, 0, f"@string '{block.key}' is defined "
                                                        "again; the later definition wins"))
    macros[name] = value.text
    return problems


def _plain_fields(block: Block, names: dict[str, str]) -> Fields | None:
    """An entry's fields when every value is plain text and no name repeats (most entries);
    else None. `names` remembers lower-case names (one string object for each)."""
    fields: dict[str, str] = {}
    lines: dict[str, int] = {}
    for name, raw, at in block.fields:
        end = len(raw) - 1
        simple = raw[:1] == "{" and raw.find("}", 1) == end and raw.find("{", 1) < 0 and \
            raw[end - 1] != "\\"  # `{text}` with no braces inside: no need for the regex
        text = raw[1:end] if simple else plain(raw)
        if text is None or end >= MAX_VALUE:
            return None
        lower = names.get(name) or names.setdefault(name, name.strip().lower())
        if lower in fields:
            return None
        fields[lower], lines[lower] = text, at
    return fields, lines, []


def _fields(block: Block, macros: Mapping[str, str] | None, display: str,
            names: dict[str, str]) -> Fields | None:
    """Every field of an entry evaluated, the first of repeated fields kept.

    Without `macros` (not all known yet), None unless every value is plain text.
    """
    done = _plain_fields(block, names)
    if done is not None or macros is None:
        return done
    key = block.key.strip()
    fields: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[Diagnostic] = []
    for name, raw, at in block.fields:
        while True:
            text, follower = plain(raw) if len(raw) <= MAX_VALUE else None, None
            if text is None:
                if macros is None:
                    return None
                value = evaluate(raw, macros, getattr(macros, "budget", None))
                text, follower = value.text, value.next_field
                problems += [error(display, at + p.offset, 0, f"entry '{key}': field '{name}': "
                                   f"{p.message}", _macro_hint(p.macro, macros) or p.hint, key)
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


def entry_fields(block: Block, macros: Mapping[str, str], display: str,
                 names: dict[str, str]) -> Fields:
    """An entry's fields evaluated (by the process that split it, if it could)."""
    if isinstance(block.done, Decided):
        return block.done.fields
    if block.done is not None:
        return cast(Fields, block.done)
    done = _fields(block, macros, display, names)
    assert done is not None
    return done


def outcome(block: Block) -> object:
    """What `Decide` made of an entry where it was split, or None."""
    return block.done.outcome if isinstance(block.done, Decided) else None


def finisher(macros: Mapping[str, str] | None, display: str,
             decide: Decide | None = None) -> Finish:
    """Evaluate entries where they are split, if that needs no @string (or there is none);
    with `decide`, go on with each entry evaluated there."""
    names: dict[str, str] = {}

    def finish(block: Block) -> Block:
        done = _fields(block, macros, display, names) if block.kind == "entry" else None
        if done is None:
            return block
        made = decide(block, done) if decide else None
        return Block(block.kind, block.line, block.key, block.text, (), block.detail,
                     done if made is None else Decided(done, made))
    return finish
