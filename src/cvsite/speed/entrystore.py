"""The stored form of a decoded entry: its publication's state and its diagnostics, plain values.

A publication is stored as its state (its field values and which were set: what pickle keeps)
with its line left out, and recalled by setting that state again as unpickling does, without
validating it anew: validation, by the same code and libraries (the entry cache's store is named
by them), made that state. Authors, shared by many entries, are stored as their field values and
made once each. Diagnostics keep their lines relative to the entry's own line, so a recalled
entry is placed where the entry is now. An entry decoded (or recalled) by the process that split
it (`entryplan`) comes with its Outcome.
"""

from __future__ import annotations

import marshal
from operator import attrgetter
from typing import Any, NamedTuple

from cvsite.errors import Diagnostic, Severity
from cvsite.models import Author, Publication
from cvsite.sources.bibtex.raw import RawEntry

Decoded = tuple[Publication | None, list[Diagnostic]]
State = tuple[tuple[Any, ...], tuple[str, ...]]
"""A publication's field values in order (its line as 0, authors as their field values) and
the names of the fields that were set."""
Payload = tuple[State | None, list[tuple[Any, ...]]]
"""(the publication's state or None, diagnostics with lines relative to the entry)."""
FIELDS = tuple(Publication.model_fields)
AUTHOR_FIELDS = tuple(Author.model_fields)
_fields = attrgetter(*FIELDS)
_author_fields = attrgetter(*AUTHOR_FIELDS)
_LINE = FIELDS.index("line")
_PEOPLE = (FIELDS.index("authors"), FIELDS.index("editors"))
_AUTHORS: dict[tuple[Any, ...], Author] = {}
Kept = tuple[str, "bytes | None"]
"""An entry's key and its marshalled payload (None when it cannot be stored)."""


class Outcome(NamedTuple):
    """An entry decoded or recalled where it was split (a `RawEntry.decided`)."""

    key: str
    """Its entry key ("" without a cache)."""
    kept: bytes | None
    """Its marshalled payload when decoded anew (None: not made, or the store's)."""
    decoded: Decoded | None
    """None once sent by another process: recalled from `kept`, else from the store."""
    fresh: bool
    """Decoded anew, not recalled from the store."""


def payload(line: int, decoded: Decoded) -> Payload:
    """The storable form of an entry decoded at `line`."""
    pub, problems = decoded
    state = None
    if pub is not None:
        values = list(_fields(pub))
        values[_LINE] = 0
        for i in _PEOPLE:
            values[i] = tuple(map(_author_fields, values[i]))
        state = tuple(values), tuple(sorted(pub.model_fields_set))
    return state, [(d.file, d.line - line, d.col, d.message, d.hint, d.severity.value,
                    d.entry) for d in problems]


def _author(values: tuple[Any, ...]) -> Author:
    """The author with these field values (made once: authors repeat across entries)."""
    found = _AUTHORS.get(values)
    if found is None:
        found = _AUTHORS[values] = Author(**dict(zip(AUTHOR_FIELDS, values, strict=True)))
    return found


def _publication(raw: RawEntry, state: State) -> Publication:
    """The publication in this state, placed at the entry's current line."""
    stored, names = state
    values = list(stored)
    values[_LINE] = raw.line
    for i in _PEOPLE:
        values[i] = tuple(map(_author, values[i]))
    pub = Publication.__new__(Publication)
    pub.__setstate__({"__dict__": dict(zip(FIELDS, values, strict=True)),
                      "__pydantic_fields_set__": set(names),
                      "__pydantic_extra__": None, "__pydantic_private__": None})
    return pub


def recall(raw: RawEntry, stored: Payload) -> Decoded:
    """A stored entry placed at the entry's current line."""
    state, problems = stored
    return None if state is None else _publication(raw, state), [
        Diagnostic(f, line + raw.line, col, message, hint, Severity(severity), entry)
        for f, line, col, message, hint, severity, entry in problems]


def blob(stored: Payload) -> bytes | None:
    """A payload marshalled for the store, or None when it holds something marshal refuses."""
    try:
        return marshal.dumps(stored)
    except ValueError:
        return None


class Unrecalled(Exception):
    """An entry another process decided (it found it in the store, or decoded it) that cannot
    be recalled here (the store changed meanwhile, or a bug): its fields may not be here."""


def decided(entries: list[RawEntry], stored: dict[str, bytes], found: dict[int, Decoded],
             made: dict[int, Kept]) -> dict[int, str]:
    """The entries decided where they were split, in `found` (the fresh ones in `made`); their
    keys (raises Unrecalled)."""
    keys = {}
    for i, raw in enumerate(entries):
        done = raw.decided
        if isinstance(done, Outcome):
            keys[i] = done.key
            if done.decoded is not None:
                found[i] = done.decoded
            else:  # sent by the child: its payload, or the store's
                try:
                    found[i] = recall(raw, marshal.loads(done.kept or stored[done.key]))
                except Exception as exc:
                    raise Unrecalled(raw.key) from exc
            if done.fresh:
                made[i] = done.key, done.kept
    return keys
