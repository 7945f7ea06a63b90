"""The PDF step of the build: page budgets, variants' configuration, cache, fetcher, determinism."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2 import Environment
from pypdf import PdfReader

from conftest import ROOT, minimal_with_entries
from cvsite.cache import Cache
from cvsite.models import PdfVariant, Site
from cvsite.paths import static_dirs
from cvsite.pdf.build import PdfOutput, chosen_sections, print_html, section_titles
from cvsite.pdf.document import local_path, render_pdf
from cvsite.render.environment import make_environment
from cvsite.speed import pdfcache
from cvsite.speed.pdfs import start_pdfs
from cvsite.validate.load import load_site

Run = Callable[..., tuple[int, str, str]]
POSITION = """      - role: Visiting Scientist {n}
        organization: Institute {n}
        location: Somewhere, WA
        start: 2010-01
        end: 2010-06
        highlights:
          - A long highlight that takes most of a line on a letter page, to fill the page fast.
          - A second long highlight that takes most of a line on a letter page, to fill it fast.
"""


def _roots(source: Path) -> list[Path]:
    return list(reversed(static_dirs(source)))


def build_pdfs(site: Site, env: Environment, source: Path, cache: Cache) -> PdfOutput:
    """The build's PDF step, rendering here."""
    return start_pdfs(site, env, source, cache, None).wait()


def _loaded(source: Path) -> Site:
    site, problems = load_site(source)
    assert site is not None, [p.format() for p in problems]
    return site


def _make_long(project: Path, positions: int) -> None:
    """Add positions to Experience until the CV is longer than its budget."""
    cv = project / "content" / "cv.yaml"
    text = cv.read_text("utf-8")
    extra = "".join(POSITION.format(n=n) for n in range(positions))
    cv.write_text(text.replace("\n  - title: Education", "\n" + extra + "\n  - title: Education",
                               1), "utf-8")


def test_a_cv_over_its_budget_fails_naming_the_section(project: Path, run_cli: Run) -> None:
    _make_long(project, 12)
    status, _, err = run_cli("build", cwd=project)
    assert status == 1
    site_yaml = (project / "content" / "site.yaml").read_text("utf-8").splitlines()
    line = next(i for i, t in enumerate(site_yaml, 1) if "max_pages: 2" in t)
    assert re.search(rf"^content/site\.yaml:{line}:\d+: error: CV is 3 pages; the budget is 2$",
                     err, re.M), err
    assert f"hint: the section '{_open_at_end_of(project, 2)}' runs onto page 3" in err
    assert "nothing written" in err
    assert not (project / "_site").exists()


def _open_at_end_of(project: Path, page: int) -> str:
    """The heading of the section that page `page + 1` continues or starts, read from the PDF."""
    site = _loaded(project)
    variant = site.config.pdf.variants[0]
    pdf = render_pdf(print_html(site, make_environment(project), variant), _roots(project))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages]
    titles = [section_titles(site, variant)[s] for s in chosen_sections(site, variant)]
    before = "\n".join(pages[:page])
    body = pages[page].splitlines()[1:]  # below the running header
    starting = [t for t in titles if body and body[0].strip() == t.upper()]
    return starting[0] if starting else max(titles, key=lambda t: before.rfind(t.upper()))


def test_variant_settings_are_validated_with_positions(project: Path) -> None:
    site_yaml = project / "content" / "site.yaml"
    text = site_yaml.read_text("utf-8")
    site_yaml.write_text(text.replace("sections: [experience, education, publications]",
                                      "sections: [experience, hobbies]"), "utf-8")
    _, problems = load_site(project)
    shown = "\n".join(p.format() for p in problems)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "sections: [" in t)
    assert re.search(rf"site\.yaml:{line}:\d+: error: unknown section 'hobbies' in PDF "
                     r"variant 'resume'", shown)
    assert "the sections are: summary, experience, education, publications, teaching" in shown
    site_yaml.write_text(text.replace("page_size: letter", "page_size: legal"), "utf-8")
    _, problems = load_site(project)
    shown = "\n".join(p.format() for p in problems)
    assert re.search(r"site\.yaml:\d+:\d+: error: invalid value 'legal' for pdf\.page_size", shown)


def test_two_variants_may_not_share_a_name(project: Path) -> None:
    site_yaml = project / "content" / "site.yaml"
    text = site_yaml.read_text("utf-8").replace("    - name: resume", "    - name: cv")
    site_yaml.write_text(text, "utf-8")
    _, problems = load_site(project)
    assert [p.message for p in problems if "two PDF variants" in p.message] == [
        "pdf: two PDF variants have the name 'cv'"]


def test_default_file_name_comes_from_her_name(site: Site) -> None:
    from cvsite.pdf.build import file_name

    assert file_name(PdfVariant(name="cv"), site) == "xiaoxia-shirley-wu-cv.pdf"
    assert file_name(PdfVariant(name="cv", file="wu-cv.pdf"), site) == "wu-cv.pdf"


def test_same_sources_give_identical_bytes(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    html = print_html(site, make_environment(ROOT), site.config.pdf.variants[-1])
    first = render_pdf(html, _roots(ROOT)).data
    assert render_pdf(html, _roots(ROOT)).data == first
    assert b"/CreationDate" not in first and b"/ID [" not in first  # nothing from the clock
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = render_pdf(print_html(site, make_environment(ROOT), site.config.pdf.variants[-1]),
                       _roots(ROOT)).data
    metadata = PdfReader(io.BytesIO(dated)).metadata
    assert metadata is not None
    assert str(metadata["/CreationDate"]).startswith("D:20231114221320")


def test_a4_by_configuration(project: Path) -> None:
    site = _loaded(project)
    variant = site.config.pdf.variants[-1].model_copy(update={"page_size": "a4"})
    pdf = render_pdf(print_html(site, make_environment(project), variant), _roots(project))
    box = PdfReader(io.BytesIO(pdf.data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_unchanged_pdfs_are_not_rendered_again(project: Path) -> None:
    site, cache = _loaded(project), Cache.for_project(project)
    env = make_environment(project)
    first = build_pdfs(site, env, project, cache)
    again = build_pdfs(site, env, project, cache)
    assert again.rendered == () and again.files == first.files
    (project / "static" / "css" / "site.css").write_text("body { color: red; }\n", "utf-8")
    assert build_pdfs(site, env, project, cache).rendered == ()  # the PDF never reads it
    pdfcache._memory.clear()  # as a new process: the cache on disk answers
    assert build_pdfs(site, env, project, cache).rendered == ()
    print_css = project / "static" / "css" / "print.css"
    print_css.write_text(print_css.read_text("utf-8") + "\nh2 { color: black; }\n", "utf-8")
    changed = build_pdfs(site, env, project, cache)
    assert set(changed.rendered) == {v.name for v in site.config.pdf.variants}


def test_fetcher_serves_only_the_sites_own_files(tmp_path: Path) -> None:
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "a.css").write_text("p { color: red }", "utf-8")
    (tmp_path / "secret.css").write_text("p { color: blue }", "utf-8")
    roots = [static]
    assert local_path((static / "css" / "a.css").as_uri(), roots) == static / "css" / "a.css"
    assert local_path((static / "css" / ".." / ".." / "secret.css").as_uri(), roots) is None
    assert local_path((tmp_path / "secret.css").as_uri(), roots) is None
    assert local_path("https://fonts.example.org/font.css", roots) is None
    html = ('<link rel="stylesheet" href="https://fonts.example.org/x.css">'
            f'<link rel="stylesheet" href="{(tmp_path / "secret.css").as_uri()}">'
            '<link rel="stylesheet" href="css/a.css"><p>Hello</p>')
    pdf = render_pdf(html, roots, tagged=False)
    assert set(pdf.refused) == {"https://fonts.example.org/x.css",
                                (tmp_path / "secret.css").as_uri()}
    assert pdf.fetched == (static / "css" / "a.css",)
    assert pdf.pages == 1


def test_a_hand_kept_pdf_in_static_is_not_silently_replaced(project: Path, run_cli: Run) -> None:
    (project / "static" / "xiaoxia-shirley-wu-cv.pdf").write_bytes(b"%PDF-1.4 old CV")
    status, _, err = run_cli("build", cwd=project)
    assert status == 1
    name = r"xiaoxia-shirley-wu-cv\.pdf"
    assert re.search(rf"^content/site\.yaml:\d+:\d+: error: static/{name} and this PDF variant "
                     rf"are both written to '{name}'$", err, re.M), err


def test_undoing_an_edit_reuses_the_earlier_pdf(project: Path) -> None:
    cache, env = Cache.for_project(project), make_environment(project)
    original = build_pdfs(_loaded(project), env, project, cache)
    cv_yaml = project / "content" / "cv.yaml"
    text = cv_yaml.read_text("utf-8")
    cv_yaml.write_text(text.replace("Probability I", "Probability II"), "utf-8")
    assert build_pdfs(_loaded(project), env, project, cache).rendered == ("cv",)
    cv_yaml.write_text(text, "utf-8")
    pdfcache._memory.clear()
    again = build_pdfs(_loaded(project), env, project, cache)
    assert again.rendered == () and again.files == original.files


def test_the_quick_html_pass_keeps_the_last_pdf_until_the_new_one(project: Path) -> None:
    from cvsite.build import build
    from cvsite.pdf.build import file_name

    out = project / "_site"
    build(project, out)
    site = _loaded(project)
    pdf = out / file_name(site.config.pdf.variants[0], site)
    before = pdf.read_bytes()
    cv_yaml = project / "content" / "cv.yaml"
    cv_yaml.write_text(cv_yaml.read_text("utf-8").replace("Probability I", "Probability II"))
    quick = build(project, out, pdf=False)
    assert quick.pdf_pending
    cv_page = (out / "cv" / "index.html").read_text("utf-8")
    assert "Probability II" in cv_page and pdf.name in cv_page  # the link stays valid
    assert pdf.read_bytes() == before  # the last PDF stands in meanwhile
    final = build(project, out)
    assert not final.pdf_pending
    assert "Probability II" in "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_two_builds_give_identical_pdfs(project: Path, tmp_path: Path) -> None:
    from cvsite.build import build

    first, second = tmp_path / "first", tmp_path / "second"
    build(project, first, use_cache=False)  # no cache: both builds really render
    build(project, second, use_cache=False)
    names = sorted(p.name for p in first.glob("*.pdf"))
    assert names == sorted(p.name for p in second.glob("*.pdf"))
    assert len(names) == len(_loaded(project).config.pdf.variants)
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


NOT_INSTALLED = """
import importlib.metadata, sys
real = importlib.metadata.version
def version(name):
    if name == "cvsite":
        raise importlib.metadata.PackageNotFoundError(name)
    return real(name)
importlib.metadata.version = version
from cvsite.commands.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_source_tree_that_is_not_installed_builds_its_pdfs(project: Path) -> None:
    out = project / "out"
    done = subprocess.run([sys.executable, "-c", NOT_INSTALLED, "build", "--no-cache",
                           "--out", str(out)], cwd=project, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert len(list(out.glob("*.pdf"))) == 2  # the CV and the résumé


def test_a_very_long_name_gives_pdf_file_names_of_limited_length(tmp_path: Path,
                                                                  run_cli: Run) -> None:
    project = minimal_with_entries(tmp_path / "p", "")  # its PDFs are named after her
    profile = project / "content/profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace("name: Ada Example",
                                                          "name: Ada " + "x" * 260), "utf-8")
    status, _, err = run_cli("build", cwd=project)
    assert status == 0, err
    pdfs = sorted(p.name for p in (project / "_site").glob("*.pdf"))
    assert pdfs and all(len(name) <= 90 and name.startswith("ada-xxx") for name in pdfs), pdfs
