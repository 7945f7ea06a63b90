"""`cvsite new` writes a requirements.txt that installs the cvsite the user has, as installed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from packaging.requirements import Requirement as PipRequirement

from cvsite.commands import installed
from cvsite.commands.installed import from_direct_url

Run = Callable[..., tuple[int, str, str]]
COMMIT = "0123456789abcdef0123456789abcdef01234567"
GIT = {"url": "https://github.com/someone/cvsite.git",
       "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"}}
EDITABLE = {"url": "file:///home/ada/src/cvsite", "dir_info": {"editable": True}}


class _FakeDistribution:
    """Just what `installed()` reads of an installed distribution's metadata."""

    def __init__(self, version: str, direct_url: dict[str, object] | None) -> None:
        self.version = version
        self.direct_url = None if direct_url is None else json.dumps(direct_url)

    def read_text(self, name: str) -> str | None:
        return self.direct_url if name == "direct_url.json" else None


def _new_project(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 direct_url: dict[str, object] | None) -> tuple[list[str], str]:
    """`cvsite new` as if cvsite 1.4.0 were installed so; requirements.txt's lines, stderr."""
    fake = _FakeDistribution("1.4.0", direct_url)
    monkeypatch.setattr(installed.metadata, "distribution", lambda name: fake)
    status, _, err = run_cli("new", "site", cwd=tmp_path)
    assert status == 0, err
    text = (tmp_path / "site/requirements.txt").read_text(encoding="utf-8")
    assert "OWNER/cvsite@v" not in text
    return text.splitlines(), err


def _requirement(lines: list[str]) -> PipRequirement:
    """The one requirement line of requirements.txt, parsed as pip parses it."""
    found = [line for line in lines if line and not line.startswith("#")]
    assert len(found) == 1, lines
    return PipRequirement(found[0])


def test_a_release_from_the_package_index_is_pinned_to_its_version(
        run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines, err = _new_project(run_cli, tmp_path, monkeypatch, None)
    req = _requirement(lines)
    assert (req.name, str(req.specifier), req.url) == ("cvsite", "==1.4.0", None)
    assert "NOTE" not in "\n".join(lines) and "warning" not in err


def test_a_git_install_names_the_repository_and_its_commit(
        run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines, err = _new_project(run_cli, tmp_path, monkeypatch, GIT)
    req = _requirement(lines)
    assert req.url == f"git+https://github.com/someone/cvsite.git@{COMMIT}"
    assert "NOTE" not in "\n".join(lines) and "warning" not in err


def test_a_local_folder_or_editable_install_is_named_with_a_note_and_a_warning(
        run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines, err = _new_project(run_cli, tmp_path, monkeypatch, EDITABLE)
    assert _requirement(lines).url == "file:///home/ada/src/cvsite"  # works on this computer
    note = " ".join(line.removeprefix("# ") for line in lines[1:] if line.startswith("# "))
    assert "file:///home/ada/src/cvsite" in note and "GitHub's runners cannot reach" in note
    assert "cvsite==VERSION" in note and "git+https://" in note
    assert "site/requirements.txt: warning: cvsite was installed from file:///home/ada" in err


@pytest.mark.parametrize(("direct_url", "line"), [
    ({"url": "https://ada:s3cret@git.example.org/cvsite.git",
      "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
     f"cvsite @ git+https://git.example.org/cvsite.git@{COMMIT}"),
    ({"url": "ssh://git@github.com/someone/cvsite.git",
      "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
     f"cvsite @ git+ssh://git@github.com/someone/cvsite.git@{COMMIT}"),
    ({"url": "https://example.org/cvsite-1.4.0.tar.gz", "archive_info": {}},
     "cvsite @ https://example.org/cvsite-1.4.0.tar.gz"),
    ({"url": "https://github.com/someone/mono.git", "subdirectory": "cvsite",
      "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
     f"cvsite @ git+https://github.com/someone/mono.git@{COMMIT}#subdirectory=cvsite"),
], ids=["token-dropped", "ssh", "archive", "subdirectory"])
def test_other_recorded_sources_give_an_installable_line_without_secrets(
        direct_url: dict[str, object], line: str) -> None:
    found = from_direct_url(json.dumps(direct_url), "1.4.0")
    assert (found.line, found.note) == (line, None)
    assert "s3cret" not in found.line


@pytest.mark.parametrize("record", ["{not json", '{"vcs_info": {}}'], ids=["bad-json", "no-url"])
def test_a_damaged_record_falls_back_to_the_release_with_a_note(record: str) -> None:
    found = from_direct_url(record, "1.4.0")
    assert found.line == "cvsite==1.4.0" and found.note and "not recorded" in found.note
