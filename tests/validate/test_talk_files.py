"""Talk slides and posters may be files of the site: each must be in static/."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import FIXTURES

Run = Callable[..., tuple[int, str, str]]
TALKS = """  - title: Talks
    type: talks
    entries:
      - title: A Talk
        date: 2024-05
        slides: {slides}
        poster: https://example.org/poster.pdf
"""


def project_with_slides(tmp_path: Path, slides: str) -> Path:
    """The minimal project with a talk whose slides are `slides`."""
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    cv = project / "content" / "cv.yaml"
    cv.write_text(cv.read_text("utf-8") + TALKS.format(slides=slides), "utf-8")
    return project


def test_slides_in_static_are_published_and_linked(tmp_path: Path, run_cli: Run) -> None:
    project = project_with_slides(tmp_path, "/slides/a.pdf")
    (project / "static" / "slides").mkdir(parents=True)
    (project / "static" / "slides" / "a.pdf").write_bytes(b"%PDF-1.4\n")
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert (status, err) == (0, "")
    assert 'href="../slides/a.pdf"' in (project / "_site" / "talks" / "index.html").read_text()
    assert (project / "_site" / "slides" / "a.pdf").read_bytes() == b"%PDF-1.4\n"


def test_slides_that_are_not_in_static_are_an_error_at_their_line(
        tmp_path: Path, run_cli: Run) -> None:
    project = project_with_slides(tmp_path, "slides/missing.pdf")
    status, out, err = run_cli("build", "--no-pdf", cwd=project)
    lines = (project / "content" / "cv.yaml").read_text("utf-8").splitlines()
    line = lines.index("        slides: slides/missing.pdf") + 1
    assert status == 1 and out == ""
    assert err.startswith(f"content/cv.yaml:{line}:17: error: no file static/slides/missing.pdf"
                          " for the slides of 'A Talk'\n  hint: put the file in static/")
    assert not (project / "_site").exists()


def test_with_keep_going_the_missing_slides_are_left_out(tmp_path: Path, run_cli: Run) -> None:
    project = project_with_slides(tmp_path, "slides/missing.pdf")
    status, _, _ = run_cli("build", "--no-pdf", "--keep-going", cwd=project)
    page = (project / "_site" / "talks" / "index.html").read_text("utf-8")
    assert status == 1 and "missing.pdf" not in page and "example.org/poster.pdf" in page
