"""A bad YAML value is reported at the line and column where the editor shows it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]


def put(project: Path, name: str, old: str, new: str) -> tuple[int, int]:
    """Replace the value `old` with `new` in content/NAME; the 1-based line and column of it."""
    path = project / "content" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    before = text[:text.index(old)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def errors(err: str) -> list[str]:
    """The error lines of a run's stderr."""
    return [line for line in err.splitlines() if ": error: " in line]


@pytest.mark.parametrize(("name", "old", "new", "what"), [
    ("cv.yaml", "2024-07\n", "2024-13\n", "section 'Experience', entry 1, start"),
    ("cv.yaml", "2021-11\n", "2021-00\n", "section 'Experience', entry 2, start"),
    ("cv.yaml", "Spring 2015,", "Sprung 2015,", "section 'Teaching Experience', entry 4, terms[1]"),
    ("site.yaml", "max_pages: 1", "max_pages: none", "pdf.variants[1].max_pages"),
], ids=["month-13", "month-0", "term-in-a-flow-list", "site-yaml-number"])
def test_a_bad_value_is_reported_at_its_line_and_column(
        project: Path, run_cli: Run, name: str, old: str, new: str, what: str) -> None:
    value = old.split(": ")[-1]
    line, col = put(project, name, old, new)
    col += old.index(value)
    status, _, err = run_cli("build", cwd=project)
    assert status == 1
    (found,) = errors(err)
    assert found.startswith(f"content/{name}:{line}:{col}: error: {what}: "), found


def test_a_value_yaml_cannot_construct_is_reported_at_its_line_and_column(
        project: Path, run_cli: Run) -> None:
    line, col = put(project, "cv.yaml", "2020-09\n", "!!python/name:os.system\n")
    status, _, err = run_cli("build", cwd=project)
    assert status == 1
    (found,) = errors(err)
    assert found.startswith(f"content/cv.yaml:{line}:{col}: error: "), found
