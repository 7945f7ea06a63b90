"""Templates compiled by cvsite's code generator give exactly what stock Jinja gives."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import (
    DictLoader,
    Environment,
    StrictUndefined,
    Undefined,
    UndefinedError,
    pass_context,
    pass_environment,
)
from markupsafe import Markup

from cvsite.speed.jinjafast import CallContext, OutputGenerator, output_escape

TEMPLATES = {
    "base.html": "<title>{% block title %}{{ text }}{% endblock %}</title>"
                 "{% set t %}{% block t %}{{ text }}{% endblock %}{% endset %}[{{ t }}]{{ t }}",
    "page.html": "{% extends 'base.html' %}{% import '_m.html' as m %}"
                 "{% block title %}{{ m.item(text) }}|{{ text | e }}|{{ safe }}|{{ number }}"
                 "{% endblock %}",
    "_m.html": "{% macro item(x) %}<i>{{ x }}</i>{% endmacro %}"
               "{% macro wrap(x) %}<i>{{ x }}</i>{{ caller() }}{% endmacro %}",
    "mixed.html": "{{ text ~ safe }}{{ safe ~ text }}{% filter upper %}{{ text }}{% endfilter %}"
                  "{% call m.wrap(text) %}{{ text }}{% endcall %}{{ obj }}{{ [text] }}"
                  "{% autoescape false %}{{ text }}{% endautoescape %}",
    "missing.html": "{{ nothing }}",
}


class Html:
    """An object that brings its own markup."""

    def __html__(self) -> str:
        return "<b>bold</b>"


def environments() -> tuple[Environment, Environment]:
    """Stock Jinja, and the same environment with cvsite's code generator."""
    def make() -> Environment:
        return Environment(loader=DictLoader(TEMPLATES), autoescape=True,
                           undefined=StrictUndefined)
    stock, fast = make(), make()
    fast.code_generator_class = OutputGenerator
    fast.context_class = CallContext
    return stock, fast


def render(env: Environment, name: str, text: str) -> str:
    """A template of TEMPLATES rendered with user text among other values."""
    values: dict[str, Any] = {"text": text, "safe": Markup("<br>"), "number": 3, "obj": Html()}
    if name == "mixed.html":
        values["m"] = env.get_template("_m.html").module
    return env.get_template(name).render(values)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab<>&\"' é\u2013{}"), max_size=12))
def test_user_text_is_escaped_exactly_as_jinja_escapes_it(text: str) -> None:
    stock, fast = environments()
    for name in ("page.html", "mixed.html", "base.html"):
        assert render(fast, name, text) == render(stock, name, text)


def test_output_escape_gives_the_text_of_markupsafe_escape() -> None:
    for value in ("<a href='x'>&\"", Markup("<b>"), Html(), 42, None, 1.5, ["<"]):
        escaped = output_escape(value)
        assert isinstance(escaped, str)
        assert escaped == str(Markup.escape(value))


def test_an_undefined_value_still_fails_the_page() -> None:
    _, fast = environments()
    with pytest.raises(UndefinedError):
        fast.get_template("missing.html").render()


def test_calls_from_a_template_get_what_jinja_passes_them() -> None:
    @pass_context
    def with_context(context: Any, x: str) -> str:
        return f"{context['text']}/{x}"

    @pass_environment
    def with_environment(env: Environment, x: str) -> str:
        return f"{env.autoescape}/{x}"

    class Counter:
        @pass_context
        def __call__(self, context: Any) -> str:
            return str(context.get("loop_value", "none"))

    class Holder:
        @pass_context
        def method(self, context: Any) -> str:
            return f"method/{context['text']}"

    def stops() -> str:
        raise StopIteration

    source = ("{% set loop_value = 'set' %}{{ plain(text) }}|{{ with_context(text) }}|"
              "{{ with_environment(text) }}|{{ counter() }}|{{ m.item(text) }}|"
              "{% for x in [1] %}{{ with_context(x) }}{% endfor %}|{{ stops() is undefined }}|"
              "{{ holder.method() }}|{{ text.upper() }}")
    values = {"text": "<t>", "plain": lambda x: x * 2, "with_context": with_context,
              "with_environment": with_environment, "counter": Counter(), "stops": stops,
              "holder": Holder()}
    outputs = []
    for env in environments():
        env.undefined = Undefined
        outputs.append(env.from_string(source).render(values, m=env.get_template("_m.html").module))
    assert outputs[1] == outputs[0]
    assert outputs[1] == ("&lt;t&gt;&lt;t&gt;|&lt;t&gt;/&lt;t&gt;|True/&lt;t&gt;|set|"
                          "<i>&lt;t&gt;</i>|&lt;t&gt;/1|True|method/&lt;t&gt;|&lt;T&gt;")
