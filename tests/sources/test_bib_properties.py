"""Property tests: no input makes the BibTeX reader raise; problems come back as diagnostics."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cvsite.errors import Diagnostic
from cvsite.models import SiteConfig
from cvsite.sources.bibtex.reader import load_bib, parse_bib
from cvsite.sources.bibtex.values import Value, collapse, evaluate, plain
from cvsite.validate.publications import convert_all

CONFIG = SiteConfig(title="T", base_url="https://example.org/", owner_aliases=("X. Wu",))
PIECES = st.sampled_from([
    "@article{", "@string{", "@comment{", "@preamble{", "@misc(", "key,", " and ", "others",
    "author = ", "title = ", "year = ", "month = ", "crossref = ", "url = ", "{", "}", "(", ")",
    '"', "#", ",", "=", "%", "\\", "$", "^*", "~", "\\'e", "\\url{", "jan", "2020", "\n", " ",
    "{\\BibTeX}", "\\textsuperscript{*}", "Wu*, X.", "--", "王", "\ufeff", "\u00e9", "@",
    "\\\n", "\n@misc{", "x = {a} # b,",
])
BIBLIKE = st.lists(PIECES | st.text(max_size=5), max_size=60).map("".join)


def _read(text: str) -> list[Diagnostic]:
    entries, problems = parse_bib(text, "x.bib")
    publications, found = convert_all(entries, CONFIG, "x.bib")
    assert len(publications) <= len(entries)
    return problems + found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BIBLIKE)
def test_bib_like_text_never_raises(text: str) -> None:
    for problem in _read(text):
        assert problem.line >= 0 and problem.message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_never_raises(text: str) -> None:
    _read(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("{}\"#,=%\\$@ \nabc0*~"), max_size=80))
def test_any_field_value_never_raises(value: str) -> None:
    _read(f"@misc{{k, author = {{A, B}}, title = {value}, year = 2020}}\n")
    _read(f"@misc{{k, author = {value}, title = {{T}}, year = 2020}}\n")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200) | BIBLIKE.map(lambda t: t.encode("utf-16")))
def test_any_bytes_never_raise(data: bytes) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "x.bib"
        path.write_bytes(data)
        entries, problems = load_bib(path, "x.bib")
    _, found = convert_all(entries, CONFIG, "x.bib")
    assert all(isinstance(p, Diagnostic) for p in problems + found)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("{}\"\\#% a1\n"), max_size=30))
def test_a_plain_value_is_what_evaluating_it_gives(value: str) -> None:
    text = plain(value)
    if text is not None:
        assert evaluate(value, {}) == Value(text)
    for wrapped in (f"{{{value}}}", f'"{value}"'):
        if plain(wrapped) is not None:
            assert evaluate(wrapped, {}) == Value(plain(wrapped) or "")


SPACES = st.sampled_from([" ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0",
                          "\u2002", "\u2028", "\u3000", "\u200b", "\ufeff"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.text(max_size=4) | SPACES, max_size=12).map("".join))
@example(" a")
@example("a\xa0b")
def test_whitespace_is_collapsed_as_split_and_join_collapse_it(text: str) -> None:
    assert collapse(text) == " ".join(text.split())
