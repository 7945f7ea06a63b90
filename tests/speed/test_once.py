"""List items rendered once per build and reused by every page showing them: the same bytes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from jinja2 import Environment
from test_build_cache import assert_one_edit_reaches_every_paper_page, reference, tree

from cvsite.build import build
from cvsite.cache import digest
from cvsite.render import pages as pagerender
from cvsite.speed.once import Lasting, Once, remembered


def without_pdfs(project: Path) -> None:
    """Switch the PDFs off, so that an edited paper changes no download every page shows."""
    config = project / "content" / "site.yaml"
    text = config.read_text("utf-8")
    config.write_text(text[: text.index("\npdf:")] + "\npdf:\n  variants: []\n", "utf-8")


@contextmanager
def forgetful(env: Environment, lasting: Lasting | None = None) -> Iterator[Once]:
    """`once` left as it is: every call renders its macro."""
    yield Once()


def test_reused_list_items_give_the_same_pages(project: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    expected = reference(project, tmp_path)
    monkeypatch.setattr(pagerender, "remembered", forgetful)
    out = tmp_path / "every-item-rendered"
    build(project, out, use_cache=False)
    assert tree(out) == expected
    assert b'class="pub' in expected["publications/by-year/index.html"]


def test_reused_macro_that_reads_other_papers_is_not_served_stale(project: Path,
                                                                   tmp_path: Path) -> None:
    """A paper page whose shared macro lists every paper: editing one changes all pages."""
    without_pdfs(project)
    (project / "templates" / "publication.html").write_text(
        "{% macro titles() %}{% for p in site.publications %}{{ p.title }};{% endfor %}"
        "{% endmacro %}{{ pub.title }}|{{ once(titles) }}\n", "utf-8")
    assert_one_edit_reaches_every_paper_page(project, tmp_path)


def test_item_kept_from_an_earlier_build_is_taken_without_rendering() -> None:
    env = Environment(autoescape=True)
    calls: list[str] = []
    macro = env.from_string("{% macro item(x) %}<li>{{ x }}</li>{% endmacro %}").module.item

    def counted(x: str) -> object:
        calls.append(x)
        return macro(x)
    counted._func = macro._func  # type: ignore[attr-defined]  # `once` names it by its code
    first = Lasting("salt", lambda arg: f"str:{arg}", {})
    with remembered(env, first) as memo:
        assert str(memo(counted, "a")) == "<li>a</li>"
    second = Lasting("salt", lambda arg: f"str:{arg}", first.kept())
    with remembered(env, second) as memo:
        assert str(memo(counted, "a")) == "<li>a</li>"
        assert str(memo(counted, "b")) == "<li>b</li>"
    assert calls == ["a", "b"], "the kept item was not rendered again"
    assert set(second.kept()) == set(first.kept()) | set(second.made)


def test_item_names_are_digests_of_salt_place_and_arguments() -> None:
    """Names made from a hasher started once per macro are the digest of all their parts."""
    env = Environment(autoescape=True)
    macros = env.from_string("{% macro a(x) %}{% endmacro %}{% macro b(x, y) %}{% endmacro %}")
    lasting = Lasting("salt", lambda arg: None if arg is None else f"id:{arg}", {})
    names = set()
    for macro, args in ((macros.module.a, ("p",)), (macros.module.b, ("p", "q")),
                        (macros.module.a, ("q",)), (macros.module.a, ("p",))):
        code = macro._func.__code__
        name = lasting.name(code, args)
        assert name == digest("salt", code.co_filename, str(code.co_firstlineno),
                              *(f"id:{arg}" for arg in args))
        names.add(name)
    assert len(names) == 3
    assert lasting.name(macros.module.a._func.__code__, (None,)) is None  # no identity
    assert lasting.name(macros.module.a._func.__code__, ()) is None


def test_edited_item_template_reaches_the_list_pages(project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    macros = project / "templates" / "_macros.html"
    text = macros.read_text("utf-8")
    assert '<li class="pub' in text
    macros.write_text(text.replace('<li class="pub', '<li data-edited class="pub', 1), "utf-8")
    build(project, out)
    assert tree(out) == reference(project, tmp_path)
    assert b"data-edited" in tree(out)["publications/index.html"]
