"""Fonts in the PDFs: dated by SOURCE_DATE_EPOCH, never by the clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from cvsite.epoch import VARIABLE, usable_epoch

FONT_EPOCH = "0"
"""The `SOURCE_DATE_EPOCH` fontTools stamps into the fonts it writes when none is set."""


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
    saved = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = saved if saved and usable_epoch(saved) else FONT_EPOCH
    try:
        yield
    finally:
        os.environ.pop(VARIABLE, None)
        if saved is not None:
            os.environ[VARIABLE] = saved
