"""BibTeX files split by bibtexparser 2.x into entries with resolved fields and 1-based lines."""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from bibtexparser import model as bib
from bibtexparser.entrypoint import parse_string

from cvsite.bibblocks import block_line, duplicate_keys, failure, leftover_problems, strip_comments
from cvsite.bibvalues import MONTH_MACROS, evaluate
from cvsite.errors import Diagnostic, Severity, error, warning

_SPLITTER_LOG = logging.getLogger("bibtexparser")
_SPLITTER_LOG.addHandler(logging.NullHandler())
_SPLITTER_LOG.propagate = False  # its complaints reach the user as our diagnostics instead


@dataclass(frozen=True)
class RawEntry:
    """One entry: lower-case type and field names, values with macros and `#` resolved."""

    key: str
    entry_type: str
    fields: dict[str, str]
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)
    text: str = ""

    def fingerprint(self) -> tuple[object, ...]:
        """Everything `decode_entry` reads from the entry: with the Context, a cache key."""
        return (self.key, self.entry_type, tuple(self.fields.items()), self.line,
                tuple(self.field_lines.items()))


def read_text(path: Path, display: str) -> tuple[str, list[Diagnostic]]:
    """Decode as UTF-8 (BOM allowed) or BOM-marked UTF-16, else as Windows-1252 with a warning."""
    return decode_text(path.read_bytes(), display)


def decode_text(data: bytes, display: str) -> tuple[str, list[Diagnostic]]:
    """`read_text` of a file's bytes."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            text, codec = data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            text, codec = data.decode("latin-1"), "Latin-1"
        note = warning(display, line, 0, f"file is not UTF-8 (first bad byte on this line); "
                                         f"read as {codec}", "save the file as UTF-8")
        return text, [note]


class _Macros(dict[str, str]):
    """@string definitions, keyed case-insensitively; BibTeX's month names predefined."""


def _macro_hint(name: str | None, macros: _Macros) -> str | None:
    """`did you mean 'acl'?` for an undefined macro close to a defined one."""
    close = difflib.get_close_matches(name.lower(), list(macros), n=1) if name else []
    return f"did you mean '{close[0]}'?" if close else None


def _define(block: bib.String, macros: _Macros, display: str) -> list[Diagnostic]:
    """Evaluate one @string (it may use earlier ones) and remember it."""
    line = block_line(block)
    value = evaluate(str(block.value), macros)
    problems = [error(display, line + p.offset, 0, f"@string '{block.key}': {p.message}", p.hint)
                for p in value.problems]
    name = block.key.strip().lower()
    if name in macros and name not in MONTH_MACROS:
        problems.append(warning(display, line, 0, f"@string '{block.key}' is defined again; "
                                                  "the later definition wins"))
    macros[name] = value.text
    return problems


def _entry(block: bib.Entry, macros: _Macros, display: str) -> tuple[RawEntry, list[Diagnostic]]:
    """Evaluate every field of an entry, keeping the first of repeated fields."""
    line, key = block_line(block), block.key.strip()
    fields: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[Diagnostic] = []
    pending = [(f.key, str(f.value), (f.start_line or block.start_line or 0) + 1)
               for f in block.fields]
    while pending:
        name, raw, at = pending.pop(0)
        value = evaluate(raw, macros)
        problems += [error(display, at + p.offset, 0, f"entry '{key}': field '{name}': "
                           f"{p.message}", _macro_hint(p.macro, macros) or p.hint, key)
                     for p in value.problems]
        if value.next_field is not None:
            follower, rest, offset = value.next_field
            problems.append(error(display, at + offset, 0, f"entry '{key}': missing comma "
                                  f"between fields '{name}' and '{follower}'", entry=key))
            pending.insert(0, (follower, rest, at + offset))
        name = name.strip().lower()
        if name in fields:
            problems.append(warning(display, at, 0, f"entry '{key}': field '{name}' repeated "
                                    f"(first at line {lines[name]}); the first is kept",
                                    entry=key))
            continue
        fields[name], lines[name] = value.text, at
    raw_entry = RawEntry(key, block.entry_type.strip().lower(), fields, line, lines,
                         block.raw or "")
    return raw_entry, problems


def parse_bib(text: str, display: str) -> tuple[list[RawEntry], list[Diagnostic]]:
    """Every readable entry of a BibTeX string; problems are returned, never raised."""
    text, problems = strip_comments(text, display)
    try:
        library = parse_string(text, parse_stack=[])
    except Exception as exc:  # a splitter bug must still be a diagnostic
        return [], [error(display, 1, 0, f"cannot split the file into entries: {exc}")]
    macros = _Macros(MONTH_MACROS)
    for block in library.blocks:
        if isinstance(block, bib.String):
            problems += _define(block, macros, display)
    entries: list[RawEntry] = []
    broken: set[int] = set()
    follows_entry = failed = False
    blocks = library.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, bib.DuplicateFieldKeyBlock | bib.DuplicateBlockKeyBlock):
            block = block.ignore_error_block or block
        found: list[Diagnostic] = []
        if isinstance(block, bib.Entry):
            entry, found = _entry(block, macros, display)
            entries.append(entry)
        elif isinstance(block, bib.ParsingFailedBlock):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            found = [failure(block, display, block_line(following) if following else 0)]
        elif isinstance(block, bib.ImplicitComment) and not failed:
            found = leftover_problems(block, entries[-1] if follows_entry else None, display)
        follows_entry = follows_entry or isinstance(block, bib.Entry)
        if follows_entry and any(d.entry == entries[-1].key and d.severity is Severity.ERROR
                                 for d in found):
            broken.add(len(entries) - 1)
        follows_entry = isinstance(block, bib.Entry)
        failed = isinstance(block, bib.ParsingFailedBlock)
        problems += found
    duplicates, found = duplicate_keys(entries, display)
    return [e for i, e in enumerate(entries) if i not in broken | duplicates], problems + found


def load_bib(path: Path, display: str) -> tuple[list[RawEntry], list[Diagnostic]]:
    """Read every entry of a .bib file; problems are returned, never raised."""
    text, problems = read_text(path, display)
    entries, found = parse_bib(text, display)
    return entries, problems + found
