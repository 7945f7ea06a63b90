"""The JSON-LD in a page reads back as the data, and can never close its <script>."""

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
def test_reads_back_as_the_data_with_no_markup_characters(data: dict[str, object]) -> None:
    text = str(jsonld(data))
    assert json.loads(text) == json.loads(json.dumps(data))
    assert not set("<>&") & set(text)  # so no `</script>` and no entity, whatever the text
