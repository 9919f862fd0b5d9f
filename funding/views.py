"""Public pages about funders: who funds published programmes, and what each one funds.

Only grants to published programmes (``Grant.objects.published()``) appear or count, in the
tables, the totals, the charts and the CSV download alike. Every total is computed by the
database, one per currency; a grant whose amount is not published is counted as a grant.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from funding.filters import (
    FUNDERS_PER_PAGE,
    GRANTS_PER_FUNDER_PAGE,
    FunderGrantFilter,
    FunderListForm,
    funder_sort_key,
)
from funding.models import Grant
from funding.selectors import (
    CurrencyTotal,
    departments_parents,
    family_grants,
    funder_grants,
    funding_organisations,
    grant_totals_named,
    in_active_language,
    money_totals,
    rolled_up,
    with_funder_counts,
)
from iomcaribbean.catalogue import kept
from iomcaribbean.content_language import in_requested_language
from iomcaribbean.exports import csv_response
from iomcaribbean.public_routes import Route, public
from iomcaribbean.views import ReadsOnly
from iomcaribbean.year_charts import YearGap, year_chart, years_and_gaps
from partners.models import Organisation, OverviewPartner
from programmes.kept_pages import KeptThroughRewordings
from programmes.models import Overview, ProgrammeCountry, on_home_page_condition
from programmes.translation import fallback_language

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
GRANTED_BY = gettext_lazy("Granted by")


def listed_grants(funder: Organisation) -> QuerySet[Grant]:
    return (
        funder_grants(funder)
        .select_related("programme", "programme__parent", "component", "funder")
        # By the title the page shows (modeltranslation does not rewrite lookups from a grant).
        .order_by(in_active_language("programme__title").asc(), "pk")
    )


def grant_columns(by_departments: bool) -> tuple:
    """The table's columns; "Granted by" only where a department's grants are among the funder's."""
    if not by_departments:
        return GRANT_COLUMNS
    return (GRANT_COLUMNS[0], GRANTED_BY, *GRANT_COLUMNS[1:])


def own_published_grants() -> QuerySet[Grant]:
    """Grants to published programmes of the organisation at the outer query's row, itself alone."""
    return Grant.objects.published().filter(funder=OuterRef("pk"))


def supporters_without_grants() -> QuerySet[Organisation]:
    """Organisations the home page's overview names as supporters, with no grant to a published
    programme recorded for them or their departments: the funders list shows them apart."""
    mentioned = OverviewPartner.objects.filter(
        on_home_page_condition("overview"), group=OverviewPartner.Group.SUPPORTER, organisation=OuterRef("pk")
    )
    return Organisation.objects.filter(Exists(mentioned)).exclude(Exists(family_grants())).order_by("name")


def shows_granted_by(columns: tuple) -> bool:
    # By identity: ``in`` would compare the lazy headings, translating each, on every row.
    return any(column is GRANTED_BY for column in columns)


def grant_row(grant: Grant, columns: tuple = GRANT_COLUMNS) -> list[Any]:
    """One row of the grants table, as the page shows it and the CSV holds it."""
    purpose = grant.purpose[:1].upper() + grant.purpose[1:]
    if grant.is_primary:
        purpose = (
            _("%(purpose)s (main source of funding)") % {"purpose": purpose} if purpose else _("Main source of funding")
        )
    published = grant.amount is not None
    granted_by = [str(grant.funder)] if shows_granted_by(columns) else []
    return [
        grant.programme.title,
        *granted_by,
        grant.programme.parent.title if grant.programme.parent else "",
        purpose,
        grant.component.title if grant.component else "",
        grant.period_display,
        grant.currency if published else "",
        grant.amount if published else AMOUNT_NOT_PUBLISHED,
    ]


def grant_row_languages(grant: Grant, columns: tuple = GRANT_COLUMNS) -> list[str]:
    """For each cell of ``grant_row``: "en" where it is the English text in place of a missing
    translation (the page says so with ``lang``), else ""."""
    granted_by = [grant.funder] if shows_granted_by(columns) else []
    texts = [grant.programme, *granted_by, grant.programme.parent, grant, grant.component]
    fields = ["title", *(["name"] * len(granted_by)), "title", "purpose", "title"]
    languages = [fallback_language(obj, field) or "" for obj, field in zip(texts, fields, strict=True)]
    return [*languages, "", "", ""]  # the period, currency and amount


def by_year(totals: list[CurrencyTotal]) -> list[dict[str, Any]]:
    """Commitments and disbursements per year (``money_totals(..., by_year=True)``), one table and
    chart per currency (never mixed).

    Only years with a commitment or a disbursement in that currency have a row and bars; each run
    of years without between them is one gap (a table row, a marked band in the chart), never a
    row of zeros per year.
    """
    tables = []
    for total in totals:
        currency = total.currency
        amounts = {
            year: (money["committed"], money["disbursed"])
            for year, money in total.years.items()
            if money["committed"] or money["disbursed"]
        }
        if not amounts:
            continue  # no commitment or disbursement in this currency: nothing for this chart
        rows = [
            {"gap": slot}
            if isinstance(slot, YearGap)
            else {"year": slot, "committed": amounts[slot][0], "disbursed": amounts[slot][1]}
            for slot in years_and_gaps(amounts)
        ]
        chart = year_chart(
            amounts,
            [_("Committed"), _("Disbursed")],
            id=f"by-year-{currency.lower()}",
            title=_("Commitments and disbursements by year, in %(currency)s") % {"currency": currency},
            description=_(
                "Bar chart, %(currency)s: for each year from %(first)s to %(last)s, the amount committed "
                "(solid bars) and the amount disbursed (hatched bars). The table below gives the same figures."
            )
            % {"currency": currency, "first": min(amounts), "last": max(amounts)},
        )
        tables.append({"currency": currency, "rows": rows, "chart": chart})
    return tables


class FunderListView(KeptThroughRewordings, ReadsOnly, ListView):
    """The funders, searched by name and sorted on the server (``funding.filters``), a page at a time: no
    programme's texts, so kept through every rewording (``programmes.kept_pages``)."""

    template_name = "funding/funder_list.html"
    context_object_name = "funders"
    paginate_by = FUNDERS_PER_PAGE
    public_route = Route(frozenset({"q", "sort", "currency", "page"}))

    def get_queryset(self) -> list[Organisation]:
        # Every funder's counts and totals per currency, a body's including its departments', in
        # four queries (the departments, grants, then transactions), whatever the page: the sorts
        # need them all. The list is short (some hundred funders at demo volume).
        parents = departments_parents()
        totals = rolled_up(money_totals(Grant.objects.published(), per="funder"), parents)
        currencies = sorted({t.currency for mine in totals.values() for t in mine if t.currency})
        # Without a choice, the amounts' sorts compare those in US dollars, if any (else the first currency).
        self.currency = "USD" if "USD" in currencies else next(iter(currencies), "")
        self.form = FunderListForm(self.request.GET, currencies=currencies, default_currency=self.currency)
        funders = funding_organisations().select_related("country", "parent").order_by("name")
        if not self.form.is_valid():
            return with_funder_totals(with_funder_counts(funders, parents), totals)
        self.currency = self.form.cleaned_data["currency"] or self.currency
        found = with_funder_totals(with_funder_counts(self.form.search(funders), parents), totals)
        return sorted(found, key=funder_sort_key(self.form.cleaned_data["sort"] or "name", self.currency))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=self.form, currency=self.currency, **kwargs)
        context["supporters"] = supporters_without_grants()
        naming = Overview.objects.on_home_page().only("supporters_note", "date", "date_precision", "title")
        context["overview"] = naming.first()
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        # A value the form rejects is the client's mistake: say so, with the form's errors.
        return super().render_to_response(context, status=400 if self.form.errors else 200, **kwargs)


def with_funder_totals(funders: list[Organisation], totals: dict[int, list[CurrencyTotal]]) -> list[Organisation]:
    """Each funder with its totals per currency that have an amount granted, committed, disbursed."""
    for funder in funders:
        mine = totals.get(funder.pk, [])
        funder.granted = [t for t in mine if t.granted is not None]
        funder.committed = [t for t in mine if t.committed]
        funder.disbursed = [t for t in mine if t.disbursed]
    return funders


class FunderDetailView(KeptThroughRewordings, ReadsOnly, DetailView):
    """A funder's grants to published programmes; 404 for an organisation that funds none."""

    template_name = "funding/funder_detail.html"
    context_object_name = "funder"
    public_route = Route(frozenset({"currency", "sort", "page"}))

    def get_queryset(self) -> QuerySet[Organisation]:
        return funding_organisations().select_related("country", "parent")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        funder = self.object
        figures = kept(self.request, f"funder-figures:{funder.pk}", lambda: funder_figures(funder))
        funder.__dict__.update(figures["counts"])
        self.table_programmes = figures["programmes"]
        totals = figures["totals"]
        currencies = [t.currency for t in totals if t.granted is not None]
        self.filterset = FunderGrantFilter(self.request.GET, listed_grants(funder), currencies=currencies)
        # A page of the table at a time, as the programme list is (the CSV has every row): at volume a
        # funder has hundreds of grants. The columns are those of the whole table, on every page.
        pages = Paginator(self.filterset.qs, GRANTS_PER_FUNDER_PAGE)
        if (counted := self.filterset.counted(totals)) is not None:
            pages.count = counted
        page = pages.get_page(self.request.GET.get("page"))
        self.whole_table_shown = pages.num_pages == 1
        columns = grant_columns(bool(figures["departments"]))
        headings = [str(column) for column in columns]  # translated once, not in every row's cells
        return super().get_context_data(
            grant_columns=columns,
            grant_filter=self.filterset,
            grant_rows=[
                (grant, zip(headings, grant_row(grant, columns), grant_row_languages(grant, columns), strict=True))
                for grant in page.object_list
            ],
            page_obj=page,
            paginator=page.paginator,
            departments=figures["departments"],
            figures_html=figures["html"],
            **kwargs,
        )

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        return super().render_to_response(context, status=400 if self.filterset.errors else 200, **kwargs)

    def programmes_read_beyond_shown(self) -> Iterable[int]:
        # The table is ordered by programme title unless another order is chosen: a page of a longer
        # table can change with the rewording of any programme of the table, shown or not.
        return () if self.whole_table_shown else self.table_programmes


def funder_figures(funder: Organisation) -> dict[str, Any]:
    """What a funder's page shows of all its grants: its counts, totals per currency, departments
    with grants, and the sections of figures (totals, years, countries, areas) drawn. Read from
    grants, transactions and programmes' countries and areas only, never a programme's texts: kept
    under the catalogue version (``iomcaribbean.catalogue``), which rewording a programme leaves."""
    with_funder_counts([funder])
    grants = funder_grants(funder)
    totals = money_totals(grants, by_year=True).get(None, [])
    # Its departments with grants of their own: their grants are among the funder's (funder_grants).
    departments = list(
        Organisation.objects.filter(Q(parent=funder) | Q(parent__parent=funder)).filter(Exists(own_published_grants()))
    )
    # The names in the page's language (English where a name is not translated).
    countries = grant_totals_named(
        grants,
        {"name": "programme__country_links__country__name", "slug": "programme__country_links__country__slug"},
        translated=["name"],
        programme__country_links__role=ProgrammeCountry.Role.BENEFITING,
    )
    areas = grant_totals_named(
        grants,
        {"name": "programme__thematic_areas__name", "slug": "programme__thematic_areas__slug"},
        translated=["name"],
    )
    shown = {
        "money_totals": [t for t in totals if t.granted is not None or t.committed or t.disbursed],
        "years": by_year(totals),
        "countries": once_per_group(countries),
        "areas": once_per_group(areas),
    }
    counts = ("funded_programme_count", "grant_count", "unpublished_count")
    return {
        "counts": {name: getattr(funder, name) for name in counts},
        # Every programme of its table, whatever page, order or currency is shown (with no query of their own).
        "programmes": sorted(funder.funded_programmes),
        "totals": totals,
        "departments": departments,
        "html": render_to_string("funding/includes/funder_figures.html", shown),
    }


def once_per_group(rows: list[dict]) -> list[dict]:
    """``grant_totals_named``'s rows (a group and currency each) as one row per group, its grants
    counted once and its amounts per currency within it (a grant has one currency)."""
    groups: dict[str, dict] = {}
    for row in rows:
        group = groups.setdefault(row["slug"], {"name": row["name"], "slug": row["slug"], "grants": 0, "amounts": []})
        group["grants"] += row["grants"]
        group["amounts"].append(row)
    return list(groups.values())


@public("lang", download=True)
@transaction.non_atomic_requests
@in_requested_language
def funder_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The funder page's table of programmes and grants, row for row and column for column."""
    funder = get_object_or_404(funding_organisations(), slug=slug)
    grants = list(listed_grants(funder))
    columns = grant_columns(any(grant.funder_id != funder.pk for grant in grants))
    return csv_response(f"{funder.slug}-funding.csv", columns, [grant_row(grant, columns) for grant in grants])
