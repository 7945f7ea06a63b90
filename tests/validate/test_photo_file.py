"""profile.yaml's photo: a file of content/ Pillow can read, or an error at its line."""

from __future__ import annotations

import shutil
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from conftest import FIXTURES
from cvsite.errors import ContentError
from cvsite.validate.load import load_site


def _project(tmp_path: Path, photo: str) -> Path:
    project = Path(shutil.copytree(FIXTURES / "minimal", tmp_path / "project"))
    with (project / "content/profile.yaml").open("a", encoding="utf-8") as profile:
        profile.write(f"photo: {photo}\n")
    return project


def _problems(project: Path) -> list[str]:
    _, diagnostics = load_site(project)
    return [f"{Path(d.file).relative_to(project)}:{d.line}:{d.col}: {d.message}"
            for d in diagnostics]


def _jpeg() -> bytes:
    out = BytesIO()
    Image.new("RGB", (400, 400), (200, 100, 50)).save(out, "JPEG")
    return out.getvalue()


def test_a_cut_off_photo_is_an_error_at_its_line(tmp_path: Path) -> None:
    project = _project(tmp_path, "me.jpg")
    (project / "content/me.jpg").write_bytes(_jpeg()[:300])
    (problem,) = _problems(project)
    assert problem.startswith("content/profile.yaml:5:8: photo 'me.jpg' cannot be read: ")


def test_a_photo_linked_from_outside_the_project_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.jpg"
    elsewhere.write_bytes(_jpeg())
    project = _project(tmp_path, "me.jpg")
    (project / "content/me.jpg").symlink_to(elsewhere)
    assert _problems(project) == ["content/profile.yaml:5:8: photo 'me.jpg' is a link to a file "
                                  "outside the project"]
    with pytest.raises(ContentError) as caught:  # the build says so before reading any file
        from cvsite.build import build
        build(project, tmp_path / "_site")
    assert "symbolic link points outside the project" in str(caught.value.diagnostics[0])


@pytest.mark.parametrize("path", ["/etc/photo.jpg", "../photo.jpg", "photos/../../x.png",
                                  "photo.gif", "https://example.org/me.jpg"])
def test_a_photo_is_named_by_its_path_inside_content(tmp_path: Path, path: str) -> None:
    (problem,) = _problems(_project(tmp_path, path))
    assert problem.startswith("content/profile.yaml:5:8: photo: expected a .jpg, .png or .webp "
                              "file inside content/")


def test_a_photo_in_a_subfolder_is_found(tmp_path: Path) -> None:
    project = _project(tmp_path, "images/Me.JPEG")
    (project / "content/images").mkdir()
    (project / "content/images/Me.JPEG").write_bytes(_jpeg())
    site, diagnostics = load_site(project)
    assert diagnostics == [] and site is not None and site.profile.photo == "images/Me.JPEG"


def test_a_build_that_keeps_going_leaves_a_broken_photo_out(tmp_path: Path) -> None:
    project = _project(tmp_path, "missing.jpg")
    site, diagnostics = load_site(project, keep_going=True)
    assert site is not None and site.profile.photo is None
    assert [d.message for d in diagnostics] == ["photo 'missing.jpg': no such file in content/"]
