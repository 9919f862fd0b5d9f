"""The pages of countries and thematic areas: their lists, each counting its published
programmes, and a country's or an area's page with its published programmes, paginated."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Window
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.generic import ListView

from iomcaribbean.catalogue import kept
from iomcaribbean.public_routes import Route
from iomcaribbean.views import ReadsOnly
from programmes.kept_pages import KeptThroughRewordings
from programmes.maps import is_on_map, location_points
from programmes.models import Country, Location, Programme, ProgrammeCountry, ThematicArea, published_condition
from programmes.selectors import areas_with_programme_counts, countries_with_programme_counts
from programmes.views.listing import LISTING, ProgrammeListMixin

# A country's page shows the first of the places its programmes name, on the map and listed; the
# rest are on the country's pages of places. At volume a country has hundreds (some 500 of 10,000
# programmes'), too many points for one map and too much for a phone to load.
PLACES_SHOWN = 25
PLACES_PER_PAGE = 50
# So with the programmes that only name the country (as a venue, an origin or a destination): the
# newest on its page, every one on its pages of them (at volume some 60 of 10,000 programmes').
NAMED_SHOWN = 20
NAMED_PER_PAGE = 50


def places_in(country: Country) -> QuerySet[Location]:
    """The places in the country that published programmes name, by programme, the newest first.

    Not by title: which places the country's page shows first must not change with the rewording
    of a programme it does not show (``programmes.kept_pages``)."""
    located = Location.objects.filter(published_condition("programme"), country=country)
    newest_first = F("programme__start_date").desc(nulls_last=True)
    return located.select_related("programme").order_by(newest_first, "programme", "order", "pk")


def first_of(queryset: QuerySet, shown: int) -> tuple[list, int]:
    """The first ``shown`` rows and how many there are, in one query: each row carries the count of all
    (a window over the whole result, counted before the LIMIT)."""
    rows = list(queryset.annotate(rows_in_all=Window(Count("pk")))[:shown])
    return rows, rows[0].rows_in_all if rows else 0


# The roles a programme names a country in without working there, in the order they are listed.
NAMING_ROLES = sorted((role for role in ProgrammeCountry.Role if role != ProgrammeCountry.Role.BENEFITING), key=str)


def naming_programmes(country: Country) -> QuerySet[Programme]:
    """The published programmes that name the country without working there, newest first, each
    with whether it names it in each of ``NAMING_ROLES`` (``names_as_<role>``): one query."""
    links = ProgrammeCountry.objects.filter(programme=OuterRef("pk"), country=country)
    named_as = {f"names_as_{role}": Exists(links.filter(role=role)) for role in NAMING_ROLES}
    return (
        Programme.objects.published()
        .annotate(**named_as)
        .filter(Exists(links.filter(role__in=NAMING_ROLES)))
        .exclude(Exists(links.filter(role=ProgrammeCountry.Role.BENEFITING)))
        .order_by(F("start_date").desc(nulls_last=True), "pk")  # never by title: as ``places_in``
    )


def with_roles(programmes: list[Programme]) -> list[tuple[Programme, list[str]]]:
    """Each of ``naming_programmes``' programmes with the names of the roles it names the country in."""
    return [
        (programme, [role.label for role in NAMING_ROLES if getattr(programme, f"names_as_{role}")])
        for programme in programmes
    ]


class CountryListView(KeptThroughRewordings, ReadsOnly, ListView):
    """Every country, with its count of published programmes: no programme's texts, so kept through
    every rewording (``programmes.kept_pages``)."""

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


class KeptThroughRewordingsOfOthers(KeptThroughRewordings):
    """A page of programmes kept through rewordings of those it does not list: sorted by title, a page
    can change with the rewording of a programme on another, so it reads every programme listed."""

    def programmes_read_beyond_shown(self) -> Iterable[int]:
        if self.get_sort() != "title":
            return ()
        return self.object_list.order_by().prefetch_related(None).values_list("pk", flat=True)


class CountedWithThePlace:
    """A country's or an area's programmes, paginated by the count read with the place (``place``,
    ``programme_count``: the same programmes, counted as its list counts them): no COUNT of their own."""

    place: Country | ThematicArea

    def get_paginator(self, queryset: QuerySet[Programme], *args: Any, **kwargs: Any) -> Paginator:
        paginator = super().get_paginator(queryset, *args, **kwargs)
        paginator.count = self.place.programme_count
        return paginator


class CountryDetailView(CountedWithThePlace, KeptThroughRewordingsOfOthers, ReadsOnly, ProgrammeListMixin, ListView):
    """A country, the published programmes that work there (counted and paginated), and apart
    those that only name it: as a venue, or as an origin or destination in the narrative."""

    template_name = "programmes/country_detail.html"
    context_object_name = "programmes"
    public_route = Route(LISTING)

    def get_queryset(self) -> QuerySet[Programme]:
        # The country with its count of the programmes listed, as the country list counts them: the
        # country found first, so that only its own links are counted.
        country = Country.objects.filter(slug=self.kwargs["slug"])
        self.country = self.place = get_object_or_404(countries_with_programme_counts(country, keep_empty=True))
        # for_listing(): project_type and parent joined, where each works and its areas prefetched.
        return self.apply_sort(Programme.objects.published().in_country(self.country).for_listing())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        places, count = first_of(places_in(self.country), PLACES_SHOWN)
        named, named_count = first_of(naming_programmes(self.country), NAMED_SHOWN)
        return super().get_context_data(
            country=self.country,
            named_in=with_roles(named),
            named_count=named_count,
            locations=places,
            locations_count=count,
            map_html=self.map_html(places),
            **kwargs,
        )

    def map_html(self, places: list[Location]) -> str:
        """The map of the country's places and of every country's count, drawn once per catalogue
        version (``iomcaribbean.catalogue``) for these places: it reads no programme's texts."""
        if is_on_map(self.country):
            location_points(places)  # numbers the places as the map does, for the list beside it
        shown = hashlib.sha256(repr([place.pk for place in places]).encode()).hexdigest()[:16]
        context = {"country": self.country, "locations": places}
        return kept(
            self.request,
            f"country-map:{self.country.pk}:{shown}",
            lambda: render_to_string("includes/country_map.html", context),
        )


class CountryPagesView(ReadsOnly, ListView):
    """A country's pages of what its own page shows only the first of, a page at a time."""

    public_route = Route(frozenset({"page"}))

    def rows(self, country: Country) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet:
        self.country = get_object_or_404(Country, slug=self.kwargs["slug"])
        return self.rows(self.country)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(country=self.country, **kwargs)


class CountryPlacesView(CountryPagesView):
    """Every place in a country that published programmes name, each page's on the map."""

    template_name = "programmes/country_places.html"
    context_object_name = "locations"
    paginate_by = PLACES_PER_PAGE

    def rows(self, country: Country) -> QuerySet[Location]:
        return places_in(country)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # A list, read once: the map numbers each place, and the list beside it shows the numbers.
        context["locations"] = list(context["page_obj"].object_list)
        return context


class CountryNamedInView(CountryPagesView):
    """Every published programme that names a country without working there, with its roles."""

    template_name = "programmes/country_named_in.html"
    context_object_name = "programmes"
    paginate_by = NAMED_PER_PAGE

    def rows(self, country: Country) -> QuerySet[Programme]:
        return naming_programmes(country)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["named_in"] = with_roles(list(context["page_obj"].object_list))
        return context


class ThematicAreaListView(KeptThroughRewordings, ReadsOnly, ListView):
    """Every thematic area, with its count of published programmes: kept through every rewording."""

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


class ThematicAreaDetailView(
    CountedWithThePlace, KeptThroughRewordingsOfOthers, ReadsOnly, ProgrammeListMixin, ListView
):
    template_name = "programmes/area_detail.html"
    context_object_name = "programmes"
    public_route = Route(LISTING)

    def get_queryset(self) -> QuerySet[Programme]:
        # The area with its count of the programmes listed, as the area list counts them.
        self.area = self.place = get_object_or_404(areas_with_programme_counts(), slug=self.kwargs["slug"])
        # for_listing(): project_type and parent joined, where each works and its areas prefetched.
        return self.apply_sort(Programme.objects.published().in_area(self.area).for_listing())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(area=self.area, **kwargs)
