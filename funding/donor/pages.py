"""The donor's pages: the dashboard (its grants, totals and schedule ahead), its figures by year
(charts and a table), the results of the programmes its grants fund, and a grant's page.

Each page is of a bounded size however many grants the donor has: the dashboard lists a page of
grants at a time (``GRANTS_PER_PAGE``, numbered as the programme list is) and the first
``SCHEDULE_SHOWN`` disbursements ahead; the figures by year (a chart per currency, over every year
with money) and the results (a few programmes a page) have pages of their own. Every figure is of
every grant the filters choose, as are the downloads.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from funding.donor.access import donor_page, require
from funding.donor.figures import GrantRow, donor_figures
from funding.donor.kept import kept_body
from funding.filters import DonorGrantFilter
from funding.models import DonorAccount, Grant
from funding.selectors import YearRow, transaction_totals_by_grant
from iomcaribbean.charts import BarChart
from iomcaribbean.year_charts import year_chart
from programmes.items import items_of, with_items
from programmes.models import Programme, Result
from programmes.translation import LANGUAGES, localized

TITLE_COLUMNS = ["title", *(localized("title", language) for language in LANGUAGES)]
GRANTS_PER_PAGE = 25
SCHEDULE_SHOWN = 20  # the soonest; each grant's page and the XLSX download have them all
RESULTS_PER_PAGE = 5  # programmes, each with all its results
DASHBOARD_BODY = "funding/includes/donor_dashboard_body.html"


def with_publication(grants: QuerySet[Grant]) -> QuerySet[Grant]:
    """The grants ready to list, each knowing whether the public may see its programme."""
    published = Programme.objects.published().filter(pk=OuterRef("programme_id"))
    return grants.select_related("programme", "funder", "component").annotate(programme_published=Exists(published))


def year_charts(years: list[YearRow]) -> list[BarChart]:
    """Committed and disbursed by year, one chart per currency: amounts in two currencies share no scale.

    Years without either in a currency leave a marked gap in its chart (``year_chart``).
    """
    charts = []
    for currency in sorted({currency for year in years for currency in year.by_currency}):
        amounts = {
            year.year: (year.by_currency[currency]["committed"], year.by_currency[currency]["disbursed"])
            for year in years
            if currency in year.by_currency
        }
        if not any(any(values) for values in amounts.values()):
            continue  # only expenditure in this currency: nothing for this chart
        charts.append(
            year_chart(
                amounts,
                [_("Committed"), _("Disbursed")],
                id=f"years-{currency.lower()}",
                title=_("Committed and disbursed by year, in %(currency)s") % {"currency": currency},
                description=_("The table below gives the exact amounts in %(currency)s.") % {"currency": currency},
            )
        )
    return charts


def funded_results(grants: QuerySet[Grant], number: str | None) -> tuple[Page, list[tuple[Programme, list]]]:
    """A page of the published programmes the grants listed fund that have results, and their results
    (in one query): what the public may read of those programmes, never another donor's or an
    unpublished one's."""
    programmes = grants.public_programmes().filter(Exists(Result.objects.filter(programme=OuterRef("pk"))))
    page = Paginator(programmes.only("pk").order_by("title", "pk"), RESULTS_PER_PAGE).get_page(number)
    shown = with_items(Programme.objects.filter(pk__in=[p.pk for p in page]).only("pk", "slug", *TITLE_COLUMNS))
    return page, [(programme, items_of(programme)["results"]) for programme in shown.order_by("title", "pk")]


@dataclass
class ProgrammeGroup:
    """Lines of the grants table kept together (a tbody): the grants of one programme that follow each other."""

    grant: Grant  # the first of them
    rows: list[GrantRow]


def grant_groups(rows: list[GrantRow], grants: Page) -> list[ProgrammeGroup]:
    """The lines of the page's grants, grouped by programme where they follow each other (always,
    in the programme order; in another order, a programme's grants may stand apart)."""
    on_page = set(grants.object_list)
    groups: list[ProgrammeGroup] = []
    for row in rows:
        if row.grant.pk not in on_page:
            continue
        if not groups or groups[-1].grant.programme_id != row.grant.programme_id:
            groups.append(ProgrammeGroup(row.grant, []))
        groups[-1].rows.append(row)
    return groups


def page_context(request: HttpRequest, account: DonorAccount) -> dict[str, Any]:
    viewing_as = "as" in request.GET
    # The downloads' query: the account staff view as, and (``download_query``) the page's language.
    as_params = QueryDict(f"as={account.pk}" if viewing_as else "")
    return {
        "account": account,
        "viewing_as": viewing_as,
        "as_query": f"?{as_params.urlencode()}" if as_params else "",
        "as_params": as_params,
    }


@donor_page
def dashboard(request: HttpRequest, account: DonorAccount | None) -> HttpResponse:
    if account is None:
        return render(request, "funding/donor_no_account.html", status=403)
    today = timezone.localdate()
    status, body = kept_body(request, account, today, lambda: dashboard_body(request, account, today))
    context = {**page_context(request, account), "body": body}
    return render(request, "funding/donor_dashboard.html", context, status=status)


def dashboard_body(request: HttpRequest, account: DonorAccount, today: datetime.date) -> tuple[int, str]:
    """The dashboard below the banner, and the page's status: 400 for choices the filters reject."""
    # Every choice narrows the account's own grants: no parameter reaches another donor's.
    chosen = DonorGrantFilter(request.GET, account.grants())
    figures = donor_figures(account, today=today, grants=chosen.qs)
    grants = Paginator(list(figures.grants), GRANTS_PER_PAGE).get_page(request.GET.get("page"))
    schedule = figures.schedule_table()
    context = {
        **page_context(request, account),
        "funders": list(account.funders.order_by("name")),
        "grant_filter": chosen,
        "filtered": any(chosen.form.cleaned_data.get(name) for name in chosen.filters if name != "sort"),
        "figures": figures,
        "page_obj": grants,
        "paginator": grants.paginator,
        "grant_groups": grant_groups(figures.rows, grants),
        "schedule_table": schedule[:SCHEDULE_SHOWN],
        "schedule_left_out": len(schedule) - SCHEDULE_SHOWN,
        "today": today,
    }
    return 400 if chosen.errors else 200, render_to_string(DASHBOARD_BODY, context, request)


@donor_page
def years(request: HttpRequest, account: DonorAccount | None) -> HttpResponse:
    """Committed and disbursed by year of the dashboard's grants: a chart per currency and a table."""
    chosen = DonorGrantFilter(request.GET, require(account).grants())
    figures = donor_figures(account, today=timezone.localdate(), grants=chosen.qs)
    context = {
        **page_context(request, account),
        "figures": figures,
        "charts": year_charts(figures.years),
        "year_table": figures.year_table(),
    }
    return render(request, "funding/donor_years.html", context, status=400 if chosen.errors else 200)


@donor_page
def results(request: HttpRequest, account: DonorAccount | None) -> HttpResponse:
    """The results of the published programmes the dashboard's grants fund, a page of programmes at a time."""
    chosen = DonorGrantFilter(request.GET, require(account).grants())
    page, funded = funded_results(chosen.qs, request.GET.get("page"))
    context = {
        **page_context(request, account),
        "page_obj": page,
        "paginator": page.paginator,
        "funded_results": funded,
    }
    return render(request, "funding/donor_results.html", context, status=400 if chosen.errors else 200)


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
