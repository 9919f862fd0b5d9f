"""The record of each digest sent: what makes ``manage.py send_digests`` send one per donor and period."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from funding.models import DonorAccount


class DigestSent(models.Model):
    """A digest e-mailed to a donor for the changes from ``period_start`` up to ``period_end``.

    Written in the transaction that decides to send it, so a second run, or one running at the
    same time, finds it (or fails on the constraint) and sends nothing.
    """

    account = models.ForeignKey(DonorAccount, on_delete=models.CASCADE, related_name="digests_sent")
    period_start = models.DateTimeField()
    period_end = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)
    to = models.EmailField("sent to")
    items = models.PositiveIntegerField("changes listed")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "digest sent"
        verbose_name_plural = "digests sent"
        ordering = ["-period_end", "account__user__username"]
        constraints = [
            models.UniqueConstraint(fields=["account", "period_start", "period_end"], name="one_digest_per_period"),
            models.CheckConstraint(condition=Q(period_end__gt=F("period_start")), name="digest_period_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.account}: {self.period_start:%Y-%m-%d} – {self.period_end:%Y-%m-%d}"
