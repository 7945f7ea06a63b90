"""Source files' bytes to text: size limits, UTF-16/32, bad UTF-8 and control characters found,
each as a diagnostic at its line and column."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from cvsite.errors import Diagnostic, error, warning

MIB = 1 << 20
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32", "utf-32"), (b"\x00\x00\xfe\xff", "UTF-32", "utf-32"),
         (b"\xff\xfe", "UTF-16", "utf-16"), (b"\xfe\xff", "UTF-16", "utf-16"))
_WIDE = ((1, 2, 3), "UTF-32"), ((0, 1, 2), "UTF-32"), ((1, 3), "UTF-16"), ((0, 2), "UTF-16")
"""For each wide encoding, the byte positions (of every 4) that ASCII text leaves zero."""
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
"""Characters no source may hold (tab, newline and carriage return are fine)."""
SHOWN = 5
_DECLARED = re.compile(rb"\A(?:[^\n]*\n){0,4}?%\s*Encoding:\s*([A-Za-z0-9_.:-]+)[ \t\r]*\n")
"""The encoding a file names in its first lines, as JabRef writes it (`% Encoding: Cp1251`)."""
"""At most this many control characters are reported per file (the rest are alike)."""


def read_source(path: Path, shown: str, limit: int) -> tuple[bytes | None, list[Diagnostic]]:
    """A source file's bytes, or why they cannot be had: a folder, a pipe, too large,
    unreadable (a dangling link: not found)."""
    try:
        if path.is_dir():
            return None, [error(shown, 0, 0, "is a folder, not a file",
                                f"remove the folder or put the file '{path.name}' in its place")]
        if not path.exists():
            return None, [error(shown, 0, 0, "is a link to nothing")]
        if not path.is_file():
            return None, [error(shown, 0, 0, "is not a regular file (a device or a pipe?)")]
        size = path.stat().st_size
        if size > limit:
            return None, [error(shown, 0, 0, f"file too large ({size / MIB:.1f} MiB; the limit "
                                             f"is {limit // MIB} MiB)")]
        return path.read_bytes()[: limit + 1], []
    except OSError as exc:
        return None, [error(shown, 0, 0, f"cannot read the file: {exc.strerror or exc}")]


def wide_encoding(data: bytes) -> tuple[str, str] | None:
    """(name, codec) of a UTF-16/32 file with a byte-order mark; (name, "") of one that looks
    like UTF-16/32 without one (ASCII text with zero bytes between); None for anything else."""
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            return name, codec
    quarters = len(data[:4096]) // 4
    if quarters < 1 or data.count(0, 0, 4096) < quarters:
        return None
    zeros = [data[i:quarters * 4:4].count(0) for i in range(4)]
    for positions, name in _WIDE:
        if all(zeros[i] * 10 >= quarters * 9 for i in positions):
            return name, ""
    return None


def decode_wide(data: bytes, shown: str) -> tuple[str | None, list[Diagnostic]]:
    """The text of a UTF-16/32 file with a byte-order mark; one without is refused."""
    found = wide_encoding(data)
    assert found is not None
    name, codec = found
    if not codec:
        return None, [error(shown, 1, 1, f"the file looks like {name} without a byte-order mark",
                            "save it as UTF-8")]
    try:
        return data.decode(codec), []
    except UnicodeDecodeError as exc:
        return None, [error(shown, 0, 0, f"not valid {name} ({exc.reason} at byte {exc.start})",
                            "save it as UTF-8")]


def utf8_position(data: bytes, index: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of byte `index` of UTF-8-ish `data`."""
    start = data.rfind(b"\n", 0, index) + 1
    column = len(data[start:index].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, index) + 1, column


def decode(data: bytes, shown: str, *, strict: bool) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 (BOM allowed) or BOM-marked UTF-16/32; else an error, or (not `strict`) a warning
    and the text read as Windows-1252 (or Latin-1)."""
    if wide_encoding(data):
        return decode_wide(data, shown)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line, col = utf8_position(data, exc.start)
        byte = data[exc.start]
        if strict:
            return None, [error(shown, line, col, f"not valid UTF-8 (byte 0x{byte:02x}: "
                                                  f"{exc.reason})", "save the file as UTF-8")]
        declared = _declared(data)
        if declared:
            text, codec = declared
            return text, [warning(shown, line, col, f"file is not UTF-8; read as {codec}, the "
                                                    "encoding its first lines name",
                                  "save the file as UTF-8")]
        try:
            text, codec = data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            text, codec = data.decode("latin-1"), "Latin-1"
        return text, [warning(shown, line, col, f"file is not UTF-8 (byte 0x{byte:02x} here); "
                                                f"read as {codec}", "save the file as UTF-8, or "
                                                "name its encoding in a first line like JabRef's "
                                                "`% Encoding: windows-1251`")]


def _declared(data: bytes) -> tuple[str, str] | None:
    """The text and encoding name of a file that names its (8-bit) encoding, if it decodes."""
    named = _DECLARED.match(data)
    if named is None:
        return None
    name = named[1].decode("ascii")
    try:
        return data.decode(codecs.lookup(name).name), name
    except (LookupError, UnicodeDecodeError):
        return None


def strict_text(data: bytes, shown: str,
                pattern: re.Pattern[str]) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 (or BOM-marked UTF-16/32) text with `\\n` newlines; None, with the errors, for
    bytes that are not, or for characters matching `pattern` (control characters)."""
    text, problems = decode(data, shown, strict=True)
    if text is None:
        return None, problems
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    found = control_characters(text, shown, pattern)
    return (None, found) if found else (text, [])


def position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of `text[index]`."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def control_characters(text: str, shown: str,
                       pattern: re.Pattern[str] = CONTROL) -> list[Diagnostic]:
    """An error at each of the first few characters matching `pattern` (control characters)."""
    found: list[Diagnostic] = []
    for match in pattern.finditer(text):
        if len(found) == SHOWN:
            break
        line, col = position(text, match.start())
        found.append(error(shown, line, col, f"control character U+{ord(match[0]):04X} is not "
                                             "allowed here", "remove it (often a stray paste)"))
    return found
