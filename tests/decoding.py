"""Watching the BibTeX decoder from tests: which entries are decoded, not recalled."""

from __future__ import annotations

import pytest

from cvsite.speed.entrystore import Decoded
from cvsite.validate import publications


def counting_decoder(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the entries actually decoded (not recalled) from now on, by key."""
    decoded: list[str] = []
    real = publications.decode_entry

    def decode(raw: publications.RawEntry, context: publications.Context) -> Decoded:
        decoded.append(raw.key)
        return real(raw, context)
    monkeypatch.setattr(publications, "decode_entry", decode)
    return decoded
