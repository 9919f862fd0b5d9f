"""A photo is refused unless Pillow opens it within the limits, and is stored stripped and resized once."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from PIL import Image

from tests.factories import UpdateFactory, UpdatePhotoFactory
from tests.helpers.admin_forms import admin_url, form_data
from tests.helpers.photos import GPS_IFD, SVG_WITH_SCRIPT, jpeg_bytes, png_claiming
from updates.models import Update
from updates.photos import prepare_photo, store_photo

HOSTILE = {
    "a text file named .jpg": (b"Not a photo at all.\n", "not a photo the portal can read"),
    "an SVG with a script": (SVG_WITH_SCRIPT, "SVG is refused"),
    "too many pixels a side": (png_claiming(9000, 10), "8,000 pixels a side"),
    "a decompression bomb": (png_claiming(60000, 60000), "decompression bomb"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_refused_with_the_reason(name: str) -> None:
    content, reason = HOSTILE[name]
    with pytest.raises(ValidationError) as refused:
        prepare_photo(io.BytesIO(content), len(content))
    assert reason in refused.value.messages[0]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings) -> None:
    settings.PHOTO_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="photos may be 1000"):
        prepare_photo(io.BytesIO(b""), 5000)


@pytest.mark.django_db
def test_exif_and_gps_are_gone_the_photo_is_upright_and_never_upscaled() -> None:
    # Orientation 6: the camera was turned; the stored photo is turned upright (400 wide, 600 high).
    photo = UpdatePhotoFactory.build(update=UpdateFactory())
    content = jpeg_bytes(600, 400, gps=True, orientation=6)
    assert GPS_IFD in Image.open(io.BytesIO(content)).getexif()
    store_photo(photo, prepare_photo(io.BytesIO(content), len(content)))
    photo.save()

    assert (photo.width, photo.height) == (400, 600)
    assert photo.widths == [400]  # narrower than every width but its own
    stored = [photo.image.name] + [name for files in photo.renditions.values() for name in files.values()]
    for name in stored:
        with default_storage.open(name) as file:
            image = Image.open(file)
            assert not image.getexif(), name
            assert "exif" not in image.info, name
            assert image.size == (400, 600), name


def test_the_database_refuses_a_photo_without_alt_text(db) -> None:
    photo = UpdatePhotoFactory()
    photo.alt_text_en = ""  # the English text, which the model's column holds (programmes.translation)
    with pytest.raises(IntegrityError), transaction.atomic():
        photo.save()


def photo_form(admin_client, update, upload: SimpleUploadedFile, alt_text: str) -> dict:
    url = admin_url(Update, "change", update.pk)
    data = form_data(admin_client.get(url)) | {
        "photos-TOTAL_FORMS": "1",
        "photos-0-alt_text_en": alt_text,
        "photos-0-position": "0",
        "photos-0-image": upload,
    }
    return admin_client.post(url, data)


@pytest.mark.django_db
def test_the_admin_says_why_a_photo_is_refused_and_that_alt_text_is_required(admin_client) -> None:
    update = UpdateFactory()
    svg = SimpleUploadedFile("photo.jpg", SVG_WITH_SCRIPT, "image/jpeg")
    page = photo_form(admin_client, update, svg, "A photo").content.decode()
    assert "upload a JPEG, PNG or WebP image (SVG is refused)" in page

    jpeg = SimpleUploadedFile("photo.jpg", jpeg_bytes(40, 30), "image/jpeg")
    response = photo_form(admin_client, update, jpeg, "")
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not update.photos.exists()
