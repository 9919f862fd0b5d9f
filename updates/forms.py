"""The admin's photo form: an upload is checked, stripped and resized before anything is stored."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from programmes.forms import AdminModelForm
from updates.models import UpdatePhoto
from updates.photos import PreparedPhoto, prepare_photo, store_photo


class UpdatePhotoForm(AdminModelForm):
    # A plain file field: Django's image field would answer every refusal with one vague message,
    # before ``updates.photos`` could say why (a bomb, too many pixels, SVG...).
    image = forms.FileField(
        label="Photo",
        help_text="JPEG, PNG or WebP. Its metadata (camera, GPS position) is removed.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = UpdatePhoto
        fields = "__all__"

    prepared: PreparedPhoto | None = None

    def clean_image(self) -> Any:
        upload = self.cleaned_data["image"]
        if isinstance(upload, UploadedFile):
            self.prepared = prepare_photo(upload, upload.size)
        return upload

    def save(self, commit: bool = True) -> UpdatePhoto:
        if self.prepared is not None:
            # In place of the upload: its stripped copy and the renditions (never the upload itself).
            store_photo(self.instance, self.prepared)
        return super().save(commit)
