"""Funding figures, computed by the database.

Money in different currencies is never added up: every total is one row per currency. A grant
whose amount is not published counts as a grant (``grants``, ``unpublished_amounts``), never as
zero money.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear

from funding.models import Grant, PlannedDisbursement, Transaction

ZERO = Decimal("0")


@dataclass
class CurrencyTotal:
    currency: str
    granted: Decimal | None = None  # sum of the published grant amounts; None when none is published
    grants: int = 0
    unpublished_amounts: int = 0  # grants whose amount is not published
    committed: Decimal = ZERO  # from commitment transactions
    disbursed: Decimal = ZERO  # from disbursement transactions
    spent: Decimal = ZERO  # from expenditure transactions


@dataclass
class YearRow:
    year: int
    by_currency: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # currency -> type -> amount


def _transaction_sums(transactions: QuerySet[Transaction], *group_by: str) -> QuerySet:
    T = Transaction.Type
    return (
        transactions.order_by()
        .values(*group_by, "currency")
        .annotate(
            committed=Sum("amount", filter=Q(type=T.COMMITMENT), default=ZERO),
            disbursed=Sum("amount", filter=Q(type=T.DISBURSEMENT), default=ZERO),
            spent=Sum("amount", filter=Q(type=T.EXPENDITURE), default=ZERO),
        )
    )


def currency_totals(grants: QuerySet[Grant]) -> list[CurrencyTotal]:
    """One row per currency: grant amounts, grants without a published amount, and transactions."""
    totals: dict[str, CurrencyTotal] = {}
    grant_rows = (
        grants.order_by()
        .values("currency")
        .annotate(
            granted=Sum("amount"),
            grants=Count("id"),
            unpublished_amounts=Count("id", filter=Q(amount__isnull=True)),
        )
    )
    for row in grant_rows:
        totals[row["currency"]] = CurrencyTotal(**row)
    for row in _transaction_sums(Transaction.objects.filter(grant__in=grants)):
        total = totals.setdefault(row["currency"], CurrencyTotal(currency=row["currency"]))
        total.committed, total.disbursed, total.spent = row["committed"], row["disbursed"], row["spent"]
    return sorted(totals.values(), key=lambda t: t.currency)


def totals_by_year(grants: QuerySet[Grant]) -> list[dict]:
    """Commitments, disbursements and expenditure per year and currency, oldest year first."""
    rows = _transaction_sums(
        Transaction.objects.filter(grant__in=grants).annotate(year=ExtractYear("date")), "year"
    ).order_by("year", "currency")
    return list(rows)


def grant_totals_by(grants: QuerySet[Grant], lookup: str, **filters) -> list[dict]:
    """Grant amounts per value of ``lookup`` (e.g. a programme's country) and currency.

    A grant to a programme in three countries counts in each of the three rows, so these rows
    must not be added up. ``filters`` narrow the joined rows so that none is repeated, e.g.
    ``programme__country_links__role="benefiting"`` when grouping by country.
    """
    return list(
        grants.filter(**filters)
        .exclude(**{f"{lookup}__isnull": True})
        .order_by()
        .values(lookup, "currency")
        .annotate(
            granted=Sum("amount"),
            grants=Count("id", distinct=True),
            unpublished_amounts=Count("id", filter=Q(amount__isnull=True), distinct=True),
        )
        .order_by(lookup, "currency")
    )


def schedule_ahead(grants: QuerySet[Grant], *, after) -> QuerySet[PlannedDisbursement]:
    """Planned disbursements of these grants for periods that end on or after ``after``."""
    return (
        PlannedDisbursement.objects.filter(grant__in=grants, period_end__gte=after)
        .select_related("grant__programme", "grant__funder")
        .order_by("period_start", "pk")
    )


def pivot_years(rows: list[dict]) -> list[YearRow]:
    """Turn ``totals_by_year`` rows into one row per year for a table or chart."""
    years: dict[int, YearRow] = defaultdict(lambda: YearRow(year=0))
    for row in rows:
        year = years[row["year"]]
        year.year = row["year"]
        year.by_currency[row["currency"]] = {k: row[k] for k in ("committed", "disbursed", "spent")}
    return [years[y] for y in sorted(years)]
