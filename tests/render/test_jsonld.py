"""The JSON-LD encoder writes exactly what json.dumps(indent=2) writes, only faster."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from cvsite.render.seo import jsonld

TEXT = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("<>&\"\\\u2028/"),
               max_size=12)
JSON = st.recursive(TEXT | st.integers() | st.booleans() | st.none(),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(TEXT, inner, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(TEXT, JSON, max_size=6))
def test_same_text_as_json_dumps_with_markup_characters_escaped(data: dict[str, object]) -> None:
    expected = json.dumps(data, ensure_ascii=False, indent=2)
    expected = expected.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    assert str(jsonld(data)) == expected
    assert "</" not in str(jsonld(data))


def test_repeated_small_objects_keep_their_own_values() -> None:
    """Small dicts of strings (a paper's authors as people) are encoded once and reused."""
    people = [{"@type": "Person", "name": name} for name in ("A <b>", "B", "A <b>")]
    lookalikes: list[object] = [{"n": "1"}, {"n": 1}, {"n": True}, {"n": 1.0}, {"n": ["1"]},
                                {"n": {"1": "1"}}, {1: "1"}]
    for data in ({"author": people, "x": lookalikes}, {"x": lookalikes[::-1], "author": people},
                 {"publication": people[0], "other": {"@type": "Person", "name": "A <b>"}}):
        expected = json.dumps(data, ensure_ascii=False, indent=2)
        expected = expected.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        assert str(jsonld(data)) == expected
