"""The record of the last build: a record that cannot be trusted is a miss, never a wrong site."""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from test_build_cache import reference, tree

from cvsite.build import build
from cvsite.cache import CACHE_DIR, Cache
from cvsite.speed import uptodate
from cvsite.speed.uptodate import RECORD, SHAPE, last_build


def rewrite_record(project: Path, change: int, value: object) -> None:
    """Replace one field of the stored record, keeping it well stored (its digest matches)."""
    cache = Cache.for_project(project)
    body = cache.read_checked(RECORD)
    assert body is not None
    record = list(marshal.loads(body))
    record[change] = value
    cache.write_checked(RECORD, marshal.dumps(tuple(record)))


def test_a_record_of_another_layout_is_a_miss(project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    rewrite_record(project, 0, SHAPE + " (another)")
    again = build(project, out)
    assert again.site is not None, "built, not trusted to be up to date"
    assert tree(out) == reference(project, tmp_path)
    assert build(project, out).site is None, "and recorded again"


def test_a_record_of_the_old_json_layout_is_ignored_and_removed(project: Path,
                                                               tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    cache = Cache.for_project(project)
    cache.remove(RECORD)
    cache.write_json("last-build.json", {"key": "old", "out": str(out.resolve()), "pages": 1,
                                         "output": {}, "diagnostics": []})
    (out / "index.html").write_text("edited by hand")
    again = build(project, out)
    assert again.site is not None
    assert tree(out) == reference(project, tmp_path)
    assert not (project / CACHE_DIR / "last-build.json").exists()


def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders count as old enough to be checked by their change time as soon as written."""
    monkeypatch.setattr(uptodate, "SETTLED_NS", -10**18)


def nested_page(out: Path) -> Path:
    """A page two folders down."""
    return next(p for p in sorted(out.glob("*/*/index.html")))


@pytest.mark.parametrize("damage", [
    lambda out: nested_page(out).unlink(),
    lambda out: os.utime(nested_page(out), ns=(0, nested_page(out).stat().st_mtime_ns + 10**9)),
    lambda out: nested_page(out).write_text("edited by hand"),
    lambda out: nested_page(out).write_bytes(b"x" * nested_page(out).stat().st_size),
])
def test_output_checked_by_folder_times_still_notices_any_change(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        damage: Callable[[Path], object]) -> None:
    settled_at_once(monkeypatch)
    out = project / "_site"
    first = build(project, out)
    assert build(project, out).written == 0
    last = last_build(Cache.for_project(project), out)
    assert last is not None and len(last.folders) > 2, "folder times recorded"
    again = build(project, out)
    assert (again.written, again.files, again.diagnostics) == (0, first.files, first.diagnostics)
    damage(out)
    build(project, out)
    assert tree(out) == reference(project, tmp_path)


def test_files_cvsite_did_not_write_are_left_alone_by_a_no_change_build(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settled_at_once(monkeypatch)
    out = project / "_site"
    build(project, out)
    build(project, out)
    (nested_page(out).parent / "extra.html").write_text("not ours")
    (out / "extra.html").write_text("not ours either")
    assert build(project, out).written == 0
    expected = {**reference(project, tmp_path), "extra.html": b"not ours either",
                nested_page(out).parent.relative_to(out).as_posix() + "/extra.html": b"not ours"}
    assert tree(out) == expected


def test_folder_times_are_not_recorded_while_folders_are_new(project: Path) -> None:
    out = project / "_site"
    build(project, out)
    assert build(project, out).written == 0
    last = last_build(Cache.for_project(project), out)
    assert last is not None and last.folders == ()


def test_a_record_whose_stats_do_not_match_its_files_is_a_miss(project: Path,
                                                               tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    rewrite_record(project, 6, b"\0" * 8)  # one number where each file has two
    (out / "index.html").write_text("edited by hand")
    again = build(project, out)
    assert again.site is not None
    assert tree(out) == reference(project, tmp_path)
