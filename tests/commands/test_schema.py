"""The committed JSON Schema for the content files stays in step with the models."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT
from cvsite.commands.schema import CONTENT_MODELS, SCHEMA_DIR, generate, modeline, schema_file

Run = Callable[..., tuple[int, str, str]]


def _validator(content_file: str) -> Draft202012Validator:
    schema = json.loads((ROOT / SCHEMA_DIR / schema_file(content_file)).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_committed_schema_matches_the_models() -> None:
    for name, text in generate().items():
        committed = ROOT / SCHEMA_DIR / name
        assert committed.read_text(encoding="utf-8") == text, \
            f"{committed} is stale: run 'cvsite schema' and commit the result"
    assert sorted(p.name for p in (ROOT / SCHEMA_DIR).iterdir()) == sorted(generate())


SAMPLES = {"news.yaml": modeline("news.yaml") + "\nhome: 2\nitems:\n  - date: '2025-05-01'\n"
                                                "    text: A *first* item.\n"}
"""Optional content files her project does not have (the date quoted: PyYAML reads YAML 1.1,
where it is a date; editors read YAML 1.2, where it is the text the schema checks)."""


@pytest.mark.parametrize("content_file", sorted(CONTENT_MODELS))
def test_each_content_file_names_its_schema_and_conforms(content_file: str) -> None:
    path = ROOT / "content" / content_file
    text = path.read_text(encoding="utf-8") if path.exists() else SAMPLES[content_file]
    assert text.splitlines()[0] == modeline(content_file)
    errors = list(_validator(content_file).iter_errors(yaml.safe_load(text)))
    assert not errors, [e.message for e in errors]


@pytest.mark.parametrize(("content_file", "mistake"), [
    ("cv.yaml", {"sections": [{"title": "E", "type": "positions", "entries": [
        {"role": "R", "organization": "O", "start": "2020-13", "end": "present"}]}]}),
    ("cv.yaml", {"sections": [{"title": "E", "type": "positions", "entries": [
        {"role": "R", "organisation": "O", "start": "2020-01", "end": "present"}]}]}),
    ("cv.yaml", {"sections": [{"title": "T", "type": "courses", "entries": [
        {"course": "C", "terms": ["Sometime 2019"]}]}]}),
    ("cv.yaml", {"sections": [{"title": "T", "type": "talk", "entries": []}]}),
    ("cv.yaml", {"sections": [{"title": "T", "type": "talks", "entries": [
        {"title": "A talk", "date": "2024-02-30x"}]}]}),
    ("cv.yaml", {"experience": []}),
    ("profile.yaml", {"name": "N", "summary": "S", "email": "not-an-address"}),
    ("site.yaml", {"title": "T", "base_url": "ftp://example.org/"}),
    ("news.yaml", {"items": [{"date": "May 2025", "text": "T"}]}),
    ("news.yaml", {"items": [{"date": "2025-05-01", "txet": "T"}]}),
])
def test_the_schema_underlines_mistakes_the_models_reject(content_file: str,
                                                          mistake: dict[str, object]) -> None:
    assert list(_validator(content_file).iter_errors(mistake))
    with pytest.raises(ValueError):
        CONTENT_MODELS[content_file].model_validate(mistake)


class _Yaml12(yaml.SafeLoader):
    """YAML as editors read it for the schema: `2024-05-14` is text, not a timestamp."""


_Yaml12.add_constructor("tag:yaml.org,2002:timestamp",
                        lambda loader, node: loader.construct_scalar(node))


@pytest.mark.parametrize("project", ["every-section", "minimal"])
def test_every_section_type_and_date_form_conforms_to_the_schema(project: str) -> None:
    text = (ROOT / "tests" / "fixtures" / project / "content" / "cv.yaml").read_text("utf-8")
    errors = list(_validator("cv.yaml").iter_errors(yaml.load(text, Loader=_Yaml12)))
    assert not errors, [e.message for e in errors]


def test_schema_check_passes_on_the_repository(run_cli: Run) -> None:
    status, _, err = run_cli("schema", "--check", cwd=ROOT)
    assert status == 0, err


def test_schema_check_fails_on_a_stale_schema_and_schema_fixes_it(run_cli: Run,
                                                                  project: Path) -> None:
    status, _, err = run_cli("schema", "--check", cwd=project)
    assert status == 1 and "schema/cv.schema.json: error: missing schema file" in err
    status, out, _ = run_cli("schema", cwd=project)
    assert status == 0 and "schema" in out
    (project / SCHEMA_DIR / "cv.schema.json").write_text("{}\n")
    status, _, err = run_cli("schema", "--check", cwd=project)
    assert status == 1 and "cv.schema.json: error: schema is out of step with the models" in err


@pytest.mark.parametrize("target", ["elsewhere", "project", "content", "parent"])
def test_schema_refuses_to_write_through_a_link_out_of_the_project(
        tmp_path: Path, run_cli: Run, target: str) -> None:
    project = tmp_path / "p"
    (project / "content").mkdir(parents=True)
    (project / "content/site.yaml").write_text("title: T\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/mine.txt").write_text("mine")
    place = {"elsewhere": tmp_path / "elsewhere", "project": Path("."),
             "content": Path("content"), "parent": Path("..")}[target]
    (project / SCHEMA_DIR).symlink_to(place)
    status, out, err = run_cli("schema", cwd=project)
    assert (status, out) == (2, "")
    assert err.startswith("cvsite: error: refusing to write") and "Traceback" not in err
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == ["mine.txt"]
    assert sorted(p.name for p in project.iterdir()) == ["content", SCHEMA_DIR]
    assert [p.name for p in (project / "content").iterdir()] == ["site.yaml"]


def test_schema_names_the_link_to_elsewhere_and_what_to_do(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "p/content").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "p" / SCHEMA_DIR).symlink_to(tmp_path / "elsewhere")
    status, _, err = run_cli("schema", cwd=tmp_path / "p")
    assert status == 2
    assert err.splitlines() == [
        f"cvsite: error: refusing to write schema/: it is a symbolic link to "
        f"{tmp_path / 'elsewhere'}, outside the project",
        "  hint: remove the link; 'cvsite schema' then makes schema/ itself"]


def test_schema_writes_into_a_linked_folder_inside_the_project(tmp_path: Path,
                                                               run_cli: Run) -> None:
    (tmp_path / "p/content").mkdir(parents=True)
    (tmp_path / "p/editor").mkdir()
    (tmp_path / "p" / SCHEMA_DIR).symlink_to("editor")
    status, _, err = run_cli("schema", cwd=tmp_path / "p")
    assert status == 0, err
    assert sorted(p.name for p in (tmp_path / "p/editor").iterdir()) == sorted(generate())
