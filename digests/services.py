"""Sending a donor's digest for a period: at most once, and only when something changed."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import translation

from digests.changes import Digest, digest_for
from digests.mail import digest_message
from digests.models import DigestSent
from funding.models import DonorAccount

WEEK = datetime.timedelta(days=7)


class Outcome(enum.Enum):
    SENT = "sent"
    NOTHING_CHANGED = "nothing changed: no digest"
    ALREADY_SENT = "already sent for this period"


@dataclass
class Result:
    outcome: Outcome
    digest: Digest | None = None


def recipients() -> list[DonorAccount]:
    """The accounts that are sent digests: open, opted in, with a user who may sign in and an address."""
    accounts = DonorAccount.objects.filter(is_active=True, receives_digest=True, user__is_active=True)
    return list(accounts.exclude(user__email="").select_related("user").order_by("pk"))


def period_start(account: DonorAccount, end: datetime.datetime) -> datetime.datetime:
    """A week before ``end``, or the end of the last digest sent if later: no change is told twice."""
    last = account.digests_sent.aggregate(last=Max("period_end"))["last"]
    return max(end - WEEK, last) if last else end - WEEK


def account_digest(account: DonorAccount, end: datetime.datetime) -> Digest:
    """The account's digest for the period ending at ``end``, built in the donor's language (its sort order)."""
    with translation.override(account.language):
        return digest_for(account, period_start(account, end), end)


def digest_send(*, account: DonorAccount, end: datetime.datetime) -> Result:
    """Send the account its digest for the period ending at ``end``, unless one was sent for it or nothing changed.

    The record of the digest is written, and the e-mail sent, in the transaction that decides to
    send it, with the account's row locked: a second run waits and then finds the record; where
    the database cannot lock rows (SQLite), the unique period refuses the second record. An
    e-mail that fails to go leaves no record, so the next run tries again.
    """
    try:
        with transaction.atomic():
            account = DonorAccount.objects.select_for_update().select_related("user").get(pk=account.pk)
            if period_start(account, end) >= end:
                return Result(Outcome.ALREADY_SENT)
            digest = account_digest(account, end)
            if not digest.count:
                return Result(Outcome.NOTHING_CHANGED, digest)
            DigestSent.objects.create(
                account=account, period_start=digest.start, period_end=end, to=account.user.email, items=digest.count
            )
            digest_message(account, digest).send()
    except IntegrityError:  # another run recorded it first
        return Result(Outcome.ALREADY_SENT)
    return Result(Outcome.SENT, digest)
