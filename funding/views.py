"""Public pages about funders: who funds published programmes, and what each one funds.

Only grants to published programmes (``Grant.objects.published()``) appear or count, in the
tables, the totals, the charts and the CSV download alike. Every total is computed by the
database, one per currency; a grant whose amount is not published is counted as a grant.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from funding.models import Grant
from funding.selectors import (
    ZERO,
    cents,
    currency_totals,
    currency_totals_per,
    grant_totals_named,
    in_active_language,
    totals_by_year,
)
from iomcaribbean.charts import Series, bar_chart
from iomcaribbean.content_language import in_requested_language
from iomcaribbean.exports import csv_response
from partners.models import Organisation
from programmes.models import ProgrammeCountry

# The programmes-and-grants table of a funder's page, and of its CSV download (lazy: the page
# shows them in its language; the CSV, at its one unprefixed address, in English).
GRANT_COLUMNS = (
    gettext_lazy("Programme"),
    gettext_lazy("Phase of"),
    gettext_lazy("What it funds"),
    gettext_lazy("Component"),
    gettext_lazy("Period"),
    gettext_lazy("Currency"),
    gettext_lazy("Amount"),
)
AMOUNT_NOT_PUBLISHED = gettext_lazy("Amount not published")


def funders() -> QuerySet[Organisation]:
    """Organisations with at least one grant to a published programme, with their counts.

    ``programme_count`` (distinct programmes), ``grant_count`` and ``unpublished_count`` (grants
    whose amount is not published) count grants to published programmes only.

    One query, which keeps the grants to published programmes before it counts them: the
    published programmes are read once, not once for each count and each row. The counts then
    need no DISTINCT but the programmes' (a funder may give two grants to one programme).
    """
    return Organisation.objects.filter(grants__in=Grant.objects.published()).annotate(
        programme_count=Count("grants__programme", distinct=True),
        grant_count=Count("grants"),
        unpublished_count=Count("grants", filter=Q(grants__amount__isnull=True)),
    )


def funder_grants(funder: Organisation) -> QuerySet[Grant]:
    return (
        Grant.objects.published()
        .filter(funder=funder)
        .select_related("programme", "programme__parent", "component")
        # By the title the page shows (modeltranslation does not rewrite lookups from a grant).
        .order_by(in_active_language("programme__title").asc(), "pk")
    )


def grant_row(grant: Grant) -> list[Any]:
    """One row of the grants table, as the page shows it and the CSV holds it."""
    purpose = grant.purpose[:1].upper() + grant.purpose[1:]
    if grant.is_primary:
        purpose = (
            _("%(purpose)s (main source of funding)") % {"purpose": purpose} if purpose else _("Main source of funding")
        )
    published = grant.amount is not None
    return [
        grant.programme.title,
        grant.programme.parent.title if grant.programme.parent else "",
        purpose,
        grant.component.title if grant.component else "",
        grant.period_display,
        grant.currency if published else "",
        grant.amount if published else AMOUNT_NOT_PUBLISHED,
    ]


def by_year(grants: QuerySet[Grant]) -> list[dict[str, Any]]:
    """Commitments and disbursements per year, one table and chart per currency (never mixed).

    Years between the first and the last with no transaction in that currency show as 0, so
    the chart's time axis has no gaps.
    """
    rows_by_currency: dict[str, dict[int, dict]] = {}
    for row in totals_by_year(grants):
        rows_by_currency.setdefault(row["currency"], {})[row["year"]] = row
    tables = []
    for currency, rows in sorted(rows_by_currency.items()):
        years = range(min(rows), max(rows) + 1)
        table = [
            {
                "year": year,
                "committed": rows.get(year, {}).get("committed", cents(ZERO)),
                "disbursed": rows.get(year, {}).get("disbursed", cents(ZERO)),
            }
            for year in years
        ]
        if not any(r["committed"] or r["disbursed"] for r in table):
            continue  # only expenditure in this currency: nothing for this chart
        chart = bar_chart(
            [str(year) for year in years],
            [
                Series(_("Committed"), [r["committed"] for r in table]),
                Series(_("Disbursed"), [r["disbursed"] for r in table]),
            ],
            id=f"by-year-{currency.lower()}",
            title=_("Commitments and disbursements by year, in %(currency)s") % {"currency": currency},
            description=_(
                "Bar chart, %(currency)s: for each year from %(first)s to %(last)s, the amount committed "
                "(solid bars) and the amount disbursed (hatched bars). The table below gives the same figures."
            )
            % {"currency": currency, "first": years[0], "last": years[-1]},
        )
        tables.append({"currency": currency, "rows": table, "chart": chart})
    return tables


class FunderListView(ListView):
    template_name = "funding/funder_list.html"
    context_object_name = "funders"

    def get_queryset(self) -> QuerySet[Organisation]:
        # One query: each funder, its country joined, with its programme and grant counts.
        return funders().select_related("country").order_by("name")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Two more queries for every funder's totals per currency (grants, then transactions).
        totals = currency_totals_per(Grant.objects.published(), "funder")
        for funder in context["funders"]:
            mine = totals.get(funder.pk, [])
            funder.granted = [t for t in mine if t.granted is not None]
            funder.committed = [t for t in mine if t.committed]
            funder.disbursed = [t for t in mine if t.disbursed]
        return context


class FunderDetailView(DetailView):
    """A funder's grants to published programmes; 404 for an organisation that funds none."""

    template_name = "funding/funder_detail.html"
    context_object_name = "funder"

    def get_queryset(self) -> QuerySet[Organisation]:
        return funders().select_related("country")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        grants = Grant.objects.published().filter(funder=self.object)
        totals = currency_totals(grants)
        # The names in the page's language (English where a name is not translated).
        countries = grant_totals_named(
            grants,
            {"name": "programme__country_links__country__name", "slug": "programme__country_links__country__slug"},
            translated=["name"],
            programme__country_links__role=ProgrammeCountry.Role.BENEFITING,
        )
        areas = grant_totals_named(
            grants,
            {"name": "programme__thematic_areas__short_name", "slug": "programme__thematic_areas__slug"},
            translated=["name"],
        )
        return super().get_context_data(
            grant_columns=GRANT_COLUMNS,
            grant_rows=[(grant, grant_row(grant)) for grant in funder_grants(self.object)],
            money_totals=[t for t in totals if t.granted is not None or t.committed or t.disbursed],
            years=by_year(grants),
            countries=countries,
            areas=areas,
            **kwargs,
        )


@in_requested_language
def funder_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The funder page's table of programmes and grants, row for row and column for column."""
    funder = get_object_or_404(funders(), slug=slug)
    rows = [grant_row(grant) for grant in funder_grants(funder)]
    return csv_response(f"{funder.slug}-funding.csv", GRANT_COLUMNS, rows)
