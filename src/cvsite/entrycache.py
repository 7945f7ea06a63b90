"""Decoded BibTeX entries kept across builds: an entry as it was is not decoded again.

`decode_entry` is a pure function of the entry's fingerprint and the Context, so that pair is
the key (with cvsite's code in the store's name). Lines are kept relative to the entry's own
line: an edit above an entry shifts it without invalidating it, and its diagnostics are moved
to where it is now (decode_entry's messages name no absolute lines). A publication is stored as
its plain data and validated back; only data that validates back to an equal model is stored.
Cache misses above a threshold are decoded half in a forked worker (2 cores).
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable
from typing import Any

from cvsite import latex
from cvsite.bibsource import RawEntry
from cvsite.cache import Cache, code_key
from cvsite.errors import Diagnostic, Severity
from cvsite.forkwork import alongside
from cvsite.models import Publication

PREFIX = "entries-"
PARALLEL_ABOVE = 600
"""Entries to decode before a second process pays for its start."""

Decoded = tuple[Publication | None, list[Diagnostic]]
Payload = tuple[dict[str, Any] | None, list[tuple[Any, ...]]]
"""(publication data without its line or None, diagnostics with lines relative to the entry)."""
Decoder = Callable[[RawEntry, Any], Decoded]


def entry_key(raw: RawEntry, context: object) -> str:
    """A digest of everything decoding reads: the entry (lines relative) and the context."""
    lines = tuple((name, at - raw.line) for name, at in raw.field_lines.items())
    text = repr((context, raw.key, raw.entry_type, tuple(raw.fields.items()), lines))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _payload(raw: RawEntry, decoded: Decoded) -> Payload | None:
    """The storable form of a decoded entry, or None when it would not read back the same."""
    pub, problems = decoded
    data = None
    if pub is not None:
        data = pub.model_dump()
        data.pop("line", None)
        if _publication(data, raw.line) != pub:
            return None
    return data, [(d.file, d.line - raw.line, d.col, d.message, d.hint, d.severity.value,
                   d.entry) for d in problems]


def _publication(data: dict[str, Any], line: int) -> Publication:
    return Publication.model_validate({**data, "line": line})


def _recall(raw: RawEntry, payload: Payload) -> Decoded:
    """A stored entry placed at the entry's current line."""
    data, problems = payload
    pub = _publication(data, raw.line) if data is not None else None
    return pub, [Diagnostic(f, line + raw.line, col, message, hint, Severity(severity), entry)
                 for f, line, col, message, hint, severity, entry in problems]


def _decode_in_worker(entries: list[RawEntry], indices: list[int], context: object,
                      decode: Decoder) -> tuple[list[Payload | None], dict[str, str]]:
    """Decode entries in a forked worker: their payloads and the LaTeX decodings made."""
    known = set(latex.slow_made())
    payloads = [_payload(entries[i], decode(entries[i], context)) for i in indices]
    return payloads, {k: v for k, v in latex.slow_made().items() if k not in known}


def _decode_many(entries: list[RawEntry], todo: list[int], context: object,
                 decode: Decoder) -> tuple[dict[int, Decoded], dict[int, Payload]]:
    """Decode the entries `todo` (half in a forked worker when there are many), with the
    payloads the worker already made."""
    if len(todo) < PARALLEL_ABOVE:
        return {i: decode(entries[i], context) for i in todo}, {}
    theirs, mine = todo[: len(todo) // 2], todo[len(todo) // 2:]
    (payloads, decodings), done = alongside(
        lambda: _decode_in_worker(entries, theirs, context, decode),
        lambda: {i: decode(entries[i], context) for i in mine})
    latex.adopt(decodings)
    made = {}
    for i, payload in zip(theirs, payloads, strict=True):
        done[i] = _recall(entries[i], payload) if payload else decode(entries[i], context)
        if payload:
            made[i] = payload
    return done, made


def _read(cache: Cache, name: str) -> dict[str, bytes]:
    """The stored payloads (each marshalled on its own) by entry key; empty when unreadable."""
    data = cache.read_checked(name) if cache.enabled else None
    try:
        stored = marshal.loads(data) if data else {}
    except (ValueError, EOFError, TypeError):
        return {}
    return stored if isinstance(stored, dict) else {}


def _unpack(raw: RawEntry, data: object) -> Decoded | None:
    """A stored entry recalled, or None when what is stored is not a payload."""
    try:
        return _recall(raw, marshal.loads(data))  # type: ignore[arg-type]
    except Exception:  # another format, or data pydantic rejects: decode anew
        return None


def decode_all(entries: list[RawEntry], context: object, cache: Cache | None,
               decode: Decoder) -> list[Decoded]:
    """Every entry decoded by `decode`, answered from the cache where the entry is unchanged."""
    cache = cache or Cache(None)
    name = f"{PREFIX}{code_key()[:20]}.marshal" if cache.enabled else ""
    stored = _read(cache, name) if name else {}
    keys = [entry_key(raw, context) for raw in entries] if name else []
    found: dict[int, Decoded] = {}
    for i, key in enumerate(keys):
        recalled = _unpack(entries[i], stored[key]) if key in stored else None
        if recalled is not None:
            found[i] = recalled
    todo = [i for i in range(len(entries)) if i not in found]
    fresh, made = _decode_many(entries, todo, context, decode) if todo else ({}, {})
    found.update(fresh)
    if name and (fresh or len(stored) != len(set(keys))):
        for i in fresh.keys() - made.keys():
            payload = _payload(entries[i], fresh[i])
            if payload is not None:
                made[i] = payload
        _store(cache, name, stored, keys, made)
    return [found[i] for i in range(len(entries))]


def _store(cache: Cache, name: str, stored: dict[str, bytes], keys: list[str],
           made: dict[int, Payload]) -> None:
    """Keep the payloads of this build's entries, replacing older stores."""
    kept: dict[str, bytes] = {}
    try:
        for i, key in enumerate(keys):
            if i in made:
                kept[key] = marshal.dumps(made[i])
            elif key in stored:
                kept[key] = stored[key]
        data = marshal.dumps(kept)
    except ValueError:
        return
    cache.write_checked(name, data)
    assert cache.folder is not None
    for old in cache.folder.glob(f"{PREFIX}*"):
        if old.name != name:
            old.unlink(missing_ok=True)
