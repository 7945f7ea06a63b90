"""Whole numbers and true/false are read as YAML 1.2 writes them: YAML 1.1's octal (`010` =
8), base-60 (`1:01` = 61) and underscored (`2_0`) numbers and its `yes`/`no`/`on`/`off` stay
text, so a number or true/false field refuses them at their line instead of taking a value
nobody meant, and a text field keeps them (`language: no`, a talk titled `On`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from cvsite.build import build
from cvsite.errors import ContentError
from cvsite.sources.yaml import parse_yaml


@pytest.mark.parametrize(("written", "read"), [
    ("20", 20), ("-3", -3), ("+7", 7), ("0", 0), ("0x14", 20), ("0o17", 15),
    ("010", "010"), ("1:01", "1:01"), ("2_0", "2_0"), ("0b101", "0b101"), ("020", "020"),
    ("true", True), ("False", False), ("TRUE", True), ("yes", "yes"), ("no", "no"),
    ("On", "On"), ("OFF", "OFF"), ("y", "y")])
def test_only_yaml_1_2_numbers_and_true_or_false_are_not_text(written: str,
                                                             read: object) -> None:
    doc, problems = parse_yaml(f"a: {written}\n".encode(), "x.yaml")
    assert problems == [] and doc.data == {"a": read}


@pytest.mark.parametrize(("added", "shown"), [
    ("  max_authors: 010\n", "content/site.yaml:6:16: error: publications.max_authors: expected "
                             "a whole number (or null), got '010'"),  # not 8
    ("scholar_warnings: yes\n", "content/site.yaml:6:19: error: scholar_warnings: expected true "
                                "or false, got 'yes'")])
def test_a_yaml_1_1_form_in_a_typed_field_is_an_error_at_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, added: str, shown: str) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    site = project / "content/site.yaml"
    site.write_text(site.read_text("utf-8") + added, encoding="utf-8")
    monkeypatch.chdir(project)
    with pytest.raises(ContentError) as raised:
        build(project, tmp_path / "out", pdf=False)
    assert [d.format() for d in raised.value.diagnostics] == [shown]
    assert not (tmp_path / "out").exists()
