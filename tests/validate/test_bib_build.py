"""BibTeX problems in a build: --keep-going writes what could be read, --strict fails warnings."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from cvsite.build import build
from cvsite.errors import ContentError
from pagetext import text_of

Run = Callable[..., tuple[int, str, str]]

BROKEN = """\
@article{good2021,
  author  = {Example, Ada},
  title   = {A Readable Paper},
  journal = {Journal of Examples},
  year    = {2021},
  month   = jun # "--" # jul,
  volume  = 3, number = 2, pages = {10--20},
  doi     = {10.0000/example.2021},
  abstract = {We read 50% of every file.},
}

@article{broken2022,
  author  = {Example, Ada},
  title   = {An Unreadable Paper},
  journal = {Journal of Examples},
  year    = {2022},
  selected = {maybe},
}

@article{repeats2023,
  author  = {Example, Ada},
  title   = {Kept Title},
  title   = {Dropped Title},
  journal = {Journal of Examples},
  year    = {2023},
  abstract = {An abstract, so that the paper's own page is complete.},
}
"""


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The minimal project with one good entry, one in error and one with a warning."""
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    (project / "content" / "publications.bib").write_text(BROKEN, encoding="utf-8")
    return project


def test_errors_without_keep_going_write_nothing(broken: Path, run_cli: Run) -> None:
    status, out, err = run_cli("build", cwd=broken)
    assert status == 1 and out == ""
    assert ("content/publications.bib:17: error: entry 'broken2022': selected must be true "
            "or false") in err
    assert err.endswith("cvsite: 1 error, 1 warning; nothing written\n")
    assert not (broken / "_site").exists()


def test_keep_going_writes_the_readable_entries_and_lists_the_rest(broken: Path,
                                                                   run_cli: Run) -> None:
    status, out, err = run_cli("build", "--keep-going", cwd=broken)
    assert status == 1 and out == ""
    assert "content/publications.bib:23: warning: entry 'repeats2023': field 'title' repeated" \
        in err
    assert re.search(r"\ncvsite: 1 error, 1 warning; wrote \d+ pages without 1 entry "
                     r"\(broken2022\) into _site/\n$", err)
    page = text_of((broken / "_site" / "publications" / "index.html").read_text("utf-8"))
    assert "A Readable Paper" in page and "Kept Title" in page
    assert "An Unreadable Paper" not in page and "Dropped Title" not in page
    assert "Journal of Examples, vol. 3, no. 2, pp. 10–20, June–July 2021" in page
    paper = text_of((broken / "_site" / "publications" / "good2021" / "index.html")
                    .read_text("utf-8"))
    assert "We read 50% of every file." in paper


def test_strict_makes_the_repeated_field_warning_fatal(broken: Path) -> None:
    (broken / "content" / "publications.bib").write_text(
        BROKEN.replace("selected = {maybe}", "selected = {no}"), encoding="utf-8")
    build(broken, broken / "_site", use_cache=False)
    with pytest.raises(ContentError) as caught:
        build(broken, broken / "_out", strict=True, use_cache=False)
    assert "field 'title' repeated" in caught.value.diagnostics[0].message
    assert {d.severity.value for d in caught.value.diagnostics} == {"warning"}
    assert not (broken / "_out").exists()


def test_keep_going_is_available_to_other_commands(broken: Path) -> None:
    result = build(broken, broken / "_site", keep_going=True, use_cache=False)
    assert result.failed and result.left_out == ("broken2022",)
    assert (broken / "_site" / "index.html").is_file()


def test_keep_going_tells_a_left_out_duplicate_from_the_kept_entry(broken: Path,
                                                                    run_cli: Run) -> None:
    bib = broken / "content" / "publications.bib"
    bib.write_text(BROKEN.replace("broken2022", "good2021"), encoding="utf-8")
    status, _, err = run_cli("build", "--keep-going", cwd=broken)
    assert status == 1
    assert "without 1 entry (good2021 (line 12)) into _site/" in err
