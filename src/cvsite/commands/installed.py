"""How this cvsite was installed (PEP 610's `direct_url.json`), as a line for requirements.txt.

A starter project's workflows install cvsite on GitHub's runners with
`pip install -r requirements.txt`, so the line must name something they can reach: the release
from the package index, or the git commit this cvsite was installed from. A folder on this
computer (a checkout, an editable install, a local archive) is named as it is, with a note.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata
from typing import Any
from urllib.parse import urlsplit, urlunsplit

DIST = "cvsite"
_UNKNOWN = ("how cvsite was installed is not recorded (PEP 610's direct_url.json): check that "
            "the line below names a release or a git commit GitHub's runners can install")


@dataclass(frozen=True)
class Requirement:
    """A pip requirement line, and why it must be edited before pushing (None: it need not)."""

    line: str
    note: str | None = None


def _public(url: str) -> str:
    """`url` without a user name or password (PEP 610 asks installers to drop them; a token in a
    file one commits would leak), keeping `git@` of an ssh address."""
    parts = urlsplit(url)
    if parts.username is None or (parts.username == "git" and parts.password is None):
        return url
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _local(url: str) -> Requirement:
    """A requirement on a folder or file of this computer, with the note saying what to do."""
    return Requirement(f"{DIST} @ {url}", (
        f"cvsite was installed from {url}, on this computer, which GitHub's runners cannot "
        f"reach: before pushing, replace the line below with a release ({DIST}==VERSION) or a "
        f"git URL with a commit ({DIST} @ git+https://github.com/OWNER/cvsite@COMMIT)"))


def from_direct_url(direct_url: str | None, version: str) -> Requirement:
    """The requirement for a cvsite installed as `direct_url.json` (None: from an index) says."""
    if not direct_url:
        return Requirement(f"{DIST}=={version}")
    try:
        info: dict[str, Any] = json.loads(direct_url)
        url = _public(str(info["url"]))
    except (ValueError, KeyError, TypeError):  # a damaged record: say so rather than guess
        return Requirement(f"{DIST}=={version}", _UNKNOWN)
    subdirectory = f"#subdirectory={info['subdirectory']}" if info.get("subdirectory") else ""
    if urlsplit(url).scheme == "file" or "dir_info" in info:
        return _local(url)
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("commit_id"):
        return Requirement(f"{DIST} @ {vcs.get('vcs', 'git')}+{url}@{vcs['commit_id']}"
                           f"{subdirectory}")
    return Requirement(f"{DIST} @ {url}{subdirectory}")  # an archive at a public address


def installed() -> Requirement:
    """The requirement that installs this very cvsite elsewhere."""
    try:
        dist = metadata.distribution(DIST)
    except metadata.PackageNotFoundError:  # pragma: no cover - cvsite runs installed
        return Requirement(f"{DIST}==VERSION", _UNKNOWN)
    return from_direct_url(dist.read_text("direct_url.json"), dist.version)
