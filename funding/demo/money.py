"""The demo programmes' money: grants, their commitments, disbursements and planned disbursements,
and budgets per calendar year. ``funding.demo`` saves the rows built here."""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from decimal import Decimal

from funding.demo.words import CURRENCIES
from funding.models import Budget, Grant, PlannedDisbursement, Transaction
from partners.models import Organisation
from programmes.models import Programme


def _years(start: datetime.date, end: datetime.date) -> Iterator[tuple[datetime.date, datetime.date]]:
    """Calendar-year periods from start to end (IATI: a budget period is a year at most)."""
    year = start.year
    while year <= end.year:
        period_start = max(start, datetime.date(year, 1, 1))
        period_end = min(end, datetime.date(year, 12, 31))
        yield period_start, period_end
        year += 1


def grants(rng: random.Random, programmes: list[Programme], funders: list[Organisation]) -> list[Grant]:
    """One or two grants a programme, over its whole period; now and then one without an amount."""
    rows = []
    for p in programmes:
        for _ in range(rng.randint(1, 2)):
            amount = None if rng.random() < 0.05 else Decimal(rng.randrange(20, 2000) * 1000)
            rows.append(
                Grant(
                    funder=rng.choice(funders),
                    programme=p,
                    amount=amount,
                    currency=rng.choice(CURRENCIES) if amount is not None else "",
                    start_date=p.start_date,
                    end_date=p.end_date,
                    is_primary=False,
                )
            )
    return rows


def transactions_and_plans(
    grants: list[Grant], today: datetime.date
) -> tuple[list[Transaction], list[PlannedDisbursement]]:
    """Each grant with an amount committed, then disbursed a share a year: up to today, and planned after."""
    transactions, planned = [], []
    for grant in grants:
        if grant.amount is None:
            continue
        whole = grant.amount
        transactions.append(
            Transaction(
                grant=grant,
                type=Transaction.Type.COMMITMENT,
                # Committed when the grant starts, or today for one still to start: never a future date.
                date=min(grant.start_date, today),
                amount=whole,
                currency=grant.currency,
            )
        )
        for period_start, period_end in _years(grant.start_date, grant.end_date):
            share = (whole / (grant.end_date.year - grant.start_date.year + 1)).quantize(Decimal("0.01"))
            if share <= 0:
                continue
            if period_start <= today:
                transactions.append(
                    Transaction(
                        grant=grant,
                        type=Transaction.Type.DISBURSEMENT,
                        date=period_start,
                        amount=share,
                        currency=grant.currency,
                    )
                )
            else:
                planned.append(
                    PlannedDisbursement(
                        grant=grant,
                        period_start=period_start,
                        period_end=period_end,
                        amount=share,
                        currency=grant.currency,
                    )
                )
    return transactions, planned


def budgets(programmes: list[Programme], today: datetime.date) -> list[Budget]:
    """A programme's budget in equal shares per calendar year: committed up to today, indicative after."""
    rows = []
    for p in programmes:
        yearly = (p.budget_amount / (p.end_date.year - p.start_date.year + 1)).quantize(Decimal("0.01"))
        for period_start, period_end in _years(p.start_date, p.end_date):
            rows.append(
                Budget(
                    programme=p,
                    period_start=period_start,
                    period_end=period_end,
                    amount=yearly,
                    currency="USD",
                    status=Budget.Status.COMMITTED if period_start <= today else Budget.Status.INDICATIVE,
                )
            )
    return rows
