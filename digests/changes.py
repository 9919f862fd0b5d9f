"""What changed for a donor in a period: the policy of the package's docstring, read from the records' history."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.utils import timezone

from funding.models import DonorAccount, Transaction
from programmes.models import Period, Programme
from updates.models import Update


@dataclass
class StatusChange:
    before: str
    after: str

    @property
    def before_label(self) -> str:
        return Programme.Status(self.before).label

    @property
    def after_label(self) -> str:
        return Programme.Status(self.after).label


@dataclass
class ProgrammeChanges:
    programme: Programme
    status: StatusChange | None = None
    transactions: list[Transaction] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)

    @property
    def count(self) -> int:
        return (self.status is not None) + len(self.transactions) + len(self.periods) + len(self.updates)


@dataclass
class Digest:
    start: datetime.datetime
    end: datetime.datetime
    programmes: list[ProgrammeChanges]

    @property
    def count(self) -> int:
        return sum(changes.count for changes in self.programmes)

    @property
    def first_day(self) -> datetime.date:
        return timezone.localtime(self.start).date()

    @property
    def last_day(self) -> datetime.date:
        """The period's last day: its end is the first moment after it."""
        return timezone.localtime(self.end - datetime.timedelta(microseconds=1)).date()


def net_changes(
    model: type[Model], ids: QuerySet, fields: Iterable[str], start: datetime.datetime, end: datetime.datetime
) -> dict[int, tuple[tuple[Any, ...], tuple[Any, ...]]]:
    """The records among ``ids`` whose ``fields`` differ at ``end`` from what they were at ``start``,
    with their values at ``start`` and at ``end``: a change undone within the period is no change, and a record made
    within it has no earlier value to differ from (it is new, not changed)."""
    history = model.history.filter(id__in=ids)
    touched = history.filter(history_date__gte=start, history_date__lt=end).values("id")
    rows = (
        history.filter(id__in=touched, history_date__lt=end)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_date", "history_type", *fields)
    )
    before: dict[int, tuple] = {}
    after: dict[int, tuple | None] = {}
    for pk, date, kind, *values in rows:
        (before if date < start else after)[pk] = None if kind == "-" else tuple(values)
    return {
        pk: (before[pk], values)
        for pk, values in after.items()
        if values is not None and before.get(pk) not in (None, values)
    }


def new_records(model: type[Model], start: datetime.datetime, end: datetime.datetime) -> QuerySet:
    """The ids of the records of ``model`` made within the period (by their history)."""
    return model.history.filter(history_type="+", history_date__gte=start, history_date__lt=end).values("id")


def digest_for(account: DonorAccount, start: datetime.datetime, end: datetime.datetime) -> Digest:
    """What changed from ``start`` up to ``end`` in the public programmes the account's grants fund."""
    programmes = account.public_programmes()
    statuses = net_changes(Programme, programmes.values("pk"), ["status"], start, end)
    periods = Period.objects.filter(indicator__result__programme__in=programmes)
    actuals = net_changes(Period, periods.values("pk"), ["actual_value", "actual_comment"], start, end)
    changes: dict[int, ProgrammeChanges] = {}

    def of(programme_id: int) -> ProgrammeChanges:
        return changes.setdefault(programme_id, ProgrammeChanges(programme=None))

    for programme_id, ((before,), (after,)) in statuses.items():
        of(programme_id).status = StatusChange(before, after)
    for period in periods.filter(pk__in=actuals).select_related("indicator__result").order_by("start", "pk"):
        _, (value, comment) = actuals[period.pk]
        if value is not None or comment:
            of(period.indicator.result.programme_id).periods.append(period)
    own = Transaction.objects.filter(
        grant__in=account.grants().published(), pk__in=new_records(Transaction, start, end)
    )
    for transaction in own.select_related("grant").order_by("date", "pk"):
        of(transaction.grant.programme_id).transactions.append(transaction)
    # Updates published in the period (a draft published now is news now, whatever its date says).
    news = Update.objects.public().filter(programme__in=programmes, published_at__gte=start, published_at__lt=end)
    for update in news.order_by("published_at", "pk"):
        of(update.programme_id).updates.append(update)
    for programme in programmes.filter(pk__in=list(changes)):
        changes[programme.pk].programme = programme
    # By title in the donor's language (the digest is built and read in it).
    listed = sorted(changes.values(), key=lambda each: (each.programme.title, each.programme.pk))
    return Digest(start, end, listed)
