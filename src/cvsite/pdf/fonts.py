"""Fonts in the PDFs: decoded once for several renderings, and dated by SOURCE_DATE_EPOCH."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FONT_EPOCH = "0"
"""The `SOURCE_DATE_EPOCH` fontTools stamps into the fonts it writes when none is set."""


@dataclass(frozen=True)
class LoadedFonts:
    """A WeasyPrint font configuration already holding the print stylesheet's web fonts."""

    config: Any
    roots: tuple[Path, ...]
    epoch: str | None
    """The SOURCE_DATE_EPOCH the fonts were decoded under (fontTools stamps it into them)."""
    fetched: tuple[Path, ...] = ()
    """The font files it holds (a rendering that uses them depends on them too)."""


@contextmanager
def undated_fonts() -> Iterator[None]:
    """Fix the date fontTools stamps into each font it saves (`head.modified`).

    WeasyPrint saves fonts with fontTools when it decodes WOFF web fonts and when it subsets
    without HarfBuzz-Subset; fontTools then writes the clock into the font unless
    `SOURCE_DATE_EPOCH` is set, so two renderings a second apart differ (and a value that is
    not a number makes it fail, and WeasyPrint drop the font). Its only knob is that variable:
    while rendering, an unset or unusable one reads as `FONT_EPOCH`; a number is the user's
    date and stays. Nothing else reads the variable while a PDF renders: the build waits for
    an in-process rendering, and the PDF workers only render.
    """
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = saved if saved and saved.strip().isdigit() else FONT_EPOCH
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
