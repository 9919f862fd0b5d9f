"""The read-only API of programmes, countries and thematic areas.

Only what the public may see: ``Programme.objects.published()`` decides, for the programmes
listed, the ones a country or an area counts, and every related row shown (phases,
organisations' roles, grants). The programme list takes the public list's filters
(``ProgrammeFilter``) and sorts; a value they reject answers 400 with the reason.

Organisations and grants live in partners and funding, which import programmes: they are
reached through the reverse relations and serialised by attribute, never imported.
"""

from __future__ import annotations

import copy

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.reverse import reverse
from rest_framework.viewsets import ReadOnlyModelViewSet

from iomcaribbean.content_language import LANGUAGE_PARAMETER, ContentLanguageMixin
from iomcaribbean.public_routes import PublicViewSet
from iomcaribbean.relations import related_model
from programmes.filters import ProgrammeFilter
from programmes.items import items_of, with_items
from programmes.models import (
    Country,
    Programme,
    ProgrammeCountry,
    ThematicArea,
    iso_partial_date,
    published_condition,
)
from programmes.selectors import areas_with_programme_counts, countries_with_programme_counts
from programmes.views import DEFAULT_SORT, SORTS, best_matches_first

PROGRAMME_ORDER = (F("start_date").desc(nulls_last=True), "title")


# Shared pieces ----------------------------------------------------------------------------------


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


@extend_schema_field(CodeLabelSerializer)
class ChoiceField(serializers.Field):
    """A choice as ``{"code": stored value, "label": what the site shows}``; ``source`` names the model field."""

    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return {"code": getattr(instance, self.source), "label": getattr(instance, f"get_{self.source}_display")()}

    def to_representation(self, value: dict) -> dict:
        return value


@extend_schema_field(OpenApiTypes.URI)
class PageLinkField(serializers.Field):
    """The absolute URL of the record's public page."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class ApiLinkField(serializers.Field):
    """The absolute URL of the record in the API, from its own ``get_api_url()`` (an organisation
    is the partners app's, whose API address programmes does not name)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        return self.context["request"].build_absolute_uri(instance.get_api_url())


class ProgrammeRefSerializer(serializers.Serializer):
    """A programme named in another record: enough to show it and follow it."""

    slug = serializers.SlugField()
    title = serializers.CharField()
    code = serializers.CharField()
    url = PageLinkField()
    api_url = serializers.HyperlinkedIdentityField(view_name="programmes_api:programme-detail", lookup_field="slug")


class OrganisationRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    type = ChoiceField()
    api_url = ApiLinkField()


class CountryRefSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2.")
    name = serializers.CharField()
    slug = serializers.SlugField()


# Programmes -------------------------------------------------------------------------------------


ESTIMATE_HELP = "Empty when a source states the value; otherwise what the estimate rests on."


class StatusSerializer(serializers.Serializer):
    code = serializers.CharField(source="status")
    label = serializers.CharField(source="get_status_display")
    iati_code = serializers.CharField(source="iati_status", help_text="IATI ActivityStatus code.")
    estimate = serializers.CharField(source="status_estimate", help_text=ESTIMATE_HELP)


class CoverageSerializer(serializers.Serializer):
    code = serializers.CharField(source="coverage", help_text="Empty when not known.")
    label = serializers.CharField(source="get_coverage_display")
    iati_code = serializers.SerializerMethodField(help_text="IATI ActivityScope code; null when not known.")
    estimate = serializers.CharField(source="coverage_estimate", help_text=ESTIMATE_HELP)

    def get_iati_code(self, programme: Programme) -> str | None:
        return Programme.IATI_SCOPE.get(programme.coverage)


class StartDateSerializer(serializers.Serializer):
    date = serializers.DateField(source="start_date", allow_null=True, help_text="1 January or the 1st when imprecise.")
    precision = serializers.CharField(source="start_precision", help_text="day, month or year.")
    iso = serializers.SerializerMethodField(help_text="ISO 8601 to the precision known: '2001', '2001-10'.")
    display = serializers.CharField(source="start_display", help_text="Only what is known, e.g. 'October 2001'.")
    estimate = serializers.CharField(source="start_estimate", help_text=ESTIMATE_HELP)

    def get_iso(self, programme: Programme) -> str:
        return iso_partial_date(programme.start_date, programme.start_precision)


class EndDateSerializer(serializers.Serializer):
    date = serializers.DateField(source="end_date", allow_null=True, help_text="1 January or the 1st when imprecise.")
    precision = serializers.CharField(source="end_precision", help_text="day, month or year.")
    iso = serializers.SerializerMethodField(help_text="ISO 8601 to the precision known: '2001', '2001-10'.")
    display = serializers.CharField(source="end_display", help_text="Only what is known, e.g. 'October 2001'.")
    estimate = serializers.CharField(source="end_estimate", help_text=ESTIMATE_HELP)

    def get_iso(self, programme: Programme) -> str:
        return iso_partial_date(programme.end_date, programme.end_precision)


class BudgetSerializer(serializers.Serializer):
    amount = serializers.DecimalField(
        source="budget_amount", max_digits=14, decimal_places=2, allow_null=True, help_text="Null when not published."
    )
    currency = serializers.CharField(source="budget_currency", help_text="ISO 4217; empty without an amount.")


class ProgrammeCountrySerializer(serializers.Serializer):
    code = serializers.CharField(source="country.code", help_text="ISO 3166-1 alpha-2.")
    name = serializers.CharField(source="country.name")
    slug = serializers.SlugField(source="country.slug")
    role = ChoiceField(
        help_text="benefiting: where the programme works (IATI's recipient country); venue, origin and "
        "destination: places it names, not where it works."
    )
    percentage = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)


OVERVIEW_WORDING_HELP = "The area as the overview words it (the source's text); the name is what every page shows."


class ThematicAreaRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    overview_wording = serializers.CharField(help_text=OVERVIEW_WORDING_HELP)


class ProjectTypeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ProgrammeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    acronym = serializers.CharField()
    code = serializers.CharField(help_text="IOM project code.")
    iati_identifier = serializers.CharField()
    summary = serializers.CharField()
    status = StatusSerializer(source="*")
    coverage = CoverageSerializer(source="*")
    project_type = ProjectTypeSerializer(allow_null=True)
    dac_sector = serializers.CharField(help_text="OECD DAC 5-digit purpose code.")
    countries = ProgrammeCountrySerializer(source="country_links", many=True)
    thematic_areas = ThematicAreaRefSerializer(many=True)
    thematic_areas_estimate = serializers.CharField(source="areas_estimate", help_text=ESTIMATE_HELP)
    start = StartDateSerializer(source="*")
    end = EndDateSerializer(source="*")
    budget = BudgetSerializer(source="*")
    parent = ProgrammeRefSerializer(allow_null=True)
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    url = PageLinkField()
    api_url = serializers.HyperlinkedIdentityField(view_name="programmes_api:programme-detail", lookup_field="slug")


class ComponentSerializer(serializers.Serializer):
    title = serializers.CharField()
    description = serializers.CharField()


class ResultSerializer(serializers.Serializer):
    title = serializers.CharField()
    achieved = serializers.BooleanField()


class KeyFigureSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=14, decimal_places=2)
    value_to = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    label = serializers.CharField()
    qualifier = serializers.CharField()


class PublicationSerializer(serializers.Serializer):
    title = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    url = serializers.CharField()
    description = serializers.CharField()


class ParticipationSerializer(serializers.Serializer):
    organisation = OrganisationRefSerializer()
    role = ChoiceField(help_text="IATI OrganisationRole code and label.")
    description = serializers.CharField()


class GrantSerializer(serializers.Serializer):
    funder = OrganisationRefSerializer()
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, help_text="Null: not published."
    )
    currency = serializers.CharField(help_text="ISO 4217.")
    period_start = serializers.DateField(source="start_date", allow_null=True)
    period_start_precision = serializers.CharField(source="start_precision")
    period_end = serializers.DateField(source="end_date", allow_null=True)
    period_end_precision = serializers.CharField(source="end_precision")
    period_display = serializers.CharField()
    purpose = serializers.CharField()
    is_primary = serializers.BooleanField(help_text="The programme's main source of funding.")
    component = serializers.CharField(source="component.title", allow_null=True)


class PeriodBudgetSerializer(serializers.Serializer):
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)
    currency = serializers.CharField(help_text="ISO 4217.")
    status = ChoiceField(help_text="IATI BudgetStatus code and label.")


class ProgrammeDetailSerializer(ProgrammeSerializer):
    description = serializers.CharField()
    phases = ProgrammeRefSerializer(many=True, help_text="Published phases or components, in order.")
    # Read with the programme (programmes.items); ProgrammeViewSet.get_object puts them in item_lists.
    components = ComponentSerializer(many=True, source="item_lists.components")
    results = ResultSerializer(many=True, source="item_lists.results")
    key_figures = KeyFigureSerializer(many=True, source="item_lists.key_figures")
    publications = PublicationSerializer(many=True, source="item_lists.publications")
    participations = ParticipationSerializer(many=True, help_text="Organisations taking part, and their roles.")
    grants = GrantSerializer(many=True, help_text="Funding, one amount per currency; never add currencies up.")
    budgets = PeriodBudgetSerializer(many=True, help_text="The budget per period of at most a year.")


class FilterCopyExtension(DjangoFilterExtension):
    """drf-spectacular's reading of a FilterSet, done on copies of its filters.

    Reading a filter builds its form field, which django-filter caches on the filter. On the
    class's own filters that cache would outlive the schema request and be copied into every
    later FilterSet, so ``ProgrammeFilter`` could no longer narrow its status and coverage
    choices to those of published programmes (the public list would offer them all).
    """

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field) -> list:
        return super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, copy.deepcopy(filter_field)
        )


SORT_PARAMETER = OpenApiParameter(
    "sort",
    str,
    enum=list(SORTS),
    default=DEFAULT_SORT,
    description="Order of the list, as on the public list: "
    + "; ".join(f"{k}: {v[0]}" for k, v in SORTS.items())
    + ". With q and no sort, the best matches first.",
)


@extend_schema_view(
    list=extend_schema(
        summary="Published programmes, filtered as the public list", parameters=[SORT_PARAMETER, LANGUAGE_PARAMETER]
    ),
    retrieve=extend_schema(summary="A published programme", parameters=[LANGUAGE_PARAMETER]),
)
class ProgrammeViewSet(PublicViewSet, ContentLanguageMixin, ReadOnlyModelViewSet):
    """Published programmes and their phases; an unpublished one does not exist here (404)."""

    lookup_field = "slug"
    filterset_class = ProgrammeFilter
    list_parameters = frozenset({"sort"})
    detail_serializer_class: type[serializers.Serializer] = ProgrammeDetailSerializer

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return self.detail_serializer_class if self.action == "retrieve" else ProgrammeSerializer

    def get_queryset(self) -> QuerySet[Programme]:
        # Every row: project type and parent joined; countries (with their roles) and areas prefetched.
        queryset = (
            Programme.objects.published()
            .select_related("project_type", "parent")
            .prefetch_related(
                Prefetch("country_links", queryset=ProgrammeCountry.objects.select_related("country")),
                "thematic_areas",
            )
        )
        if self.action != "retrieve":
            return queryset
        participation = related_model(Programme, "participations")
        grant = related_model(Programme, "grants")
        return with_items(queryset).prefetch_related(
            Prefetch("phases", queryset=Programme.objects.published().order_by("order", "start_date", "title")),
            Prefetch("participations", queryset=participation.objects.select_related("organisation")),
            Prefetch("grants", queryset=grant.objects.select_related("funder", "component")),
            "budgets",
        )

    def get_object(self) -> Programme:
        programme = super().get_object()
        programme.item_lists = items_of(programme)
        return programme

    def filter_queryset(self, queryset: QuerySet[Programme]) -> QuerySet[Programme]:
        if self.action != "list":
            return queryset  # a programme's record is found by its slug alone
        queryset = super().filter_queryset(queryset)
        sort = self.request.query_params.get("sort")
        text = self.request.query_params.get("q", "")
        if sort is None and text.strip():  # as the list: a search without a sort, best matches first
            return queryset.order_by(*best_matches_first(ProgrammeFilter.searcher().relevance(text, queryset.db)))
        if sort is None:
            sort = DEFAULT_SORT
        if sort not in SORTS:
            raise ValidationError({"sort": [f"Sort by one of: {', '.join(SORTS)}."]})
        return queryset.order_by(*SORTS[sort][1])


# Countries and thematic areas -------------------------------------------------------------------


class ProgrammeRoleSerializer(ProgrammeRefSerializer):
    roles = CodeLabelSerializer(many=True, help_text="The roles the country plays in the programme.")


def programmes_with_roles(links: list[ProgrammeCountry]) -> list[Programme]:
    """The programmes of a country's links, once each, with the roles the country plays in it."""
    programmes: dict[int, Programme] = {}
    for link in links:
        if link.programme_id not in programmes:
            programmes[link.programme_id] = link.programme
            link.programme.roles = []
        programmes[link.programme_id].roles.append({"code": link.role, "label": link.get_role_display()})
    return list(programmes.values())


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2 (AN for the former Netherlands Antilles).")
    name = serializers.CharField()
    also_known_as = serializers.CharField()
    slug = serializers.SlugField()
    is_caribbean = serializers.BooleanField()
    programme_count = serializers.IntegerField(
        help_text="Published programmes that work in the country; those that only name it (as a venue, an "
        "origin or a destination) are not counted."
    )
    url = PageLinkField()
    api_url = serializers.HyperlinkedIdentityField(view_name="programmes_api:country-detail", lookup_field="slug")
    programmes_api_url = serializers.SerializerMethodField()

    def get_programmes_api_url(self, country: Country) -> str:
        url = reverse("programmes_api:programme-list", request=self.context["request"])
        return f"{url}?country={country.slug}"


class CountryDetailSerializer(CountrySerializer):
    programmes = serializers.SerializerMethodField(
        help_text="Published programmes that work in the country or name it, each with the roles the country "
        "plays in it; only those where it has the role benefiting are in programme_count."
    )

    @extend_schema_field(ProgrammeRoleSerializer(many=True))
    def get_programmes(self, country: Country) -> list:
        return ProgrammeRoleSerializer(
            programmes_with_roles(country.public_links), many=True, context=self.context
        ).data


@extend_schema_view(
    list=extend_schema(summary="Countries where published programmes work", parameters=[LANGUAGE_PARAMETER]),
    retrieve=extend_schema(
        summary="A country and the published programmes that work there or name it", parameters=[LANGUAGE_PARAMETER]
    ),
)
class CountryViewSet(PublicViewSet, ContentLanguageMixin, ReadOnlyModelViewSet):
    """Countries where published programmes work, as the public country list shows them; a
    country they only name (a venue, an origin, a destination) has its record too, as its page."""

    lookup_field = "slug"
    filter_backends: list = []

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return CountryDetailSerializer if self.action == "retrieve" else CountrySerializer

    def get_queryset(self) -> QuerySet[Country]:
        if self.action != "retrieve":
            # One query, the country list's: each country where published programmes work, counted.
            return countries_with_programme_counts(Country.objects.all()).order_by("name")
        any_link = ProgrammeCountry.objects.filter(published_condition("programme"), country=OuterRef("pk"))
        queryset = countries_with_programme_counts(Country.objects.filter(Exists(any_link)), keep_empty=True)
        links = (
            ProgrammeCountry.objects.filter(programme__in=Programme.objects.published())
            .select_related("programme")
            .order_by(F("programme__start_date").desc(nulls_last=True), "programme__title", "role")
        )
        return queryset.prefetch_related(Prefetch("programme_links", queryset=links, to_attr="public_links"))


class ThematicAreaSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    overview_wording = serializers.CharField(help_text=OVERVIEW_WORDING_HELP)
    list = ChoiceField(help_text="Core service area or priority area.")
    order = serializers.IntegerField()
    description = serializers.CharField()
    programme_count = serializers.IntegerField(help_text="Published programmes in the area.")
    url = PageLinkField()
    api_url = serializers.HyperlinkedIdentityField(view_name="programmes_api:area-detail", lookup_field="slug")
    programmes_api_url = serializers.SerializerMethodField()

    def get_programmes_api_url(self, area: ThematicArea) -> str:
        url = reverse("programmes_api:programme-list", request=self.context["request"])
        return f"{url}?area={area.slug}"


class ThematicAreaDetailSerializer(ThematicAreaSerializer):
    programmes = ProgrammeRefSerializer(source="public_programmes", many=True)


@extend_schema_view(
    list=extend_schema(
        summary="Thematic areas, with their number of published programmes", parameters=[LANGUAGE_PARAMETER]
    ),
    retrieve=extend_schema(summary="A thematic area and its published programmes", parameters=[LANGUAGE_PARAMETER]),
)
class ThematicAreaViewSet(PublicViewSet, ContentLanguageMixin, ReadOnlyModelViewSet):
    """The core service and priority areas, as the public list of areas shows them."""

    lookup_field = "slug"
    filter_backends: list = []

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return ThematicAreaDetailSerializer if self.action == "retrieve" else ThematicAreaSerializer

    def get_queryset(self) -> QuerySet[ThematicArea]:
        queryset = areas_with_programme_counts()
        if self.action != "retrieve":
            return queryset
        programmes = Programme.objects.published().order_by(*PROGRAMME_ORDER)
        return queryset.prefetch_related(Prefetch("programmes", queryset=programmes, to_attr="public_programmes"))
