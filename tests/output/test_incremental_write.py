"""The writer updates an existing output folder in place: only changes, never half a site."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvsite.output import stage
from cvsite.output.scan import Stat
from cvsite.output.write import OutputError, write_site


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


SITE = {"index.html": b"<p>home</p>", "cv/index.html": b"<p>cv</p>",
        "publications/a/index.html": b"<p>a</p>", "css/site.css": b"body{}"}


def test_fresh_folder_gets_exactly_the_files(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    report = write_site(SITE, out)
    assert tree(out) == SITE
    assert sorted(report.written) == sorted(SITE)


def test_fresh_folder_gets_nested_folders_in_any_order_and_their_stats(tmp_path: Path) -> None:
    files = {"a/b/d/e.txt": b"e", "z.txt": b"z", "a/c.txt": b"c", "a/b.txt": b"b",
             "a/b/c.txt": b"bc", "a.txt": b"a", "a/b/d.txt": b"d", "a/b-c/x.txt": b"x"}
    out = tmp_path / "_site"
    report = write_site(files, out)
    assert tree(out) == files
    assert report.state == {name: (stat.st_size, stat.st_mtime_ns) for name in files
                            if (stat := (out / name).stat())}


def test_fresh_folder_that_cannot_hold_the_files_is_not_left_half_written(
        tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="both a file and a folder at x"):
        write_site({"a.txt": b"a", "x": b"file", "x/y.txt": b"y"}, tmp_path / "_site")
    assert list(tmp_path.iterdir()) == []


def test_unchanged_files_are_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    write_site(SITE, out)
    before = {name: (out / name).stat() for name in SITE}
    report = write_site(dict(SITE), out)
    assert report.written == () and report.deleted == ()
    for name, stat in before.items():
        after = (out / name).stat()
        assert (after.st_ino, after.st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_changed_new_and_removed_files(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    write_site(SITE, out)
    kept = (out / "css/site.css").stat()
    files = {k: v for k, v in SITE.items() if not k.startswith("publications/")}
    files["index.html"] = b"<p>home, edited</p>"
    files["publications/b/index.html"] = b"<p>b</p>"
    report = write_site(files, out)
    assert tree(out) == files
    assert set(report.written) == {"index.html", "publications/b/index.html"}
    assert report.deleted == ("publications/a/index.html",)
    assert not (out / "publications/a").exists(), "emptied folders are removed"
    now = (out / "css/site.css").stat()
    assert (now.st_ino, now.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert report.state == {name: (stat.st_size, stat.st_mtime_ns) for name in files
                            if (stat := (out / name).stat())}, "the stats a no-change check uses"


def test_the_spare_tree_is_brought_up_to_date_whatever_a_killed_build_left_in_it(
        tmp_path: Path) -> None:
    out, spare = tmp_path / "_site", tmp_path / "._site.cvsite-spare"
    write_site(SITE, out, keep_spare=True)
    write_site({**SITE, "index.html": b"v2"}, out, keep_spare=True)
    assert spare.is_dir(), "the old tree is kept to be updated next time"
    (spare / "cv/index.html").write_bytes(b"half written")
    (spare / "stray").mkdir()
    (spare / "css/site.css").unlink()
    (spare / "css/site.css").mkdir()
    write_site({**SITE, "index.html": b"v3"}, out, keep_spare=True)
    assert tree(out) == {**SITE, "index.html": b"v3"}


def test_a_folder_that_is_cvsites_alone_loses_stray_files_and_staging_litter(
        tmp_path: Path) -> None:
    out = tmp_path / "_site"
    write_site(SITE, out)
    (out / "stray.txt").write_text("x")
    (tmp_path / "._site.cvsite-old").mkdir()
    (tmp_path / "._site.cvsite-old/half.html").write_text("half")
    (out / "cv/index.html").write_bytes(b"<p>edited by hand</p>")
    write_site(SITE, out)
    assert tree(out) == SITE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site"]


def test_a_file_may_become_a_folder_and_back(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    write_site({"a": b"file", "index.html": b"i"}, out)
    write_site({"a/index.html": b"folder", "index.html": b"i"}, out)
    assert tree(out) == {"a/index.html": b"folder", "index.html": b"i"}
    write_site({"a": b"file again", "index.html": b"i"}, out)
    assert tree(out) == {"a": b"file again", "index.html": b"i"}


def test_failed_update_leaves_previous_output_intact(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "_site"
    write_site(SITE, out)
    files = {name: data + b" v2" for name, data in SITE.items()}
    files["new/index.html"] = b"new"
    real = stage.write_file
    calls = []

    def failing(path: str | Path, data: bytes | memoryview, folder: int | None = None) -> Stat:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(path, data, folder)

    monkeypatch.setattr(stage, "write_file", failing)
    with pytest.raises(OutputError, match="No space left on device"):
        write_site(files, out)
    monkeypatch.undo()
    assert tree(out) == SITE, "no temporary file, new folder or half-updated page is left"
    assert not (out / "new").exists()


def test_refuses_paths_outside_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    write_site(SITE, out)
    with pytest.raises(OutputError):
        write_site({**SITE, "../escape.html": b"x"}, out)
    assert tree(out) == SITE
    assert not (tmp_path / "escape.html").exists()
