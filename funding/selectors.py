"""Funding figures, computed by the database: the funders and their counts, and money per currency and year.

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

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum, TextField, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf

from funding.models import Grant, PlannedDisbursement, Transaction
from partners.models import Organisation, in_family_of
from programmes.translation import DEFAULT_LANGUAGE, active_language, localized

ZERO = Decimal("0")
CENT = Decimal("0.01")


def currency_order(currency: str) -> tuple[bool, str]:
    """Currencies in alphabetical order, then "" (grants whose amount, so currency, is not published)."""
    return (currency == "", currency)


MONEY = ("committed", "disbursed", "spent")


@dataclass
class CurrencyTotal:
    currency: str
    granted: Decimal | None = None  # sum of the published grant amounts; None when none is published
    grants: int = 0
    unpublished_amounts: int = 0  # grants whose amount is not published
    committed: Decimal = ZERO  # from commitment transactions
    disbursed: Decimal = ZERO  # from disbursement transactions
    spent: Decimal = ZERO  # from expenditure transactions
    years: dict[int, dict[str, Decimal]] = field(default_factory=dict)  # year -> MONEY -> amount, when asked


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


def money_totals(
    grants: QuerySet[Grant], *, per: str | None = None, by_year: bool = False
) -> dict[Any, list[CurrencyTotal]]:
    """The money of ``grants``, one ``CurrencyTotal`` per currency, in currency order: granted, the
    grants and those without a published amount, and their transactions committed, disbursed, spent.

    ``{None: totals}``, or with ``per`` (a grant field: ``"funder"``, ``"pk"``) ``{value: totals}``
    for every value at once. With ``by_year`` each total also holds its transactions per year,
    oldest first (``years``), of which its own are the sum. Two queries: grants, transactions.
    """
    owner = [per] if per else []
    totals: dict[tuple[Any, str], CurrencyTotal] = {}
    grant_rows = (
        grants.order_by()
        .values(*owner, "currency")
        .annotate(
            granted=Sum("amount"),
            grants=Count("id"),
            unpublished_amounts=Count("id", filter=Q(amount__isnull=True)),
        )
    )
    for row in grant_rows:
        key = (row.pop(per) if per else None, row["currency"])
        totals[key] = CurrencyTotal(**row)
    transactions = Transaction.objects.filter(grant__in=grants)
    group_by = [f"grant__{per}"] if per else []
    if by_year:
        transactions, group_by = transactions.annotate(year=ExtractYear("date")), [*group_by, "year"]
    rows = _transaction_sums(transactions, *group_by)
    for row in rows.order_by("year") if by_year else rows:
        key = (row[f"grant__{per}"] if per else None, row["currency"])
        total = totals.setdefault(key, CurrencyTotal(currency=row["currency"]))
        add_total(total, CurrencyTotal(row["currency"], **{k: row[k] for k in MONEY}))
        if by_year:
            total.years[row["year"]] = {k: row[k] for k in MONEY}
    per_owner: dict[Any, list[CurrencyTotal]] = defaultdict(list)
    for key in sorted(totals, key=lambda pair: currency_order(pair[1])):
        per_owner[key[0]].append(in_cents(totals[key]))
    return dict(per_owner)


def schedule_ahead(grants: QuerySet[Grant] | list[int], *, after) -> QuerySet[PlannedDisbursement]:
    """Planned disbursements of these grants (a query or their ids) for periods that end on or after ``after``."""
    return (
        PlannedDisbursement.objects.filter(grant__in=grants, period_end__gte=after)
        .select_related("grant__programme", "grant__funder")
        .order_by("period_start", "pk")
    )


def pivot_years(totals: list[CurrencyTotal]) -> list[YearRow]:
    """The ``years`` of ``money_totals(..., by_year=True)`` as one row per year for a table or chart."""
    years: dict[int, YearRow] = {}
    for total in totals:
        for year, money in total.years.items():
            years.setdefault(year, YearRow(year=year)).by_currency[total.currency] = money
    return [years[y] for y in sorted(years)]


def transaction_totals_by_grant(grants: QuerySet[Grant]) -> dict[int, dict[str, dict[str, Decimal]]]:
    """Committed, disbursed and spent per grant and currency: ``{grant id: {currency: {type: amount}}}``.

    For one grant's page, which has no use for the grant query of ``money_totals``.
    """
    totals: dict[int, dict[str, dict[str, Decimal]]] = defaultdict(dict)
    for row in _transaction_sums(Transaction.objects.filter(grant__in=grants), "grant"):
        totals[row["grant"]][row["currency"]] = {k: row[k] for k in MONEY}
    return dict(totals)


def credited(owner: Any, parents: dict[Any, Any]) -> list[Any]:
    """The organisations a grant of ``owner`` counts for: itself and each body it is part of."""
    family, body = [owner], parents.get(owner)
    while body is not None and body not in family:
        family.append(body)
        body = parents.get(body)
    return family


def rolled_up(per_owner: dict[Any, list[CurrencyTotal]], parents: dict[Any, Any]) -> dict[Any, list[CurrencyTotal]]:
    """``money_totals(..., per="funder")`` with each body's totals including its departments'.

    ``parents`` is ``{department: the body it is part of}``; a department keeps its own totals.
    Still one row per currency.
    """
    merged: dict[Any, dict[str, CurrencyTotal]] = defaultdict(dict)
    for owner, totals in per_owner.items():
        for member in credited(owner, parents):
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
    for year, money in total.years.items():
        into_year = into.years.setdefault(year, dict.fromkeys(MONEY, ZERO))
        for kind in MONEY:
            into_year[kind] += money[kind]


def family_grants() -> QuerySet[Grant]:
    """The grants to published programmes of the outer organisation and its departments."""
    return Grant.objects.published().filter(in_family_of("funder", OuterRef("pk")))


def funding_organisations() -> QuerySet[Organisation]:
    """Organisations with at least one grant to a published programme, their own or a department's
    (``with_funder_counts`` gives their counts)."""
    return Organisation.objects.filter(Exists(family_grants()))


def with_funder_counts(funders: Iterable[Organisation], parents: dict[int, int] | None = None) -> list[Organisation]:
    """The funders, each with ``funded_programmes`` (the ids of the published programmes it funds)
    and their count, ``funded_programme_count``, ``grant_count`` and ``unpublished_count`` (grants
    whose amount is not published), a body's grants counted with its departments' as its money is
    (``rolled_up``).

    Two queries, however many funders: their families' grants to published programmes, and the
    departments (``parents``, unless the caller has read them already). Summed here rather than by
    a subquery per funder: "the funder, its parent or its parent's parent" is an OR across joins
    that no index serves, which SQLite answered by reading every grant once per funder (20 seconds
    and more for the funders list at 10,000 programmes).
    """
    funders = list(funders)
    wanted = {funder.pk for funder in funders}
    parents = departments_parents() if parents is None else parents
    grants = Grant.objects.published().filter(in_family_of("funder", wanted, "in"))
    programmes: dict[int, set[int]] = defaultdict(set)
    grant_count: dict[int, int] = defaultdict(int)
    unpublished_count: dict[int, int] = defaultdict(int)
    for funder, programme, amount in grants.values_list("funder", "programme", "amount"):
        for member in credited(funder, parents):
            programmes[member].add(programme)
            grant_count[member] += 1
            unpublished_count[member] += amount is None
    for funder in funders:
        funder.funded_programmes = frozenset(programmes[funder.pk])
        funder.funded_programme_count = len(funder.funded_programmes)
        funder.grant_count = grant_count[funder.pk]
        funder.unpublished_count = unpublished_count[funder.pk]
    return funders


def funder_grants(funder: Organisation) -> QuerySet[Grant]:
    """The grants to published programmes of the funder and its departments."""
    return Grant.objects.published().filter(in_family_of("funder", funder))


def departments_parents() -> dict[int, int]:
    """{department id: parent id} for every organisation that is part of another (a short list)."""
    return dict(Organisation.objects.filter(parent__isnull=False).values_list("pk", "parent_id"))


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
    total.years = {year: {kind: cents(money[kind]) for kind in MONEY} for year, money in total.years.items()}
    return total
