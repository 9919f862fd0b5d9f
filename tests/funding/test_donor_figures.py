"""The donor dashboard's figures on demo data agree with the rows counted one by one, in a fixed number of queries.

The dashboard's totals come from a few grouped queries; here every figure is counted again in
Python from the grants, transactions and planned disbursements themselves, so a join that counts
a grant twice (or misses one), a sum in the wrong currency or year, or another funder's money
shows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from funding.demo import generate_demo_data
from funding.models import Grant, PlannedDisbursement, Transaction
from iomcaribbean.year_charts import YearGap, years_and_gaps
from partners.models import Organisation
from tests.factories import DonorAccountFactory
from tests.helpers.donors import as_wide
from tests.helpers.query_counts import (
    DASHBOARD_QUERIES,
    EXPORT_QUERIES,
    GRANT_QUERIES,
    RESULTS_QUERIES,
    YEARS_QUERIES,
)
from tests.helpers.roles import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

DASHBOARD = reverse("donor:dashboard")
COMMITMENT, DISBURSEMENT = Transaction.Type.COMMITMENT, Transaction.Type.DISBURSEMENT
ZERO = Decimal("0")


def shown(amount: Decimal) -> str:
    """An amount as the dashboard prints it in English: two decimals, thousands grouped."""
    return f"{amount:,.2f}"


def section_rows(document, heading_id: str) -> list[tuple[str | None, list[str]]]:
    """A section's table body: each row with the address its first link goes to, and its cell texts."""
    rows = document.xpath(f'//section[@aria-labelledby="{heading_id}"]//table/tbody/tr')
    return [
        (
            next(iter(row.xpath(".//a/@href")), None),
            [" ".join(cell.text_content().split()) for cell in row.xpath("th|td")],
        )
        for row in rows
    ]


def is_public(grant: Grant) -> bool:
    programme = grant.programme
    return programme.is_published and (programme.parent is None or programme.parent.is_published)


@pytest.fixture
def donor():
    """A donor account for the demo funder with the most grants (30 demo programmes), and those grants."""
    generate_demo_data(programmes=30, force=True, seed=7)
    by_funder = Counter(Grant.objects.values_list("funder", flat=True))
    funder = Organisation.objects.get(pk=max(by_funder, key=lambda pk: (by_funder[pk], -pk)))
    account = DonorAccountFactory(funders=[funder])
    grants = list(Grant.objects.filter(funder=funder).select_related("programme__parent", "funder"))
    return account, grants


def test_the_dashboard_shows_the_sums_its_grants_transactions_and_planned_disbursements_add_up_to(donor):
    account, grants = donor
    today = timezone.localdate()
    assert len(grants) >= 3
    transactions = list(Transaction.objects.filter(grant__in=[g.pk for g in grants]))
    ahead = list(PlannedDisbursement.objects.filter(grant__in=[g.pk for g in grants], period_end__gte=today))
    assert transactions and ahead, "the demo data gives the funder transactions and planned disbursements ahead"

    moved: dict[tuple, Decimal] = defaultdict(Decimal)  # (grant or year or "all", currency, type) -> sum
    for t in transactions:
        for key in (t.grant_id, t.date.year, "all"):
            moved[key, t.currency, t.type] += t.amount
    scheduled: dict[tuple, Decimal] = defaultdict(Decimal)  # (grant or "all", currency) -> sum
    for planned in ahead:
        for key in (planned.grant_id, "all"):
            scheduled[key, planned.currency] += planned.amount

    document = as_wide(lxml.html.fromstring(client_for(account.user).get(DASHBOARD).content.decode()))

    # Totals: one row per currency, grants counted once each, unpublished amounts never as money.
    currencies = {g.currency for g in grants} | {t.currency for t in transactions} | {p.currency for p in ahead}
    expected_totals = []
    # A grant without a published amount has no currency: it has no row, and is counted apart.
    for currency in sorted(currencies - {""}):
        mine = [g for g in grants if g.currency == currency]
        amounts = [g.amount for g in mine if g.amount is not None]
        unpublished = len(mine) - len(amounts)
        granted = shown(sum(amounts, ZERO)) if amounts else "Amount not published"
        if amounts and unpublished:
            plural = "grant" if unpublished == 1 else "grants"
            granted += f" and {unpublished} {plural} with no published amount"
        expected_totals.append(
            [
                currency,
                str(len(mine)),
                granted,
                shown(moved["all", currency, COMMITMENT]),
                shown(moved["all", currency, DISBURSEMENT]),
                shown(scheduled["all", currency]),
            ]
        )
    assert [cells for _, cells in section_rows(document, "totals")] == expected_totals
    without_currency = sum(1 for g in grants if not g.currency)
    counted_apart = f"{without_currency} grant{'s have' if without_currency > 1 else ' has'} no published amount"
    assert (counted_apart in document.text_content()) == bool(without_currency)

    # Grants: one row per grant in its own currency (demo money is all in the grant's currency).
    expected_rows = {
        reverse("donor:grant", args=[g.pk]): [
            g.programme.title + ("" if is_public(g) else " Not yet published"),
            g.programme.get_status_display(),
            capfirst(g.purpose),
            g.period_display,
            g.currency,
            "Amount not published" if g.amount is None else shown(g.amount),
            shown(moved[g.pk, g.currency, COMMITMENT]),
            shown(moved[g.pk, g.currency, DISBURSEMENT]),
            shown(scheduled[g.pk, g.currency]),
        ]
        for g in grants
    }
    rows = section_rows(document, "grants")
    assert len(rows) == len(grants)
    assert dict(rows) == expected_rows

    # By year (a page of its own): a row for each year and currency with a commitment or a
    # disbursement, oldest first, and one row for each run of years without any between them.
    by_year = as_wide(lxml.html.fromstring(client_for(account.user).get(reverse("donor:years")).content.decode()))
    years = sorted({(t.date.year, t.currency) for t in transactions if t.type in (COMMITMENT, DISBURSEMENT)})
    assert [cells for _, cells in section_rows(by_year, "years")] == [
        row
        for slot in years_and_gaps(year for year, _ in years)
        for row in (
            [[slot.years, "None recorded"]]
            if isinstance(slot, YearGap)
            else [
                [
                    str(year),
                    currency,
                    shown(moved[year, currency, COMMITMENT]),
                    shown(moved[year, currency, DISBURSEMENT]),
                ]
                for year, currency in years
                if year == slot
            ]
        )
    ]
    charts = by_year.xpath('//section[@aria-labelledby="years"]//svg/title/text()')
    assert charts == [f"Committed and disbursed by year, in {c}" for c in sorted({c for _, c in years})]

    # The schedule ahead: every planned disbursement whose period has not ended, in date order.
    ahead.sort(key=lambda p: (p.period_start, p.pk))
    grant_by_pk = {g.pk: g for g in grants}
    assert [(link, cells[1:]) for link, cells in section_rows(document, "schedule")] == [
        (
            reverse("donor:grant", args=[p.grant_id]),
            [grant_by_pk[p.grant_id].programme.title, grant_by_pk[p.grant_id].funder.name, p.currency, shown(p.amount)],
        )
        for p in ahead
    ]


def donor_of_every_funder():
    """One account linked to every organisation with a grant: the largest dashboard the demo data gives."""
    account = DonorAccountFactory()
    account.funders.set(Organisation.objects.filter(grants__isnull=False).distinct())
    return account


def donor_queries(account) -> dict[str, int]:
    client = client_for(account.user)
    grant = account.grants().order_by("pk").first()
    pages = {
        "dashboard": (DASHBOARD, DASHBOARD_QUERIES),
        "grant": (reverse("donor:grant", args=[grant.pk]), GRANT_QUERIES),
        "years": (reverse("donor:years"), YEARS_QUERIES),
        "results": (reverse("donor:results"), RESULTS_QUERIES),
        **{name: (reverse(f"donor:{name}"), budget) for name, budget in EXPORT_QUERIES.items()},
    }
    counts = {}
    for name, (url, budget) in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(captured.captured_queries)
        assert counts[name] <= budget, (name, counts[name])
    return counts


def test_the_donor_pages_run_the_same_few_queries_at_10_and_at_60_demo_programmes():
    generate_demo_data(programmes=10, force=True, seed=3)
    account = donor_of_every_funder()
    small = donor_queries(account)
    generate_demo_data(programmes=50, force=True, seed=4)
    account.funders.set(Organisation.objects.filter(grants__isnull=False).distinct())
    large = donor_queries(account)
    assert account.grants().count() > 60
    assert large == small
