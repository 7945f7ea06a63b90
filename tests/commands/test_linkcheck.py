"""The link checker finds every broken internal link and anchor, and nothing else."""

from __future__ import annotations

from cvsite.commands.linkcheck import SiteLinks

BASE = "https://user.github.io/repo/"


def _problems(files: dict[str, str], base_url: str = BASE) -> list[str]:
    site = SiteLinks({k: v.encode() for k, v in files.items()}, base_url)
    return [d.format() for d in site.check()]


def _page(body: str) -> str:
    return f'<!doctype html>\n<html><body>\n{body}\n<h2 id="here">x</h2></body></html>'


def test_links_that_resolve_are_not_reported() -> None:
    files = {
        "index.html": _page('<a href="/repo/cv/#here">cv</a> <a href="cv/">cv</a>'
                            ' <a href="#here">h</a>'
                            ' <a href="https://user.github.io/repo/cv/">abs</a>'
                            ' <a href="https://elsewhere.org/missing">ext</a>'
                            ' <a href="mailto:a@b.org">m</a> <a href="#top">top</a>'
                            ' <link rel="stylesheet" href="/repo/css/site.css">'),
        "cv/index.html": _page('<a href="../">home</a> <a href="/repo/">home</a>'
                               ' <img src="../img/me.png" srcset="../img/me.png 2x">'),
        "css/site.css": "body { background: url('../img/me.png'); }",
        "img/me.png": "png",
    }
    assert _problems(files) == []


def test_a_missing_page_is_reported_at_its_line_and_column() -> None:
    files = {"index.html": _page('<p>\n  <a href="/repo/nowhere/">x</a></p>')}
    assert _problems(files) == [
        "index.html:4:3: error: broken link '/repo/nowhere/': no page or file 'nowhere/index.html'"]


def test_a_missing_anchor_is_reported_with_the_page_it_names() -> None:
    files = {"index.html": _page('<a href="cv/#nope">x</a>'), "cv/index.html": _page("")}
    assert _problems(files) == [
        "index.html:3:1: error: broken anchor 'cv/#nope': no id 'nope' in 'cv/index.html'"]


def test_a_root_link_that_ignores_the_base_path_is_reported() -> None:
    files = {"index.html": _page('<link rel="stylesheet" href="/css/site.css">'),
             "css/site.css": ""}
    (problem,) = _problems(files)
    assert "points outside the site's base path '/repo/'" in problem


def test_a_missing_file_in_a_style_sheet_is_reported() -> None:
    files = {"index.html": _page(""), "css/site.css": "a {}\n@font-face { src: url(../f.woff2); }"}
    assert _problems(files) == [
        "css/site.css:2:19: error: broken link '../f.woff2': no page or file 'f.woff2'"]


def test_a_label_prefixes_the_reported_file() -> None:
    site = SiteLinks({"index.html": _page('<a href="#nope">x</a>').encode()}, BASE)
    assert site.check("<site>")[0].file == "<site>/index.html"


def test_sitemap_and_feed_addresses_must_exist() -> None:
    files = {"index.html": _page(""), "cv/index.html": _page(""),
             "sitemap.xml": f"<urlset>\n<url><loc>{BASE}cv/</loc></url>\n"
                            f"<url><loc>{BASE}gone/</loc></url></urlset>",
             "feed.xml": f'<feed>\n<link href="{BASE}feed.xml" rel="self"/>\n</feed>'}
    assert _problems(files) == [
        f"sitemap.xml:3:6: error: broken link '{BASE}gone/': no page or file 'gone/index.html'"]
