"""One link policy for every source: hostile links are errors at their source position, and no
page of the built output ever links with a scheme other than http, https and mailto."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES
from cvsite.paths import ANY, WEB, base_url_problem, link_problem
from cvsite.richtext import link_problems, to_html

Run = Callable[..., tuple[int, str, str]]
HOSTILE = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
           " javascript:alert(1)", "\x01javascript:alert(1)", "&#106;avascript:alert(1)",
           "&#x6A;avascript:alert(1)", "&amp;#106;avascript:alert(1)",
           "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
           "file:///etc/passwd", "//evil.example/x", "/\\evil.example/x", "../../etc/passwd",
           "papers/../../x.pdf", "https:", "https:///no-host", "mailto:"]
FRIENDLY = ["https://example.org/a?b=1&c=2#d", "http://example.org", "mailto:ada@example.org",
            "papers/x.pdf", "cv/#experience", "#top", "/cv/", "a%20b.pdf"]
SCHEMES = re.compile(r"(?i)\b(java|vb)script:|\bdata:text|\bfile:")


@pytest.mark.parametrize("href", HOSTILE)
def test_hostile_links_are_refused_in_any_disguise(href: str) -> None:
    assert link_problem(href, ANY, relative=True) is not None


@pytest.mark.parametrize("href", FRIENDLY)
def test_web_mail_and_site_links_are_allowed(href: str) -> None:
    assert link_problem(href, ANY, relative=True) is None


def test_a_field_for_web_addresses_refuses_paths_and_mail() -> None:
    assert link_problem("papers/x.pdf", WEB, relative=False) == \
        "expected an http:// or https:// link"
    assert link_problem("mailto:a@b.org", WEB, relative=True) is not None


PIECES = ["java", "JaVa", "script", "vb", "data", "file", "http", "s", "mailto", ":", "/", "\\",
          "&#106;", "&#x6A;", "&amp;", "&colon;", "&Tab;", "#", ";", "\t", "\n", " ", "\x00",
          "\x1f", "\u00a0", ".", "..", "a", "?", "%"]


def browser_scheme(href: str) -> str | None:
    """The scheme a browser reads in an attribute holding `href` (references undone, tabs and
    newlines removed, C0 controls and spaces stripped), if any."""
    seen = re.sub(r"[\t\n\r]", "", html.unescape(href)).strip("".join(map(chr, range(33))))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", seen)
    return match[1].lower() if match else None


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_whatever_the_policy_allows_a_browser_reads_as_web_mail_or_a_path(href: str) -> None:
    if link_problem(href, ANY, relative=True) is None:
        assert browser_scheme(href) in (None, "http", "https", "mailto")
        assert not re.sub(r"[\t\n\r]", "", html.unescape(href)).startswith(("//", "/\\"))


class _Attributes(HTMLParser):
    """Every (tag, attribute, value) of a page, values as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(tag, name, value or "") for name, value in attrs]


def attributes(html: str) -> list[tuple[str, str, str]]:
    """The attributes of every element in `html`."""
    parser = _Attributes()
    parser.feed(html)
    parser.close()
    return parser.found


def assert_no_hostile_link(out: Path) -> None:
    """No file of the output links with another scheme, nor carries script in an attribute."""
    for path in out.rglob("*"):
        if path.suffix in (".html", ".xml", ".bib", ".txt"):
            text = path.read_text("utf-8")
            for tag, name, value in attributes(text):
                assert not name.startswith("on"), (path, tag, name)
                if name in ("href", "src", "action", "formaction", "content"):
                    assert not SCHEMES.search(value.replace("\t", "")), (path, tag, value)
            assert "<script>alert" not in text, path
        elif path.suffix == ".pdf":
            assert not SCHEMES.search(path.read_bytes().decode("latin-1")), path


def minimal(into: Path) -> Path:
    """A copy of the minimal valid project."""
    return shutil.copytree(FIXTURES / "minimal", into)


LINK_FIELDS = ["url", "pdf", "code", "slides", "poster", "video", "project", "html", "website"]
BIB_HOSTILE = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
               "data:text/html,x", "vbscript:msgbox(1)", "file:///etc/passwd"]


def hostile_bib(before: str) -> tuple[str, dict[str, tuple[int, str]]]:
    """`before` and one entry per link field and hostile value; each key's field line."""
    text, where = before + "\n", {}
    for f, field in enumerate(LINK_FIELDS):
        for h, href in enumerate(BIB_HOSTILE):
            key = f"bad{f}x{h}"
            text += (f"@misc{{{key},\n  author = {{Example, Ada}},\n  title = {{Bad {key}}},\n"
                     f"  year = {{2020}},\n  {field} = {{{href}}},\n}}\n\n")
            where[key] = (text.count("\n") - 2, field)
    return text, where


def test_hostile_links_in_every_bibtex_link_field_are_errors_at_their_line(
        tmp_path: Path, run_cli: Run) -> None:
    project = minimal(tmp_path / "p")
    bib = project / "content/publications.bib"
    text, where = hostile_bib(bib.read_text())
    bib.write_text(text)
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 1
    assert not (project / "_site").exists()
    for key, (line, field) in where.items():
        assert re.search(rf"^content/publications\.bib:{line}: error: entry '{key}': {field}: "
                         r"(expected an http|it contains)", err, re.M), (key, err)
    status, _, err = run_cli("build", "--keep-going", cwd=project)
    assert status == 1
    assert f"without {len(where)} entries" in err
    assert_no_hostile_link(project / "_site")
    assert (project / "_site/publications/example2020/index.html").is_file()


def test_a_bad_html_link_names_the_html_field_at_its_line(tmp_path: Path, run_cli: Run) -> None:
    project = minimal(tmp_path / "p")
    bib = project / "content/publications.bib"
    bib.write_text("@misc{k,\n  author = {Example, Ada},\n  title = {T},\n  year = {2020},\n"
                   "  html = {www.example.org},\n}\n")
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 1
    assert "content/publications.bib:5: error: entry 'k': html: expected an http://, " \
           "https:// or mailto: link, got 'www.example.org'" in err


def yaml_position(text: str, needle: str) -> str:
    """`line:col` (1-based) where `needle` starts in `text`."""
    before = text[: text.index(needle)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


SUMMARIES = {
    "inline": "Ada [me](javascript:alert(1)) studies.",
    "reference": "Ada [me][x] studies.\n\n  [x]: javascript:alert(1)",
    "entity": "Ada [me](&#106;avascript:alert(1)) studies.",
    "image": "Ada ![me](data:image/svg+xml,x) studies.",
    "vbscript": "Ada [me](VBScript:msgbox(1)) studies.",
}


@pytest.mark.parametrize("name", sorted(SUMMARIES))
def test_hostile_markdown_links_in_the_summary_are_errors_at_the_field(
        name: str, tmp_path: Path, run_cli: Run) -> None:
    project = minimal(tmp_path / "p")
    profile = project / "content/profile.yaml"
    summary = SUMMARIES[name].replace("\n", "\n  ")
    text = profile.read_text().replace("summary: Ada studies examples.",
                                       f"summary: |-\n  {summary}")
    profile.write_text(text)
    status, _, err = run_cli("build", "--keep-going", "--no-pdf", cwd=project)
    assert status == 1
    where = yaml_position(text, "|-")
    assert err.startswith(f"content/profile.yaml:{where}: error: summary: link '"), err
    assert "expected an http://, https:// or mailto: link, or a path inside the site" in err
    assert not (project / "_site").exists()


def test_hostile_yaml_url_fields_are_errors_at_their_position(tmp_path: Path,
                                                             run_cli: Run) -> None:
    project = minimal(tmp_path / "p")
    profile = project / "content/profile.yaml"
    text = profile.read_text().replace("https://ada.example.org", "JaVaScRiPt:alert(1)")
    profile.write_text(text)
    status, _, err = run_cli("build", "--keep-going", "--no-pdf", cwd=project)
    assert status == 1
    assert f"content/profile.yaml:{yaml_position(text, 'JaVa')}: error: website: expected an " \
           "http://, https:// or mailto: link, got 'JaVaScRiPt:alert(1)'" in err


@pytest.mark.parametrize("base", ['https://ada.example.org/"onmouseover="alert(1)',
                                  "https://ada example.org/", "javascript://ada.example.org/",
                                  "https://ada.example.org/?x=1"])
def test_a_base_url_that_would_break_out_of_an_attribute_is_refused(
        base: str, tmp_path: Path, run_cli: Run) -> None:
    project = minimal(tmp_path / "p")
    site_yaml = project / "content/site.yaml"
    text = site_yaml.read_text().replace("https://ada.example.org/", f"'{base}'")
    site_yaml.write_text(text)
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 1
    assert err.startswith(f"content/site.yaml:{yaml_position(text, repr(base)[:1])}: error: "
                          "base_url: "), err
    assert base_url_problem(base) is not None
    status, _, err = run_cli("build", "--no-pdf", "--base-url", base, cwd=minimal(tmp_path / "q"))
    assert status == 2 and err.splitlines()[-1].startswith(
        "cvsite build: error: argument --base-url: ")


@pytest.mark.parametrize(("base", "why"), [
    ("https://ada.example.org/../x/", "its path has a '.' or '..' segment"),
    ("https://ada:secret@ada.example.org/", "it has a user name or password"),
    ("https://ada.example.org:99999/", "its port is not a number from 0 to 65535")])
def test_a_base_url_with_a_dot_segment_credentials_or_a_bad_port_is_refused(
        base: str, why: str, tmp_path: Path, run_cli: Run) -> None:
    project = minimal(tmp_path / "p")
    site_yaml = project / "content/site.yaml"
    site_yaml.write_text(site_yaml.read_text().replace("https://ada.example.org/", base))
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 1 and f"error: base_url: {why}" in err, err
    assert not (project / "_site").exists()


def test_raw_html_and_script_in_markdown_are_shown_as_text(tmp_path: Path,
                                                           run_cli: Run) -> None:
    project = minimal(tmp_path / "p")
    profile = project / "content/profile.yaml"
    profile.write_text(profile.read_text().replace(
        "summary: Ada studies examples.",
        "summary: 'Ada uses `<b>` and <script>alert(1)</script> <img src=x onerror=alert(1)> "
        "<a href=\"javascript:alert(1)\">me</a>.'"))
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 0, err
    for page in ("index.html", "cv/index.html"):
        html = (project / "_site" / page).read_text()
        assert "<code>&lt;b&gt;</code>" in html  # shown as <b>, not as &lt;b>
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_no_hostile_link(project / "_site")


def test_markdown_highlights_in_cv_yaml_are_text_never_links(tmp_path: Path,
                                                           run_cli: Run) -> None:
    project = minimal(tmp_path / "p")
    cv = project / "content/cv.yaml"
    cv.write_text(cv.read_text().replace(
        "        end: present\n", "        end: present\n        highlights:\n"
        "          - '[me](javascript:alert(1))'\n"
        "          - \"[me][x]\\n\\n[x]: javascript:alert(1)\"\n", 1))
    status, _, err = run_cli("build", cwd=project)
    assert status == 0, err
    assert "[me](javascript:alert(1))" in (project / "_site/cv/index.html").read_text()
    assert_no_hostile_link(project / "_site")


def test_the_sanitiser_drops_what_the_policy_would_have_refused() -> None:
    for text in ["[me](javascript:alert(1))", "[me][x]\n\n[x]: vbscript:x", "![i](data:x,y)"]:
        assert link_problems(text)
        assert not [a for a in attributes(to_html(text)) if a[1] in ("href", "src")]
    assert to_html("[me](https://example.org/?a=1&b=2)") == \
        '<p><a href="https://example.org/?a=1&amp;b=2">me</a></p>'


def test_a_pdf_path_naming_no_file_is_an_error_at_the_pdf_line(tmp_path: Path,
                                                              run_cli: Run) -> None:
    project = minimal(tmp_path / "p")
    bib = project / "content/publications.bib"
    bib.write_text(bib.read_text() + "\n@misc{gone,\n  author = {Example, Ada},\n  title = {G},\n"
                   "  year = {2021},\n  pdf = {papers/gone.pdf},\n}\n")
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 1
    assert "content/publications.bib:14: error: entry 'gone': pdf 'papers/gone.pdf': no such " \
           "file (looked for content/papers/gone.pdf or static/papers/gone.pdf)" in err
    status, _, err = run_cli("build", "--keep-going", "--no-pdf", cwd=project)
    assert status == 1
    assert not (project / "_site/publications/gone").exists()
    (project / "content/papers").mkdir()
    (project / "content/papers/gone.pdf").write_bytes(b"%PDF-1.4 gone")
    status, _, err = run_cli("build", "--no-pdf", cwd=project)
    assert status == 0, err
    assert (project / "_site/papers/gone.pdf").read_bytes() == b"%PDF-1.4 gone"
