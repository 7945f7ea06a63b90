"""constraints.txt pins every dependency, so a new release cannot change the live site."""

from __future__ import annotations

import re
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            match = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip())
            assert match, f"not an exact pin: {line!r}"
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def _dependencies(name: str, extras: frozenset[str] = frozenset()) -> set[str]:
    """The names of every distribution `name` needs (with `extras`), transitively."""
    found: set[str] = set()
    todo = [(name, extras)]
    while todo:
        current, wanted = todo.pop()
        for text in metadata.requires(current) or []:
            req = Requirement(text)
            envs = [{"extra": e} for e in wanted] or [{"extra": ""}]
            if req.marker and not any(req.marker.evaluate(env) for env in envs):
                continue
            dep = canonicalize_name(req.name)
            if dep not in found:
                found.add(dep)
                todo.append((dep, frozenset(req.extras)))
    return found


def test_every_dependency_is_pinned() -> None:
    missing = sorted(_dependencies("cvsite", frozenset({"test"})) - set(_pins()))
    assert not missing, f"not pinned in constraints.txt: {missing}; run 'make constraints'"


def test_pins_satisfy_what_pyproject_asks_for() -> None:
    pins = _pins()
    for text in metadata.requires("cvsite") or []:
        req = Requirement(text)
        version = pins.get(canonicalize_name(req.name))
        assert version is not None and req.specifier.contains(version, prereleases=True), text
