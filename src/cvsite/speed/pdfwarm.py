"""Preloaded last in the PDF fork server: the print fonts decoded once, for every worker.

Each PDF rendered from scratch decodes the print stylesheet's web fonts (~0.2 s). The fork
server decodes them once, for the static folders the build named in `ROOTS` when it started
the server; every worker forked from it starts with them (`pdf.document.load_fonts`).
"""

import contextlib
import os
from pathlib import Path

from cvsite.pdf.document import load_fonts
from cvsite.pdf.fonts import LoadedFonts
from cvsite.speed.pdfworkers import ROOTS


def _loaded() -> LoadedFonts | None:
    """The fonts of the named folders, or None (the workers then decode them themselves)."""
    roots = [Path(p) for p in os.environ.pop(ROOTS, "").split(os.pathsep) if p]
    with contextlib.suppress(Exception):  # only a head start: a worker can render without it
        return load_fonts(roots) if roots else None
    return None


FONTS = _loaded()
"""Set once, as the fork server starts; read by the workers forked from it."""
