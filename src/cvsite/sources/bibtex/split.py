"""The .bib text split into blocks by bibtexparser, in two halves on both cores when it is large.

Why a cut is safe: bibtexparser's splitter ends whatever block it is in (or aborts it) at an `@`
that starts a line and is followed by a block's `{` or `(`, and starts a new block there. So the
text from such an `@` on splits exactly as it does within the whole file, with line numbers
offset by the (unescaped) newlines above it. Only the block open at the cut can differ: in the
first half it runs into the end of the text, in the whole file into the `@`; such a block is
split again from its start up to the `@`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from bibtexparser import model as bib
from bibtexparser.entrypoint import parse_string

from cvsite.speed.forkwork import alongside, can_fork

SPLIT_ABOVE = 400_000
"""Characters of BibTeX above which both cores split the text (~500 entries, ~40 ms on one core:
below that, forking and sending the half back cost about what the second core saves)."""

SHARE = 0.5
"""How much of the text this process splits; the forked child splits the rest and sends it.
With entries decoded where split (`entryplan`), a cold read would want a little more here (the
child also pickles its payloads), a read after an edit a little less (this process reads the
store and recalls its half's entries; the child sends its hits as keys): half is between."""
_CUT = re.compile(r"(?m)^@\w*[ \t]*[{(]")
"""A block start as the splitter sees one (its `_BLOCK_START`), at the start of a line."""
_AT_EOF = "Unexpectedly reached end of file."


class Block(NamedTuple):
    """One block of the file at its 1-based line, in plain data (cheap to send between processes).

    `kind` is `entry`, `string`, `failed`, `comment` (text outside blocks) or `other`.
    """

    kind: str
    line: int
    key: str = ""
    text: str = ""
    """entry, failed, comment: the text as written; string: its value."""
    fields: tuple[tuple[str, str, int], ...] = ()
    """entry: (name, value as written, 1-based line) of each field."""
    detail: str = ""
    """entry: its type as written; failed: why the splitter gave up."""
    done: object = None
    """entry: whatever `finish` made of it in the process that split it."""


_WRAPPERS = (bib.DuplicateFieldKeyBlock, bib.DuplicateBlockKeyBlock)
Finish = Callable[[Block], Block]
"""What is done to each block where it is split (e.g. evaluate an entry's fields), or nothing."""


class Ship(NamedTuple):
    """How the forked child's blocks travel: `pack` there (what it sends; it is also given the
    text this process splits), `unpack` here."""

    pack: Callable[[list[Block], str], Any]
    unpack: Callable[[Any], list[Block]]


def _block(found: bib.Block, offset: int) -> Block:
    """A bibtexparser block as plain data; `offset` lines above the text that was split."""
    if isinstance(found, _WRAPPERS):
        found = found.ignore_error_block or found
    line = (found.start_line or 0) + 1 + offset
    if isinstance(found, bib.Entry):
        fields = tuple([(f.key, str(f.value), f.start_line + 1 + offset if f.start_line else line)
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


def split_text(text: str, offset: int = 0, finish: Finish | None = None) -> list[Block]:
    """Every block of `text`, which starts `offset` lines into the file (raises what the
    splitter raises)."""
    blocks = [_block(found, offset) for found in parse_string(text, parse_stack=[]).blocks]
    return [finish(b) for b in blocks] if finish else blocks


def lines_before(text: str, end: int) -> int:
    """Newlines the splitter counts in `text[:end]` (it skips those after a backslash)."""
    return text.count("\n", 0, end) - text.count("\\\n", 0, end)


def cut_point(text: str, share: float = 0.5) -> int:
    """Where a block starts at the start of a line, first after `share` of `text`; 0 if none."""
    found = _CUT.search(text, max(1, int(len(text) * share)))
    return found.start() if found else 0


def _open_at_cut(first: list[Block], text: str, cut: int) -> list[Block]:
    """The first half's blocks, the last one split again up to the cut if it ran into the end."""
    if not first or first[-1].kind != "failed" or first[-1].detail != _AT_EOF:
        return first
    start = cut - len(first[-1].text)  # its text runs from its `@` to the end of the half
    head = _CUT.match(text, cut)
    assert head is not None
    return [*first[:-1], split_text(text[start:head.end()], first[-1].line - 1)[0]]


def _safely(work: Callable[[], list[Block]],
            pack: Callable[[list[Block]], Any] | None = None) -> Any:
    """`work()` (packed by `pack`), or None when the splitter raised (the whole text is then
    split in one go)."""
    try:
        blocks = work()
    except Exception:
        return None
    return pack(blocks) if pack else blocks


def split_blocks(text: str, finish: Finish | None = None, split_above: int = SPLIT_ABOVE,
                 ship: Ship | None = None) -> list[Block]:
    """Every block of `text` as one split would give, on both cores above `split_above`
    characters (raises what the splitter raises on the whole text)."""
    cut = cut_point(text, SHARE) if len(text) > split_above and can_fork() else 0
    if not cut:
        return split_text(text, 0, finish)
    pack = (lambda blocks: ship.pack(blocks, text[:cut])) if ship else None
    sent, first = alongside(  # the child counts the lines above its half itself
        lambda: _safely(lambda: split_text(text[cut:], lines_before(text, cut), finish), pack),
        lambda: _safely(lambda: split_text(text[:cut], 0, finish)))
    if first is None or sent is None:
        return split_text(text, 0, finish)
    second = ship.unpack(sent) if ship else sent
    return _open_at_cut(first, text, cut) + second  # that block failed: nothing to finish
