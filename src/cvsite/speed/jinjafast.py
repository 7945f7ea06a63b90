"""Compiled templates that do less per page, with the same output as Jinja's own.

Jinja compiles `{{ value }}` (autoescaping) to `escape(value)`: a `Markup` made for every value
a page shows, only for the page's parts to be joined into one string at once. Here the output
is escaped to a plain `str` instead: the same characters, without the `Markup`. Only the output
of `{{ … }}` changes; `|e`, `|escape`, macros and blocks still give `Markup`.

Every call in a template goes through `Context.call`, which looks for `pass_context` and its
kind on the callable and on its `__call__`; `CallContext` calls a plain function or a macro
(or a method, a builtin) straight away and leaves everything else to Jinja.
"""

from __future__ import annotations

from collections.abc import Callable
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any

import markupsafe
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context, Macro
from jinja2.utils import internalcode
from markupsafe import Markup

_escape_inner: Callable[[str], str] = getattr(markupsafe, "_escape_inner", None) or (
    lambda text: str(markupsafe.escape(text)))
"""markupsafe's own escaping of a `str` (its C speedup when built), without the `Markup`."""


def output_escape(value: Any) -> str:
    """The text of `markupsafe.escape(value)`, as the `str` a page is joined from."""
    if type(value) is str:
        return _escape_inner(value)
    if type(value) is Markup:
        return value
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return _escape_inner(str(value))


class OutputGenerator(CodeGenerator):
    """Jinja's code generator, with `output_escape` for the output of `{{ … }}`."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        """The template's module; its `escape` (used only for output) is `output_escape`."""
        super().visit_Template(node, frame)
        self.writeline("from cvsite.speed.jinjafast import output_escape as escape")


class CallContext(Context):
    """Jinja's template context, with a shorter way to call a plain function or a macro."""

    plain: frozenset[type] = frozenset({FunctionType, MethodType, BuiltinFunctionType, Macro})
    """Types called directly unless marked `pass_context` & co. (a subclass may add its own
    callable classes whose `__call__` takes no context)."""

    @internalcode
    def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Jinja's `Context.call`: a function without `pass_context` & co. is called as it is."""
        if type(__obj) not in __self.plain or hasattr(__obj, "jinja_pass_arg"):
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised "
                                                "a StopIteration exception")
