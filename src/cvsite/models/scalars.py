"""Constrained scalar types shared by the models."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Strict, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from cvsite.models.links import checker, json_schema
from cvsite.paths import ANY, WEB, base_url_problem, link_problem
from cvsite.richtext import link_problems

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Integer = Annotated[int, Strict()]
"""A whole number written as one (`20`): not `"20"`, `20.0` or `true`."""
Boolean = Annotated[bool, Strict()]
"""`true` or `false`: not `yes`, `"no"`, `0` or `1` (YAML 1.1's `yes` is text here:
`sources.yamlloader`)."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HANDLE = re.compile(r"^[A-Za-z0-9_.-]+$")
_TERM = re.compile(r"^(Spring|Summer|Fall|Autumn|Winter) \d{4}$")


def _refuse(kind: str, problem: str | None, value: str) -> str:
    """`value`, or a validation error saying why the link policy refuses it."""
    if problem:
        raise PydanticCustomError(kind, "{problem}, got {value}",
                                  {"problem": problem, "value": repr(value)})
    return value


def check_url(value: str) -> str:
    """Allow only http, https and mailto links."""
    return _refuse("url_scheme", link_problem(value, ANY, relative=False), value)


def check_site_link(value: str) -> str:
    """Allow http and https links and paths inside the site (a file shipped with it)."""
    return _refuse("url_scheme", link_problem(value, WEB, relative=True), value)


def check_base_url(value: str) -> str:
    """Allow only a plain http(s) address to publish the site at."""
    return _refuse("base_url", base_url_problem(value), value)


def check_markdown(value: str) -> str:
    """Allow only Markdown whose every link and image the link policy allows."""
    problems = link_problems(value)
    if problems:
        raise PydanticCustomError("markdown_link", "{problem}", {"problem": "; ".join(problems)})
    return value


def _matching(pattern: re.Pattern[str], kind: str, message: str) -> AfterValidator:
    """A validator refusing text that `pattern` does not match, with `message` ({value})."""
    def check(value: str) -> str:
        if not pattern.match(value):
            raise PydanticCustomError(kind, message, {"value": repr(value)})
        return value

    return AfterValidator(check)


Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(check_url),
                WithJsonSchema({"type": "string", "pattern": "^(https?://.+|mailto:.+)$",
                                "description": "an http://, https:// or mailto: link"})]
SiteLink = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                     AfterValidator(check_site_link),
                     WithJsonSchema({"type": "string", "description": "an http:// or https:// "
                                     "link, or a path inside the site"})]
BaseUrl = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(check_base_url),
                    WithJsonSchema({"type": "string", "pattern": "^https?://[^\\s\"'<>`\\\\{}|^?#]+$",
                                    "description": "the http:// or https:// address of the site"})]
Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                     AfterValidator(check_markdown),
                     WithJsonSchema({"type": "string", "minLength": 1,
                                     "description": "text (Markdown); links may be http://, "
                                     "https://, mailto: or paths inside the site"})]
Email = Annotated[str, StringConstraints(strip_whitespace=True),
                  _matching(_EMAIL, "email", "not an e-mail address: {value}"),
                  WithJsonSchema({"type": "string", "pattern": _EMAIL.pattern})]
Term = Annotated[str, StringConstraints(strip_whitespace=True),
                 _matching(_TERM, "term", "expected a term such as 'Fall 2019', got {value}"),
                 WithJsonSchema({"type": "string", "pattern": _TERM.pattern,
                                 "description": "an academic term such as 'Fall 2019'"})]
Handle = Annotated[str, StringConstraints(strip_whitespace=True),
                   _matching(_HANDLE, "handle", "expected a user name (letters, digits, '.', '_' "
                             "or '-'), got {value}"),
                   WithJsonSchema({"type": "string", "pattern": _HANDLE.pattern,
                                   "description": "a user name, not a URL"})]


def _digits_as_text(value: Any) -> Any:
    """A whole number as the text it was written as (YAML reads `semantic_scholar: 1741101`
    as a number)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _profile(key: str) -> tuple[BeforeValidator, AfterValidator, WithJsonSchema]:
    """The check and schema of a `key` profile field: its handle or URL, kept as its id."""
    return (BeforeValidator(_digits_as_text), AfterValidator(checker(key)),
            WithJsonSchema(json_schema(key)))


_Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
LinkedIn = Annotated[_Id, *_profile("linkedin")]
Scholar = Annotated[_Id, *_profile("scholar")]
GitHub = Annotated[_Id, *_profile("github")]
Orcid = Annotated[_Id, *_profile("orcid")]
SemanticScholar = Annotated[_Id, *_profile("semantic_scholar")]
Dblp = Annotated[_Id, *_profile("dblp")]
OpenReview = Annotated[_Id, *_profile("openreview")]
HuggingFace = Annotated[_Id, *_profile("huggingface")]
XHandle = Annotated[_Id, *_profile("x")]
Bluesky = Annotated[_Id, *_profile("bluesky")]
Mastodon = Annotated[_Id, *_profile("mastodon")]

_PHOTO = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.(?:/|$))[^\\:]+\.(?:jpe?g|png|webp)$", re.IGNORECASE)
PhotoFile = Annotated[str, StringConstraints(strip_whitespace=True),
                      _matching(_PHOTO, "photo_path", "expected a .jpg, .png or .webp file "
                                "inside content/, such as 'photo.jpg', got {value}"),
                      WithJsonSchema({"type": "string", "pattern": _PHOTO.pattern,
                                      "description": "a .jpg, .png or .webp file in content/"})]
