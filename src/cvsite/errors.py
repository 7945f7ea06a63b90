"""Diagnostics: problems found in the sources, as data."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How bad a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place in one source file (1-based line and column; 0 = unknown)."""

    file: str
    line: int
    col: int
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR
    entry: str = ""
    """The BibTeX entry the problem is in, if any (its key; with the line when the key is not
    enough to tell it apart): an error leaves that entry out of the site."""
    topic: str = ""
    """What kind of advice a warning is (`SCHOLAR`), for commands to summarise; "" otherwise."""

    def format(self) -> str:
        """Render as `file:line:col: severity: message`, compiler style."""
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        text = f"{where}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


SCHOLAR = "scholar"
"""The topic of Google Scholar readiness warnings: advice, summarised on builds, and not
refused by `--strict` (only `cvsite check --scholar --strict` refuses them)."""


def refused(diagnostics: Iterable[Diagnostic], strict: bool, advice: bool = False) -> bool:
    """True when the diagnostics fail a build: errors, or with `strict` warnings (advice such
    as Scholar readiness too only when `advice`)."""
    return any(d.severity is Severity.ERROR or (strict and (advice or not d.topic))
               for d in diagnostics)


class ContentError(Exception):
    """Raised when the sources hold errors; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} problem(s) in the sources")
        self.diagnostics = diagnostics


def error(file: str, line: int, col: int, message: str, hint: str | None = None,
          entry: str = "") -> Diagnostic:
    """Make an error diagnostic."""
    return Diagnostic(file, line, col, message, hint, Severity.ERROR, entry)


def warning(file: str, line: int, col: int, message: str, hint: str | None = None,
            entry: str = "") -> Diagnostic:
    """Make a warning diagnostic."""
    return Diagnostic(file, line, col, message, hint, Severity.WARNING, entry)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    """True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def left_out(diagnostics: list[Diagnostic]) -> list[str]:
    """Keys of the BibTeX entries that errors keep out of the site, sorted."""
    return sorted({d.entry for d in diagnostics if d.entry and d.severity is Severity.ERROR})


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """`did you mean 'x'?` for the choice closest to `word`, if one is close enough."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f"did you mean '{close[0]}'?" if close else None
