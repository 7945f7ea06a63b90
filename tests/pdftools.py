"""Helpers to read built PDFs as a reader, a viewer and a hiring system would."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from cvsite.models import Site
from cvsite.pdf.build import file_name


def built_pdfs(site: Site, out: Path) -> dict[str, PdfReader]:
    """Every configured PDF variant in the output folder, by variant name."""
    return {v.name: PdfReader(out / file_name(v, site)) for v in site.config.pdf.variants}


def text_of(reader: PdfReader) -> str:
    """All the text, page after page."""
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    """Text without whitespace, to compare across line breaks and justification."""
    return re.sub(r"\s+", "", text)


def outline_titles(reader: PdfReader) -> list[str]:
    """The titles of every bookmark, depth first."""
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(reader.outline)
    return titles


def fonts_of(reader: PdfReader) -> dict[str, bool]:
    """Every font's name, and whether its program is embedded in the file."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get_object().get("/Font") or {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"]).lstrip("/")] = embedded
    return found
