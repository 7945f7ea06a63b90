"""A .bib text read into publications with one fork: each half split and decoded by one core.

Each entry whose fields need no @string is decoded (or recalled from the entry cache) by the
process that split it, as soon as it is split. The forked child sends back, for each entry it
decoded, only what the rest of the load reads: its key, type, line and field problems, its
entry-cache key and its payload; not its fields and text, unless the file has a `crossref`
(another entry may then take its fields; the child looks while this process works). All else
(macros, duplicate keys, crossrefs, the order of the diagnostics) is done as when the entries
are split, then decoded.
"""

from __future__ import annotations

import os
import re
from typing import Any, cast

from cvsite.cache import Cache
from cvsite.errors import Diagnostic
from cvsite.models import Publication, SiteConfig
from cvsite.sources.bibtex import latex
from cvsite.sources.bibtex.entries import Decided, Fields, outcome
from cvsite.sources.bibtex.raw import RawEntry
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.sources.bibtex.split import SPLIT_ABOVE, Block, Ship
from cvsite.speed.collector import paused
from cvsite.speed.entrycache import entry_key, read_store, recall_stored
from cvsite.speed.entrystore import Outcome, Unrecalled, blob, payload
from cvsite.validate import publications
from cvsite.validate.publications import Context, convert_all

_CROSSREF = re.compile("crossref", re.I)
_NONE: dict[str, Any] = {}
"""The fields and lines of an entry sent without them (shared, never changed)."""


class Plan:
    """What each process does with the entries it splits, and how the child's travel."""

    def __init__(self, context: Context, cache: Cache | None) -> None:
        self.context = context
        self.cache = cache
        self.keep = cache is not None and cache.enabled
        self._stored: dict[str, bytes] | None = None
        self._known = set(latex.slow_made())
        self._pid = os.getpid()

    @property
    def stored(self) -> dict[str, bytes]:
        """The entry cache's store, read by each process when it first needs it (both at once)."""
        if self._stored is None:
            self._stored = read_store(self.cache)
        return self._stored

    def decide(self, raw: RawEntry) -> Outcome | None:
        """The entry recalled from the store or decoded; None for what crossrefs may change (a
        child, completed from its parent later; an entry without authors, which is left out
        if it is a parent: a venue, never kept in the store) and if decoding raised (the entry
        is decoded again later, where the error surfaces as it always did)."""
        if "crossref" in raw.fields or not raw.fields.get("author"):
            return None
        key = entry_key(raw, self.context) if self.keep else ""
        if key in self.stored:
            if os.getpid() != self._pid:  # the child: this process recalls it (`Unrecalled`)
                return Outcome(key, None, None, False)
            recalled = recall_stored(raw, self.stored[key])
            if recalled is not None:
                return Outcome(key, None, recalled, False)
        try:
            decoded = publications.decode_entry(raw, self.context)
        except Exception:
            return None
        return Outcome(key, blob(payload(raw.line, decoded)) if self.keep else None, decoded,
                       True)

    def pack(self, blocks: list[Block], other: str) -> tuple[list[Block], dict[str, str]]:
        """The child's blocks as sent: decided entries as their payloads (the fields and text
        left out when no entry, here or in the `other` half, has a crossref); and its new
        LaTeX decodings."""
        light = _CROSSREF.search(other) is None and not any(map(_crossref, blocks))
        sent = []
        for block in blocks:
            made = outcome(block)
            if isinstance(made, Outcome) and isinstance(block.done, Decided):
                kept = made.kept
                if kept is None and made.fresh and made.decoded is not None:
                    kept = blob(payload(block.line, made.decoded))
                fields = block.done.fields
                if kept is None and made.fresh:  # cannot travel: decoded again here
                    block = block._replace(done=fields)
                elif light:
                    block = block._replace(text="", done=Decided(
                        (_NONE, _NONE, fields[2]), Outcome(made.key, kept, None, made.fresh)))
                else:
                    block = block._replace(done=Decided(
                        fields, Outcome(made.key, kept, None, made.fresh)))
            sent.append(block)
        return sent, {k: v for k, v in latex.slow_made().items() if k not in self._known}

    @staticmethod
    def unpack(sent: tuple[list[Block], dict[str, str]]) -> list[Block]:
        """The child's blocks, its LaTeX decodings taken as if made here."""
        blocks, decodings = sent
        latex.adopt(decodings)
        return blocks


def _crossref(block: Block) -> bool:
    """Whether an entry block has a crossref field."""
    if block.kind != "entry":
        return False
    done = block.done.fields if isinstance(block.done, Decided) else block.done
    if done is not None:
        return "crossref" in cast(Fields, done)[0]
    return any(_CROSSREF.fullmatch(name.strip()) for name, _, _ in block.fields)


def read_publications(text: str, display: str, config: SiteConfig, cache: Cache | None = None,
                      split_above: int = SPLIT_ABOVE,
                      ) -> tuple[tuple[Publication, ...], list[Diagnostic]]:
    """The publications of a .bib text and every problem, in the order of `parse_bib` then
    `convert_all`'s."""
    with paused():  # no collection between the two: the publications exist already
        plan = Plan(Context.of(config, display), cache)
        entries, problems = parse_bib(text, display, split_above, plan.decide,
                                      Ship(plan.pack, plan.unpack))
        try:
            publications, found = convert_all(entries, config, display, cache, plan.stored)
        except Unrecalled:  # a stored entry the child found cannot be read here: read anew
            entries, problems = parse_bib(text, display, split_above)
            publications, found = convert_all(entries, config, display, cache)
    return publications, problems + found
