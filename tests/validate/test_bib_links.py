"""Links as real exports write them: each paper's buttons go where the author meant, once."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bibcorpus import load
from conftest import FIXTURES, built_with_entries, minimal_with_entries
from cvsite.build import build
from cvsite.commands.linkcheck import check_folder
from cvsite.errors import ContentError
from cvsite.output.result import BuildResult
from cvsite.validate.scholar import links
from scholar_helpers import read_head

ENTRIES = """\
@article{doiurl, author = {Example, Ada}, title = {DOI as URL}, journal = {J}, year = {2020},
  doi = {https://doi.org/10.1000/xyz.1}}
@article{handle, author = {Example, Ada}, title = {Handle}, journal = {J}, year = {2020},
  doi = {http://hdl.handle.net/1721.1/12345}}
@misc{zotero, author = {Example, Ada}, title = {Zotero Preprint}, year = {2022},
  eprint = {2210.15973 [cs]}, archivePrefix = {arXiv}}
@article{twourls, author = {Example, Ada}, title = {Two URLs}, journal = {J}, year = {2020},
  url = {https://a.example.org/one https://b.example.org/two}}
@inproceedings{acm, author = {Example, Ada}, title = {ACM Style}, booktitle = {KDD},
  year = {2019}, doi = {10.1145/3292500.3330701},
  url = {https://doi.org/10.1145/3292500.3330701}}
@article{alfolio, author = {Example, Ada}, title = {al-folio Fields}, journal = {J},
  year = {2021}, html = {https://publisher.example.org/article/1}, pdf = {alfolio.pdf}}
@article{ownpapers, author = {Example, Ada}, title = {In content/papers}, journal = {J},
  year = {2021}, pdf = {own.pdf}}
@article{spaces, author = {Example, Ada}, title = {Spaces}, journal = {J}, year = {2021},
  pdf = {papers/my paper é.pdf}}
@inproceedings{openreview, author = {Example, Ada}, title = {On OpenReview}, booktitle = {ICLR},
  year = {2021}, url = {https://openreview.net/forum?id=tW4QEInpni}}
@inproceedings{pmlr, author = {Example, Ada}, title = {In PMLR}, booktitle = {ICML},
  year = {2019}, url = {https://proceedings.mlr.press/v97/ward19a.html}}
"""
BUTTONS = re.compile(r'<ul class="paper-links">(.*?)</ul>', re.S)
BUTTON = re.compile(r'<a class="button" href="([^"]*)">([^<]*)</a>')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The minimal project with the entries above and their files, built once."""
    root = tmp_path_factory.mktemp("links")
    project = minimal_with_entries(root / "project", ENTRIES)
    (project / "static/assets/pdf").mkdir(parents=True)
    (project / "static/assets/pdf/alfolio.pdf").write_bytes(b"%PDF-1.4 alfolio")
    (project / "content/papers").mkdir()
    (project / "content/papers/own.pdf").write_bytes(b"%PDF-1.4 own")
    (project / "content/papers/my paper é.pdf").write_bytes(b"%PDF-1.4 spaces")
    out = root / "out"
    return out, build(project, out, pdf=False)


def buttons(out: Path, key: str) -> list[tuple[str, str]]:
    """(label, href) of each button on a paper's page."""
    page = (out / f"publications/{key}/index.html").read_text(encoding="utf-8")
    match = BUTTONS.search(page)
    return [(label, href) for href, label in BUTTON.findall(match[1] if match else "")]


def test_a_doi_written_as_a_doi_org_url_is_not_prefixed_again(
        site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert buttons(out, "doiurl") == [("DOI", "https://doi.org/10.1000/xyz.1")]
    assert read_head(out / "publications/doiurl/index.html").values("citation_doi") == [
        "10.1000/xyz.1"]


def test_a_handle_in_the_doi_field_is_linked_as_written(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert buttons(out, "handle") == [("DOI", "http://hdl.handle.net/1721.1/12345")]
    assert read_head(out / "publications/handle/index.html").values("citation_doi") == []


def test_zotero_eprint_with_its_category_links_to_the_arxiv_id(
        site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert buttons(out, "zotero") == [("arXiv", "https://arxiv.org/abs/2210.15973")]


def test_several_urls_in_one_field_warn_and_use_the_first(site: tuple[Path, BuildResult]) -> None:
    out, result = site
    assert buttons(out, "twourls") == [("Link", "https://a.example.org/one")]
    warned = [d.format() for d in result.diagnostics if d.entry == "twourls"
              or "'twourls'" in d.message]
    assert any("content/publications.bib:17: warning: entry 'twourls': url holds 2 addresses; "
               "the first is used" in text for text in warned), warned


def test_an_acm_url_equal_to_the_doi_link_gives_one_button(
        site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert buttons(out, "acm") == [("DOI", "https://doi.org/10.1145/3292500.3330701")]


def test_al_folio_html_and_a_bare_pdf_name_in_assets_pdf(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert buttons(out, "alfolio") == [("PDF", "../../assets/pdf/alfolio.pdf"),
                                       ("HTML", "https://publisher.example.org/article/1")]
    assert (out / "assets/pdf/alfolio.pdf").read_bytes() == b"%PDF-1.4 alfolio"


def test_a_bare_pdf_name_is_found_in_content_papers(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert buttons(out, "ownpapers") == [("PDF", "../../papers/own.pdf")]
    assert (out / "papers/own.pdf").read_bytes() == b"%PDF-1.4 own"


def test_spaces_and_accents_in_a_pdf_path_are_percent_encoded(
        site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert buttons(out, "spaces") == [("PDF", "../../papers/my%20paper%20%C3%A9.pdf")]
    assert read_head(out / "publications/spaces/index.html").values("citation_pdf_url") == [
        "https://ada.example.org/papers/my%20paper%20%C3%A9.pdf"]
    assert (out / "papers/my paper é.pdf").read_bytes() == b"%PDF-1.4 spaces"


def test_a_pdf_on_the_sites_own_address_naming_no_file_is_an_error_at_its_line(
        tmp_path: Path) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    bib = project / "content/publications.bib"
    bib.write_text(bib.read_text() + "\n@article{gone, author = {Example, Ada}, title = {Gone},"
                   "\n  journal = {J}, year = {2021},\n"
                   "  pdf = {https://ada.example.org/papers/gone.pdf}}\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        build(project, tmp_path / "out", pdf=False)
    shown = [d.format() for d in raised.value.diagnostics]
    assert ("content/publications.bib:12: error: entry 'gone': pdf "
            "'https://ada.example.org/papers/gone.pdf': no such file") in shown[0]
    assert "/content/papers/gone.pdf or " in shown[0] and len(shown) == 1
    assert not (tmp_path / "out").exists()


def corpus_buttons(name: str) -> dict[str, list[tuple[str, str]]]:
    """(label, href) of each button of each paper of a real export in tests/bib/."""
    publications, _ = load(name)
    return {key: [(link.label, link.href) for link in links(pub)]
            for key, pub in publications.items()}


def test_al_folio_export_gives_html_and_doi_buttons_once_each() -> None:
    shown = corpus_buttons("al-folio-links.bib")
    assert shown["PTL2021"] == [("HTML", "https://ieeexplore.ieee.org/abstract/document/9501966"),
                                ("DOI", "https://doi.org/10.1109/LPT.2021.3101399")]
    assert shown["EJ2021"][1] == ("DOI", "https://doi.org/10.1016/j.tej.2020.106883")
    assert shown["TMC2020"][0] == ("PDF", "TMC2020.pdf")
    assert shown["CIKM2020"] == [("HTML", "https://doi.org/10.1145/3340531.3411863")]


def test_zotero_export_with_an_arxiv_category_links_to_the_paper() -> None:
    assert corpus_buttons("zotero-arxiv-eprint.bib")["cao_segment_2023"] == [
        ("arXiv", "https://arxiv.org/abs/2305.10724")]


def test_the_built_links_pass_cvsites_own_link_check(site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert [d.format() for d in check_folder(out, "https://ada.example.org/")] == []


@pytest.mark.parametrize(("field", "value"), [("html", "javascript:alert(1)"),
                                              ("doi", "javascript://alert(1)"),
                                              ("url", "https://ok.example.org javascript:x")])
def test_new_link_fields_still_go_through_the_one_link_policy(field: str, value: str,
                                                              tmp_path: Path) -> None:
    project = shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    bib = project / "content/publications.bib"
    bib.write_text(bib.read_text() + "\n@misc{bad, author = {Example, Ada}, title = {Bad},\n"
                   f"  year = {{2021}}, {field} = {{{value}}}}}\n", encoding="utf-8")
    try:
        result = build(project, tmp_path / "out", pdf=False)
    except ContentError as raised:
        assert any("entry 'bad'" in d.message and d.severity.name == "ERROR"
                   for d in raised.diagnostics)
        return
    page = (tmp_path / "out/publications/bad/index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert not [h for h in hrefs if "javascript" in h.lower()], hrefs
    assert any(f"warning: entry 'bad': {field} holds 2 addresses" in d.format()
               for d in result.diagnostics)


def test_a_url_at_a_well_known_publisher_names_its_button_after_the_site(
        site: tuple[Path, BuildResult]) -> None:
    out, _ = site
    assert buttons(out, "openreview") == [("OpenReview", "https://openreview.net/forum?id=tW4QEInpni")]
    assert buttons(out, "pmlr") == [("PMLR", "https://proceedings.mlr.press/v97/ward19a.html")]


DOIS = """\
@article{notadoi, author = {Example, Ada}, title = {Not a DOI}, journal = {J}, year = {2020},
  doi = {N/A}}
@article{sici, author = {Example, Ada}, title = {SICI}, journal = {J}, year = {1998},
  doi = {10.1002/(SICI)1097-4636(199812)43:4<448::AID-JBM13>3.0.CO;2-W}}
@article{hashed, author = {Example, Ada}, title = {Hash}, journal = {J}, year = {2020},
  doi = {10.1000/a#b?c}}
@article{nohttps, author = {Example, Ada}, title = {No scheme}, journal = {J}, year = {2020},
  doi = {doi.org/10.1000/xyz.2}}
"""


def test_a_doi_field_holding_no_doi_is_left_out_with_a_warning_at_its_line(
        tmp_path: Path) -> None:
    out, result = built_with_entries(tmp_path, DOIS)
    shown = [d.format() for d in result.diagnostics]
    assert any("content/publications.bib:11: warning: entry 'notadoi': doi 'N/A' is not a "
               "DOI; it is left out" in s for s in shown), shown
    assert buttons(out, "notadoi") == []


def test_hash_question_mark_and_angle_brackets_in_a_doi_are_encoded_in_its_link(
        tmp_path: Path) -> None:
    out, _ = built_with_entries(tmp_path, DOIS)
    assert buttons(out, "hashed") == [("DOI", "https://doi.org/10.1000/a%23b%3Fc")]
    assert buttons(out, "sici") == [("DOI", "https://doi.org/10.1002/(SICI)1097-4636(199812)"
                                            "43:4%3C448::AID-JBM13%3E3.0.CO;2-W")]
    assert read_head(out / "publications/hashed/index.html").values("citation_doi") == [
        "10.1000/a#b?c"]


def test_a_doi_org_address_without_its_scheme_is_read_as_the_doi(tmp_path: Path) -> None:
    out, _ = built_with_entries(tmp_path, DOIS)
    assert buttons(out, "nohttps") == [("DOI", "https://doi.org/10.1000/xyz.2")]


@pytest.mark.parametrize("named", ["site.yaml", "publications.bib", "papers/../profile.yaml",
                                   ".env", "papers/.secret/x.pdf", "site.yaml~",
                                   "profile.yaml.bak", "photo.png"])
def test_a_pdf_naming_anything_but_a_paper_file_is_an_error_and_publishes_nothing(
        tmp_path: Path, named: str) -> None:
    project = minimal_with_entries(tmp_path / "project", (
        "@article{leak, author = {Example, Ada}, title = {Leak}, journal = {J}, year = {2021},\n"
        f"  pdf = {{{named}}}}}\n"))
    (project / "content/.env").write_text("TOKEN=secret\n", encoding="utf-8")
    (project / "content/papers/.secret").mkdir(parents=True)
    (project / "content/papers/.secret/x.pdf").write_bytes(b"%PDF-1.4 private")
    for copy in ("site.yaml~", "profile.yaml.bak", "photo.png"):  # an editor's backups, a photo
        (project / "content" / copy).write_bytes(b"private")
    with pytest.raises(ContentError) as raised:
        build(project, tmp_path / "out", pdf=False)
    shown = [d.format() for d in raised.value.diagnostics]
    assert len(shown) == 1 and shown[0].endswith(
        f"content/publications.bib:11: error: entry 'leak': pdf '{named}' is not a paper file "
        "(.pdf, .ps, .ps.gz, .eps, .djvu, .epub, .html, .htm, not hidden): only those are "
        "published from content/\n"
        "  hint: name the paper's own file, as in pdf = {papers/leak.pdf}"), shown
    assert not (tmp_path / "out").exists()


def test_an_ftp_link_is_left_out_with_a_warning_and_the_paper_kept(tmp_path: Path) -> None:
    # As IEEEexample.bib (TeX Live, bibtex/bib/ieeetran) links its 1990s reports
    out, result = built_with_entries(tmp_path, (
        "@techreport{oldftp, author = {Example, Ada}, title = {Old Report}, year = {1996},\n"
        "  institution = {U}, url = {ftp://ftp.example.org/pub/report.ps.gz}}\n"))
    shown = [d.format() for d in result.diagnostics]
    assert any("content/publications.bib:11: warning: entry 'oldftp': url: browsers no longer "
               "open ftp:// addresses; 'ftp://ftp.example.org/pub/report.ps.gz' is left out" in s
               for s in shown), shown
    assert (out / "publications/oldftp/index.html").exists()
    assert buttons(out, "oldftp") == []
