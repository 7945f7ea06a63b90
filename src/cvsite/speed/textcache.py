"""Decoded LaTeX strings kept across builds in the cache (decoding is the slow part of loading).

The store is keyed on cvsite's code and the installed pylatexenc (`cache.code_key`), so a new
decoder never reads an old decoder's results; within it, each string maps to its decoding.
Only pylatexenc's decodings are kept (with those of earlier builds): the fast decoder's take
microseconds, and most strings are entirely in its subset.
"""

from __future__ import annotations

from cvsite.cache import Cache, code_key
from cvsite.sources.bibtex import latex

PREFIX = "latex-"


def _name() -> str:
    return f"{PREFIX}{code_key()[:20]}.json"


def recall(cache: Cache) -> None:
    """Make the stored decodings available to `latex.to_text`."""
    stored = cache.read_json(_name()) if cache.enabled else None
    texts = stored.get("texts") if stored else None
    known = texts if isinstance(texts, dict) else {}
    latex.remember({k: v for k, v in known.items() if isinstance(k, str) and isinstance(v, str)})


def store(cache: Cache) -> None:
    """Save the decodings this build used (when there are new ones), dropping older stores."""
    if not cache.enabled or cache.folder is None or not latex.decoded_new():
        return
    name = _name()
    cache.write_json(name, {"texts": latex.worth_keeping()})
    for old in cache.folder.glob(f"{PREFIX}*.json"):
        if old.name != name:
            old.unlink(missing_ok=True)
