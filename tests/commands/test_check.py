"""`cvsite check`: everything validated, internal links and anchors checked, nothing written."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import FIXTURES

Run = Callable[..., tuple[int, str, str]]


def test_the_real_site_checks_clean_and_writes_nothing(run_cli: Run, project: Path) -> None:
    status, out, err = run_cli("check", cwd=project)
    assert status == 0, err
    assert ": error:" not in err and "checked" in out and "error" not in out
    assert not (project / "_site").exists()


def test_check_reports_a_broken_link_and_a_bad_anchor(run_cli: Run, project: Path) -> None:
    shutil.copytree(FIXTURES / "broken-links", project, dirs_exist_ok=True)
    (project / "_site").mkdir()
    (project / "_site" / "keep.txt").write_text("previous output")
    status, _, err = run_cli("check", cwd=project)
    assert status == 1
    problems = [line for line in err.splitlines() if ": error: " in line]
    assert len(problems) == 2, err
    assert problems[0].startswith("<site>/index.html:")
    assert "broken link 'no-such-page/index.html': no page or file 'no-such-page/index.html'" in err
    assert ("broken anchor 'publications/index.html#no-such-section': no id 'no-such-section' in "
            "'publications/index.html'") in err
    assert "2 errors" in err
    assert [p.name for p in (project / "_site").iterdir()] == ["keep.txt"]


def test_check_reports_content_errors_with_their_lines(run_cli: Run, project: Path) -> None:
    profile = project / "content" / "profile.yaml"
    lines = profile.read_text().splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("email:"))
    lines[number - 1] = "emial: someone@example.org"
    profile.write_text("\n".join(lines) + "\n")
    status, _, err = run_cli("check", cwd=project)
    assert status == 1
    assert f"content/profile.yaml:{number}:1: error:" in err


def test_check_without_content_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    status, _, err = run_cli("check", cwd=tmp_path)
    assert status == 2 and "no content/ folder" in err



def test_check_warns_about_an_editor_schema_out_of_step(run_cli: Run, project: Path) -> None:
    assert run_cli("schema", cwd=project)[0] == 0
    (project / "schema" / "cv.schema.json").write_text("{}\n")
    status, _, err = run_cli("check", cwd=project)
    assert status == 0
    assert "schema/cv.schema.json: warning: schema is out of step with the models" in err
