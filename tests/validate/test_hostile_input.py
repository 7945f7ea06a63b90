"""Hostile sources end in a diagnostic at their place, quickly and in little memory."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from cvsite.sources import yaml as yamlsource
from cvsite.sources import yamlloader
from cvsite.sources.bibtex import reader as bibsource
from cvsite.sources.bibtex import values as bibvalues
from cvsite.sources.yaml import load_yaml, parse_yaml
from cvsite.validate import load

Run = Callable[..., tuple[int, str, str]]
ENTRY = "@article{%s,\n  author = {Example, Ada},\n  title = {%s},\n  journal = {J},\n" \
        "  year = {2020},\n}\n"


def _errors(data: bytes) -> list[str]:
    _, problems = parse_yaml(data, "f.yaml")
    return [p.format() for p in problems]


def _project(tmp_path: Path) -> Path:
    return shutil.copytree(FIXTURES / "minimal", tmp_path / "project")


def test_yaml_alias_bomb_is_an_error_naming_the_limit() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    found = _errors("\n".join(lines).encode())
    assert len(found) == 1 and "more than 20,000 values once aliases are expanded" in found[0]


def test_recursive_yaml_alias_is_an_error_at_the_anchor() -> None:
    assert _errors(b"name: x\nloop: &me\n  - *me\n") == [
        "f.yaml:2:7: error: an alias refers to a value that contains it\n"
        "  hint: a value cannot include itself"]


@pytest.mark.parametrize("text", ["a: " + "[" * 10_000 + "]" * 10_000,
                                  "".join(" " * i + "a:\n" for i in range(1_000))])
def test_yaml_nested_ten_thousand_deep_is_an_error_not_a_recursion_error(text: str) -> None:
    found = _errors(text.encode())
    assert len(found) == 1 and "nested more than 64 levels deep" in found[0]


def test_yaml_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cv.yaml"
    path.write_bytes(b"# padding\n" * (yamlsource.MAX_BYTES // 10 + 1))
    _, problems = load_yaml(path, "cv.yaml")
    assert [p.format() for p in problems] == [
        "cv.yaml: error: file too large (1.0 MiB; the limit is 1 MiB)"]


def test_yaml_in_utf16_with_a_byte_order_mark_is_read() -> None:
    doc, problems = parse_yaml("name: Zoë\n".encode("utf-16"), "f.yaml")
    assert (doc.data, problems) == ({"name": "Zoë"}, [])


def test_yaml_in_utf32_without_a_byte_order_mark_is_refused() -> None:
    assert _errors("name: Zoë\n".encode("utf-32-le")) == [
        "f.yaml:1:1: error: the file looks like UTF-32 without a byte-order mark\n"
        "  hint: save it as UTF-8"]


def test_yaml_escape_making_a_control_character_is_an_error_at_the_value() -> None:
    assert _errors(b'name: ok\nsummary: "bell \\a"\n')[0].startswith(
        "f.yaml:2:10: error: the value holds a control character")


def test_int_too_long_for_python_is_an_error_at_its_line() -> None:
    found = _errors(b"a: 1\nb: " + b"9" * 5000 + b"\n")
    assert found[0].startswith("f.yaml:2:4: error: invalid value '9999")


@pytest.mark.parametrize("name", ["site.yaml", "profile.yaml", "cv.yaml", "publications.bib"])
def test_folder_in_place_of_a_content_file_is_an_error(tmp_path: Path, run_cli: Run,
                                                      name: str) -> None:
    project = _project(tmp_path)
    (project / "content" / name).unlink()
    (project / "content" / name).mkdir()
    status, _, err = run_cli("build", cwd=project)
    assert status == 1
    assert f"content/{name}: error: is a folder, not a file" in err


def test_bib_file_over_the_size_limit_is_refused(tmp_path: Path, run_cli: Run,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_BIB_BYTES", 2 << 20)
    project = _project(tmp_path)
    (project / "content" / "publications.bib").write_bytes(b"%" * (3 << 20))
    status, _, err = run_cli("build", cwd=project)
    assert status == 1
    assert "content/publications.bib: error: file too large (3.0 MiB; the limit is 2 MiB)" in err


def test_bib_field_over_the_limit_is_an_error_at_its_line(tmp_path: Path, run_cli: Run) -> None:
    project = _project(tmp_path)
    text = ENTRY % ("big2020", "x" * (bibvalues.MAX_VALUE + 1))
    (project / "content" / "publications.bib").write_text(text, encoding="utf-8")
    status, _, err = run_cli("build", cwd=project)
    assert status == 1
    assert "content/publications.bib:3: error: entry 'big2020': field 'title': value too long " \
           "(more than 100,000 characters)" in err


def test_macro_text_over_the_file_budget_is_an_error(tmp_path: Path, run_cli: Run,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bibvalues, "MAX_EXPANDED", 1_000)
    project = _project(tmp_path)
    entries = "".join((ENTRY % (f"k{i}", "T")).replace("{J}", "big") for i in range(3))
    (project / "content" / "publications.bib").write_text(
        '@string{big = "' + "j" * 600 + '"}\n' + entries, encoding="utf-8")
    status, _, err = run_cli("build", cwd=project)
    assert status == 1
    assert "entry 'k1': field 'journal': more than 1,000 characters of @string text" in err
    assert "'k0'" not in err


def test_bib_in_utf16_with_a_byte_order_mark_is_read(tmp_path: Path, run_cli: Run) -> None:
    project = _project(tmp_path)
    bib = project / "content" / "publications.bib"
    bib.write_bytes(bib.read_text(encoding="utf-8").encode("utf-16"))
    assert run_cli("build", "--no-pdf", cwd=project)[0] == 0
    assert (project / "_site" / "publications" / "example2020" / "index.html").is_file()


def test_control_characters_in_a_bib_field_never_reach_the_feed(tmp_path: Path,
                                                                run_cli: Run) -> None:
    project = _project(tmp_path)
    (project / "content" / "publications.bib").write_text(
        ENTRY % ("c2020", "Bell\x07 and \x00 null"), encoding="utf-8")
    status, _, err = run_cli("build", "--keep-going", "--no-pdf", cwd=project)
    assert status == 1
    assert "content/publications.bib:3:16: error: control character U+0007" in err
    feed = (project / "_site" / "feed.xml").read_bytes()
    assert "Bell\ufffd and \ufffd null" in ET.fromstring(feed).findtext(
        "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title", "")


def test_keys_with_path_characters_give_portable_paper_files(tmp_path: Path,
                                                             run_cli: Run) -> None:
    project = _project(tmp_path)
    (project / "content" / "publications.bib").write_text(
        ENTRY % ("DBLP:conf/icml/WuWW20", "T"), encoding="utf-8")
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert (status, err.count("error")) == (0, 0)
    paper = sorted(p.relative_to(project / "_site").as_posix()
                   for p in (project / "_site" / "publications").rglob("*") if p.is_file())
    assert [p for p in paper if "DBLP" in p] == [
        "publications/DBLP-conf-icml-WuWW20/DBLP-conf-icml-WuWW20.bib",
        "publications/DBLP-conf-icml-WuWW20/index.html"]


def test_yaml_with_more_values_than_the_limit_is_an_error_where_it_passes_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlloader, "MAX_NODES", 5)  # the composer's count
    assert _errors(b"items:\n  - a\n  - b\n  - c\n  - d\n  - e\n") == [
        "f.yaml:4:5: error: invalid YAML: more than 5 values in one file"]


@pytest.mark.parametrize("limit, problem", [
    ("MAX_BLOCKS", "too many entries (3 '@' blocks; the limit is 2)"),
    ("MAX_FIELDS", "too many fields (12 '=' signs; the limit is 2)")])
def test_bib_with_more_entries_or_fields_than_the_limit_is_refused(
        tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch,
        limit: str, problem: str) -> None:
    monkeypatch.setattr(bibsource, limit, 2)
    project = _project(tmp_path)
    (project / "content" / "publications.bib").write_text(
        "".join(ENTRY % (f"k{i}", limit) for i in range(3)), encoding="utf-8")
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 1
    assert f"content/publications.bib: error: {problem}" in err


def test_pipe_in_place_of_a_content_file_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "cv.yaml")
    _, problems = load_yaml(tmp_path / "cv.yaml", "cv.yaml")
    assert [p.format() for p in problems] == [
        "cv.yaml: error: is not a regular file (a device or a pipe?)"]
