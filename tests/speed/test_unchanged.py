"""The no-change record: a build with nothing to do does nothing; a record in doubt is a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvsite.build import build
from cvsite.cache import Cache
from cvsite.speed.unchanged import RECORD
from test_build import reference, tree


def rewrite_record(project: Path, **change: object) -> None:
    """Replace fields of the stored record, keeping it well stored (its digest matches)."""
    cache = Cache.for_project(project)
    record = cache.read_json(RECORD)
    assert record is not None
    cache.write_json(RECORD, {**record, **change})


def test_a_second_build_with_nothing_changed_loads_nothing(project: Path) -> None:
    out = project / "_site"
    assert build(project, out).site is not None
    again = build(project, out)
    assert again.site is None and again.written == 0


def test_an_edit_to_any_source_means_a_real_build(project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    profile = project / "content" / "profile.yaml"
    profile.write_text(profile.read_text("utf-8") + "\n# a comment\n", "utf-8")
    assert build(project, out).site is not None


def test_other_options_mean_a_real_build(project: Path) -> None:
    out = project / "_site"
    build(project, out)
    assert build(project, out, base_url="https://example.org/sub/").site is not None


@pytest.mark.parametrize("change", [{"key": "another"}, {"output": "garbage"},
                                    {"diagnostics": [["only", "three", 1]]},
                                    {"output": {"index.html": [1]}}])
def test_a_record_in_doubt_is_a_miss_never_a_wrong_site(project: Path, tmp_path: Path,
                                                        change: dict[str, object]) -> None:
    out = project / "_site"
    build(project, out)
    rewrite_record(project, **change)
    (out / "index.html").write_text("edited by hand")
    assert build(project, out).site is not None
    assert tree(out) == reference(project, tmp_path)


def test_files_cvsite_did_not_write_are_left_alone_by_a_no_change_build(
        project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    (out / "publications" / "extra.html").write_text("not ours")
    (out / "extra.html").write_text("not ours either")
    assert build(project, out).written == 0
    expected = {**reference(project, tmp_path), "extra.html": b"not ours either",
                "publications/extra.html": b"not ours"}
    assert tree(out) == expected


def test_warnings_of_the_last_build_are_reported_again(project: Path) -> None:
    out = project / "_site"
    first = build(project, out)
    assert build(project, out).diagnostics == first.diagnostics
