"""`cvsite` end to end: exit codes, messages, and an output folder that is never half-written."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cvsite import __version__
from cvsite.models import Site
from cvsite.render.environment import PAGES

Run = Callable[..., tuple[int, str, str]]


def digest(folder: Path) -> dict[str, str]:
    """Every file of a folder with the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_reports_pages_place_and_time(project: Path, run_cli: Run, site: Site) -> None:
    status, out, err = run_cli("build", cwd=project)
    assert status == 0 and "error" not in err  # warnings: papers Google Scholar may skip
    pages = len(PAGES) + len(site.publications)  # the fixed pages and one per paper
    assert out.startswith(f"cvsite: built {pages} pages (") and " into _site/ in " in out
    assert out.rstrip().endswith(" s")
    assert (project / "_site" / "index.html").is_file()


def test_build_takes_source_and_out(project: Path, tmp_path: Path, run_cli: Run) -> None:
    status, _, _ = run_cli("build", "--source", str(project), "--out", "public", cwd=tmp_path)
    assert status == 0
    assert (tmp_path / "public" / "cv" / "index.html").is_file()


def test_failed_build_leaves_previous_output_intact(project: Path, run_cli: Run) -> None:
    assert run_cli("build", cwd=project)[0] == 0
    before = digest(project / "_site")
    cv = project / "content" / "cv.yaml"
    cv.write_text(cv.read_text(encoding="utf-8").replace("start: 2024-07", "start: July"),
                  encoding="utf-8")
    (project / "content" / "profile.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    status, out, err = run_cli("build", cwd=project)
    assert status == 1 and out == ""
    line = cv.read_text(encoding="utf-8").splitlines().index("        start: July") + 1
    assert f"content/cv.yaml:{line}:16: error: section 'Experience', entry 1, start" in err
    assert "content/profile.yaml:1:7: error: invalid YAML" in err  # where the [ opens
    assert err.rstrip().endswith("cvsite: 2 errors; nothing written")
    assert digest(project / "_site") == before
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".")]
    assert sorted(set(leftovers) - {".cvsite-cache"}) == []


def test_rebuild_removes_pages_no_longer_produced(project: Path, run_cli: Run) -> None:
    out = project / "_site"
    assert run_cli("build", "--no-cache", cwd=project)[0] == 0
    manifest = json.loads((out / ".cvsite-manifest.json").read_text("utf-8"))
    manifest["files"].append("old/index.html")  # as if an earlier build had written it
    (out / ".cvsite-manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (out / "old").mkdir()
    (out / "old/index.html").write_text("old", encoding="utf-8")
    assert run_cli("build", "--no-cache", cwd=project)[0] == 0
    assert not (out / "old").exists()


@pytest.mark.parametrize("out", [".", "content", "content/site", "templates", ".."])
def test_refuses_output_folder_that_would_destroy_sources(project: Path, run_cli: Run,
                                                          out: str) -> None:
    before = digest(project / "content")
    status, _, err = run_cli("build", "--out", out, cwd=project)
    assert status == 2
    assert "refusing to write" in err
    assert digest(project / "content") == before


def test_missing_content_folder_is_a_usage_error(tmp_path: Path, run_cli: Run) -> None:
    status, _, err = run_cli("build", cwd=tmp_path)
    assert status == 2
    assert "no content/ folder" in err


def test_unknown_option_is_a_usage_error(project: Path, run_cli: Run) -> None:
    status, _, err = run_cli("build", "--fast", cwd=project)
    assert status == 2
    assert "unrecognized arguments: --fast" in err


def test_version(project: Path, run_cli: Run) -> None:
    status, out, _ = run_cli("--version", cwd=project)
    assert (status, out.strip()) == (0, f"cvsite {__version__}")


def test_strict_turns_warnings_into_errors(project: Path, run_cli: Run) -> None:
    bib = project / "content" / "publications.bib"
    bib.write_bytes(bib.read_bytes().replace(b"Wu, X. and Dyer", b"Wu, X. and D\xfcyer"))
    status, _, err = run_cli("build", cwd=project)
    assert status == 0
    assert "warning: file is not UTF-8" in err
    warnings = err.count(": warning: ") - err.count("cvsite: warning: Google Scholar")
    status, _out, err = run_cli("build", "--strict", cwd=project)
    assert status == 1
    plural = "s" * (warnings != 1)  # Scholar advice aside: --strict does not refuse it
    assert err.rstrip().endswith(f"cvsite: {warnings} warning{plural}; nothing written")


def test_content_cannot_inject_markup(project: Path, run_cli: Run) -> None:
    profile = project / "content" / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("name: Xiaoxia Wu", "name: Xiaoxia <script>x()</script> Wu"),
                       encoding="utf-8")
    assert run_cli("build", cwd=project)[0] == 0
    html = (project / "_site" / "index.html").read_text(encoding="utf-8")
    assert "<script>x()" not in html and "&lt;script&gt;x()" in html


def test_console_script_runs_as_a_module(project: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "cvsite", "build"], cwd=project,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "built " in result.stdout and " pages (" in result.stdout
