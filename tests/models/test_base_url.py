"""Sites served from a sub-path (a GitHub project page) keep every link inside that path."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from cvsite.commands.linkcheck import check_folder, read_folder

Run = Callable[..., tuple[int, str, str]]
SUB = "https://someone.github.io/my-cv/"
ROOT_LINK = re.compile(r'(?:href|src)="(/[^"]*)"')


def _root_links(out: Path) -> list[str]:
    return [link for name, data in read_folder(out).items() if name.endswith(".html")
            for link in ROOT_LINK.findall(data.decode())]


def test_base_url_override_puts_every_link_under_the_sub_path(run_cli: Run, project: Path) -> None:
    status, _, err = run_cli("build", "--base-url", SUB.rstrip("/"), cwd=project)
    assert status == 0, err
    out = project / "_site"
    links = _root_links(out)
    assert links and all(link.startswith("/my-cv/") for link in links), links
    assert check_folder(out, SUB) == []
    canonical = (out / "cv" / "index.html").read_text()
    assert f'<link rel="canonical" href="{SUB}cv/">' in canonical


def test_sub_path_from_site_yaml_is_honoured(run_cli: Run, project: Path) -> None:
    site = project / "content" / "site.yaml"
    text = site.read_text()
    old = re.search(r"^base_url: .*$", text, re.M)
    assert old
    site.write_text(text.replace(old[0], f"base_url: {SUB}"))
    status, _, err = run_cli("check", cwd=project)
    assert status == 0, err
    status, _, err = run_cli("build", cwd=project)
    assert status == 0, err
    assert all(link.startswith("/my-cv/") for link in _root_links(project / "_site"))


def test_a_root_site_built_for_a_sub_path_fails_the_link_check(run_cli: Run,
                                                               project: Path) -> None:
    status, _, err = run_cli("build", cwd=project)
    assert status == 0, err
    problems = check_folder(project / "_site", SUB)
    assert problems and all("outside the site's base path '/my-cv/'" in p.message
                            for p in problems)


def test_a_base_url_that_is_not_an_address_is_refused(run_cli: Run, project: Path) -> None:
    status, _, err = run_cli("build", "--base-url", "my-cv", cwd=project)
    assert status == 2  # a bad option, like any other
    assert err.splitlines()[-1] == ("cvsite build: error: argument --base-url: expected an "
                                    "http:// or https:// link, got 'my-cv' "
                                    "(for example https://user.github.io/repo/)")
    assert not (project / "_site").exists()
