"""A YAML file whose document is null (`~`, `---` alone) reads as an empty mapping."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES

Run = Callable[..., tuple[int, str, str]]
EMPTY = ["~\n", "---\n", "null\n", "--- ~\n", "# only a comment\n"]


@pytest.mark.parametrize("text", EMPTY)
@pytest.mark.parametrize(("name", "missing"), [("site.yaml", ["title", "base_url"]),
                                               ("profile.yaml", ["name", "summary"])])
def test_an_empty_document_reports_its_missing_fields(
        tmp_path: Path, run_cli: Run, text: str, name: str, missing: list[str]) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    (project / "content" / name).write_text(text, encoding="utf-8")
    status, out, err = run_cli("build", "--no-pdf", "--no-cache", cwd=project)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        *(f"content/{name}:1:1: error: missing required field '{field}'" for field in missing),
        f"cvsite: {len(missing)} errors; nothing written"]


@pytest.mark.parametrize("text", EMPTY)
@pytest.mark.parametrize("name", ["cv.yaml", "news.yaml"])
def test_an_empty_document_of_a_file_without_required_fields_builds(
        tmp_path: Path, run_cli: Run, text: str, name: str) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    (project / "content" / name).write_text(text, encoding="utf-8")
    status, out, err = run_cli("build", "--no-pdf", "--no-cache", cwd=project)
    assert status == 0, err
    assert out.startswith("cvsite: built ") and "Traceback" not in err
