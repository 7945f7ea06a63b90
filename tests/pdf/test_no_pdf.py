"""`--no-pdf`: the HTML only, linking the PDFs already rendered (none on a cold project)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from cvsite.pdf.build import file_name
from cvsite.validate.load import load_site

Run = Callable[..., tuple[int, str, str]]


def _pdf_names(source: Path) -> list[str]:
    site, _ = load_site(source)
    assert site is not None
    return [file_name(v, site) for v in site.config.pdf.variants]


def test_no_pdf_on_a_cold_project_writes_no_pdf_and_links_none(project: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "cvsite", "build", "--no-pdf"],
                          cwd=project, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("; PDFs not rendered (--no-pdf)")
    site_folder = project / "_site"
    assert (site_folder / "index.html").is_file() and (site_folder / "cv/index.html").is_file()
    names = _pdf_names(project)
    assert not [name for name in names if (site_folder / name).exists()]
    for page in site_folder.rglob("*.html"):
        text = page.read_text("utf-8")
        assert not [name for name in names if name in text], page


def test_no_pdf_after_a_full_build_keeps_the_rendered_pdfs(project: Path, run_cli: Run) -> None:
    assert run_cli("build", cwd=project)[0] == 0
    names = _pdf_names(project)
    before = {name: (project / "_site" / name).read_bytes() for name in names}
    index = (project / "_site" / "index.html").read_text("utf-8")
    status, out, _ = run_cli("build", "--no-pdf", cwd=project)
    assert status == 0 and "--no-pdf" not in out  # nothing was left out
    assert {name: (project / "_site" / name).read_bytes() for name in names} == before
    assert (project / "_site" / "index.html").read_text("utf-8") == index
