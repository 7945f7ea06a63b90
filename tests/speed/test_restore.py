"""A deleted output folder is put back from the cache, byte for byte, without building."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_build_cache import edit_first_title, reference, tree

from cvsite.build import build
from cvsite.cache import CACHE_DIR


def test_deleted_output_is_restored_without_building(project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    first = build(project, out)
    shutil.rmtree(out)
    again = build(project, out)
    assert again.site is None  # nothing was loaded or rendered
    assert again.written == again.files == first.files
    assert (again.pages, again.diagnostics) == (first.pages, first.diagnostics)
    assert tree(out) == reference(project, tmp_path)
    assert build(project, out).written == 0  # and the next build knows it is up to date


def test_damaged_output_store_means_a_real_build(project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    shutil.rmtree(out)
    for pack in (project / CACHE_DIR).glob("output-*.pack"):
        pack.write_bytes(b"damaged")
    again = build(project, out)
    assert again.site is not None
    assert tree(out) == reference(project, tmp_path)


def test_output_of_other_inputs_is_never_restored(project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    edit_first_title(project, "A Changed Title")
    shutil.rmtree(out)
    again = build(project, out)
    assert again.site is not None
    assert tree(out) == reference(project, tmp_path)
