"""Scholar readiness warnings: one line per build, listed by `check --scholar`, switchable."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from cvsite.commands.serve import Preview

Run = Callable[..., tuple[int, str, str]]
PER_PAPER = "Google Scholar may skip or misread its page"
SUMMARY = re.compile(r"^cvsite: warning: Google Scholar may skip or misread the pages of "
                     r"(\d+) papers: 'cvsite check --scholar' lists them", re.M)


def _switch_off(project: Path) -> None:
    site = project / "content" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "scholar_warnings: false\n",
                    encoding="utf-8")


def test_build_summarises_scholar_warnings_in_one_line(project: Path, run_cli: Run) -> None:
    status, _, err = run_cli("build", "--no-cache", cwd=project)
    assert status == 0
    assert PER_PAPER not in err
    assert [int(n) for n in SUMMARY.findall(err)] == [15]  # her site: 15 papers, one line


def test_check_scholar_lists_each_paper_with_its_line(project: Path, run_cli: Run) -> None:
    status, _, err = run_cli("check", "--scholar", cwd=project)
    listed = re.findall(r"^content/[\w/.-]+\.bib:\d+: warning: entry '[^']+': " + PER_PAPER,
                        err, re.M)
    assert status == 0 and len(listed) == 15
    assert not SUMMARY.search(err)
    status, _, err = run_cli("check", cwd=project)
    assert PER_PAPER not in err and SUMMARY.search(err)


def test_site_yaml_switches_the_summary_off_but_check_scholar_still_lists(
        project: Path, run_cli: Run) -> None:
    _switch_off(project)
    status, _, err = run_cli("build", "--no-cache", cwd=project)
    assert status == 0 and "Google Scholar" not in err
    status, _, err = run_cli("check", "--scholar", cwd=project)
    assert err.count(PER_PAPER) == 15


def test_strict_build_does_not_refuse_scholar_advice(project: Path, run_cli: Run) -> None:
    status, out, err = run_cli("build", "--strict", "--no-cache", cwd=project)
    assert status == 0 and "cvsite: built " in out and SUMMARY.search(err)
    status, _, err = run_cli("check", "--scholar", "--strict", cwd=project)
    assert status == 1 and "15 warnings" in err


def test_no_change_build_does_not_repeat_the_summary(project: Path, run_cli: Run) -> None:
    assert SUMMARY.search(run_cli("build", cwd=project)[2])
    status, out, err = run_cli("build", cwd=project)
    assert status == 0 and "cvsite: built " in out
    assert "Google Scholar" not in err


def test_serve_says_the_summary_once_per_save(project: Path, tmp_path: Path) -> None:
    said: list[str] = []
    preview = Preview(project, tmp_path / "preview", said.append)
    try:
        preview._build(changed="content/site.yaml")
        preview._build(changed="PDF")  # the same build again, publishing the PDFs
    finally:
        preview.pdfs.close()
    assert len([line for line in said if SUMMARY.search(line)]) == 1
    assert not any(PER_PAPER in line for line in said)
