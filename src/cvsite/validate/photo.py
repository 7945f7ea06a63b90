"""profile.yaml's `photo`: a readable image inside content/, or an error at its line."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from cvsite.errors import Diagnostic, error
from cvsite.models import Profile
from cvsite.sources.yaml import YamlDoc

FORMATS = ("JPEG", "PNG", "WEBP")
"""What a photo may be (what Pillow reads and every browser and WeasyPrint show)."""
MAX_PIXELS = 50_000_000
"""Larger images are refused before they are decoded (a camera's photo has about 24 million)."""


def photo_problem(folder: Path, name: str) -> str | None:
    """Why `name` in `folder` (content/) is no photo to publish, or None."""
    path = folder / name
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(Path(os.path.realpath(folder.parent))):
        return f"photo '{name}' is a link to a file outside the project"
    if not real.is_file():
        return f"photo '{name}': no such file in content/"
    too_large = f"photo '{name}' is too large (over {MAX_PIXELS:,} pixels)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns of a damaged EXIF block, say
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(real, formats=FORMATS) as image:
                if image.width * image.height > MAX_PIXELS:
                    return too_large
                image.draft("RGB", (640, 640))  # a JPEG decodes faster at a fraction of its size
                image.load()  # read to the end: a cut-off file is found here, not while writing
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return too_large
    except UnidentifiedImageError:
        return f"photo '{name}' is not a JPEG, PNG or WebP image"
    except (OSError, ValueError, SyntaxError) as exc:
        return f"photo '{name}' cannot be read: {exc}"
    return None


def check_photo(profile: Profile, doc: YamlDoc, folder: Path) -> tuple[Profile, list[Diagnostic]]:
    """The profile, and an error at its `photo` when that names no image cvsite can read in
    `folder` (then the profile is returned without it, for a build that keeps going)."""
    problem = photo_problem(folder, profile.photo) if profile.photo else None
    if problem is None:
        return profile, []
    line, col = doc.position(("photo",))
    hint = "put a .jpg, .png or .webp photo in content/ and give its name: 'photo: photo.jpg'"
    return profile.model_copy(update={"photo": None}), [error(doc.file, line, col, problem, hint)]
