"""What a build made, as the commands report it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cvsite.errors import Diagnostic

if TYPE_CHECKING:  # along the flow: output sits above models (no import at run time: pydantic)
    from cvsite.models import Site


@dataclass
class BuildResult:
    """What a successful build made."""

    out: Path
    pages: int
    files: int
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: int = 0
    """Files written or replaced in the output folder (0 when nothing changed)."""
    failed: bool = False
    """True when `keep_going` wrote the site despite errors (exit status 1)."""
    left_out: tuple[str, ...] = ()
    """Keys of the BibTeX entries left out because of errors (with `keep_going`)."""
    site: Site | None = None
    """The site as built (None when nothing had changed since the last build)."""
    pdf_pending: bool = False
    """True when `pdf=False` left out PDFs that must still be rendered."""
    written_files: tuple[str, ...] = ()
    """The files written or replaced, by path in the output folder."""
