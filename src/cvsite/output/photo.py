"""The profile photo, made square in the sizes the pages use: JPEG bytes without metadata,
the same for the same photo (so an unchanged photo is never written again)."""

from __future__ import annotations

import base64
import warnings
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from cvsite.cache import remembered
from cvsite.models import Profile

QUALITY = 85
CENTRE = (0.5, 0.4)
"""Where a portrait is cut to a square: a little above the middle, where the face usually is."""
PDF_SIZE = 320
"""The size embedded in the PDF header (shown about 2 cm wide: sharp in print)."""
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _in_srgb(image: Image.Image) -> Image.Image:
    """The image in sRGB, its colour profile applied (the profile itself is left out)."""
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(BytesIO(icc))
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError):
            converted = None
        if converted is not None:
            return converted
    if image.mode in ("RGBA", "LA", "PA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def make_squares(data: bytes, sizes: tuple[int, ...]) -> tuple[bytes, ...]:
    """The photo in `data` turned upright, cut square and resized to each of `sizes`, as JPEGs
    with no metadata (no EXIF, no location, no colour profile: sRGB is assumed)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a damaged EXIF block: the picture is still fine
        with Image.open(BytesIO(data)) as opened:
            opened.draft("RGB", (max(sizes), max(sizes)))  # a JPEG decodes at 1/2 to 1/8 size
            image = _in_srgb(ImageOps.exif_transpose(opened))
    largest = max(sizes)
    factor = min(image.size) // (2 * largest)
    if factor > 1:  # a quick box average first, then Lanczos on a few times the size
        image = image.reduce(factor)
    biggest = ImageOps.fit(image, (largest, largest), Image.Resampling.LANCZOS, centering=CENTRE)
    found = []
    for size in sizes:
        square = biggest if size == largest else biggest.resize((size, size),
                                                                Image.Resampling.LANCZOS)
        out = BytesIO()
        square.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
        found.append(out.getvalue())
    return tuple(found)


squares = remembered(size=2)(make_squares)
"""`make_squares`, remembered: `serve` builds after every edit, an unchanged photo is resized once
(a 12-megapixel JPEG takes about 0.1 s, a PNG nearly 1 s, mostly decoding it)."""


def collect_photo(source: Path, profile: Profile) -> dict[str, bytes]:
    """The photo's files by their path in the site (none without a photo)."""
    if not profile.photo:
        return {}
    sizes = tuple(profile.photo_files)
    made = squares((source / "content" / profile.photo).read_bytes(), sizes)
    return {profile.photo_files[size]: data for size, data in zip(sizes, made, strict=True)}


def pdf_photo(files: dict[str, bytes], profile: Profile) -> str:
    """The photo as a `data:` URL for the PDF header, when the profile asks for it; else ''."""
    path = profile.photo_files.get(PDF_SIZE)
    if not profile.photo_in_pdf or path not in files:
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(files[path]).decode("ascii")
