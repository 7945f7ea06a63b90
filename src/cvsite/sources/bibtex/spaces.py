"""Whitespace collapsed as `" ".join(text.split())` does, without splitting text that needs none."""

from __future__ import annotations


def collapse(text: str) -> str:
    """`text` with single spaces between its words and none around them.

    Every whitespace character but the space is unprintable, so printable text with no double,
    leading or trailing space is collapsed already (most field values are).
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())
