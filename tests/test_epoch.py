"""SOURCE_DATE_EPOCH: whole seconds in ASCII digits within a date's range, else refused at once."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from cvsite.epoch import epoch_problem, source_moment

Run = Callable[..., tuple[int, str, str]]
UNUSABLE = {"99999999999999": "after the year 9999", "253402300800": "after the year 9999",
            "²": "digits 0-9 only", "１７００": "digits 0-9 only", "abc": "digits 0-9 only",
            "-5": "digits 0-9 only", "1.5": "digits 0-9 only", "9" * 5000: "after the year 9999"}
HINT = "  hint: unset it, or date the build by the last commit: SOURCE_DATE_EPOCH=$(git log -1"


@pytest.mark.parametrize("command", [["build", "--no-pdf"], ["check"], ["serve", "--port", "0"]])
@pytest.mark.parametrize("epoch", UNUSABLE, ids=lambda epoch: epoch[:20])
def test_an_unusable_source_date_epoch_is_a_usage_error_before_any_work(
        tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch,
        command: list[str], epoch: str) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    status, out, err = run_cli(*command, cwd=project)
    lines = err.splitlines()
    assert (status, out, len(lines)) == (2, "", 2), err
    assert lines[0].startswith("cvsite: error: SOURCE_DATE_EPOCH: ")
    assert UNUSABLE[epoch] in lines[0] and lines[1].startswith(HINT)
    assert sorted(p.name for p in project.iterdir()) == ["content"]  # no _site/, no cache


@pytest.mark.parametrize(("epoch", "day"), [("253402300799", "9999-12-31"), ("0", "1970-01-01"),
                                            (" 1765000000\n", "2025-12-06")])
def test_a_source_date_epoch_up_to_the_year_9999_dates_the_pages(
        tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch,
        epoch: str, day: str) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    status, _, err = run_cli("build", "--no-pdf", "--no-cache", cwd=project)
    assert status == 0, err
    html = (project / "_site/index.html").read_text("utf-8")
    assert f'Last updated <time datetime="{day}">' in html


@pytest.mark.parametrize("epoch", ["", "  "])
def test_an_empty_source_date_epoch_is_no_date(monkeypatch: pytest.MonkeyPatch,
                                               epoch: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert epoch_problem(epoch) is None and source_moment() is None


@pytest.mark.parametrize("epoch", UNUSABLE, ids=lambda epoch: epoch[:20])
def test_an_unusable_source_date_epoch_dates_nothing_when_built_as_a_library(
        monkeypatch: pytest.MonkeyPatch, epoch: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert source_moment() is None
