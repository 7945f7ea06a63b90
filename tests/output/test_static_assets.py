"""Only what the pages use is published: the print style sheet stays out of the site, while
the PDF is still rendered with it."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from cvsite.models import Site
from cvsite.output.assets import pdf_only
from cvsite.pdf.build import file_name
from cvsite.render.environment import PRINT_TEMPLATE
from pdftools import fonts_of

FILES = {"css/print.css": b'@import url("fonts.css");\n@font-face { src: url(../f/p.woff); }',
         "css/fonts.css": b'@font-face { src: url("../f/shared.woff2"); }',
         "css/site.css": b"body { margin: 0 }", "f/p.woff": b"", "f/shared.woff2": b"",
         "favicon.ico": b""}
PRINT = '<link rel="stylesheet" href="css/print.css">'
PAGE = "<link rel=\"stylesheet\" href=\"{{ url('css/fonts.css') }}\">" \
       "<link rel=\"stylesheet\" href=\"{{ url('css/site.css') }}\">"


def test_print_stylesheet_is_not_published_but_styles_the_pdf(built: Path, site: Site) -> None:
    assert not (built / "css/print.css").exists()
    for shared in ("css/fonts.css", "css/site.css", "fonts/CharisSIL-Regular.woff",
                   "fonts/Inter-Regular.woff2"):
        assert (built / shared).is_file(), shared
    variant = site.config.pdf.variants[0]
    fonts = fonts_of(PdfReader(built / file_name(variant, site)))
    # Charis SIL and Inter reach the PDF only through print.css's @import of fonts.css
    assert any("Charis-SIL" in name and embedded for name, embedded in fonts.items()), fonts
    assert any("Inter" in name and embedded for name, embedded in fonts.items()), fonts


def test_only_what_the_print_stylesheet_alone_loads_is_pdf_only() -> None:
    templates = {PRINT_TEMPLATE: PRINT, "base.html": PAGE}
    assert pdf_only(FILES, templates) == {"css/print.css", "f/p.woff"}


def test_a_stylesheet_a_page_links_is_published_even_if_the_pdf_uses_it() -> None:
    templates = {PRINT_TEMPLATE: PRINT,
                 "base.html": PAGE + '<link rel="stylesheet" media="print" href="css/print.css">'}
    assert pdf_only(FILES, templates) == set()
