"""The models of the project itself: the content version every public page is cached by, and the
records version what is kept of the donors' pages is."""

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

    def __str__(self) -> str:
        return f"Content version {self.number} of {self.changed_at:%Y-%m-%d %H:%M:%S}"


class RecordsVersion(models.Model):
    """A counter that every change to a record of the public apps moves on, public or not
    (``iomcaribbean.records_version``). In the database, as the content version is. One row only.
    """

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Records version {self.number}"
