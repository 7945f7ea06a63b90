"""Paper files named by `pdf` fields: found where the exports put them, or an error at the line."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from cvsite.errors import Diagnostic, display_path, error
from cvsite.models import Publication
from cvsite.validate.paperkeys import folder_name
from cvsite.validate.scholar import local_file

PDF_FOLDERS = ("", "papers/", "assets/pdf/")
"""Where a `pdf` path is looked for, in order: as written, then cvsite's and al-folio's folders
(the last two for a bare file name only, as al-folio writes `pdf = {paper.pdf}`)."""
PAPER_FILES = (".pdf", ".ps", ".ps.gz", ".eps", ".djvu", ".epub", ".html", ".htm")
"""What a `pdf` field in content/ may name: a paper. Anything else (`site.yaml`, its backup
`site.yaml~`, the original photo with its location data) would be published as it is."""


def _on_site(href: str, base_url: str | None) -> str | None:
    """The site path of a full URL under the site's own base URL (`.../papers/x.pdf`), or None."""
    if not base_url or not href.startswith(base_url.rstrip("/") + "/"):
        return None
    return local_file(href[len(base_url.rstrip("/")) + 1:])


def _pdf_file(pub: Publication, file: str, looked_in: tuple[Path, ...],
              base_url: str | None) -> tuple[str | None, Diagnostic | None]:
    """The site path of the entry's PDF once found in `looked_in`, or the error saying why not;
    (None, None) for a PDF elsewhere on the web."""
    assert pub.pdf
    line = pub.pdf_line or pub.line
    on_site = _on_site(pub.pdf, base_url)
    if urlsplit(pub.pdf).scheme and on_site is None:
        return None, None
    local = on_site or local_file(pub.pdf)
    if local is None:
        return None, error(file, line, 0, f"entry '{pub.key}': pdf '{pub.pdf}' is not a path "
                           "inside the site", "write it relative to content/, as in "
                           f"pdf = {{papers/{folder_name(pub.key)}.pdf}}", pub.key)
    if not local.lower().endswith(PAPER_FILES) or any(p.startswith(".")
                                                      for p in local.split("/")):
        return None, error(file, line, 0, f"entry '{pub.key}': pdf '{pub.pdf}' is not a paper "
                           f"file ({', '.join(PAPER_FILES)}, not hidden): only those are "
                           "published from content/", f"name the paper's own file, as in "
                           f"pdf = {{papers/{folder_name(pub.key)}.pdf}}", pub.key)
    tried = [f"{folder}{local}" for folder in PDF_FOLDERS if not folder or "/" not in local]
    for path in tried:
        if any((folder / path).is_file() for folder in looked_in):
            return path, None
    places = [display_path(folder / path) for path in tried for folder in looked_in]
    where = f"{', '.join(places[:-1])} or {places[-1]}"
    return None, error(file, line, 0, f"entry '{pub.key}': pdf '{pub.pdf}': no such file "
                       f"(looked for {where})", "put the file there, or correct the name",
                       pub.key)


def resolve_files(pubs: tuple[Publication, ...], file: str, looked_in: tuple[Path, ...],
                  base_url: str | None = None) -> tuple[tuple[Publication, ...],
                                                        list[Diagnostic]]:
    """Each entry's `pdf` as the site path of the file found in `looked_in` (content/, static/),
    and an error at the `pdf` line of each entry whose file is not there."""
    found, resolved = [], []
    for pub in pubs:
        path, problem = _pdf_file(pub, file, looked_in, base_url) if pub.pdf else (None, None)
        if problem:
            found.append(problem)
        resolved.append(pub.model_copy(update={"pdf": path}) if path and path != pub.pdf
                        else pub)
    return tuple(resolved), found
