"""The donor's figures: the grants listed, one line per grant and currency, the totals per
currency and year, and the schedule ahead, as the dashboard prints them and the downloads write them."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, QuerySet
from django.utils.formats import number_format
from django.utils.text import capfirst

from funding.models import DonorAccount, Grant, PlannedDisbursement
from funding.selectors import (
    CENT,
    CurrencyTotal,
    YearRow,
    add_total,
    cents,
    currency_order,
    in_cents,
    money_totals,
    pivot_years,
    schedule_ahead,
)
from iomcaribbean.exports import Money, PartialDate
from iomcaribbean.year_charts import YearGap, years_and_gaps
from programmes.models import published_condition
from programmes.translation import LANGUAGES, localized

NONE = Decimal("0.00")
NOT_PUBLISHED = "Amount not published"


def with_translations(lookup: str, *fields: str) -> list[str]:
    """``lookup__field`` and its column in every language: modeltranslation reads the active one, else English."""
    return [
        f"{lookup}__{name}" for field in fields for name in (field, *(localized(field, code) for code in LANGUAGES))
    ]


# What the grants table, the schedule and the downloads show of a grant, its programme and funder.
# The programme's and the funder's long descriptions in three languages are most of their rows'
# width, and the dashboard shows neither; a field left out here that the page reads costs a query
# per row, which the query-count tests would catch.
LISTED_FIELDS = [
    *("funder", "programme", "amount", "currency", "purpose"),
    *("start_date", "start_precision", "end_date", "end_precision"),
    *("programme__slug", "programme__status"),
    *with_translations("programme", "title"),
    *with_translations("funder", "name", "acronym"),
]


def listed(grants: QuerySet[Grant]) -> QuerySet[Grant]:
    """``with_publication`` for the dashboard: what it shows of each grant, published or not from one join."""
    published = ExpressionWrapper(published_condition("programme"), output_field=BooleanField())
    return grants.select_related("programme", "funder").only(*LISTED_FIELDS).annotate(programme_published=published)


def amount_text(amount: Decimal) -> str:
    """An amount as ``floatformat:"2g"`` prints it (two decimals, grouped, in the active language).

    Without the filter's round trip through a string: the dashboard prints hundreds of amounts.
    """
    return number_format(amount.quantize(CENT, ROUND_HALF_UP), 2, use_l10n=True, force_grouping=True)


@dataclass
class GrantRow:
    """A line of the grants table: a grant in one currency, its own first, then any other its money uses."""

    grant: Grant
    currency: str
    funder: str  # the grant's funder as named on the page, worked out once per funder
    first: bool = True  # the grant's own line: its amount, or "not published", is shown there
    committed: Decimal = NONE
    disbursed: Decimal = NONE
    scheduled: Decimal = NONE

    @cached_property
    def shown(self) -> dict[str, str]:
        """The row's amounts as the page prints them; the grant's own only on the line of its currency."""
        amount = self.grant.amount
        return {
            "amount": amount_text(amount) if self.first and amount is not None else "",
            "committed": amount_text(self.committed),
            "disbursed": amount_text(self.disbursed),
            "scheduled": amount_text(self.scheduled),
        }

    def cells(self) -> list[Any]:
        """The row for the downloads: the amounts as numbers in the row's currency, the period as its
        two dates at the precision the record states."""
        grant = self.grant
        amount = "" if not self.first else NOT_PUBLISHED if grant.amount is None else Money(grant.amount, self.currency)
        return [
            grant.programme.title,
            grant.programme.get_status_display(),
            grant.programme_published,
            self.funder,
            capfirst(grant.purpose),  # as the page shows it
            PartialDate.of(grant.start_date, grant.start_precision),
            PartialDate.of(grant.end_date, grant.end_precision),
            self.currency,
            amount,
            *(Money(value, self.currency) for value in (self.committed, self.disbursed, self.scheduled)),
        ]


@dataclass
class TotalRow:
    total: CurrencyTotal
    scheduled: Decimal = NONE

    def cells(self) -> list[Any]:
        t = self.total
        granted = NOT_PUBLISHED if t.granted is None else Money(t.granted, t.currency)
        money = (Money(value, t.currency) for value in (t.committed, t.disbursed, self.scheduled))
        return [t.currency, t.grants, t.unpublished_amounts, granted, *money]

    @cached_property
    def shown(self) -> dict[str, str]:
        t = self.total
        return {
            "granted": "" if t.granted is None else amount_text(t.granted),
            "committed": amount_text(t.committed),
            "disbursed": amount_text(t.disbursed),
            "scheduled": amount_text(self.scheduled),
        }


@dataclass
class ScheduleRow:
    """A line of the schedule ahead, its funder and amount as the page prints them."""

    planned: PlannedDisbursement
    funder: str
    amount: str


@dataclass
class DonorFigures:
    grants: dict[int, Grant]  # by id, in the order of the grants table
    funders: dict[int, str]  # the grants' funders as the page names them, by id
    rows: list[GrantRow]
    totals: list[TotalRow]
    years: list[YearRow]
    schedule: list[PlannedDisbursement]

    @property
    def totals_in_currencies(self) -> list[TotalRow]:
        """The totals the page shows: those of a currency. A grant without a published amount has no
        currency of its own; the page counts such grants apart (``without_currency``), never as zero."""
        return [row for row in self.totals if row.total.currency]

    @property
    def without_currency(self) -> int:
        return sum(row.total.grants for row in self.totals if not row.total.currency)

    def year_table(self) -> list[tuple[int | YearGap, str | None, str | None, str | None]]:
        """The table beside the charts: year, currency, committed and disbursed as the page prints them.

        Only a year and currency with a commitment or a disbursement has a row; each run of years
        without any between them is one row of its ``YearGap`` and three Nones.
        """
        lines = {
            year.year: [
                (year.year, currency, amount_text(amounts["committed"]), amount_text(amounts["disbursed"]))
                for currency, amounts in year.by_currency.items()
                if amounts["committed"] or amounts["disbursed"]
            ]
            for year in self.years
        }
        return [
            line
            for slot in years_and_gaps(year for year, rows in lines.items() if rows)
            for line in ([(slot, None, None, None)] if isinstance(slot, YearGap) else lines[slot])
        ]

    def schedule_table(self) -> list[ScheduleRow]:
        return [
            ScheduleRow(planned, self.funders[planned.grant.funder_id], amount_text(planned.amount))
            for planned in self.schedule
        ]


def donor_figures(
    account: DonorAccount, *, today: datetime.date, grants: QuerySet[Grant] | None = None
) -> DonorFigures:
    """Everything the dashboard and its downloads show, in a fixed number of queries, of the
    account's grants or of ``grants``, those of them the dashboard's filters chose, in their order.

    Every figure is of the grants listed: the schedule is read for those grants and given them,
    and the totals per currency and year are those of the grants' money (``money_totals``, per
    grant) added up, so they always agree with the grants table.
    """
    grants = account.grants() if grants is None else grants
    listed_grants = {grant.pk: grant for grant in listed(grants)}
    funders = {grant.funder_id: grant.funder for grant in listed_grants.values()}
    funder_names = {pk: str(funder) for pk, funder in funders.items()}  # once each, not on every line
    money = {pk: totals for pk, totals in money_totals(grants, per="pk", by_year=True).items() if pk in listed_grants}
    schedule = list(schedule_ahead(list(listed_grants), after=today).select_related(None))
    scheduled: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: NONE))
    for planned in schedule:
        planned.grant = listed_grants[planned.grant_id]
        scheduled[planned.grant_id][planned.currency] += planned.amount

    rows = []
    by_currency: dict[str, TotalRow] = {}
    for grant in listed_grants.values():
        own = {total.currency: total for total in money.get(grant.pk, [])}
        others = sorted((own.keys() | scheduled[grant.pk].keys()) - {grant.currency})
        # A grant without a published amount has no currency of its own: its first line is the
        # first currency its money moves in, if any.
        currencies = [grant.currency, *others] if grant.currency or not others else others
        for index, currency in enumerate(currencies):
            total = own.get(currency, CurrencyTotal(currency=currency))
            rows.append(
                GrantRow(
                    grant,
                    currency,
                    funder_names[grant.funder_id],
                    first=index == 0,
                    committed=cents(total.committed),
                    disbursed=cents(total.disbursed),
                    scheduled=cents(scheduled[grant.pk][currency]),
                )
            )
        for total in own.values():
            add_total(by_currency.setdefault(total.currency, TotalRow(CurrencyTotal(total.currency))).total, total)

    for planned in schedule:
        row = by_currency.setdefault(planned.currency, TotalRow(CurrencyTotal(currency=planned.currency)))
        row.scheduled += planned.amount
    totals = [by_currency[currency] for currency in sorted(by_currency, key=currency_order)]
    for row in totals:
        in_cents(row.total)
    years = pivot_years([row.total for row in totals])
    return DonorFigures(
        grants=listed_grants, funders=funder_names, rows=rows, totals=totals, years=years, schedule=schedule
    )
