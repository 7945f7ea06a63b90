"""Warnings about LaTeX commands in an entry's text that cvsite does not know."""

from __future__ import annotations

import re

from cvsite.sources.bibtex.fastlatex import LETTERS
from cvsite.sources.bibtex.fields import DECODED, written_field
from cvsite.sources.bibtex.latex import Decoder
from cvsite.sources.bibtex.values import collapse

_NAMES = ("author", "editor")
_SHOWN = frozenset(("title", *_NAMES, *DECODED))
_HINT = ("write the text it stands for: cvsite reads standard LaTeX, not commands defined in a "
         "@preamble, a class or a package")
_TODAY_HINT = "\\today would be the day each build runs; write the date"
_WORD = re.compile(r"\\([A-Za-z]+)")
_ACCENTS_AND_LETTERS = frozenset((*LETTERS, *"uvHckr"))
"""Control words of accents and letters (`\\v{c}`, `\\ss`): a field with no other needs no
look for unknown commands (a name list is not decoded whole otherwise)."""


def unknown_command_problems(fields: dict[str, str], written: dict[str, str],
                             decoder: Decoder) -> list[tuple[str, str, str]]:
    """One (field, message, hint) for each shown field with unknown commands (shown by name)."""
    found = []
    for name, value in fields.items():
        if "\\" not in value or name not in _SHOWN \
                or _ACCENTS_AND_LETTERS.issuperset(_WORD.findall(value)):
            continue
        unknown = decoder.unknown(collapse(value) if name in _NAMES else value)
        if not unknown:
            continue
        field = name if name in written or name not in DECODED else written_field(
            DECODED[name], written)
        commands = ", ".join("\\" + command for command in unknown)
        plural = "s" if len(unknown) > 1 else ""
        found.append((field, f"unknown LaTeX command{plural} {commands} in '{field}'; shown as "
                             f"{_shown(unknown)}", _TODAY_HINT if "today" in unknown else _HINT))
    return found


def _shown(unknown: tuple[str, ...]) -> str:
    """What the page shows for the unknown commands: their names, or the text in their braces."""
    names = [f"'{command}'" for command in unknown if not command.endswith("}")]
    braced = "the text in its braces" if len(names) + 1 == len(unknown) else \
        "the text in their braces"
    if len(names) == len(unknown):
        return ", ".join(names)
    return f"{', '.join(names)} and {braced}" if names else braced
