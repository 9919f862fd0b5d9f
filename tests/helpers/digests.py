"""The donors' digests as their tests build them: a week of changes on top of older records."""

from __future__ import annotations

import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import F
from django.utils import timezone

from funding.models import Transaction
from programmes.models import Period, Programme
from tests.factories import (
    DonorAccountFactory,
    GrantFactory,
    OrganisationFactory,
    PeriodFactory,
    ProgrammeFactory,
    TransactionFactory,
    UpdateFactory,
)
from updates.models import Update, UpdateStatus

# The day after today: a period ending then holds every change the test makes now.
PERIOD_END = timezone.localdate() + datetime.timedelta(days=1)
# What donor A must never read: donor B's money, and anything of the unpublished programme.
NOT_FOR_A = ["98,765", "98765", "Quiet unpublished programme", "55,555", "55555"]
# Updates no digest lists: a draft, the unpublished programme's, one published before the period.
NOT_NEWS = ["Draft news", "Hidden news", "Old news"]


def age_history(days: int = 30) -> None:
    """Move every record's history back, as if made ``days`` ago: before the period."""
    for model in (Programme, Period, Transaction):
        model.history.update(history_date=F("history_date") - datetime.timedelta(days=days))
    Update.objects.update(published_at=F("published_at") - datetime.timedelta(days=days))


def digest_world() -> SimpleNamespace:
    """Donors A (English) and B (Spanish) fund one published programme; A also an unpublished one, C a
    programme where nothing happens. This week: the shared programme completed, a result reported, an
    update published (another left a draft), a transaction on each donor's grant; the unpublished programme
    moved, was paid and had an update too. An update published a month ago is old news."""
    alpha, beta = OrganisationFactory(name="Alpha Relief Fund"), OrganisationFactory(name="Beta Bank")
    shared = ProgrammeFactory(title="Shared water programme", status=Programme.Status.ONGOING)
    hidden = ProgrammeFactory(title="Quiet unpublished programme", is_published=False, status="pipeline")
    grant_a, grant_b = GrantFactory(funder=alpha, programme=shared), GrantFactory(funder=beta, programme=shared)
    grant_hidden = GrantFactory(funder=alpha, programme=hidden)
    period = PeriodFactory(indicator__result__programme=shared, indicator__title="Wells dug")
    gamma = OrganisationFactory(name="Gamma Trust")
    GrantFactory(funder=gamma, programme=ProgrammeFactory(title="Nothing new programme"))
    a = DonorAccountFactory(user__username="alpha", user__first_name="Alpha", funders=[alpha])
    b = DonorAccountFactory(user__username="beta", user__first_name="Beta", funders=[beta], language="es")
    c = DonorAccountFactory(user__username="gamma", user__first_name="Gamma", funders=[gamma])
    UpdateFactory(programme=shared, title="Old news")
    age_history()

    for programme in (shared, hidden):
        programme.status = Programme.Status.COMPLETED
        programme.save()
    period.actual_value = Decimal("120")
    period.save()
    UpdateFactory(programme=shared, title="Wells handed over", date=datetime.date(2024, 5, 3))
    UpdateFactory(programme=shared, title="Draft news", status=UpdateStatus.DRAFT)
    UpdateFactory(programme=hidden, title="Hidden news")
    TransactionFactory(grant=grant_a, amount=Decimal("1234.00"), date=datetime.date(2024, 5, 2))
    TransactionFactory(grant=grant_b, amount=Decimal("98765.00"))
    TransactionFactory(grant=grant_hidden, amount=Decimal("55555.00"))
    return SimpleNamespace(a=a, b=b, c=c, shared=shared, hidden=hidden, period=period)


def message_to(outbox: list, account) -> object:
    (message,) = [message for message in outbox if message.to == [account.user.email]]
    return message


def html_of(message) -> str:
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html
