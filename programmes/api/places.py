"""The API's countries and thematic areas: their records, each with its published programmes
counted (``programmes.selectors``, as the public pages count them), and their viewsets.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.reverse import reverse
from rest_framework.viewsets import ReadOnlyModelViewSet

from iomcaribbean.content_language import LANGUAGE_PARAMETER, ContentLanguageMixin
from iomcaribbean.public_routes import PublicViewSet
from programmes.api.fields import (
    OVERVIEW_WORDING_HELP,
    ChoiceField,
    CodeLabelSerializer,
    PageLinkField,
    ProgrammeRefSerializer,
    TranslatedRecordSerializer,
)
from programmes.models import Country, Programme, ProgrammeCountry, ThematicArea, published_condition
from programmes.selectors import areas_with_programme_counts, countries_with_programme_counts

PROGRAMME_ORDER = (F("start_date").desc(nulls_last=True), "title")


def programme_list_url(request: Request, **filters: str) -> str:
    """The API's programme list with ``filters`` (the list's own parameters), as an absolute URL."""
    url = reverse("programmes_api:programme-list", request=request)
    return f"{url}?{urlencode(filters)}"


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


class CountrySerializer(TranslatedRecordSerializer):
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
        return programme_list_url(self.context["request"], country=country.slug)


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


class ThematicAreaSerializer(TranslatedRecordSerializer):
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
        return programme_list_url(self.context["request"], area=area.slug)


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
