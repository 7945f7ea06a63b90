"""The PDF workers: the same bytes as a rendering here, failures raised in the build, started
early only when PDFs will likely render."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from conftest import ROOT
from cvsite.build import build
from cvsite.cache import Cache
from cvsite.paths import static_dirs
from cvsite.pdf.build import print_html
from cvsite.pdf.document import render_pdf
from cvsite.render.environment import make_environment
from cvsite.speed import pdfworkers
from cvsite.speed.pdfs import PdfWorkers
from cvsite.validate.load import load_site


def _print_htmls(source: Path) -> dict[str, str]:
    site, _ = load_site(source)
    assert site is not None
    env = make_environment(source)
    return {v.name: print_html(site, env, v) for v in site.config.pdf.variants}


@pytest.mark.parametrize("epoch", [None, "1700000000"], ids=["no-epoch", "epoch"])
def test_the_workers_render_the_same_bytes_as_this_process(
        monkeypatch: pytest.MonkeyPatch, epoch: str | None) -> None:
    """Also when SOURCE_DATE_EPOCH changed since the workers' fork server started."""
    roots = list(reversed(static_dirs(ROOT)))
    htmls = _print_htmls(ROOT)
    with PdfWorkers(Cache(None), ROOT) as workers:
        workers.render("<p>started</p>", roots).result()  # the fork server runs from here on
        if epoch is None:
            monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        futures = {name: workers.render(html, roots) for name, html in htmls.items()}
        rendered = {name: future.result().data for name, future in futures.items()}
    assert len(rendered) >= 2
    for name, html in htmls.items():
        assert rendered[name] == render_pdf(html, roots).data, name


def test_a_rendering_that_fails_in_a_worker_raises_in_the_build() -> None:
    with PdfWorkers(Cache(None), ROOT) as workers:
        failing = workers.render("<p>x</p>", [])  # no static folder to resolve URLs in
        with pytest.raises(IndexError):
            failing.result()


def test_the_workers_start_early_only_when_pdfs_will_likely_render(project: Path) -> None:
    cache = Cache.for_project(project)
    assert PdfWorkers(Cache(None), ROOT).early  # --no-cache: every PDF renders
    assert PdfWorkers(cache, ROOT).early  # a cold project
    assert not PdfWorkers(cache, ROOT, render=False).early  # --no-pdf, serve's quick pass
    build(project, project / "_site")
    assert not PdfWorkers(cache, ROOT).early  # a rebuild: its PDFs are most likely cached


def test_a_ctrl_c_while_a_worker_starts_reaches_cvsite_afterwards() -> None:
    with pytest.raises(KeyboardInterrupt), pdfworkers._signals_held():
        os.kill(os.getpid(), signal.SIGINT)  # held back here, not lost ...
    # ... and raised on leaving the block: the user's Ctrl-C still stops cvsite
