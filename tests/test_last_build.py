"""The record of the last build: a record that cannot be trusted is a miss, never a wrong site."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

from cvsite.build import build
from cvsite.cache import CACHE_DIR, Cache
from cvsite.uptodate import RECORD, SHAPE
from test_build_cache import reference, tree


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


def test_unreadable_page_refs_mean_a_real_build_not_half_a_restore(project: Path,
                                                                  tmp_path: Path) -> None:
    out = project / "_site"
    first = build(project, out)
    rewrite_record(project, 7, b"not marshalled")
    assert build(project, out).written == 0, "a no-change build does not read the refs"
    shutil.rmtree(out)
    again = build(project, out)
    assert again.site is not None, "the pages could not be found: built"
    assert again.files == first.files
    assert tree(out) == reference(project, tmp_path)
