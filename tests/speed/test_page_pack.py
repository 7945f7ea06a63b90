"""Pages kept across builds: taken by key, checked when read, left in the output when untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_build_cache import edit_first_title, reference, tree

from cvsite.build import build
from cvsite.cache import CACHE_DIR, Cache
from cvsite.output.write import InPlace, write_site
from cvsite.speed import pagepack
from cvsite.speed.pagepack import PagePack


def _pack(tmp_path: Path) -> PagePack:
    return PagePack(Cache(tmp_path / "cache"), "pages-test")


def test_stored_pages_come_back_by_key_and_tag(tmp_path: Path) -> None:
    _pack(tmp_path).store({"a": (b"<p>a</p>", ""), "b": (b"<p>b</p>", "all")}, [])
    pack = _pack(tmp_path)
    assert pack.get("a", ("",)) == b"<p>a</p>"
    assert pack.get("b", ("all",)) == b"<p>b</p>"
    assert pack.get("b", ("",)) is None, "a page stored for other publications is a miss"
    assert pack.get("c", ("",)) is None


def test_pages_not_kept_are_dropped_and_the_rest_survive_compaction(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagepack, "COMPACT_ABOVE", 0)
    pages = {f"k{i}": (f"<p>page {i}</p>".encode() * 50, "") for i in range(20)}
    _pack(tmp_path).store(pages, [])
    body = tmp_path / "cache" / "pages-test.pack"
    _pack(tmp_path).store({"new": (b"<p>new</p>", "")}, ["k3", "k7"])
    assert body.stat().st_size < 3 * len(pages["k3"][0]) + 20, "the unused pages were dropped"
    pack = _pack(tmp_path)
    assert set(pack.index) == {"k3", "k7", "new"}
    assert [pack.get(k, ("",)) for k in ("k3", "k7", "new")] == \
        [pages["k3"][0], pages["k7"][0], b"<p>new</p>"]


def test_damaged_page_is_a_miss(tmp_path: Path) -> None:
    _pack(tmp_path).store({"a": (b"<p>first</p>", ""), "b": (b"<p>second</p>", "")}, [])
    body = tmp_path / "cache" / "pages-test.pack"
    data = bytearray(body.read_bytes())
    data[3] ^= 0xFF
    body.write_bytes(bytes(data))
    pack = _pack(tmp_path)
    assert pack.get("a", ("",)) is None
    assert pack.get("b", ("",)) == b"<p>second</p>"


def test_file_left_in_place_is_not_read_unless_it_changed(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    report = write_site({"a.html": b"old", "b.html": b"b"}, out)
    loads: list[str] = []

    def load(name: str, data: bytes) -> InPlace:
        return InPlace(report.state[name], lambda: loads.append(name) or data)

    (out / "b.html").write_bytes(b"edited by hand")
    again = write_site({"a.html": load("a.html", b"old"), "b.html": load("b.html", b"b")}, out)
    assert loads == ["b.html"] and again.written == ("b.html",)
    assert tree(out) == {"a.html": b"old", "b.html": b"b"}


def test_page_edited_by_hand_is_repaired_by_the_next_edit_build(project: Path,
                                                                tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    papers = sorted(p for p in out.glob("publications/*/index.html"))
    untouched, edited = papers[-1], papers[-2]
    stamp = untouched.stat().st_mtime_ns
    edited.write_text("edited by hand")
    edit_first_title(project, "A Retitled Paper")
    build(project, out)
    assert tree(out) == reference(project, tmp_path)
    assert untouched.stat().st_mtime_ns == stamp, "an unchanged page is left alone"


def test_pages_left_in_place_are_restored_after_the_output_is_deleted(project: Path,
                                                                       tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    edit_first_title(project, "A Retitled Paper")
    build(project, out)  # most pages left in place, taken from the pack by key
    before = tree(out)
    for path in sorted(out.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    again = build(project, out)
    assert again.site is None, "restored from the cache, not built"
    assert tree(out) == before == reference(project, tmp_path)
    assert (project / CACHE_DIR).is_dir()
