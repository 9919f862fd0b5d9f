from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from funding.models import DonorAccount


class DigestPreferenceForm(forms.ModelForm):
    """The donor's own choice on the dashboard: whether to receive the weekly digest, and in which language."""

    class Meta:
        model = DonorAccount
        fields = ["receives_digest", "language"]
        labels = {"receives_digest": _("E-mail me a weekly digest of what changed"), "language": _("Language")}
        help_texts = {"receives_digest": "", "language": ""}
