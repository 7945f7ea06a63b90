"""A one-line CV item written as several Markdown blocks stays one line of valid HTML."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import minimal_with_entries
from cvsite.build import build

ITEM = '"# Skills\\n\\n- Python **and** Rust\\n- Julia\\n\\nSee [the code](https://example.org/)."'


def test_a_multi_block_item_is_shown_inline_with_its_words_and_link(tmp_path: Path) -> None:
    project = minimal_with_entries(tmp_path / "p", "")
    cv = project / "content/cv.yaml"
    cv.write_text(cv.read_text("utf-8") + f"  - title: Skills\n    type: items\n"
                  f"    entries:\n      - {ITEM}\n", "utf-8")
    build(project, tmp_path / "out", pdf=False)
    page = (tmp_path / "out/cv/index.html").read_text("utf-8")
    (item,) = re.findall(r'<span class="item">(.*?)</span>', page, re.S)
    assert not re.search(r"</?(?:p|h\d|ul|ol|li)\b", item)
    assert item == ('Skills Python <strong>and</strong> Rust Julia See '
                    '<a href="https://example.org/">the code</a>.')
