"""Each programme's ``<iati-activity>`` as last written, so the IATI file is assembled, not rewritten.

One row per programme (``iati.kept_activities`` reads and writes them). ``generation`` moves on
whenever anything the activity reads is saved or deleted (``iati.activity_changes``); a row is
current while ``built_generation`` equals it and the writer, the address and the day still give
the same XML. No page shows these rows, and no one edits them: they are a cache kept in the
database so that every app server sees an edit's invalidation at once, in the edit's transaction.
"""

from __future__ import annotations

from django.db import models

from programmes.models import Programme


class KeptActivity(models.Model):
    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, primary_key=True, related_name="+")
    # Moved on by each change the activity could show; the XML is that of ``built_generation``.
    generation = models.PositiveBigIntegerField(default=0)
    built_generation = models.PositiveBigIntegerField(null=True)
    # The writer's code and settings, and the portal's address (links to its document files).
    writer = models.CharField(max_length=64, blank=True)
    base_url = models.CharField(max_length=300, blank=True)
    # Planned dates turn actual, and transactions come into the file, as days pass: the XML holds
    # from ``built_on`` until the day before ``changes_on`` (none: until an edit).
    built_on = models.DateField(null=True)
    changes_on = models.DateField(null=True)
    # Empty for a programme the file leaves out (``iati.activity.unwritable``).
    xml = models.BinaryField(default=b"")

    class Meta:
        verbose_name = "kept IATI activity"

    def __str__(self) -> str:
        return f"IATI activity of programme {self.programme_id}, generation {self.generation}"
