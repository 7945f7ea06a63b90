"""The output folder is never emptied blindly: cvsite replaces only what its manifest lists."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from cvsite.build import build
from cvsite.output import write
from cvsite.output.manifest import MANIFEST, Managed
from cvsite.output.write import OutputError, write_site

Run = Callable[..., tuple[int, str, str]]
MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A copy of the minimal project."""
    shutil.copytree(MINIMAL, tmp_path / "project")
    return tmp_path / "project"


def git(folder: Path, *args: str) -> str:
    """Run git in `folder`; its output."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                          check=True, env=env).stdout


def checkout(folder: Path) -> Path:
    """A `username.github.io` checkout: a git repository with CNAME, .nojekyll and a thesis."""
    folder.mkdir()
    git(folder, "init", "-q")
    (folder / "CNAME").write_text("ada.example.org\n")
    (folder / ".nojekyll").write_text("")
    (folder / "thesis.tex").write_text("\\documentclass{book}\n")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "x")
    return folder


def files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_building_into_a_git_checkout_is_refused_and_leaves_it_intact(small: Path,
                                                                      run_cli: Run) -> None:
    out = checkout(small / "o")
    log, status, before = git(out, "log"), git(out, "status", "--porcelain"), files(out)
    code, _, err = run_cli("build", "--out", "o", cwd=small)
    assert code == 2
    assert "refusing to build into o: it holds files cvsite did not write" in err
    assert "hint:" in err and "--adopt" in err and "Traceback" not in err
    assert (git(out, "log"), git(out, "status", "--porcelain")) == (log, status)
    assert files(out) == before and (out / "CNAME").exists()


def test_adopt_publishes_into_a_checkout_keeping_every_file_it_holds(small: Path,
                                                                    run_cli: Run) -> None:
    out = checkout(small / "o")
    kept = {name: data for name, data in files(out).items()}
    assert run_cli("build", "--out", "o", "--adopt", cwd=small)[0] == 0
    assert (out / "index.html").is_file()
    now = files(out)
    assert {name: now.get(name) for name in kept} == kept, ".git, CNAME, .nojekyll, thesis kept"
    git(out, "fsck", "--strict")
    assert git(out, "log", "--format=%s") == "x\n"
    listed = json.loads((out / MANIFEST).read_text("utf-8"))["files"]
    assert "index.html" in listed and not {"CNAME", "thesis.tex", ".nojekyll"} & set(listed)
    assert not any(name.startswith(".git/") for name in listed)
    config = small / "content/site.yaml"  # a later build needs no --adopt
    config.write_text(config.read_text("utf-8").replace("Ada Example", "Ada B. Example", 1))
    assert run_cli("build", "--out", "o", cwd=small)[0] == 0
    assert {name: files(out).get(name) for name in kept} == kept


def test_adopt_refuses_and_lists_the_files_the_site_would_overwrite(small: Path,
                                                                  run_cli: Run) -> None:
    out = checkout(small / "o")
    (out / "index.html").write_text("my own home page")
    (out / "cv").write_text("a file where the site has a folder")
    before = files(out)
    code, _, err = run_cli("build", "--out", "o", "--adopt", cwd=small)
    assert code == 2
    assert "refusing to overwrite 2 path(s)" in err and "cv, index.html" in err
    assert files(out) == before and not (out / MANIFEST).exists()


def test_a_file_added_by_hand_is_kept_and_one_cvsite_wrote_is_put_back(small: Path,
                                                                      run_cli: Run) -> None:
    out = small / "_site"
    assert run_cli("build", cwd=small)[0] == 0
    (out / "notes.txt").write_text("mine")
    (out / "index.html").write_text("edited by hand")
    assert run_cli("build", cwd=small)[0] == 0
    assert (out / "notes.txt").read_text() == "mine"
    assert (out / "index.html").read_text().startswith("<!doctype html>")


def test_keep_globs_in_site_yaml_are_never_written_replaced_or_deleted(small: Path,
                                                                      run_cli: Run) -> None:
    config = small / "content/site.yaml"
    config.write_text(config.read_text("utf-8") + "keep: [robots.txt, drafts, '*.tex']\n")
    out = small / "_site"
    status, _, err = run_cli("build", cwd=small)
    assert status == 0 and not (out / "robots.txt").exists(), "a kept path is never written"
    assert "content/site.yaml: warning: keep 'robots.txt' holds files the site writes " \
        "(robots.txt): they are never updated" in err  # only that glob holds one
    (out / "robots.txt").write_text("User-agent: *\nDisallow: /\n")
    (out / "drafts").mkdir()
    (out / "drafts/a.html").write_text("draft")
    (out / "papers").mkdir()
    (out / "papers/b.tex").write_text("tex")
    config.write_text(config.read_text("utf-8").replace("Ada Example", "Ada B. Example", 1))
    assert run_cli("build", cwd=small)[0] == 0
    assert (out / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"
    assert (out / "drafts/a.html").read_text() == "draft"
    assert (out / "papers/b.tex").read_text() == "tex"
    listed = json.loads((out / MANIFEST).read_text("utf-8"))
    assert "robots.txt" not in listed["files"] and listed["keep"] == ["robots.txt", "drafts",
                                                                      "*.tex"]


def test_an_output_of_an_earlier_cvsite_without_a_manifest_is_still_updated(
        small: Path) -> None:
    out = small / "_site"
    build(small, out)
    (out / MANIFEST).unlink()  # as an earlier cvsite left it; the cache recorded its files
    config = small / "content/site.yaml"
    config.write_text(config.read_text("utf-8").replace("Ada Example", "Ada B. Example", 1))
    build(small, out)
    assert (out / MANIFEST).is_file() and "Ada B. Example" in (out / "index.html").read_text()


def test_published_files_are_0644_and_folders_0755_whatever_the_umask_and_source_mode(
        small: Path) -> None:
    (small / "static").mkdir()
    secret = small / "static/private.txt"
    secret.write_text("readable by its owner only")
    secret.chmod(0o600)
    (small / "static/shared.txt").write_text("group-writable")
    (small / "static/shared.txt").chmod(0o664)
    old = os.umask(0o077)
    try:
        build(small, small / "_site")
    finally:
        os.umask(old)
    out = small / "_site"
    modes = {p.relative_to(out).as_posix(): stat.S_IMODE(p.lstat().st_mode)
             for p in [out, *out.rglob("*")]}
    assert modes["private.txt"] == modes["shared.txt"] == 0o644
    assert {mode for name, mode in modes.items() if (out / name).is_dir()} == {0o755}
    assert {mode for name, mode in modes.items() if (out / name).is_file()} == {0o644}


def test_a_mount_point_as_output_folder_is_refused_with_a_hint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "_site"
    out.mkdir()
    monkeypatch.setattr(write.os.path, "ismount", lambda path: Path(path) == out)
    with pytest.raises(OutputError, match="is a mount point") as caught:
        write_site({"index.html": b"x"}, out, Managed())
    assert caught.value.hint and "--out" in caught.value.hint
    assert list(out.iterdir()) == []


def test_an_empty_folder_is_published_into_without_adopt(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    out.mkdir()
    write_site({"index.html": b"x"}, out, Managed())
    assert files(out) == {"index.html": b"x", MANIFEST: (out / MANIFEST).read_bytes()}


def test_a_manifest_naming_git_or_cname_never_gets_them_deleted(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    write_site({"index.html": b"x"}, out, Managed())
    (out / ".git").mkdir()
    (out / ".git/config").write_text("[core]\n")
    (out / "CNAME").write_text("example.org\n")
    listed = json.loads((out / MANIFEST).read_text("utf-8"))
    listed["files"] += [".git/config", "CNAME"]
    (out / MANIFEST).write_text(json.dumps(listed), "utf-8")
    write_site({"index.html": b"y"}, out, Managed())
    assert (out / ".git/config").read_text() == "[core]\n"
    assert (out / "CNAME").read_text() == "example.org\n"


def test_an_output_folder_that_is_a_symlink_is_published_into_and_stays_a_symlink(
        tmp_path: Path) -> None:
    target = tmp_path / "www"
    target.mkdir()
    out = tmp_path / "_site"
    out.symlink_to(target)
    write_site({"index.html": b"x"}, out, Managed())
    write_site({"index.html": b"y"}, out, Managed())
    assert out.is_symlink() and (target / "index.html").read_bytes() == b"y"


def test_a_file_of_an_earlier_build_with_another_mode_is_published_0644(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    write_site({"index.html": b"x", "a.html": b"a"}, out, Managed())
    (out / "a.html").chmod(0o664)  # as an earlier cvsite left it under umask 002
    write_site({"index.html": b"y", "a.html": b"a"}, out, Managed())
    assert stat.S_IMODE((out / "a.html").stat().st_mode) == 0o644
