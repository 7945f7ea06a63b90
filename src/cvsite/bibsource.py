"""BibTeX files read with bibtexparser 2.x; entries as raw fields with 1-based line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bibtexparser import model as bib
from bibtexparser.entrypoint import parse_string

from cvsite.errors import Diagnostic, error, warning


@dataclass(frozen=True)
class RawEntry:
    """One BibTeX entry, its field values with enclosing braces or quotes removed."""

    key: str
    entry_type: str
    fields: dict[str, str]
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)
    text: str = ""


def _unenclose(value: str) -> str:
    """Strip the outer `{…}` or `"…"` that delimits a field value."""
    value = value.strip()
    if len(value) >= 2 and (value[0], value[-1]) in (("{", "}"), ('"', '"')):
        return value[1:-1]
    return value


def _read_text(path: Path, display: str) -> tuple[str, list[Diagnostic]]:
    """Decode as UTF-8 (BOM allowed), else as cp1252 with a warning."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        note = warning(display, line, 0, "file is not UTF-8; read as Windows-1252 (Latin-1)",
                       "save the file as UTF-8")
        return data.decode("cp1252", errors="replace"), [note]


def _failure(block: bib.Block, display: str) -> Diagnostic:
    """A bibtexparser failed block as a diagnostic."""
    line = (block.start_line or 0) + 1
    if isinstance(block, bib.DuplicateBlockKeyBlock):
        first = (block.previous_block.start_line or 0) + 1
        return error(display, line, 0, f"duplicate key '{block.key}' (first at line {first})")
    if isinstance(block, bib.DuplicateFieldKeyBlock):
        entry = block.ignore_error_block
        key = getattr(entry, "key", "?")
        names = ", ".join(f"'{k}'" for k in sorted(block.duplicate_keys))
        return error(display, line, 0, f"entry '{key}' repeats field {names}")
    raw = (block.raw or "").strip()
    head = raw.splitlines()[0] if raw else ""
    return error(display, line, 0, f"syntax error in entry starting {head[:40]!r}",
                 "check for an unclosed brace or a missing comma")


def load_bib(path: Path, display: str) -> tuple[list[RawEntry], list[Diagnostic]]:
    """Read every entry of a .bib file; problems are returned, never raised."""
    text, problems = _read_text(path, display)
    library = parse_string(text, parse_stack=[])
    problems += [_failure(b, display) for b in library.failed_blocks]
    entries = []
    for entry in library.entries:
        fields = {f.key.lower(): _unenclose(str(f.value)) for f in entry.fields}
        start = entry.start_line or 0
        lines = {f.key.lower(): (f.start_line or start) + 1 for f in entry.fields}
        entries.append(RawEntry(entry.key, entry.entry_type.lower(), fields, start + 1, lines,
                                entry.raw or ""))
    return entries, problems
