"""The donor's pages: the dashboard (its grants, totals, charts by year and schedule ahead) and a grant's page."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from funding.donor.access import donor_page, require
from funding.donor.figures import donor_figures
from funding.filters import DonorGrantFilter
from funding.models import DonorAccount, Grant
from funding.selectors import YearRow, transaction_totals_by_grant
from iomcaribbean.charts import BarChart
from iomcaribbean.year_charts import year_chart
from programmes.items import items_of, with_items
from programmes.models import Programme
from programmes.translation import LANGUAGES, localized

TITLE_COLUMNS = ["title", *(localized("title", language) for language in LANGUAGES)]


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


def funded_results(grants: QuerySet[Grant]) -> list[tuple[Programme, list]]:
    """The results of the published programmes the grants listed fund (those with any), in one query:
    what the public may read of those programmes, never another donor's or an unpublished one's."""
    programmes = with_items(grants.public_programmes().only("pk", "slug", *TITLE_COLUMNS).order_by("title", "pk"))
    return [(programme, results) for programme in programmes if (results := items_of(programme)["results"])]


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
    # Every choice narrows the account's own grants: no parameter reaches another donor's.
    chosen = DonorGrantFilter(request.GET, account.grants())
    figures = donor_figures(account, today=today, grants=chosen.qs)
    context = {
        **page_context(request, account),
        "funders": list(account.funders.order_by("name")),
        "grant_filter": chosen,
        "filtered": any(chosen.form.cleaned_data.get(name) for name in chosen.filters if name != "sort"),
        "figures": figures,
        "charts": year_charts(figures.years),
        "year_table": figures.year_table(),
        "schedule_table": figures.schedule_table(),
        "today": today,
        "funded_results": funded_results(chosen.qs),
    }
    return render(request, "funding/donor_dashboard.html", context, status=400 if chosen.errors else 200)


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
