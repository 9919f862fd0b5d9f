"""The admin's IATI forms: the upload of a file to import, and the programme form's "Publish anyway"."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile

from iati.safe_xml import max_bytes, too_large_message
from programmes.forms import ProgrammeAdminForm


class IatiImportForm(forms.Form):
    file = forms.FileField(
        label="IATI activities file",
        help_text="An IATI 2.03 XML file, as the portal exports it.",
        widget=forms.FileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )
    dry_run = forms.BooleanField(
        label="Dry run", required=False, help_text="Check the file and show what it would change; save nothing."
    )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(too_large_message(upload.size, max_bytes()))
        return upload


class ProgrammeQualityForm(ProgrammeAdminForm):
    publish_anyway = forms.BooleanField(
        label="Publish anyway",
        required=False,
        help_text="Publish on the portal even though the IATI record has blocking problems: the programme stays "
        "out of the IATI file until they are fixed.",
    )
