"""BibTeX files split by bibtexparser 2.x into entries with resolved fields and 1-based lines."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from cvsite.errors import Diagnostic, Severity, error
from cvsite.sources.bibtex.blocks import duplicate_keys, failure, leftover_problems, strip_comments
from cvsite.sources.bibtex.entries import Macros, define, entry_fields
from cvsite.sources.bibtex.raw import RawEntry
from cvsite.sources.bibtex.split import Block, split_blocks
from cvsite.sources.text import CONTROL, MIB, control_characters, decode, read_source

_SPLITTER_LOG = logging.getLogger("bibtexparser")
_SPLITTER_LOG.addHandler(logging.NullHandler())
_SPLITTER_LOG.propagate = False  # its complaints reach the user as our diagnostics instead
MAX_BIB_BYTES = 16 * MIB
"""A .bib file larger than this is refused (10,000 entries take about 8 MiB)."""
MAX_BLOCKS = 20_000
MAX_FIELDS = 200_000
"""Entries and `@string`s, and `=` signs (fields), in one file: the work is per entry and field
(10,000 entries of 12 fields build in seconds), so a file of tiny entries must not have more."""
_BLOCK = re.compile(r"@\s*\w*\s*[{(]")
_KIND = re.compile(rb"@\s*(\w+)\s*[{(]")
Strings = tuple[tuple[str, str], ...]
"""@string definitions (lower-case name, value) shared by a file of them alone."""


def read_text(path: Path, display: str) -> tuple[str, list[Diagnostic]]:
    """Decode as UTF-8 (BOM allowed) or BOM-marked UTF-16/32, else as Windows-1252, warned."""
    data, problems = read_source(path, display, MAX_BIB_BYTES)
    return ("", problems) if data is None else decode_text(data, display)


def decode_text(data: bytes, display: str) -> tuple[str, list[Diagnostic]]:
    """`read_text` of a file's bytes; control characters are errors, replaced by U+FFFD."""
    text, problems = decode(data, display, strict=False)
    if text is None:
        return "", problems
    found = control_characters(text, display)
    return (CONTROL.sub("\ufffd", text) if found else text), problems + found


def parse_bib(text: str, display: str, shared: Strings = ()) -> tuple[list[RawEntry],
                                                                     list[Diagnostic]]:
    """Every readable entry of a BibTeX string, with the `shared` @strings of other files
    defined; problems are returned, never raised."""
    blocks, macros, problems = _blocks(text, display, shared)
    entries, broken, found = _entries(blocks, macros, display)
    duplicates, dropped = duplicate_keys(entries, display)
    left_out = broken | duplicates
    return [e for i, e in enumerate(entries) if i not in left_out], problems + found + dropped


def _blocks(text: str, display: str,
            shared: Strings) -> tuple[list[Block], Macros, list[Diagnostic]]:
    """The blocks of a BibTeX string, its @strings evaluated (after `shared`), the problems."""
    macros = Macros(shared)
    too_many = _too_many(text, display)
    if too_many:
        return [], macros, too_many
    text, problems = strip_comments(text, display)
    try:
        blocks = split_blocks(text)
    except Exception as exc:  # a splitter bug must still be a diagnostic
        return [], macros, [error(display, 1, 0, f"cannot split the file into entries: {exc}")]
    for block in blocks:  # a @string defined again: the later wins, warned (`define`)
        if block.kind == "string":
            problems += define(block, macros, display)
    return blocks, macros, problems


def holds_only_strings(data: bytes) -> bool:
    """Whether a .bib's bytes hold @strings and nothing else to read (IEEEabrv.bib, a journal
    list), looked for without decoding them (a UTF-16 file is taken to hold entries)."""
    strings = False
    for match in _KIND.finditer(data):
        kind = match[1].lower()
        if kind not in (b"string", b"comment", b"preamble"):
            return False  # most files: at their first entry
        strings = strings or kind == b"string"
    return strings


def strings_of(text: str, display: str, shared: Strings = ()) -> tuple[Strings, list[Diagnostic]]:
    """The @strings a file of them alone defines, evaluated (using those of the files of
    @strings read before it, `shared`), and its problems."""
    blocks, macros, problems = _blocks(text, display, shared)
    problems += _entries(blocks, macros, display)[2]
    return tuple((name, macros[name]) for name in sorted(macros.own)), problems


def _too_many(text: str, display: str) -> list[Diagnostic]:
    """An error when the file has more blocks or fields than a build may take on."""
    blocks, fields = sum(1 for _ in _BLOCK.finditer(text)), text.count("=")
    if blocks > MAX_BLOCKS:
        return [error(display, 0, 0, f"too many entries ({blocks:,} '@' blocks; the limit is "
                                     f"{MAX_BLOCKS:,})")]
    if fields > MAX_FIELDS:
        return [error(display, 0, 0, f"too many fields ({fields:,} '=' signs; the limit is "
                                     f"{MAX_FIELDS:,})")]
    return []


def _entries(blocks: list[Block], macros: Macros,
             display: str) -> tuple[list[RawEntry], set[int], list[Diagnostic]]:
    """The entries, the indexes of those in error, and the problems of every block in order."""
    entries: list[RawEntry] = []
    broken: set[int] = set()
    problems: list[Diagnostic] = []
    follows_entry = failed = False
    for index, block in enumerate(blocks):
        kind, found = block.kind, None
        if kind == "entry":
            fields, lines, found = entry_fields(block, macros, display)
            entries.append(RawEntry(block.key.strip(), block.detail.strip().lower(), fields,
                                    block.line, lines, block.text))
        elif kind == "failed":
            following = blocks[index + 1].line if index + 1 < len(blocks) else 0
            found = [failure(block.line, block.text, block.detail, display, following)]
        elif kind == "comment" and not failed:
            found = leftover_problems(block.line, block.text,
                                      entries[-1] if follows_entry else None, display)
        if found:  # an error naming the entry this block is, or follows, leaves that entry out
            if (follows_entry or kind == "entry") and any(
                    d.entry == entries[-1].key and d.severity is Severity.ERROR for d in found):
                broken.add(len(entries) - 1)
            problems += found
        follows_entry, failed = kind == "entry", kind == "failed"
    return entries, broken, problems


def load_bib(path: Path, display: str) -> tuple[list[RawEntry], list[Diagnostic]]:
    """Read every entry of a .bib file; problems are returned, never raised."""
    text, problems = read_text(path, display)
    entries, found = parse_bib(text, display)
    return entries, problems + found
