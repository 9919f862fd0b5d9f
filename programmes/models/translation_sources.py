"""Where a record's translation comes from, until staff have reviewed it.

A translation staff type in the admin is theirs; one the portal brought in (the seed's Spanish and
French, written by the portal team) carries a note per record and language, which the record's
admin page shows under "Translations" and the lists filter on ("Translation to review"), until a
reviewer marks it reviewed. Any app's record may have one (a generic relation), so the notes live
here, beside the translated models of the lowest app.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords

from iomcaribbean.public_records import NEVER_SHOWN

PORTAL_TEAM = "Translated by the portal team, to be reviewed."


class TranslationSource(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    note = models.CharField(max_length=200, help_text="Who translated it, and what is left to do.")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    public_records_condition = NEVER_SHOWN  # staff's review work: no public page shows a note

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_translation_source_per_language"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.record} [{self.language}]: {self.note}"
