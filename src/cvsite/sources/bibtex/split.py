"""The .bib text split by bibtexparser into blocks of plain data with 1-based lines."""

from __future__ import annotations

from typing import NamedTuple

from bibtexparser import model as bib
from bibtexparser.entrypoint import parse_string


class Block(NamedTuple):
    """One block at its 1-based line: `entry`, `string`, `failed`, `comment` or `other`."""

    kind: str
    line: int
    key: str = ""
    text: str = ""
    """entry, failed, comment: the text as written; string: its value."""
    fields: tuple[tuple[str, str, int], ...] = ()
    """entry: (name, value as written, 1-based line) of each field."""
    detail: str = ""
    """entry: its type as written; failed: why the splitter gave up."""


_WRAPPERS = (bib.DuplicateFieldKeyBlock, bib.DuplicateBlockKeyBlock)


def _block(found: bib.Block) -> Block:
    """A bibtexparser block as plain data."""
    if isinstance(found, _WRAPPERS):
        found = found.ignore_error_block or found
    line = (found.start_line or 0) + 1
    if isinstance(found, bib.Entry):
        fields = tuple([(f.key, str(f.value), f.start_line + 1 if f.start_line else line)
                        for f in found.fields])
        return Block("entry", line, found.key, found.raw or "", fields, found.entry_type)
    if isinstance(found, bib.String):
        return Block("string", line, found.key, str(found.value))
    if isinstance(found, bib.ParsingFailedBlock):
        reason = str(getattr(found.error, "abort_reason", found.error))
        return Block("failed", line, text=found.raw or "", detail=reason)
    if isinstance(found, bib.ImplicitComment):
        return Block("comment", line, text=found.raw or "")
    return Block("other", line)


def split_blocks(text: str) -> list[Block]:
    """Every block of `text` (raises what the splitter raises)."""
    return [_block(found) for found in parse_string(text, parse_stack=[]).blocks]
