"""Static files: the packaged theme's, overlaid by the project's own `static/`, minus the ones
only the PDF uses (the print style sheet is read from `static/` by WeasyPrint, never served)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from posixpath import dirname, join, normpath
from urllib.parse import urlsplit

from cvsite.models import Publication
from cvsite.paths import static_dirs, template_dirs
from cvsite.render.environment import PRINT_TEMPLATE
from cvsite.validate.scholar import local_file

_CSS_REF = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
_STYLESHEET = re.compile(r"""<link\b[^>]*\bhref=["']([^"'{}]+\.css)["']""")


def _template_texts(source: Path) -> dict[str, str]:
    """Every template's text by name, the project's own over the theme's."""
    texts: dict[str, str] = {}
    for folder in reversed(template_dirs(source)):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                texts[path.relative_to(folder).as_posix()] = path.read_text("utf-8", "replace")
    return texts


def _loaded(roots: Iterable[str], files: Mapping[str, bytes]) -> set[str]:
    """`roots` and every file their style sheets load (`@import`, `url()`), transitively."""
    seen: set[str] = set()
    todo = [root for root in roots if root in files]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if not path.endswith(".css"):
            continue
        for match in _CSS_REF.finditer(files[path].decode("utf-8", "replace")):
            ref = urlsplit((match[1] or match[2]).strip())
            if not ref.scheme and not ref.netloc and ref.path and not ref.path.startswith("/"):
                todo.append(normpath(join(dirname(path), ref.path)))
    return seen & set(files)


def pdf_only(files: Mapping[str, bytes], templates: Mapping[str, str]) -> set[str]:
    """The static files only the PDF uses: the print template's style sheets and what they
    load, less what a page's template names or a style sheet named there loads."""
    printed = _STYLESHEET.findall(templates.get(PRINT_TEMPLATE, ""))
    pdf = _loaded((normpath(href.lstrip("/")) for href in printed), files)
    pages = [text for name, text in templates.items() if name != PRINT_TEMPLATE]
    candidates = pdf | {path for path in files if path.endswith(".css")}
    named = [path for path in sorted(candidates) if any(path in text for text in pages)]
    return pdf - _loaded(named, files)


def collect_static(source: Path) -> dict[str, bytes]:
    """Every static file the pages may use by its path in the output folder (the project's win
    over the theme's); the PDF-only ones are left out."""
    files: dict[str, bytes] = {}
    for folder in static_dirs(source):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                files[path.relative_to(folder).as_posix()] = path.read_bytes()
    for name in pdf_only(files, _template_texts(source)):
        del files[name]
    return files


def collect_papers(source: Path, publications: tuple[Publication, ...]) -> dict[str, bytes]:
    """Paper files shipped in `content/` (a relative `pdf` field), at the same path in the site."""
    files: dict[str, bytes] = {}
    for pub in publications:
        path = local_file(pub.pdf)
        if path and (source / "content" / path).is_file():
            files[path] = (source / "content" / path).read_bytes()
    return files
