"""The admin's document form: languages as boxes to tick, and an upload checked by its content."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from documents.models import Document, Language
from documents.uploads import checked_format
from programmes.forms import AdminModelForm, https_by_default


class DocumentForm(AdminModelForm):
    languages = forms.MultipleChoiceField(
        choices=Language.choices, widget=forms.CheckboxSelectMultiple, initial=[Language.ENGLISH]
    )

    class Meta:
        model = Document
        fields = "__all__"
        formfield_callback = https_by_default

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_codes

    def clean_languages(self) -> str:
        chosen = self.cleaned_data["languages"]
        return ",".join(code for code in Language.values if code in chosen)  # one order, whatever the ticks'

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            try:
                kind = checked_format(upload, upload.name, upload.size)
            except forms.ValidationError as error:
                self.add_error("file", error)
            else:
                # The stored type is the content's, whatever the staff member chose.
                cleaned_data["file_format"] = kind
        return cleaned_data
