"""Funding figures, computed by the database.

Money in different currencies is never added up: every total is one row per currency. A grant
whose amount is not published counts as a grant (``grants``, ``unpublished_amounts``), never as
zero money; having no amount, it has no currency either, and its row is the one whose currency
is "" (last).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum, TextField, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf

from funding.models import Grant, PlannedDisbursement, Transaction
from programmes.translation import DEFAULT_LANGUAGE, active_language, localized

ZERO = Decimal("0")
CENT = Decimal("0.01")


def currency_order(currency: str) -> tuple[bool, str]:
    """Currencies in alphabetical order, then "" (grants whose amount, so currency, is not published)."""
    return (currency == "", currency)


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
    return [in_cents(total) for total in sorted(totals.values(), key=lambda t: currency_order(t.currency))]


def totals_by_year(grants: QuerySet[Grant]) -> list[dict]:
    """Commitments, disbursements and expenditure per year and currency, oldest year first."""
    rows = _transaction_sums(
        Transaction.objects.filter(grant__in=grants).annotate(year=ExtractYear("date")), "year"
    ).order_by("year", "currency")
    return [row | {k: cents(row[k]) for k in ("committed", "disbursed", "spent")} for row in rows]


def schedule_ahead(grants: QuerySet[Grant] | list[int], *, after) -> QuerySet[PlannedDisbursement]:
    """Planned disbursements of these grants (a query or their ids) for periods that end on or after ``after``."""
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


def transaction_totals_by_grant(grants: QuerySet[Grant]) -> dict[int, dict[str, dict[str, Decimal]]]:
    """Committed, disbursed and spent per grant and currency: ``{grant id: {currency: {type: amount}}}``."""
    totals: dict[int, dict[str, dict[str, Decimal]]] = defaultdict(dict)
    for row in _transaction_sums(Transaction.objects.filter(grant__in=grants), "grant"):
        totals[row["grant"]][row["currency"]] = {k: row[k] for k in ("committed", "disbursed", "spent")}
    return dict(totals)


def currency_totals_per(grants: QuerySet[Grant], key: str) -> dict[Any, list[CurrencyTotal]]:
    """``currency_totals`` for every value of a grant field (e.g. ``"funder"``) at once, in two queries.

    ``{value: [one CurrencyTotal per currency]}``; the lists are in currency order.
    """
    totals: dict[tuple[Any, str], CurrencyTotal] = {}
    grant_rows = (
        grants.order_by()
        .values(key, "currency")
        .annotate(
            granted=Sum("amount"),
            grants=Count("id"),
            unpublished_amounts=Count("id", filter=Q(amount__isnull=True)),
        )
    )
    for row in grant_rows:
        owner = row.pop(key)
        totals[owner, row["currency"]] = CurrencyTotal(**row)
    for row in _transaction_sums(Transaction.objects.filter(grant__in=grants), f"grant__{key}"):
        owner, currency = row[f"grant__{key}"], row["currency"]
        total = totals.setdefault((owner, currency), CurrencyTotal(currency=currency))
        total.committed, total.disbursed, total.spent = row["committed"], row["disbursed"], row["spent"]
    per: dict[Any, list[CurrencyTotal]] = defaultdict(list)
    for owner, currency in sorted(totals, key=lambda pair: currency_order(pair[1])):
        per[owner].append(in_cents(totals[owner, currency]))
    return dict(per)


def rolled_up(per_owner: dict[Any, list[CurrencyTotal]], parents: dict[Any, Any]) -> dict[Any, list[CurrencyTotal]]:
    """``currency_totals_per(..., "funder")`` with each body's totals including its departments'.

    ``parents`` is ``{department: the body it is part of}``; a department keeps its own totals.
    Still one row per currency.
    """
    merged: dict[Any, dict[str, CurrencyTotal]] = defaultdict(dict)
    for owner, totals in per_owner.items():
        family, body = [owner], parents.get(owner)
        while body is not None and body not in family:
            family.append(body)
            body = parents.get(body)
        for member in family:
            for total in totals:
                into = merged[member].setdefault(total.currency, CurrencyTotal(currency=total.currency))
                add_total(into, total)
    return {owner: [rows[c] for c in sorted(rows, key=currency_order)] for owner, rows in merged.items()}


def add_total(into: CurrencyTotal, total: CurrencyTotal) -> None:
    """Add ``total`` to ``into``, both in the same currency; an unpublished sum stays None until one is known."""
    if total.granted is not None:
        into.granted = (into.granted or ZERO) + total.granted
    into.grants += total.grants
    into.unpublished_amounts += total.unpublished_amounts
    into.committed += total.committed
    into.disbursed += total.disbursed
    into.spent += total.spent


def in_active_language(lookup: str) -> F | Coalesce:
    """A translated text reached through relations, in the active language, else in English.

    modeltranslation rewrites the lookups of a query that starts from a translated model; one that
    starts from a grant (``programme__country_links__country__name``) reads the original column,
    which holds the English text. An empty translation falls back to English, as on the record's
    own page.
    """
    language = active_language()
    if language == DEFAULT_LANGUAGE:
        return F(lookup)
    text = TextField()
    return Coalesce(NullIf(F(localized(lookup, language)), Value(""), output_field=text), F(lookup), output_field=text)


def grant_totals_named(
    grants: QuerySet[Grant], fields: dict[str, str], *, translated: Iterable[str] = (), **filters
) -> list[dict]:
    """Grant amounts per group (e.g. a programme's country) and currency, the group's fields named,
    e.g. ``{"name": "...__name", "slug": "...__slug"}``; those named in ``translated`` in the
    active language (``in_active_language``).

    The first field orders the rows; a grant with nothing to group by (a programme with no
    country) is left out. The filters and the grouping share one join, so a grant counts once
    per group, and in every group it belongs to: these rows must not be added up either.
    """
    first = next(iter(fields.values()))
    translated = set(translated)
    named = {name: in_active_language(lookup) if name in translated else F(lookup) for name, lookup in fields.items()}
    rows = list(
        grants.filter(**filters, **{f"{first}__isnull": False})
        .order_by()
        .values("currency", **named)
        .annotate(
            granted=Sum("amount"),
            grants=Count("id", distinct=True),
            unpublished_amounts=Count("id", filter=Q(amount__isnull=True), distinct=True),
        )
        .order_by(next(iter(fields)), "currency")
    )
    for row in rows:
        row["granted"] = cents(row["granted"])
    return rows


def cents(amount: Decimal | None) -> Decimal | None:
    """A sum to two decimal places, as PostgreSQL returns it (SQLite drops the trailing zeros of a sum)."""
    return None if amount is None else amount.quantize(CENT)


def in_cents(total: CurrencyTotal) -> CurrencyTotal:
    total.granted = cents(total.granted)
    total.committed, total.disbursed, total.spent = cents(total.committed), cents(total.disbursed), cents(total.spent)
    return total
