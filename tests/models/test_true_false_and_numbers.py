"""A YAML true/false field takes only true or false, and a whole-number field only a number
written as one: text, `true` or `3.0` where the other is expected is an error, never a guess."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from cvsite.models import CV, News, Profile, SiteConfig

Data = Callable[[Any], dict[str, Any]]
SITE = {"title": "Ada Example", "base_url": "https://ada.example.org/"}
PROFILE = {"name": "Ada Example", "summary": "Ada studies examples."}
VARIANT = ("pdf", "variants", 0)
YEARS = ("sections", 0, "awards", "entries", 0, "years")
QUERY = ("sections", 0, "publications", "query")


def _site(**fields: Any) -> dict[str, Any]:
    return {**SITE, **fields}


def _variant(key: str) -> Data:
    return lambda value: _site(pdf={"variants": [{"name": "cv", key: value}]})


def _years(value: Any) -> dict[str, Any]:
    """An award of two years, the second `value` (a list, as YAML gives, for a tuple)."""
    return {"sections": [{"title": "Awards", "type": "awards",
                          "entries": [{"title": "Best Example", "years": [2019, value]}]}]}


def _query(key: str) -> Data:
    return lambda value: {"sections": [{"type": "publications", "query": {key: value}}]}


def _max_authors(value: Any) -> dict[str, Any]:
    return _site(publications={"max_authors": value})


CASES = [  # model, the document around the value, the loose value, the value written plainly
    pytest.param(SiteConfig, _max_authors, True, 20, ("publications", "max_authors"),
                 id="max_authors-true"),
    pytest.param(SiteConfig, _max_authors, "20", None, ("publications", "max_authors"),
                 id="max_authors-quoted"),
    pytest.param(SiteConfig, _max_authors, 20.0, 20, ("publications", "max_authors"),
                 id="max_authors-20.0"),
    pytest.param(SiteConfig, lambda v: _site(scholar_warnings=v), "no", False,
                 ("scholar_warnings",), id="scholar_warnings-quoted-no"),
    pytest.param(SiteConfig, lambda v: _site(scholar_warnings=v), 0, False,
                 ("scholar_warnings",), id="scholar_warnings-0"),
    pytest.param(SiteConfig, _variant("max_pages"), "2", 2, (*VARIANT, "max_pages"),
                 id="max_pages-quoted"),
    pytest.param(SiteConfig, _variant("max_highlights"), False, 0,
                 (*VARIANT, "max_highlights"), id="max_highlights-false"),
    pytest.param(SiteConfig, _variant("selected_publications_only"), 1, True,
                 (*VARIANT, "selected_publications_only"), id="selected_publications_only-1"),
    pytest.param(Profile, lambda v: {**PROFILE, "photo_in_pdf": v}, "true", True,
                 ("photo_in_pdf",), id="photo_in_pdf-quoted"),
    pytest.param(News, lambda v: {"home": v}, "3", 3, ("home",), id="home-quoted"),
    pytest.param(News, lambda v: {"home": v}, True, 1, ("home",), id="home-true"),
    pytest.param(CV, _years, "2020", 2020, (*YEARS, 1), id="years-quoted"),
    pytest.param(CV, _years, True, 2020, (*YEARS, 1), id="years-true"),
    pytest.param(CV, _query("selected"), "yes", True, (*QUERY, "selected"),
                 id="selected-quoted-yes"),
    pytest.param(CV, _query("since"), "2020", 2020, (*QUERY, "since"), id="since-quoted"),
]


@pytest.mark.parametrize(("model", "data", "loose", "plain", "loc"), CASES)
def test_a_value_of_the_wrong_type_is_an_error_not_a_guess(
        model: type[BaseModel], data: Data, loose: Any, plain: Any,
        loc: tuple[str | int, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data(loose))
    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == \
        [(loc, "bool_type" if isinstance(plain, bool) else "int_type")]
    model.model_validate(data(plain))  # written plainly (a list for a tuple field) it is read
