"""A photo upload, opened by Pillow and nothing else, made safe and small once, when it arrives.

Refused, with a message that says why: a file Pillow cannot open as a JPEG, PNG or WebP (a text
file, an SVG, a script, whatever its name), a decompression bomb (Pillow's warning is an error
here), more than ``PHOTO_MAX_SIDE`` pixels a side or ``PHOTO_MAX_PIXELS`` in all, or more than
``PHOTO_MAX_BYTES``. Accepted, it is turned as its EXIF orientation says and re-encoded: no EXIF,
GPS or other metadata survives. Kept: that stripped copy at its full size (so renditions at other
widths can be made later without asking staff for the file again; it is never served) and a
rendition at each of ``WIDTHS`` narrower than the photo (and one at its own width when it is
narrower than the largest), in WebP and JPEG, all under one folder of an unguessable name.
"""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps

from updates.models import UpdatePhoto

WIDTHS = (480, 960, 1600)
FORMATS = ["JPEG", "PNG", "WEBP"]
# Stored name's extension and Pillow's options, per kind a rendition is served as.
KINDS = {"webp": ("webp", "WEBP", {"quality": 80, "method": 4}), "jpeg": ("jpg", "JPEG", {"quality": 82})}
REFUSED = "This file is not a photo the portal can read: upload a JPEG, PNG or WebP image (SVG is refused)."


@dataclass
class PreparedPhoto:
    """An accepted upload: the stripped copy, and each rendition's bytes by width and kind."""

    original: bytes
    size: tuple[int, int]  # the stripped copy's width and height, upright
    renditions: dict[int, dict[str, bytes]]


def _opened(upload: IO[bytes]) -> Image.Image:
    """The decoded image, or a ValidationError saying why it is refused."""
    max_side, max_pixels = settings.PHOTO_MAX_SIDE, settings.PHOTO_MAX_PIXELS
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns above MAX_IMAGE_PIXELS and raises above twice that: both refuse here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=FORMATS)
            width, height = image.size  # read from the header, before anything is decoded
            if width > max_side or height > max_side or width * height > max_pixels:
                raise ValidationError(
                    f"This photo is {width:,} × {height:,} pixels; photos may be {max_side:,} pixels a side and "
                    f"{max_pixels // 1_000_000} megapixels at most.",
                    code="too_large",
                )
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            "This file claims to be a far larger picture than it is (a decompression bomb) and is refused.",
            code="bomb",
        ) from error
    except (OSError, SyntaxError, ValueError, Image.UnidentifiedImageError) as error:
        raise ValidationError(REFUSED, code="format") from error
    return image


def _flattened(image: Image.Image) -> Image.Image:
    """Turned upright, first frame only, in RGB (transparency over white, as a page shows it)."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _encoded(image: Image.Image, kind: str) -> bytes:
    _, pillow_format, options = KINDS[kind]
    buffer = io.BytesIO()
    # No exif= and no icc_profile= given: Pillow writes none of the source's metadata.
    image.save(buffer, pillow_format, **options)
    return buffer.getvalue()


def prepare_photo(upload: IO[bytes], size: int) -> PreparedPhoto:
    """The upload checked, stripped and resized (module docstring); a ValidationError if refused."""
    limit = settings.PHOTO_MAX_BYTES
    if size > limit:
        raise ValidationError(
            f"This file is {filesizeformat(size)}; photos may be {filesizeformat(limit)} at most.", code="too_large"
        )
    image = _flattened(_opened(upload))
    widths = [width for width in WIDTHS if width < image.width] or [image.width]
    if image.width < WIDTHS[-1] and image.width not in widths:
        widths.append(image.width)  # never upscaled: its own width is the largest
    renditions = {}
    for width in widths:
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
        renditions[width] = {kind: _encoded(resized, kind) for kind in KINDS}
    original = io.BytesIO()
    image.save(original, "JPEG", quality=92)
    return PreparedPhoto(original=original.getvalue(), size=image.size, renditions=renditions)


def store_photo(photo: UpdatePhoto, prepared: PreparedPhoto) -> None:
    """Write the prepared files through the default storage and note them on ``photo`` (not saved)."""
    folder = secrets.token_urlsafe(16)
    photo.image.save(f"{folder}/original.jpg", ContentFile(prepared.original), save=False)
    # Stated, so that no page has to open the file to learn them (the image field would, on loading).
    photo.width, photo.height = prepared.size
    photo.renditions = {
        str(width): {
            kind: default_storage.save(f"updates/{folder}/{width}.{KINDS[kind][0]}", ContentFile(data))
            for kind, data in files.items()
        }
        for width, files in prepared.renditions.items()
    }
