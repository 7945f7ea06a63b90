"""Decoded BibTeX entries kept across builds: an entry as it was is not decoded again.

`decode_entry` is a pure function of the entry's fingerprint and the Context, so that pair is
the key (with cvsite's code in the store's name). Lines are kept relative to the entry's own
line: an edit above an entry shifts it without invalidating it, and its diagnostics are moved
to where it is now (decode_entry's messages name no absolute lines). What is stored, and how it
is recalled, is `entrystore`'s. Most entries come decoded or recalled already, by the process
that split them (`entryplan`); misses among the rest above a threshold are decoded half in a
forked worker (2 cores), which sends back the stored form. The key and line of each entry identify
its publication for the page cache (`identity`), in place of its JSON.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from cvsite.cache import Cache, code_key
from cvsite.models import Publication
from cvsite.sources.bibtex import latex
from cvsite.sources.bibtex.raw import RawEntry
from cvsite.speed.collector import paused
from cvsite.speed.entrystore import Decoded, Kept, blob, decided, payload, recall
from cvsite.speed.forkwork import alongside

PREFIX = "entries-"
PARALLEL_ABOVE = 600
"""Entries to decode before a second process pays for its start."""

Decoder = Callable[[RawEntry, Any], Decoded]
_MADE: dict[int, tuple[Publication, str]] = {}
"""The publications of the last `decode_all` with a cache, each with its entry's key and line."""


def entry_key(raw: RawEntry, context: object) -> str:
    """A digest of everything decoding reads: the entry (lines relative) and the context."""
    lines = tuple((name, at - raw.line) for name, at in raw.field_lines.items())
    entry = (raw.key, raw.entry_type, tuple(raw.fields.items()), lines)
    digest = _fed(context).copy()
    # marshal's version 2 writes equal values as equal bytes (no references, no interning marks)
    digest.update(marshal.dumps(entry, 2))
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _fed(context: object) -> hashlib.blake2b:
    """A digest fed the context (its repr made once, not at every entry)."""
    return hashlib.blake2b(repr(context).encode("utf-8", "surrogatepass") + b"\0", digest_size=16)


def _decode_one(entries: list[RawEntry], i: int, keys: list[str], context: object,
                decode: Decoder) -> tuple[Decoded, Kept]:
    """One entry decoded, with its key and its marshalled payload."""
    decoded = decode(entries[i], context)
    key = keys[i] if keys else entry_key(entries[i], context)
    return decoded, (key, blob(payload(entries[i].line, decoded)))


def _decode_in_worker(entries: list[RawEntry], indices: list[int], keys: list[str],
                      context: object, decode: Decoder) -> tuple[list[Kept], dict[str, str]]:
    """Decode entries in a forked worker: their keys and payloads, and the LaTeX decodings."""
    known = set(latex.slow_made())
    kept = [_decode_one(entries, i, keys, context, decode)[1] for i in indices]
    return kept, {k: v for k, v in latex.slow_made().items() if k not in known}


def _decode_here(entries: list[RawEntry], indices: list[int], keys: list[str], context: object,
                 decode: Decoder, keep: bool) -> tuple[dict[int, Decoded], dict[int, Kept]]:
    """Decode entries in this process, with their keys and payloads when they are kept."""
    done, made = {}, {}
    for i in indices:
        if keep:
            done[i], made[i] = _decode_one(entries, i, keys, context, decode)
        else:
            done[i] = decode(entries[i], context)
    return done, made


def _decode_many(entries: list[RawEntry], todo: list[int], keys: list[str], context: object,
                 decode: Decoder, keep: bool) -> tuple[dict[int, Decoded], dict[int, Kept]]:
    """Decode the entries `todo` (half in a forked worker when there are many), with their keys
    and payloads when `keep` (the worker sends its entries as payloads in any case)."""
    if len(todo) < PARALLEL_ABOVE:
        return _decode_here(entries, todo, keys, context, decode, keep)
    theirs, mine = todo[: len(todo) // 2], todo[len(todo) // 2:]
    (kept, decodings), (done, made) = alongside(
        lambda: _decode_in_worker(entries, theirs, keys, context, decode),
        lambda: _decode_here(entries, mine, keys, context, decode, keep))
    latex.adopt(decodings)
    for i, (key, data) in zip(theirs, kept, strict=True):
        done[i] = decode(entries[i], context) if data is None else \
            recall(entries[i], marshal.loads(data))
        if keep:
            made[i] = key, data
    return done, made


def store_name(cache: Cache | None) -> str:
    """The store's file name ("" without a cache)."""
    return f"{PREFIX}{code_key()[:20]}.marshal" if cache is not None and cache.enabled else ""


def read_store(cache: Cache | None) -> dict[str, bytes]:
    """The stored payloads by entry key (empty without a cache)."""
    name = store_name(cache)
    return _read(cache, name) if cache is not None and name else {}


def _read(cache: Cache, name: str) -> dict[str, bytes]:
    """The stored payloads (each marshalled on its own) by entry key; empty when unreadable."""
    data = cache.read_checked(name) if cache.enabled else None
    try:
        stored = marshal.loads(data) if data else {}
    except (ValueError, EOFError, TypeError):
        return {}
    return stored if isinstance(stored, dict) else {}


def recall_stored(raw: RawEntry, data: object) -> Decoded | None:
    """A stored entry recalled, or None when what is stored is not a payload."""
    try:
        return recall(raw, marshal.loads(data))  # type: ignore[arg-type]
    except Exception:  # another format, or data pydantic rejects: decode anew
        return None


def decode_all(entries: list[RawEntry], context: object, cache: Cache | None,
               decode: Decoder, stored: dict[str, bytes] | None = None) -> list[Decoded]:
    """Every entry decoded by `decode`, answered from the cache where the entry is unchanged
    (`stored`: the store, when already read) or where it was split (its `decided` Outcome)."""
    with paused():  # decoding makes many objects and no cycles
        return _decode_all(entries, context, cache or Cache(None), decode,
                           read_store(cache) if stored is None else stored)


def _decode_all(entries: list[RawEntry], context: object, cache: Cache,
                decode: Decoder, stored: dict[str, bytes]) -> list[Decoded]:
    """`decode_all`, with the collector as it is."""
    name = store_name(cache)
    found: dict[int, Decoded] = {}
    made: dict[int, Kept] = {}
    decided_keys = decided(entries, stored, found, made)
    # Without a store (a cold build) keys are made where the entries are decoded, on both cores.
    keys = [decided_keys.get(i) or entry_key(raw, context) for i, raw in enumerate(entries)] \
        if stored else []
    for i, key in enumerate(keys):
        if i not in found and key in stored:
            recalled = recall_stored(entries[i], stored[key])
            if recalled is not None:
                found[i] = recalled
    todo = [i for i in range(len(entries)) if i not in found]
    fresh, made_here = _decode_many(entries, todo, keys, context, decode,
                                    bool(name)) if todo else ({}, {})
    found.update(fresh)
    made.update(made_here)
    _MADE.clear()  # the publications of an earlier call are let go
    if name:
        keys = keys or [decided_keys.get(i) or made[i][0] for i in range(len(entries))]
        _remember(entries, keys, found)
    if name and (made or len(stored) != len(set(keys))):
        _store(cache, name, stored, [made.get(i) or (keys[i], None) for i in range(len(entries))])
    return [found[i] for i in range(len(entries))]


def _remember(entries: list[RawEntry], keys: list[str], found: dict[int, Decoded]) -> None:
    """Note what identifies each publication made: the key of everything its decoding read,
    and the line it was placed at."""
    for i, (pub, _) in found.items():
        if pub is not None:
            _MADE[id(pub)] = pub, f"{keys[i]}@{entries[i].line}"


def identity(pub: Publication) -> str | None:
    """What identifies a publication the last `decode_all` with a cache made (the same text
    only for the same publication, as cvsite's code is the same), or None for any other."""
    made = _MADE.get(id(pub))
    return made[1] if made is not None and made[0] is pub else None


def _store(cache: Cache, name: str, stored: dict[str, bytes],
           entries: list[Kept]) -> None:
    """Keep the payloads of this build's entries (new, else as stored), replacing older stores."""
    kept: dict[str, bytes] = {}
    for key, data in entries:
        if data is not None:
            kept[key] = data
        elif key in stored:
            kept[key] = stored[key]
    cache.write_checked(name, marshal.dumps(kept))
    assert cache.folder is not None
    for old in cache.folder.glob(f"{PREFIX}*"):
        if old.name != name:
            old.unlink(missing_ok=True)
