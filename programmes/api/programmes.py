"""The API's programmes: their records (with the phases, organisations' roles, grants and
budgets of the detail) and their viewset.

Only what the public may see: ``Programme.objects.published()`` decides, for the programmes
listed, and every related row shown (phases, organisations' roles, grants). The list takes the
public list's filters (``ProgrammeFilter``) and sorts; a value they reject answers 400 with the reason.

Organisations and grants live in partners and funding, which import programmes: they are
reached through the reverse relations and serialised by attribute, never imported.
"""

from __future__ import annotations

import copy

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.viewsets import ReadOnlyModelViewSet

from iomcaribbean.content_language import LANGUAGE_PARAMETER, ContentLanguageMixin
from iomcaribbean.public_routes import PublicViewSet
from iomcaribbean.relations import related_model
from programmes.api.fields import (
    ChoiceField,
    CountryRefSerializer,
    OrganisationRefSerializer,
    PageLinkField,
    ProgrammeRefSerializer,
    ThematicAreaRefSerializer,
    TranslatedRecordSerializer,
)
from programmes.filters import ProgrammeFilter
from programmes.items import items_of, with_items
from programmes.kept_pages import KeptThroughRewordings
from programmes.models import Programme, ProgrammeCountry, iso_partial_date, related_links
from programmes.views.listing import DEFAULT_SORT, SORTS, best_matches_first

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


def partial_date_serializer(name: str, which: str) -> type[serializers.Serializer]:
    """The serializer, called ``name``, of a programme's ``which`` date ("start" or "end"): the date,
    its precision, its ISO form and display at that precision, and the estimate note."""

    class PartialDateSerializer(serializers.Serializer):
        date = serializers.DateField(
            source=f"{which}_date", allow_null=True, help_text="1 January or the 1st when imprecise."
        )
        precision = serializers.CharField(source=f"{which}_precision", help_text="day, month or year.")
        iso = serializers.SerializerMethodField(help_text="ISO 8601 to the precision known: '2001', '2001-10'.")
        display = serializers.CharField(source=f"{which}_display", help_text="Only what is known, e.g. 'October 2001'.")
        estimate = serializers.CharField(source=f"{which}_estimate", help_text=ESTIMATE_HELP)

        def get_iso(self, programme: Programme) -> str:
            return iso_partial_date(getattr(programme, f"{which}_date"), getattr(programme, f"{which}_precision"))

    # The OpenAPI schema names the component after the class.
    PartialDateSerializer.__name__ = PartialDateSerializer.__qualname__ = name
    return PartialDateSerializer


StartDateSerializer = partial_date_serializer("StartDateSerializer", "start")
EndDateSerializer = partial_date_serializer("EndDateSerializer", "end")


class BudgetSerializer(serializers.Serializer):
    amount = serializers.DecimalField(
        source="budget_amount", max_digits=14, decimal_places=2, allow_null=True, help_text="Null when not published."
    )
    currency = serializers.CharField(source="budget_currency", help_text="ISO 4217; empty without an amount.")


class ProgrammeCountrySerializer(TranslatedRecordSerializer):
    code = serializers.CharField(source="country.code", help_text="ISO 3166-1 alpha-2.")
    name = serializers.CharField(source="country.name")
    slug = serializers.SlugField(source="country.slug")
    role = ChoiceField(
        help_text="benefiting: where the programme works (IATI's recipient country); venue, origin and "
        "destination: places it names, not where it works."
    )
    percentage = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)


class ProjectTypeSerializer(TranslatedRecordSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ProgrammeSerializer(TranslatedRecordSerializer):
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


class ComponentSerializer(TranslatedRecordSerializer):
    title = serializers.CharField()
    description = serializers.CharField()


class DimensionSerializer(serializers.Serializer):
    of = serializers.CharField(help_text="What it breaks down: target or actual.")
    name = serializers.CharField()
    value = serializers.CharField()


class PeriodSerializer(TranslatedRecordSerializer):
    start = serializers.DateField()
    end = serializers.DateField()
    target_value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    target_comment = serializers.CharField()
    actual_value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    actual_comment = serializers.CharField()
    dimensions = DimensionSerializer(many=True, source="dimensions.all", help_text="Breakdowns, such as sex=female.")


class IndicatorSerializer(TranslatedRecordSerializer):
    title = serializers.CharField()
    description = serializers.CharField()
    measure = ChoiceField(help_text="IATI IndicatorMeasure code and label: 1 unit, 2 percentage, 5 qualitative.")
    unit_label = serializers.CharField()
    ascending = serializers.BooleanField(help_text="Whether higher is better.")
    baseline_year = serializers.IntegerField(allow_null=True)
    baseline_value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    baseline_comment = serializers.CharField()
    periods = PeriodSerializer(many=True, source="periods.all")


class ResultSerializer(TranslatedRecordSerializer):
    title = serializers.CharField()
    type = ChoiceField(help_text="IATI ResultType code and label; both empty when no source gives it.")
    description = serializers.CharField()
    aggregation_status = serializers.BooleanField(allow_null=True)
    indicators = IndicatorSerializer(many=True, source="indicators.all")


class KeyFigureSerializer(TranslatedRecordSerializer):
    value = serializers.DecimalField(max_digits=14, decimal_places=2)
    value_to = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    label = serializers.CharField()
    qualifier = serializers.CharField()


class PublicationSerializer(TranslatedRecordSerializer):
    title = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    url = serializers.CharField()
    description = serializers.CharField()


class LocationSerializer(TranslatedRecordSerializer):
    name = serializers.CharField()
    description = serializers.CharField()
    latitude = serializers.DecimalField(
        max_digits=8, decimal_places=6, allow_null=True, help_text="WGS 84; null when no point is known."
    )
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, allow_null=True, help_text="WGS 84.")
    country = CountryRefSerializer(allow_null=True)
    exactness = serializers.CharField(
        help_text="IATI GeographicExactness code: 1 exact, 2 approximate; empty if not said."
    )
    reach = serializers.CharField(help_text="IATI GeographicLocationReach code: 1 activity, 2 beneficiaries.")
    location_class = serializers.CharField(help_text="IATI GeographicLocationClass code.")
    feature_designation = serializers.CharField(help_text="IATI LocationType (GeoNames feature) code.")
    admin_vocabulary = serializers.CharField(help_text="IATI GeographicVocabulary of the administrative area.")
    admin_level = serializers.IntegerField(allow_null=True)
    admin_code = serializers.CharField()


class RelatedLinkSerializer(TranslatedRecordSerializer):
    relation = serializers.CharField(
        help_text="3 sibling, 4 co-funded, 5 third party (IATI RelatedActivityType), or the portal's own "
        "follows-up and prepared-for, which IATI does not carry."
    )
    label = serializers.CharField(help_text="The relation as read from this programme's side.")
    is_reverse = serializers.BooleanField(help_text="True when the other programme made the link, naming this one.")
    programme = ProgrammeRefSerializer(allow_null=True, help_text="The published programme of the portal it names.")
    title = serializers.CharField(
        source="title_record.title",
        help_text="That programme's title, or the outside activity as the source names it.",
    )
    description = serializers.CharField(source="activity.description")
    iati_identifier = serializers.CharField(help_text="The outside activity's IATI identifier; empty when not known.")


class ParticipationSerializer(TranslatedRecordSerializer):
    organisation = OrganisationRefSerializer()
    role = ChoiceField(help_text="IATI OrganisationRole code and label.")
    description = serializers.CharField()


class GrantSerializer(TranslatedRecordSerializer):
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
    locations = LocationSerializer(many=True, source="item_lists.locations")
    related_activities = RelatedLinkSerializer(
        many=True,
        source="item_lists.related_activities",
        help_text="Links to other activities, of the portal (published ones only) or outside it; a phase's "
        "parent and phases are `parent` and `phases`.",
    )
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
class ProgrammeViewSet(KeptThroughRewordings, PublicViewSet, ContentLanguageMixin, ReadOnlyModelViewSet):
    """Published programmes and their phases; an unpublished one does not exist here (404).

    A page of the list is kept through rewordings of the programmes it does not show
    (``programmes.kept_pages``), in each representation, unless a search or the sort by title make
    it read every programme found.
    """

    lookup_field = "slug"
    filterset_class = ProgrammeFilter
    list_parameters = frozenset({"sort"})
    detail_serializer_class: type[serializers.Serializer] = ProgrammeDetailSerializer

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return self.detail_serializer_class if self.action == "retrieve" else ProgrammeSerializer

    def rewording_plan(self, request: HttpRequest) -> str | None:
        # Decided before the view runs, so that a record, a search or the sort by title (which reads
        # every programme found) neither looks for a kept page nor notes the programmes it reads.
        if (
            self.action_map.get("get") != "list"
            or request.GET.get("q", "").strip()
            or request.GET.get("sort") == "title"
        ):
            return None
        return super().rewording_plan(request)

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
        items = items_of(programme)
        items["related_activities"] = related_links(programme, items["related_activities"], public_only=True)
        programme.item_lists = items
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
