"""The donors' dashboard: a donor's own grants, the money committed, disbursed and scheduled, and downloads.

Who may see what
----------------
- Anonymous visitors are sent to the sign-in page, with ``?next=`` back to the page they asked for.
- A donor, a user with an active ``DonorAccount``, sees the grants of the account's funders,
  including grants to programmes not yet published, and nothing else: every query here starts
  from ``account.grants()`` (or the ids of the grants it returned), so another funder's grant is
  a 404 whatever the URL or parameter.
- Staff with ``funding.view_donoraccount`` (superusers; the donor account admin links here) see
  any account's pages exactly as its donor does by adding ``?as=<account id>``, under a banner
  that says so. For everyone else ``?as`` is a 404: a donor cannot use it to look at another donor.
- Anyone else signed in (staff without a donor account, a donor whose account is closed) is told
  at ``/donor/`` that there is no dashboard for them (403); every other donor URL is a 404.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from funding.models import DonorAccount, Grant, PlannedDisbursement, Transaction
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
    transaction_totals_by_grant,
)
from iomcaribbean.charts import BarChart, Series, bar_chart
from iomcaribbean.content_language import in_requested_language
from iomcaribbean.exports import csv_response, download_throttled, xlsx_response
from programmes.models import Programme, published_condition
from programmes.translation import LANGUAGES, localized

NONE = Decimal("0.00")
PUBLISHED, PIPELINE = "Published", "Not yet published"
NOT_PUBLISHED = "Amount not published"

GRANT_COLUMNS = [
    "Programme",
    "Status",
    "Funder",
    "What it funds",
    "Period",
    "Currency",
    "Amount",
    "Committed",
    "Disbursed",
    "Scheduled ahead",
]
TOTAL_COLUMNS = ["Currency", "Grants", "Amounts not published", "Granted", "Committed", "Disbursed", "Scheduled ahead"]


def viewed_account(request: HttpRequest) -> DonorAccount | None:
    """The account whose pages this request shows, by the policy above; None if the user has none."""
    accounts = DonorAccount.objects.select_related("user")
    if "as" not in request.GET:
        return accounts.filter(user=request.user, is_active=True).first()
    user = request.user
    if not (user.is_staff and user.has_perm("funding.view_donoraccount")):
        raise Http404("Only staff may view a donor's pages as the donor.")
    try:
        pk = int(request.GET["as"])
    except ValueError:
        raise Http404("No such donor account.") from None
    return get_object_or_404(accounts, pk=pk)


def donor_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in, GET or HEAD, never cached; the view is given the account it shows (or None)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return view(request, viewed_account(request), *args, **kwargs)

    return login_required(never_cache(require_safe(wrapper)))


def require(account: DonorAccount | None) -> DonorAccount:
    if account is None:
        raise Http404("This user has no donor account.")
    return account


def with_publication(grants: QuerySet[Grant]) -> QuerySet[Grant]:
    """The grants ready to list, each knowing whether the public may see its programme."""
    published = Programme.objects.published().filter(pk=OuterRef("programme_id"))
    return grants.select_related("programme", "funder", "component").annotate(programme_published=Exists(published))


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
    "programme__slug",
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

    @property
    def status(self) -> str:
        return PUBLISHED if self.grant.programme_published else PIPELINE

    def cells(self) -> list[Any]:
        """The row as the page shows it, for the downloads."""
        grant = self.grant
        amount = "" if not self.first else NOT_PUBLISHED if grant.amount is None else grant.amount
        return [
            grant.programme.title,
            self.status,
            self.funder,
            grant.purpose,
            grant.period_display,
            self.currency,
            amount,
            self.committed,
            self.disbursed,
            self.scheduled,
        ]


@dataclass
class TotalRow:
    total: CurrencyTotal
    scheduled: Decimal = NONE

    def cells(self) -> list[Any]:
        t = self.total
        granted = NOT_PUBLISHED if t.granted is None else t.granted
        return [t.currency, t.grants, t.unpublished_amounts, granted, t.committed, t.disbursed, self.scheduled]

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

    def year_table(self) -> list[tuple[int, str, str, str]]:
        """The table beside the charts: year, currency, committed and disbursed as the page prints them."""
        return [
            (year.year, currency, amount_text(amounts["committed"]), amount_text(amounts["disbursed"]))
            for year in self.years
            for currency, amounts in year.by_currency.items()
        ]

    def schedule_table(self) -> list[ScheduleRow]:
        return [
            ScheduleRow(planned, self.funders[planned.grant.funder_id], amount_text(planned.amount))
            for planned in self.schedule
        ]


def donor_figures(account: DonorAccount, *, today: datetime.date) -> DonorFigures:
    """Everything the dashboard and its downloads show, in a fixed number of queries.

    Every figure is of the grants listed: the schedule is read for those grants and given them,
    and the totals per currency and year are those of the grants' money (``money_totals``, per
    grant) added up, so they always agree with the grants table.
    """
    grants = account.grants()
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


def year_charts(years: list[YearRow]) -> list[BarChart]:
    """Committed and disbursed by year, one chart per currency: amounts in two currencies share no scale."""
    charts = []
    for currency in sorted({currency for year in years for currency in year.by_currency}):
        rows = [year for year in years if currency in year.by_currency]
        series = [
            Series(label, [year.by_currency[currency][key] for year in rows])
            for key, label in (("committed", _("Committed")), ("disbursed", _("Disbursed")))
        ]
        charts.append(
            bar_chart(
                [str(year.year) for year in rows],
                series,
                id=f"years-{currency.lower()}",
                title=_("Committed and disbursed by year, in %(currency)s") % {"currency": currency},
                description=_("The table below gives the exact amounts in %(currency)s.") % {"currency": currency},
            )
        )
    return charts


def page_context(request: HttpRequest, account: DonorAccount) -> dict[str, Any]:
    viewing_as = "as" in request.GET
    return {"account": account, "viewing_as": viewing_as, "as_query": f"?as={account.pk}" if viewing_as else ""}


@donor_page
def dashboard(request: HttpRequest, account: DonorAccount | None) -> HttpResponse:
    if account is None:
        return render(request, "funding/donor_no_account.html", status=403)
    today = timezone.localdate()
    figures = donor_figures(account, today=today)
    context = {
        **page_context(request, account),
        "funders": list(account.funders.order_by("name")),
        "figures": figures,
        "charts": year_charts(figures.years),
        "year_table": figures.year_table(),
        "schedule_table": figures.schedule_table(),
        "today": today,
    }
    return render(request, "funding/donor_dashboard.html", context)


@donor_page
def grant_detail(request: HttpRequest, account: DonorAccount | None, pk: int) -> HttpResponse:
    grant = get_object_or_404(with_publication(require(account).grants()), pk=pk)
    context = {
        **page_context(request, account),
        "grant": grant,
        "totals": transaction_totals_by_grant(Grant.objects.filter(pk=grant.pk)).get(grant.pk, {}),
        "transactions": grant.transactions.all(),
        "planned_disbursements": grant.planned_disbursements.all(),
        "today": timezone.localdate(),
    }
    return render(request, "funding/donor_grant.html", context)


TRANSACTION_COLUMNS = ["Programme", "Funder", "Date", "Type", "Description", "Currency", "Amount"]
SCHEDULE_COLUMNS = ["Programme", "Funder", "Period start", "Period end", "Currency", "Amount"]


def transaction_cells(t: Transaction) -> list[Any]:
    grant = t.grant
    return [grant.programme.title, str(grant.funder), t.date, t.get_type_display(), t.description, t.currency, t.amount]


def planned_cells(p: PlannedDisbursement) -> list[Any]:
    return [p.grant.programme.title, str(p.grant.funder), p.period_start, p.period_end, p.currency, p.amount]


def export_name(extension: str) -> str:
    return f"grants-{timezone.localdate():%Y-%m-%d}.{extension}"


@donor_page
@download_throttled
@in_requested_language
def export_csv(request: HttpRequest, account: DonorAccount | None) -> HttpResponse:
    figures = donor_figures(require(account), today=timezone.localdate())
    return csv_response(export_name("csv"), GRANT_COLUMNS, (row.cells() for row in figures.rows))


@donor_page
@download_throttled
@in_requested_language
def export_xlsx(request: HttpRequest, account: DonorAccount | None) -> HttpResponse:
    figures = donor_figures(require(account), today=timezone.localdate())
    transactions = list(
        Transaction.objects.filter(grant__in=list(figures.grants)).order_by(
            "grant__programme__title", "grant__funder__name", "grant", "date", "pk"
        )
    )
    for t in transactions:
        t.grant = figures.grants[t.grant_id]  # read once for the grants sheet
    sheets = [
        ("Grants", GRANT_COLUMNS, [row.cells() for row in figures.rows]),
        ("Transactions", TRANSACTION_COLUMNS, [transaction_cells(t) for t in transactions]),
        ("Schedule ahead", SCHEDULE_COLUMNS, [planned_cells(p) for p in figures.schedule]),
        ("Totals", TOTAL_COLUMNS, [row.cells() for row in figures.totals]),
    ]
    return xlsx_response(export_name("xlsx"), sheets)
