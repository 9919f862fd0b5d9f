"""The read-only API of organisations: those with a part in something public.

The organisations are those with a page (``Organisation.objects.public()``): taking part in or
funding a published programme, party to a published agreement, or named in the overview. One
whose only programmes are unpublished is not listed and its detail is a 404; the roles, grants
and counts shown concern published programmes only. Grants are reached
through the reverse relation: partners does not import funding, which imports partners. The
link to an organisation's funder record is funding's: ``funding.api`` adds it to these records,
and its subclass of the viewset is the one routed.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.viewsets import ReadOnlyModelViewSet

from iomcaribbean.content_language import LANGUAGE_PARAMETER, ContentLanguageMixin
from iomcaribbean.public_routes import PublicViewSet
from iomcaribbean.relations import related_model
from partners.models import Organisation, Participation
from partners.selectors import with_programme_counts
from programmes.api.fields import (
    ChoiceField,
    CountryRefSerializer,
    PageLinkField,
    ProgrammeRefSerializer,
    TranslatedRecordSerializer,
)
from programmes.api.programmes import GrantSerializer


class OrganisationSerializer(TranslatedRecordSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    type = ChoiceField(help_text="IATI OrganisationType code and label.")
    country = CountryRefSerializer(allow_null=True)
    website = serializers.CharField()
    iati_identifier = serializers.CharField()
    programme_count = serializers.IntegerField(help_text="Published programmes it takes part in or funds, each once.")
    funded_programme_count = serializers.IntegerField(help_text="Published programmes it funds.")
    url = PageLinkField()
    api_url = serializers.HyperlinkedIdentityField(view_name="partners_api:organisation-detail", lookup_field="slug")


class OrganisationParticipationSerializer(TranslatedRecordSerializer):
    programme = ProgrammeRefSerializer()
    role = ChoiceField(help_text="IATI OrganisationRole code and label.")
    description = serializers.CharField()


class OrganisationGrantSerializer(GrantSerializer):
    funder = None
    programme = ProgrammeRefSerializer()


class OrganisationDetailSerializer(OrganisationSerializer):
    description = serializers.CharField()
    programmes = serializers.SerializerMethodField()
    participations = OrganisationParticipationSerializer(source="public_participations", many=True)
    grants = OrganisationGrantSerializer(source="public_grants", many=True, help_text="Never add currencies up.")

    @extend_schema_field(ProgrammeRefSerializer(many=True))
    def get_programmes(self, organisation: Organisation) -> list:
        """Each published programme it takes part in or funds, once."""
        rows = [*organisation.public_participations, *organisation.public_grants]
        programmes = list({row.programme_id: row.programme for row in rows}.values())
        programmes.sort(key=lambda p: p.title)
        return ProgrammeRefSerializer(programmes, many=True, context=self.context).data


@extend_schema_view(
    list=extend_schema(
        summary="Organisations with a part in published programmes, agreements or the overview",
        parameters=[LANGUAGE_PARAMETER],
    ),
    retrieve=extend_schema(
        summary="An organisation and its roles in published programmes", parameters=[LANGUAGE_PARAMETER]
    ),
)
class OrganisationViewSet(PublicViewSet, ContentLanguageMixin, ReadOnlyModelViewSet):
    lookup_field = "slug"
    filter_backends: list = []
    serializer_class: type[serializers.Serializer] = OrganisationSerializer
    detail_serializer_class: type[serializers.Serializer] = OrganisationDetailSerializer

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return self.detail_serializer_class if self.action == "retrieve" else self.serializer_class

    def get_queryset(self) -> QuerySet[Organisation]:
        # One query: the organisations with a public part (as their pages), the country joined,
        # both counts over published programmes only, as the partner pages count (partners.selectors).
        queryset = with_programme_counts(Organisation.objects.public()).select_related("country").order_by("name")
        if self.action != "retrieve":
            return queryset
        participations = Participation.objects.public().select_related("programme")
        grants = related_model(Organisation, "grants").objects.published().select_related("programme", "component")
        return queryset.prefetch_related(
            Prefetch("participations", queryset=participations, to_attr="public_participations"),
            Prefetch("grants", queryset=grants, to_attr="public_grants"),
        )
