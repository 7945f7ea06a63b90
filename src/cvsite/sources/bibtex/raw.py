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
