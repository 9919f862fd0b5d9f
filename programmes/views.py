"""Public pages: the overview, the programme list and pages, countries and thematic areas.

They show only published programmes (``Programme.objects.published()``); staff may preview an
unpublished programme's page.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Exists, Expression, F, OuterRef, Prefetch, QuerySet
from django.forms import ModelChoiceField
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from iomcaribbean.charts import BarChart, Series, bar_chart
from iomcaribbean.public_routes import Route
from iomcaribbean.relations import related_model
from iomcaribbean.views import ReadsOnly
from programmes.filters import ProgrammeFilter
from programmes.items import items_of, with_items
from programmes.models import (
    Country,
    Overview,
    OverviewEntry,
    Programme,
    ProgrammeCountry,
    ThematicArea,
    by_status,
    newest_first,
    oldest_first,
    published_condition,
)
from programmes.selectors import areas_with_programme_counts, countries_with_programme_counts

# ?sort= values: label, ordering. Programmes without a start date go last either way. Each
# ordering is the expression of an index (Programme.Meta.indexes), so a page is read, not sorted.
SORTS: dict[str, tuple[str | Promise, tuple]] = {
    "-start": (gettext_lazy("Newest first"), newest_first()),
    "start": (gettext_lazy("Oldest first"), oldest_first()),
    "title": (gettext_lazy("Title"), ("title",)),
    "status": (gettext_lazy("Status"), by_status()),
}
DEFAULT_SORT = "-start"
# The list's order when searching and no other is chosen: the best matches first (ProgrammeFilter.relevance).
RELEVANCE = "relevance"
# The query parameters of the programme list: its filters, as the page, its downloads and the
# API's list read them, and its order and page (iomcaribbean.public_routes).
FILTERS = frozenset(ProgrammeFilter.base_filters)
LISTING = frozenset({"sort", "page"})


def best_matches_first(relevance: Expression) -> tuple:
    """A search's order: by relevance, equal matches newest first."""
    return (relevance.desc(), *newest_first())


class ProgrammeListMixin:
    """Paginated programme lists; each card needs its project type, parent, countries and areas."""

    paginate_by = None  # read at request time: tests and deployments may change it

    def get_paginate_by(self, queryset: QuerySet) -> int:
        return settings.PROGRAMMES_PER_PAGE

    def get_sort(self) -> str:
        sort = self.request.GET.get("sort", DEFAULT_SORT)
        return sort if sort in SORTS else DEFAULT_SORT

    def apply_sort(self, queryset: QuerySet[Programme]) -> QuerySet[Programme]:
        # The id last: programmes that tie (same title, same start) keep one order from one page
        # to the next, so none is shown twice or skipped. The sort's index still orders the rest.
        return queryset.order_by(*SORTS[self.get_sort()][1], "pk")


class OverviewView(ReadsOnly, DetailView):
    """The current published overview, composed from its records."""

    template_name = "programmes/overview.html"
    context_object_name = "overview"

    def get_object(self, queryset: QuerySet | None = None) -> Overview:
        entries = OverviewEntry.objects.filter(programme__in=Programme.objects.published()).select_related("programme")
        mentions = related_model(Overview, "partner_mentions").objects.select_related("organisation")
        queryset = Overview.objects.on_home_page().prefetch_related(
            Prefetch("entries", queryset=entries),
            Prefetch("partner_mentions", queryset=mentions),
        )
        overview = queryset.first()
        if overview is None:
            raise Http404("No overview is published.")
        return overview

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        overview = self.object
        entries: dict[str, list[OverviewEntry]] = defaultdict(list)
        for entry in overview.entries.all():
            entries[entry.section].append(entry)
        # The areas' query also counts their published programmes, for the chart.
        areas = list(areas_with_programme_counts().filter(list__in=ThematicArea.List.values))
        area_counts = sorted(
            (a for a in areas if a.programme_count), key=lambda a: (-a.programme_count, a.list, a.order)
        )
        # One query: every country with the number of published programmes that work there (as the
        # country list); the template hands them to the map too, which would otherwise count again.
        country_counts = list(
            countries_with_programme_counts(Country.objects.all()).order_by("-programme_count", "name")
        )
        Section = OverviewEntry.Section
        context |= {
            "core_areas": [a for a in areas if a.list == ThematicArea.List.CORE_SERVICE],
            "priority_areas": [a for a in areas if a.list == ThematicArea.List.PRIORITY],
            "to_date_entries": entries[Section.TO_DATE],
            "proposed_entries": entries[Section.PROPOSED],
            "current_entries": entries[Section.CURRENT],
            "ahead_entries": entries[Section.LOOKING_AHEAD],
            "to_date_label": Section.TO_DATE.label,
            "ahead_label": Section.LOOKING_AHEAD.label,
            "partner_groups": self.partner_groups(overview),
            "area_counts": area_counts,
            "country_counts": country_counts,
            "area_chart": self.count_chart(
                area_counts,
                "programmes-by-area",
                _("Published programmes by thematic area"),
                _(
                    "Horizontal bar chart: the number of published programmes in each thematic area, largest first. "
                    "The table after the chart gives the same figures."
                ),
            ),
            "country_chart": self.count_chart(
                country_counts,
                "programmes-by-country",
                _("Published programmes by country"),
                _(
                    "Horizontal bar chart: the number of published programmes in each country, largest first. "
                    "The table after the chart gives the same figures."
                ),
            ),
        }
        return context

    @staticmethod
    def count_chart(rows: list, chart_id: str, title: str, description: str) -> BarChart | None:
        """A horizontal bar chart of ``programme_count`` per row; None when there is nothing to count."""
        if not rows:
            return None
        return bar_chart(
            [str(row) for row in rows],
            [Series(_("Published programmes"), [row.programme_count for row in rows])],
            id=chart_id,
            title=title,
            description=description,
            horizontal=True,
            integer=True,
        )

    @staticmethod
    def partner_groups(overview: Overview) -> list[dict[str, Any]]:
        """The organisations the partners paragraph names, in the order of the model's groups.

        The supporters note ("other bilateral sources") closes the supporters' group.
        """
        mention_model = related_model(Overview, "partner_mentions")
        grouped: dict[str, list] = defaultdict(list)
        for mention in overview.partner_mentions.all():
            grouped[mention.group].append(mention.organisation)
        groups = []
        for value, label in mention_model.Group.choices:
            note = overview.supporters_note if value == mention_model.Group.SUPPORTER else ""
            if grouped[value] or note:
                groups.append({"label": label, "organisations": grouped[value], "note": note})
        return groups


class ListingPaginator(Paginator):
    """Finds a page's programmes first and reads them whole after, in one query.

    The database walks the sorted matches up to the page by their ids alone (a subquery with
    OFFSET and LIMIT), then reads the page's rows with the cards' joins: a page far down the
    list no longer carries every earlier programme's full row (texts in every language)
    through the sort and the OFFSET.
    """

    def _get_page(self, object_list: QuerySet[Programme], number: int, paginator: Paginator) -> Page:
        rows = Programme.objects.for_listing().filter(pk__in=object_list.values("pk"))
        return super()._get_page(rows.order_by(*object_list.query.order_by), number, paginator)


class ProgrammeListView(ReadsOnly, ProgrammeListMixin, ListView):
    """Published programmes and their phases, filtered, searched, sorted and paginated."""

    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"
    paginator_class = ListingPaginator
    public_route = Route(FILTERS | LISTING)

    def get_queryset(self) -> QuerySet[Programme]:
        # for_listing(): project_type and parent joined, where each works and its areas prefetched.
        base = Programme.objects.published().for_listing()
        self.filterset = ProgrammeFilter(self.request.GET, queryset=base, request=self.request)
        self.relevance = self.filterset.relevance()
        queryset = self.filterset.qs if self.filterset.is_valid() else base.none()
        return self.apply_sort(queryset)

    def get_sort(self) -> str:
        """The sort chosen; when searching without one (or with one unknown), the best matches first."""
        if self.relevance is not None and self.request.GET.get("sort") not in SORTS:
            return RELEVANCE
        return super().get_sort()

    def apply_sort(self, queryset: QuerySet[Programme]) -> QuerySet[Programme]:
        if self.get_sort() != RELEVANCE:
            return super().apply_sort(queryset)
        # Then by id, as the other sorts, so that pages never overlap.
        return queryset.order_by(*best_matches_first(self.relevance), "pk")

    def sort_options(self) -> list[tuple[str, str | Promise]]:
        """The sort select's options. The first, "", is the order when none is chosen: relevance when
        searching, newest first otherwise; so a search typed into the form, which sends the select
        along, is ranked by relevance unless the visitor chose another order."""
        sorts = [(value, label) for value, (label, _) in SORTS.items()]
        if self.relevance is not None:
            return [("", gettext_lazy("Relevance")), *sorts]
        return [("" if value == DEFAULT_SORT else value, label) for value, label in sorts]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        sort = self.get_sort()
        unchosen = RELEVANCE if self.relevance is not None else DEFAULT_SORT
        context |= {
            "filter": self.filterset,
            "sort": "" if sort == unchosen else sort,  # the option's value (sort_options)
            "sorts": self.sort_options(),
            "active_filters": self.active_filters(),
            # Clearing the filters clears the search too, and with it the relevance order.
            "clear_url": self.request.path + (f"?sort={sort}" if sort not in (DEFAULT_SORT, RELEVANCE) else ""),
        }
        return context

    def active_filters(self) -> list[dict[str, str]]:
        """Each filter in use, with a link that drops just that one."""
        if not self.filterset.is_valid():
            return []
        chips = []
        for name, field in self.filterset.form.fields.items():
            value = self.filterset.form.cleaned_data.get(name)
            if value in (None, ""):
                continue
            if isinstance(field, ModelChoiceField):
                shown = str(value)
            elif hasattr(field, "choices"):
                shown = dict(field.choices).get(value, value)
            else:
                shown = str(value)
            params = self.request.GET.copy()
            for key in (name, "page"):
                params.pop(key, None)
            query = params.urlencode()
            remove_url = f"{self.request.path}?{query}" if query else self.request.path
            chips.append({"label": field.label, "value": shown, "remove_url": remove_url})
        return chips

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        # A filter value the form rejects is the client's mistake: say so, with the form's errors.
        status = 400 if self.filterset.errors else 200
        return super().render_to_response(context, status=status, **kwargs)


class ProgrammeDetailView(ReadsOnly, DetailView):
    """A programme's page; staff may preview it before it (or its parent) is published.

    Nine queries at most, whatever the programme, the content version included: the programme
    with its components, key figures, results and publications (``programmes.items``), then one
    per other kind of related record.
    """

    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self) -> QuerySet[Programme]:
        # Staff see every programme and phase (those the public cannot see are marked by ``is_public``).
        programmes = Programme.objects.all() if self.request.user.is_staff else Programme.objects.published()
        phases = programmes.order_by("order", "start_date", "title")
        participation = related_model(Programme, "participations")
        grant = related_model(Programme, "grants")
        agreement = related_model(Programme, "agreements")
        return with_items(programmes.select_related("project_type", "parent")).prefetch_related(
            Prefetch("country_links", queryset=ProgrammeCountry.objects.select_related("country")),
            "thematic_areas",
            Prefetch("phases", queryset=phases),
            Prefetch("participations", queryset=participation.objects.select_related("organisation")),
            Prefetch("grants", queryset=grant.objects.select_related("funder", "component")),
            Prefetch("agreements", queryset=agreement.objects.prefetch_related("organisations")),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        by_role: dict[str, list[Country]] = defaultdict(list)
        for link in self.object.country_links.all():
            if link.country not in by_role[link.role]:
                by_role[link.role].append(link.country)
        Role = ProgrammeCountry.Role
        context |= {
            "benefiting_countries": by_role[Role.BENEFITING],
            "other_country_roles": [
                (label, by_role[value]) for value, label in Role.choices if value != Role.BENEFITING and by_role[value]
            ],
            "estimates": self.object.estimates(),
        }
        return context | items_of(self.object)

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        if not self.object.is_public:
            # A preview must not be kept by a shared cache.
            patch_cache_control(response, private=True, no_store=True)
        return response


class CountryListView(ReadsOnly, ListView):
    template_name = "programmes/country_list.html"
    context_object_name = "countries"

    def get_queryset(self) -> QuerySet[Country]:
        # One query: each country with the number of published programmes that work there.
        # (Meta.ordering does not apply to aggregating queries, hence the order_by.)
        return countries_with_programme_counts(Country.objects.all()).order_by("name")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        countries = context["countries"]
        context["caribbean"] = [c for c in countries if c.is_caribbean]
        context["elsewhere"] = [c for c in countries if not c.is_caribbean]
        return context


class CountryDetailView(ReadsOnly, ProgrammeListMixin, ListView):
    """A country, the published programmes that work there (counted and paginated), and apart
    those that only name it: as a venue, or as an origin or destination in the narrative."""

    template_name = "programmes/country_detail.html"
    context_object_name = "programmes"
    public_route = Route(LISTING)

    def get_queryset(self) -> QuerySet[Programme]:
        # The country with its count of the programmes listed, as the country list counts them.
        countries = countries_with_programme_counts(Country.objects.all(), keep_empty=True)
        self.country = get_object_or_404(countries, slug=self.kwargs["slug"])
        # for_listing(): project_type and parent joined, where each works and its areas prefetched.
        return self.apply_sort(Programme.objects.published().in_country(self.country).for_listing())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(country=self.country, named_in=self.named_in(), **kwargs)

    def named_in(self) -> list[tuple[Programme, list[str]]]:
        """The published programmes that name the country without working there, each with the
        roles it plays in them, newest first; one query."""
        Role = ProgrammeCountry.Role
        works_there = ProgrammeCountry.objects.filter(
            programme=OuterRef("programme"), country=self.country, role=Role.BENEFITING
        )
        links = (
            ProgrammeCountry.objects.filter(published_condition("programme"), country=self.country)
            .exclude(role=Role.BENEFITING)
            .exclude(Exists(works_there))
            .select_related("programme")
            .order_by(F("programme__start_date").desc(nulls_last=True), "programme__title", "programme", "role")
        )
        named: dict[int, tuple[Programme, list[str]]] = {}
        for link in links:
            named.setdefault(link.programme_id, (link.programme, []))[1].append(link.get_role_display())
        return list(named.values())


class ThematicAreaListView(ReadsOnly, ListView):
    template_name = "programmes/area_list.html"
    context_object_name = "areas"

    def get_queryset(self) -> QuerySet[ThematicArea]:
        return areas_with_programme_counts()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        areas = context["areas"]
        context["area_lists"] = [
            (label, [a for a in areas if a.list == value]) for value, label in ThematicArea.List.choices
        ]
        return context


class ThematicAreaDetailView(ReadsOnly, ProgrammeListMixin, ListView):
    template_name = "programmes/area_detail.html"
    context_object_name = "programmes"
    public_route = Route(LISTING)

    def get_queryset(self) -> QuerySet[Programme]:
        # The area with its count of the programmes listed, as the area list counts them.
        self.area = get_object_or_404(areas_with_programme_counts(), slug=self.kwargs["slug"])
        # for_listing(): project_type and parent joined, where each works and its areas prefetched.
        return self.apply_sort(Programme.objects.published().in_area(self.area).for_listing())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(area=self.area, **kwargs)
