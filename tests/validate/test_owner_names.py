"""The site owner is recognised in author lists: by `owner_aliases`, else by the profile's name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cvsite.build import build
from cvsite.validate.load import load_site

MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"
BIB = r"""@article{owner2021,
  author  = {Liebergen, Kevin van and Example, Ada and K. van Liebergen and Kevin Liebergen},
  title   = {Whose Paper},
  journal = {Journal of Examples},
  year    = {2021},
}
"""


def _project(into: Path, name: str, aliases: str | None) -> Path:
    """The minimal project with this profile name and `owner_aliases` line (None: no aliases)."""
    root = shutil.copytree(MINIMAL, into / "project")
    content = root / "content"
    (content / "publications.bib").write_text(BIB, encoding="utf-8")
    profile = (content / "profile.yaml").read_text(encoding="utf-8")
    (content / "profile.yaml").write_text(profile.replace("name: Ada Example", f"name: {name}",
                                                          1), encoding="utf-8")
    site = (content / "site.yaml").read_text(encoding="utf-8")
    site = site.replace("owner_aliases: [Ada Example]\n",
                        "" if aliases is None else f"owner_aliases: {aliases}\n")
    (content / "site.yaml").write_text(site, encoding="utf-8")
    return root


def _owners(root: Path) -> list[str]:
    """The displayed names marked as the owner's in the one paper."""
    site, problems = load_site(root)
    assert site is not None, [p.format() for p in problems]
    return [a.display for a in site.publications[0].authors if a.owner]


def test_without_aliases_the_profile_name_marks_the_owner(tmp_path: Path) -> None:
    root = _project(tmp_path, "Kevin van Liebergen", None)
    assert _owners(root) == ["Kevin van Liebergen", "K. van Liebergen"]
    build(root, root / "_site")
    page = (root / "_site" / "publications" / "owner2021" / "index.html").read_text("utf-8")
    assert '<strong class="owner">Kevin van Liebergen</strong>' in page


@pytest.mark.parametrize("alias", ["[Kevin van Liebergen]", "['Liebergen, Kevin van']",
                                   "['van Liebergen, Kevin']"])
def test_dutch_index_order_matches_every_way_of_writing_the_alias(tmp_path: Path,
                                                                   alias: str) -> None:
    assert _owners(_project(tmp_path, "Someone Else", alias)) == [
        "Kevin van Liebergen", "K. van Liebergen"]


def test_aliases_given_replace_the_profile_name(tmp_path: Path) -> None:
    assert _owners(_project(tmp_path, "Kevin van Liebergen", "[Ada Example]")) == ["Ada Example"]
