"""Fuzz: random bytes and random Unicode in every field of every source never crash a build.

Each example changes one source of a small valid project (one field's value, written as YAML
text, as raw bytes in place of the value, or the whole file as random bytes), builds with
`cvsite.commands.cli.main` in this process, and checks: the exit status is 0 or 1, nothing raised,
no traceback was printed, and on 1 the previous output folder is byte for byte as it was.

CI runs a few dozen examples. For a longer run, choose the `long` profile:

    CVSITE_FUZZ=long .venv/bin/python -m pytest tests/sources/test_fuzz_sources.py -q

(`CVSITE_FUZZ_EXAMPLES=N` sets the number of examples of each test, for either profile.)
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from cvsite.commands.cli import main

_EXAMPLES = int(os.environ.get("CVSITE_FUZZ_EXAMPLES", "0"))
settings.register_profile("fuzz-ci", max_examples=_EXAMPLES or 25, deadline=None, derandomize=True,
                          suppress_health_check=list(HealthCheck))
settings.register_profile("fuzz-long", max_examples=_EXAMPLES or 2_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
PROFILE = settings.get_profile("fuzz-long" if os.environ.get("CVSITE_FUZZ") == "long"
                               else "fuzz-ci")

YAML_FIELDS = {
    "site.yaml": [("title",), ("base_url",), ("owner_aliases", 0), ("publications", "topics", 0)],
    "profile.yaml": [("name",), ("email",), ("website",), ("summary",)],
    "cv.yaml": [("sections", 0, "entries", 0, "role"), ("sections", 0, "entries", 0, "start"),
                ("sections", 0, "entries", 0, "end"), ("sections", 1, "entries", 0, "degree"),
                ("sections", 0, "title"), ("sections", 0, "type")],
}
BIB_FIELDS = ["author", "title", "journal", "year", "topic", "abstract"]
SOURCES = [*YAML_FIELDS, "publications.bib"]
TEXT = st.text(max_size=40) | st.text(st.characters(max_codepoint=0x7F), max_size=40)
BYTES = st.binary(max_size=60)


class Project:
    """The minimal project, built once; each example changes one file and puts it back."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        self.original = {p.name: p.read_bytes() for p in self.content.iterdir()}
        status, err = self.build()
        assert status == 0, err
        self.previous = self.snapshot()

    def snapshot(self) -> dict[str, bytes]:
        """Every file of the output folder by its path."""
        out = self.root / "_site"
        return {p.relative_to(out).as_posix(): p.read_bytes()
                for p in sorted(out.rglob("*")) if p.is_file()}

    def build(self) -> tuple[int, str]:
        """`cvsite build` in this process: (exit status, what it printed to stderr)."""
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                status = main(["build", "--source", str(self.root)])
            except SystemExit as exc:
                status = int(exc.code or 0)
        return status, err.getvalue()

    def check(self, name: str, data: bytes) -> None:
        """Build with `name` holding `data`: 0 or 1, no traceback, on 1 the old output kept."""
        (self.content / name).write_bytes(data)
        try:
            status, err = self.build()
        finally:
            (self.content / name).write_bytes(self.original[name])
        assert status in (0, 1), err
        assert "Traceback" not in err, err
        if status == 1:
            assert self.snapshot() == self.previous, "a failed build changed the output"
        else:
            self.previous = self.snapshot()


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The minimal project in a folder of its own, built once."""
    root = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(FIXTURES / "minimal", root)
    yield Project(root)


def _set(data: object, path: tuple[str | int, ...], value: object) -> None:
    """Put `value` at `path` inside parsed YAML."""
    for part in path[:-1]:
        data = data[part]  # type: ignore[index]
    data[path[-1]] = value  # type: ignore[index]


def _yaml_with(name: str, original: bytes, path: tuple[str | int, ...], value: str) -> bytes:
    """The YAML file with one field set to `value`, written as YAML would write it."""
    data = yaml.safe_load(original)
    _set(data, path, value)
    return yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass")


def _raw_in_place(original: bytes, marker: bytes, value: bytes) -> bytes:
    """The file with the text after `marker` on its line replaced by raw `value`."""
    start = original.index(marker) + len(marker)
    end = original.index(b"\n", start)
    return original[:start] + value + original[end:]


@PROFILE
@given(st.sampled_from([(n, p) for n, paths in YAML_FIELDS.items() for p in paths]), TEXT)
def test_random_text_in_any_yaml_field_never_crashes(
        fuzzed: Project, field: tuple[str, tuple[str | int, ...]], value: str) -> None:
    name, path = field
    fuzzed.check(name, _yaml_with(name, fuzzed.original[name], path, value))


@PROFILE
@given(st.sampled_from([(n, p[-1]) for n, paths in YAML_FIELDS.items() for p in paths
                        if isinstance(p[-1], str)]), BYTES | TEXT.map(str.encode))
def test_random_bytes_as_any_yaml_value_never_crash(
        fuzzed: Project, field: tuple[str, str], value: bytes) -> None:
    name, key = field
    fuzzed.check(name, _raw_in_place(fuzzed.original[name], f"{key}:".encode(), value))


@PROFILE
@given(st.sampled_from(BIB_FIELDS), BYTES | TEXT.map(lambda t: t.encode("utf-8", "replace")),
       st.booleans())
def test_random_bytes_in_any_bib_field_never_crash(
        fuzzed: Project, name: str, value: bytes, braced: bool) -> None:
    original = fuzzed.original["publications.bib"]
    marker = f"{name} ".encode() if name != "abstract" else b"abstract"
    line = _raw_in_place(original, marker, b"= {" + value + b"},"
                         if braced else b"= " + value + b",")
    fuzzed.check("publications.bib", line)


@PROFILE
@given(BYTES | TEXT.map(lambda t: t.encode("utf-8", "replace")))
def test_random_bib_key_never_crashes(fuzzed: Project, key: bytes) -> None:
    original = fuzzed.original["publications.bib"]
    fuzzed.check("publications.bib", original.replace(b"example2020", key, 1))


@PROFILE
@given(st.sampled_from(SOURCES), st.binary(max_size=300))
def test_random_bytes_as_any_whole_source_never_crash(
        fuzzed: Project, name: str, data: bytes) -> None:
    fuzzed.check(name, data)


@pytest.mark.parametrize("name, data", [
    ("cv.yaml", b"a: &a [*a]\n"),
    ("profile.yaml", b"name: \x00\xff\xfe"),
    ("publications.bib", "@misc{k, title={\x1b}, author={A, B}, year=2020}\n".encode("utf-16le")),
    ("publications.bib", b"@misc{k, title={T\x00}, author={A, B}, year=2020}\n"),
])
def test_hostile_source_in_a_child_process_exits_1_without_a_traceback(
        tmp_path: Path, name: str, data: bytes) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    (project / "content" / name).write_bytes(data)
    run = subprocess.run([sys.executable, "-m", "cvsite", "build", "--source", str(project)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert f"content/{name}:" in run.stderr
    assert not (project / "_site").exists()
