"""What bibtexparser 2.1 alone gets wrong, and cvsite gets right (one behaviour per test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvsite.errors import Diagnostic, Severity
from cvsite.models import Publication, SiteConfig
from cvsite.render.citeformat import PaperDates
from cvsite.sources.bibtex import latex
from cvsite.sources.bibtex.reader import load_bib, parse_bib
from cvsite.validate.publications import convert_all

CONFIG = SiteConfig(title="T", base_url="https://example.org/",
                    owner_aliases=("Xiaoxia Wu", "X. Wu"))


def read(text: str) -> tuple[list[Publication], list[Diagnostic]]:
    """Publications and diagnostics from BibTeX text."""
    entries, problems = parse_bib(text, "t.bib")
    publications, found = convert_all(entries, CONFIG, "t.bib")
    return list(publications), problems + found


def one(fields: str, kind: str = "misc") -> Publication:
    """The single publication of an entry with these fields (and no problems)."""
    publications, problems = read(f"@{kind}{{k,\n{fields}\n}}\n")
    assert [p.format() for p in problems] == []
    assert len(publications) == 1
    return publications[0]


BASE = "author = {Example, Ada}, year = 2020,"


def test_braced_corporate_names_are_split_before_decoding() -> None:
    pub = one(BASE.replace("{Example, Ada}", "{{Barnes and Noble, Inc.} and {DeepSpeed Team}}")
              + " title = {T}")
    assert [a.display for a in pub.authors] == ["Barnes and Noble, Inc.", "DeepSpeed Team"]


def test_accented_names_are_decoded_after_splitting() -> None:
    pub = one("author = {Jos{\\'e} Garc{\\'\\i}a and M{\\\"u}ller, J.}, title = {T}, year = 2020")
    assert [a.display for a in pub.authors] == ["José García", "J. Müller"]


def test_a_bare_percent_does_not_truncate_text() -> None:
    pub = one(BASE + " title = {50% Fewer\n  Tokens}, abstract = {We cut 50% of\n  them.}")
    assert (pub.title, pub.abstract) == ("50% Fewer Tokens", "We cut 50% of them.")


def test_a_missing_comma_is_reported_not_merged() -> None:
    publications, problems = read("@misc{k,\n  author = {A, B},\n  title = {T},\n"
                                  "  year = 2020\n  note = {N},\n}\n")
    assert publications == []
    assert [(p.line, p.message) for p in problems] == [
        (5, "entry 'k': missing comma between fields 'year' and 'note'")]


def test_an_entry_without_a_key_is_called_keyless_not_named_after_its_first_field() -> None:
    # As EndNote exports it (zotero-better-bibtex test/fixtures/import/"Endnote should parse.bib")
    publications, problems = read("@article{\nauthor = {Huang, Y. and Mucke, L.},\n"
                                  "title = {Alzheimer mechanisms},\njournal = {Cell},\n"
                                  "year = {2012}\n}\n")
    assert publications == []
    assert [(p.line, p.message, p.hint, p.entry) for p in problems] == [
        (1, "@article entry has no key: its first field 'author' follows the '{'",
         "write a key after the '{', as in @article{smith2020,", "line 1")]


def test_prose_between_entries_with_a_line_like_a_field_keeps_the_entry_before() -> None:
    # IEEEexample.bib (TeX Live, bibtex/bib/ieeetran), after its @electronic example
    publications, problems = read("@misc{k, author = {A, B}, title = {T}, year = 1998}\n\n"
                                  "U.S. patent\nUse the type field to override the patent "
                                  "type. e.g.,\ntype = \"Patent Application\"\n")
    assert [p.key for p in publications] == ["k"] and problems == []


def test_a_string_defined_twice_takes_the_later_value_with_a_warning_either_case() -> None:
    publications, problems = read('@string{jem = "A"}\n@string{jem = "B"}\n'
                                  '@string{JEM2 = "C"}\n@string{jem2 = "D"}\n'
                                  '@article{k, ' + BASE + ' title = {T}, journal = jem # " " # '
                                  'jem2}\n')
    assert publications[0].journal == "B D"
    assert [(p.line, p.message) for p in problems] == [
        (2, "@string 'jem' is defined again; the later definition wins"),
        (4, "@string 'jem2' is defined again; the later definition wins")]


def test_concatenation_and_case_insensitive_chained_macros() -> None:
    publications, problems = read('@string{ACL = "ACL"}\n@STRING{acl2 = acl # " 2020"}\n'
                                  '@inproceedings{k, ' + BASE + ' title = {T},\n'
                                  ' booktitle = "Proc. of " # Acl2, month = jun # "--" # jul}\n')
    assert problems == []
    assert publications[0].booktitle == "Proc. of ACL 2020"
    assert PaperDates().date_text(publications[0]) == "June–July 2020"


def test_crossref_gives_the_parents_title_as_booktitle() -> None:
    publications, problems = read(
        "@inproceedings{child, author = {A, B}, title = {Child}, crossref = {Parent}}\n"
        "@proceedings{parent, title = {Proc. of Things}, year = 2019, publisher = {ACM}}\n")
    assert problems == []
    assert [(p.key, p.booktitle, p.year, p.publisher) for p in publications] == [
        ("child", "Proc. of Things", 2019, "ACM")]


def test_tex_logos_stay_and_urls_keep_their_tilde() -> None:
    pub = one(BASE + " title = {{\\BibTeX} and \\LaTeX{} tips},"
                     " url = {\\url{https://example.org/~ada/a%20b}},"
                     " note = {See https://example.org/~ada.}")
    assert pub.title == "BibTeX and LaTeX tips"
    assert pub.url == "https://example.org/~ada/a%20b"
    assert pub.note == "See https://example.org/~ada."


def test_text_inside_unhandled_macros_is_kept() -> None:
    pub = one(BASE + " title = {\\texttt{BERT} in a \\mbox{Box}\\label{x}}")
    assert pub.title == "BERT in a Box"


def test_math_is_kept_for_the_page_and_approximated_for_titles() -> None:
    pub = one(BASE + " title = {An $O(n^2)$ Bound for $\\alpha$-{SGD}}")
    assert pub.title == "An $O(n^2)$ Bound for $\\alpha$-SGD"
    assert pub.title_text == "An O(n²) Bound for α-SGD"


def test_others_is_et_al_not_a_person() -> None:
    pub = one("author = {Wu, X. and others}, title = {T}, year = 2020")
    assert [a.display for a in pub.authors] == ["X. Wu"] and pub.et_al


def test_a_repeated_field_keeps_the_first_and_warns() -> None:
    publications, problems = read("@misc{k,\n  author = {A, B},\n  title = {First},\n"
                                  "  title = {Second},\n  year = 2020,\n}\n")
    assert [p.title for p in publications] == ["First"]
    assert [(p.line, p.severity) for p in problems] == [(4, Severity.WARNING)]


@pytest.mark.parametrize("author", ["Wu, Xiaoxia", "Xiaoxia Wu", "X. Wu", "Wu*, X.",
                                    "Wu$^*$, Xiaoxia", "Xiaoxia Wu\\textsuperscript{*}",
                                    "Wu, X{\\'\\i}aoxia"])
def test_the_owner_is_recognised_in_every_spelling(author: str) -> None:
    pub = one(f"author = {{Example, Ada and {author}}}, title = {{T}}, year = 2020")
    assert [a.owner for a in pub.authors] == [False, True]
    assert pub.authors[1].equal == ("*" in author)


def test_a_space_before_a_names_comma_is_not_an_equal_contribution_mark() -> None:
    pub = one("author = {Madadpour , Mohamadhosain and Madadpour ,Mitra and Smith*, Jo}, "
              "title = {T}, year = 2020")  # as in TeX Live's alpha-persian samples
    assert [(a.display, a.equal) for a in pub.authors] == [
        ("Mohamadhosain Madadpour", False), ("Mitra Madadpour", False), ("Jo Smith", True)]


def test_a_different_first_name_is_not_the_owner() -> None:
    pub = one("author = {Wu, Xin and Wu, Y.}, title = {T}, year = 2020")
    assert [a.owner for a in pub.authors] == [False, False]


def test_a_latin1_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "old.bib"
    path.write_bytes("@misc{k,\n  author = {Müller, Jörg},\n  title = {Café},\n"
                     "  year = 2020,\n}\n".encode("latin-1"))
    entries, problems = load_bib(path, "old.bib")
    assert [(p.line, p.severity) for p in problems] == [(2, Severity.WARNING)]
    assert entries[0].fields["title"] == "Café"


def test_only_displayed_fields_are_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = latex._run
    monkeypatch.setattr(latex, "_run", lambda text: seen.append(text) or real(text))
    monkeypatch.setattr(latex, "fast_decode", lambda text: None)  # every decoding via _run
    one(BASE + " title = {\\'Etude}, annote = {\\`a la carte}, keywords = {\\LaTeX},"
               " file = {:a\\_b.pdf:PDF}, mendeley-tags = {\\emph{x}}")
    assert seen == ["\\'Etude"]


@pytest.mark.parametrize(("written", "shown"), [
    ("深度\n   学习", "深度学习"), ("日本企業\n  と家計", "日本企業と家計"),
    ("模型，\n方法", "模型，方法"), ("한국어\n  제목", "한국어 제목"),
    ("深度 \n learning", "深度 learning"), ("Deep\n learning", "Deep learning"),
    ("{\\'E}cole\n 学习", "École 学习"),
])
def test_a_line_break_between_chinese_or_japanese_characters_joins_them(
        written: str, shown: str) -> None:
    assert latex.decode(written) == shown


def test_an_entry_whose_type_begins_with_comment_is_read_not_skipped() -> None:
    publications, problems = read(  # jurabib's jbtest.bib in TeX Live; biblatex's @commentary
        "@COMMENTED{erm,\n  author = {Walther Erman},\n  title = {Handkommentar},\n"
        "  year = 1993,\n}\n@comment{a real comment}\n"
        "@commentary{c2, author = {A B}, title = {C}, year = 2001}\n")
    assert [(p.key, p.line, p.year) for p in publications] == [("erm", 1, 1993), ("c2", 7, 2001)]
    assert [(p.line, p.severity) for p in problems] == [(1, Severity.WARNING),
                                                        (7, Severity.WARNING)]


def test_html_tags_in_text_fields_are_taken_out_with_a_warning() -> None:
    publications, problems = read(  # as in al-folio sites' _bibliography/papers.bib
        '@misc{k,\n  title = {<a href="https://arxiv.org/abs/2205.09056">Slowly {MDP}s</a>},\n'
        "  author = {Kash, Ian}, year = 2024,\n  award = {invited review<br>article},\n}\n"
        "@misc{m, title = {If $a<b$ and x <y> z then <I>so</I>}, author = {A B}, year = 2020}\n"
        "@misc{s, title = {T}, subtitle = {<em>Sub</em>}, author = {A B}, year = 2020}\n")
    assert [(p.title, p.award) for p in publications] == [
        ("Slowly MDPs", "invited review article"), ("If $a<b$ and x <y> z then so", None),
        ("T: Sub", None)]
    assert [(p.line, p.severity, p.message.split(":")[0]) for p in problems] == [
        (2, Severity.WARNING, "entry 'k'"), (4, Severity.WARNING, "entry 'k'"),
        (6, Severity.WARNING, "entry 'm'"), (7, Severity.WARNING, "entry 's'")]
    assert "(<a>, </a>)" in problems[0].message and "(<i>, </i>)" in problems[2].message


def test_lines_after_a_backslash_at_the_end_of_a_line_are_counted() -> None:
    publications, problems = read(  # as in Nelson Beebe's tugboat.bib: `pp.\` then a break
        '@article{a, author = {A B}, year = 1992,\n  title = "{Erratum, pp.\\\n 272--276}",\n'
        "  journal = {J},\n}\n\n@article{b, author = {A B}, year = 1992,\n  title = {T},\n"
        "  journal = {J},\n  jurnal = {typo},\n}\n")
    assert [(p.key, p.line) for p in publications] == [("a", 1), ("b", 7)]
    assert [(p.line, p.message.split(":")[1].strip()) for p in problems] == [
        (10, "unknown field 'jurnal' is ignored")]
