"""The pages of countries and thematic areas: their lists, each counting its published
programmes, and a country's or an area's page with its published programmes, paginated."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from iomcaribbean.public_routes import Route
from iomcaribbean.views import ReadsOnly
from programmes.models import Country, Location, Programme, ProgrammeCountry, ThematicArea, published_condition
from programmes.selectors import areas_with_programme_counts, countries_with_programme_counts
from programmes.views.listing import LISTING, ProgrammeListMixin

# A country's page shows the first of the places its programmes name, on the map and listed; the
# rest are on the country's pages of places. At volume a country has hundreds (some 500 of 10,000
# programmes'), too many points for one map and too much for a phone to load.
PLACES_SHOWN = 25
PLACES_PER_PAGE = 50


def places_in(country: Country) -> QuerySet[Location]:
    """The places in the country that published programmes name, by programme."""
    located = Location.objects.filter(published_condition("programme"), country=country)
    return located.select_related("programme").order_by("programme__title", "programme", "order", "pk")


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
        places = places_in(self.country)
        # One query, and a count only where there are more than are shown.
        shown = list(places[: PLACES_SHOWN + 1])
        count = len(shown) if len(shown) <= PLACES_SHOWN else places.count()
        return super().get_context_data(
            country=self.country,
            named_in=self.named_in(),
            locations=shown[:PLACES_SHOWN],
            locations_count=count,
            **kwargs,
        )

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


class CountryPlacesView(ReadsOnly, ListView):
    """Every place in a country that published programmes name, a page at a time, each page's on the map."""

    template_name = "programmes/country_places.html"
    context_object_name = "locations"
    paginate_by = PLACES_PER_PAGE
    public_route = Route(frozenset({"page"}))

    def get_queryset(self) -> QuerySet[Location]:
        self.country = get_object_or_404(Country, slug=self.kwargs["slug"])
        return places_in(self.country)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(country=self.country, **kwargs)
        # A list, read once: the map numbers each place, and the list beside it shows the numbers.
        context["locations"] = list(context["page_obj"].object_list)
        return context


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
