"""Large sites render in a process pool: the same files, the same errors, as in one process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cvsite.build import build
from cvsite.errors import ContentError
from cvsite.models import Site
from cvsite.render.environment import make_environment
from cvsite.render.pages import render_pages
from cvsite.speed import pages

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the pool forks (Linux only)")


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every site counts as large, on two cores at least."""
    monkeypatch.setattr(pages, "PARALLEL_ABOVE", 0)
    monkeypatch.setattr(pages, "_cores", lambda: 2)


@pytest.mark.usefixtures("pooled")
def test_pages_rendered_in_the_pool_are_those_of_one_process(site: Site) -> None:
    env = make_environment(Path(__file__).resolve().parents[2])
    alone = render_pages(site, env)
    shared = pages.render_site_pages(site, env)
    assert {path: data.decode("utf-8") for path, data in shared.items()} == alone
    assert list(shared) == list(alone)  # in the same order
    assert len(alone) > 2 * len(site.publications)


def test_a_template_error_in_a_worker_is_reported_as_in_one_process(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "templates").mkdir(exist_ok=True)  # only the paper pages, in the workers
    (project / "templates" / "publication.html").write_text("<p>\n{{ pub.nope }}\n", "utf-8")
    with pytest.raises(ContentError) as alone:
        build(project, project / "_site", use_cache=False)
    monkeypatch.setattr(pages, "PARALLEL_ABOVE", 0)
    monkeypatch.setattr(pages, "_cores", lambda: 2)
    with pytest.raises(ContentError) as shared:
        build(project, project / "_site", use_cache=False)
    assert shared.value.diagnostics == alone.value.diagnostics
    assert [(Path(d.file).parts[-2:], d.line) for d in alone.value.diagnostics
            if d.severity.value == "error"] == [(("templates", "publication.html"), 2)]
    assert not (project / "_site").exists()
