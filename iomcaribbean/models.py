"""The one model of the project itself: the content version every public page is cached by."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class ContentVersion(models.Model):
    """A counter that every change to public content moves on (see ``iomcaribbean.content_version``).

    Kept in the database, not in the cache, so that every app server sees an edit at once
    whatever cache each one has: cached pages and ETags carry the number, so an edit makes them
    all stale together. One row only.
    """

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)
    # Moved on by every change to any record, public or not (``iomcaribbean.records_version``).
    records_number = models.PositiveBigIntegerField(default=0)
    # Moved on with ``number`` but for an edit of texts only (``iomcaribbean.catalogue``), and when.
    catalogue_number = models.PositiveBigIntegerField(default=0)
    catalogue_changed_at = models.DateTimeField(default=timezone.now)
    # The rewordings since the catalogue last moved, newest last, at most ``REWORDINGS_KEPT``: one
    # "number:app_label.model:pk" per move of ``number`` that left the catalogue, space-separated.
    reworded = models.TextField(default="", blank=True)

    def __str__(self) -> str:
        return f"Content version {self.number} of {self.changed_at:%Y-%m-%d %H:%M:%S}"
