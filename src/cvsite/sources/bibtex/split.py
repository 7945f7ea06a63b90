"""The .bib text split by bibtexparser into blocks of plain data with 1-based lines."""

from __future__ import annotations

import re
from bisect import bisect_left
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
_ESCAPED_BREAK = re.compile(r"\\\n")
_COMMENT_LIKE = re.compile(r"@(\s*)(comment[a-z][\w:.+-]*)", re.I)
"""An entry whose type begins with `comment` (jurabib's `@commented`, biblatex's `@commentary`):
the splitter takes it for an `@comment`, which BibTeX skips only when its type is exactly that."""


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


def _entry_like(found: bib.Block) -> list[Block] | None:
    """The blocks of an entry the splitter took for a comment, read again, or None."""
    typed = _COMMENT_LIKE.match(found.raw or "") if isinstance(found, bib.ExplicitComment) \
        else None
    if typed is None:
        return None
    raw = found.raw or ""
    blocks = split_blocks(f"@{typed[1]}x{raw[typed.end(1):]}")  # `@xcommented{…`: an entry
    shift = found.start_line or 0
    return [block._replace(line=block.line + shift, detail=typed[2], text=raw,
                           fields=tuple((n, v, line + shift) for n, v, line in block.fields))
            if block.kind == "entry" else block._replace(line=block.line + shift)
            for block in blocks]


def _uncounted(text: str) -> list[int]:
    """The line the splitter reports at each line break it does not count (one after a
    backslash: TeX's control space, `pp.\\⏎`), in order: every later line is one further on."""
    reported: list[int] = []
    line, last = 1, 0
    for mark in _ESCAPED_BREAK.finditer(text):
        line += text.count("\n", last, mark.start())
        last = mark.start()
        reported.append(line - len(reported))
    return reported


def _relined(block: Block, uncounted: list[int]) -> Block:
    """`block` with its lines and its fields' lines as an editor counts them."""
    def real(line: int) -> int:
        return line + bisect_left(uncounted, line)

    return block._replace(line=real(block.line), fields=tuple(
        (name, value, real(line)) for name, value, line in block.fields))


def split_blocks(text: str) -> list[Block]:
    """Every block of `text` (raises what the splitter raises)."""
    blocks: list[Block] = []
    for found in parse_string(text, parse_stack=[]).blocks:
        again = _entry_like(found)
        blocks += [_block(found)] if again is None else again
    uncounted = _uncounted(text) if "\\\n" in text else []
    return [_relined(block, uncounted) for block in blocks] if uncounted else blocks
