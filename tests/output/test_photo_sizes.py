"""The profile photo: square JPEGs in the pages' sizes, upright, without metadata, always the
same bytes; shown with its size and srcset, as the link preview image, and in the PDF if asked."""

from __future__ import annotations

import json
import re
import shutil
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import FIXTURES
from cvsite.build import build
from cvsite.output.photo import make_squares


def _photo(orientation: int = 1, size: tuple[int, int] = (300, 400)) -> bytes:
    """A JPEG, red above and blue below, with EXIF (a camera, a comment, an orientation)."""
    image = Image.new("RGB", size, (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, size[0], size[1] // 2))
    exif = Image.Exif()
    exif[0x0112], exif[0x010F], exif[0x9286] = orientation, "TestCam", "private note"
    out = BytesIO()
    image.save(out, "JPEG", quality=95, exif=exif.tobytes())
    return out.getvalue()


def test_each_size_is_a_square_jpeg_without_metadata() -> None:
    made = make_squares(_photo(), (160, 320, 640))
    for size, data in zip((160, 320, 640), made, strict=True):
        with Image.open(BytesIO(data)) as image:
            assert (image.format, image.size, image.mode) == ("JPEG", (size, size), "RGB")
            assert not image.getexif() and "icc_profile" not in image.info
        assert b"Exif" not in data and b"TestCam" not in data and b"private note" not in data


def test_the_same_photo_gives_the_same_bytes() -> None:
    assert make_squares(_photo(), (160, 320)) == make_squares(bytes(_photo()), (160, 320))


def test_a_photo_taken_upside_down_is_turned_upright() -> None:
    (upright,) = make_squares(_photo(orientation=3), (160,))  # 3: rotated 180 degrees
    with Image.open(BytesIO(upright)) as image:
        top, bottom = image.getpixel((80, 5)), image.getpixel((80, 155))
    assert top[2] > 200 > top[0] and bottom[0] > 200 > bottom[2]  # blue above, red below now


def test_a_transparent_png_is_laid_on_white() -> None:
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    out = BytesIO()
    image.save(out, "PNG")
    (made,) = make_squares(out.getvalue(), (160,))
    with Image.open(BytesIO(made)) as square:
        assert all(channel > 250 for channel in square.getpixel((80, 80)))


def _build(tmp: Path, in_pdf: bool) -> Path:
    project = Path(shutil.copytree(FIXTURES / "minimal", tmp / "project"))
    (project / "content/me.jpg").write_bytes(_photo())
    with (project / "content/profile.yaml").open("a", encoding="utf-8") as profile:
        profile.write(f"photo: me.jpg\nphoto_in_pdf: {str(in_pdf).lower()}\n")
    out = tmp / "_site"
    build(project, out, use_cache=False)
    return out


@pytest.fixture(scope="module")
def with_photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("photo"), in_pdf=True)


def test_the_home_page_shows_the_photo_with_its_size_and_a_sharper_one(with_photo: Path) -> None:
    html = (with_photo / "index.html").read_text("utf-8")
    (img,) = re.findall(r"<img [^>]*>", html)
    assert 'src="images/photo-160.jpg"' in img  # relative: the home page is at the root
    assert 'srcset="images/photo-160.jpg 1x, images/photo-320.jpg 2x"' in img
    assert 'width="160" height="160"' in img and 'alt="Photo of Ada Example"' in img
    for size in (160, 320, 640):
        with Image.open(with_photo / f"images/photo-{size}.jpg") as image:
            assert image.size == (size, size)


def test_link_previews_and_json_ld_use_the_photo(with_photo: Path) -> None:
    html = (with_photo / "index.html").read_text("utf-8")
    image = "https://ada.example.org/images/photo-640.jpg"
    assert f'<meta property="og:image" content="{image}">' in html
    assert '<meta property="og:image:width" content="640">' in html
    data = json.loads(re.search(r'ld\+json">\s*(\{.*?\})\s*</script>', html, re.S)[1])
    assert data["image"] == image


def _pdf_images(out: Path) -> int:
    (pdf,) = out.glob("*.pdf")
    return sum(len(page.images) for page in PdfReader(pdf).pages)


def test_the_pdf_header_shows_the_photo_only_when_asked(with_photo: Path,
                                                        tmp_path: Path) -> None:
    assert _pdf_images(with_photo) == 1
    assert _pdf_images(_build(tmp_path, in_pdf=False)) == 0
