"""The donor's downloads: the grants table as CSV, and as XLSX with its transactions, schedule ahead and totals."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from funding.donor.access import donor_page, require
from funding.donor.figures import donor_figures
from funding.models import DonorAccount, PlannedDisbursement, Transaction
from iomcaribbean.content_language import in_requested_language
from iomcaribbean.exports import Money, csv_response, download_throttled, xlsx_response

# Headers and sheet names in the language the download asks for (``?lang=``, as the dashboard links it).
GRANT_COLUMNS = [
    _("Programme"),
    _("Status"),
    _("Published"),
    _("Funder"),
    _("What it funds"),
    _("Start"),
    _("End"),
    _("Currency"),
    _("Amount"),
    _("Committed"),
    _("Disbursed"),
    _("Scheduled ahead"),
]
TOTAL_COLUMNS = [
    _("Currency"),
    _("Grants"),
    _("Amounts not published"),
    _("Granted"),
    _("Committed"),
    _("Disbursed"),
    _("Scheduled ahead"),
]

TRANSACTION_COLUMNS = [_("Programme"), _("Funder"), _("Date"), _("Type"), _("Description"), _("Currency"), _("Amount")]
SCHEDULE_COLUMNS = [_("Programme"), _("Funder"), _("Period start"), _("Period end"), _("Currency"), _("Amount")]


def transaction_cells(t: Transaction) -> list[Any]:
    grant, amount = t.grant, Money(t.amount, t.currency)
    return [grant.programme.title, str(grant.funder), t.date, t.get_type_display(), t.description, t.currency, amount]


def planned_cells(p: PlannedDisbursement) -> list[Any]:
    amount = Money(p.amount, p.currency)
    return [p.grant.programme.title, str(p.grant.funder), p.period_start, p.period_end, p.currency, amount]


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
        (gettext("Grants"), GRANT_COLUMNS, [row.cells() for row in figures.rows]),
        (gettext("Transactions"), TRANSACTION_COLUMNS, [transaction_cells(t) for t in transactions]),
        (gettext("Schedule ahead"), SCHEDULE_COLUMNS, [planned_cells(p) for p in figures.schedule]),
        (gettext("Totals"), TOTAL_COLUMNS, [row.cells() for row in figures.totals]),
    ]
    return xlsx_response(export_name("xlsx"), sheets)
