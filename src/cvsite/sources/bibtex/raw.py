"""One BibTeX entry as read: type, key, fields with macros resolved, and where it stands."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawEntry:
    """One entry: lower-case type and field names, values with macros and `#` resolved."""

    key: str
    entry_type: str
    fields: dict[str, str]
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)
    text: str = ""
    decided: object = field(default=None, compare=False, repr=False)
    """What `parse_bib`'s `decide` made of the entry where it was split (e.g. its publication);
    a decided entry may come without its fields and text."""

    def fingerprint(self) -> tuple[object, ...]:
        """Everything `decode_entry` reads from the entry: with the Context, a cache key."""
        return (self.key, self.entry_type, tuple(self.fields.items()), self.line,
                tuple(self.field_lines.items()))
