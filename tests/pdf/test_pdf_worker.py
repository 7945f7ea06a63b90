"""The cold build's PDFs: the worker renders the same bytes as this process; `--no-pdf`."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT
from cvsite.pdf.build import file_name, print_html
from cvsite.pdf.document import render_pdf
from cvsite.render.environment import make_environment, static_dirs
from cvsite.validate.load import load_site

Run = Callable[..., tuple[int, str, str]]
WORKER = """
import pickle, sys
from pathlib import Path
from cvsite.pdf import pool as pdfpool
pdfpool.prestart(None)
jobs = pickle.loads(Path(sys.argv[1]).read_bytes())
first = next(iter(jobs.values()))
pdfpool.warm(first[1])
waiting = pdfpool.submit(jobs)
assert waiting is not None, "no worker was forked"
Path(sys.argv[1]).write_bytes(pickle.dumps({n: r.data for n, r in waiting().items()}))
"""

FAILING = """
from pathlib import Path
from cvsite.pdf import pool as pdfpool
pdfpool.prestart(None)
waiting = pdfpool.submit({"cv": ("<p>x</p>", [], True)})  # no static folder to resolve URLs in
assert waiting is not None, "no worker was forked"
try:
    waiting()
except IndexError:
    print("raised here")
"""

BUSY = """
import sys, threading, time
threading.Thread(target=time.sleep, args=(60,), daemon=True).start()  # fork is unsafe now
from cvsite.commands.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _print_htmls(source: Path) -> dict[str, str]:
    site, _ = load_site(source)
    assert site is not None
    env = make_environment(source)
    return {v.name: print_html(site, env, v) for v in site.config.pdf.variants}


def test_the_forked_worker_renders_the_same_bytes_as_this_process(tmp_path: Path) -> None:
    import pickle

    roots = list(reversed(static_dirs(ROOT)))
    htmls = _print_htmls(ROOT)
    jobs = tmp_path / "jobs.pickle"
    jobs.write_bytes(pickle.dumps({name: (html, roots, True) for name, html in htmls.items()}))
    subprocess.run([sys.executable, "-c", WORKER, str(jobs)], check=True, timeout=120)
    rendered = pickle.loads(jobs.read_bytes())
    assert set(rendered) == set(htmls) and len(htmls) >= 2
    for name, html in htmls.items():
        assert rendered[name] == render_pdf(html, roots).data, name


def test_a_rendering_that_fails_in_the_worker_raises_in_the_build() -> None:
    done = subprocess.run([sys.executable, "-c", FAILING], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "raised here"


def test_a_cold_build_with_threads_running_renders_without_forking(project: Path) -> None:
    """No fork where threads run (as in `serve`): the PDFs are the same bytes all the same."""
    command = [sys.executable, "-m", "cvsite", "build", "--no-cache"]
    subprocess.run([*command, "--out", "forked"], cwd=project, check=True, timeout=120,
                   capture_output=True)
    subprocess.run([sys.executable, "-c", BUSY, "build", "--no-cache", "--out", "spawned"],
                   cwd=project, check=True, timeout=120, capture_output=True)
    site, _ = load_site(project)
    assert site is not None
    names = [file_name(v, site) for v in site.config.pdf.variants]
    for name in names:
        forked, spawned = project / "forked" / name, project / "spawned" / name
        assert forked.read_bytes() == spawned.read_bytes(), name
    html = _print_htmls(project)[site.config.pdf.variants[0].name]
    assert (project / "forked" / names[0]).read_bytes() == render_pdf(
        html, list(reversed(static_dirs(project)))).data


def _pdf_names(source: Path) -> list[str]:
    site, _ = load_site(source)
    assert site is not None
    return [file_name(v, site) for v in site.config.pdf.variants]


def test_no_pdf_on_a_cold_project_writes_no_pdf_and_links_none(project: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "cvsite", "build", "--no-pdf"],
                          cwd=project, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("; PDFs not rendered (--no-pdf)")
    site_folder = project / "_site"
    assert (site_folder / "index.html").is_file() and (site_folder / "cv/index.html").is_file()
    names = _pdf_names(project)
    assert not [name for name in names if (site_folder / name).exists()]
    for page in site_folder.rglob("*.html"):
        text = page.read_text("utf-8")
        assert not [name for name in names if name in text], page


def test_no_pdf_after_a_full_build_keeps_the_rendered_pdfs(project: Path, run_cli: Run) -> None:
    assert run_cli("build", cwd=project)[0] == 0
    names = _pdf_names(project)
    before = {name: (project / "_site" / name).read_bytes() for name in names}
    index = (project / "_site" / "index.html").read_text("utf-8")
    status, out, _ = run_cli("build", "--no-pdf", cwd=project)
    assert status == 0 and "--no-pdf" not in out  # nothing was left out
    assert {name: (project / "_site" / name).read_bytes() for name in names} == before
    assert (project / "_site" / "index.html").read_text("utf-8") == index
