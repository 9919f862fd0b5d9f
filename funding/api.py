"""The read-only API of funders: organisations with grants to published programmes.

As on the funder pages, only grants to published programmes appear or count, and money is
totalled per currency by the database (``funding.selectors``), never across currencies. A
grant whose amount is not published counts as a grant, never as zero.

Also the organisations' records with what only this app knows, the link to an organisation's
funder record: these subclasses of partners' add ``funder_api_url``, and
``funding.organisation_api_urls`` routes ``/api/organisations/`` to them. They keep their
parents' names and descriptions, so the OpenAPI schema is the same as when partners served it.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.viewsets import ReadOnlyModelViewSet

from funding.models import Grant
from funding.selectors import (
    departments_parents,
    funder_grants,
    funding_organisations,
    money_totals,
    rolled_up,
    with_funder_counts,
)
from iomcaribbean.content_language import LANGUAGE_PARAMETER, ContentLanguageMixin
from iomcaribbean.public_routes import PublicViewSet
from partners import api as partners_api
from partners.models import Organisation, in_family_of
from programmes.api.fields import ChoiceField, CountryRefSerializer, ProgrammeRefSerializer, TranslatedRecordSerializer
from programmes.api.programmes import GrantSerializer


class CurrencyTotalSerializer(serializers.Serializer):
    currency = serializers.CharField(help_text="ISO 4217.")
    granted = serializers.DecimalField(
        max_digits=16, decimal_places=2, allow_null=True, help_text="Sum of the published grant amounts."
    )
    grants = serializers.IntegerField()
    unpublished_amounts = serializers.IntegerField(help_text="Grants whose amount is not published.")
    committed = serializers.DecimalField(max_digits=16, decimal_places=2)
    disbursed = serializers.DecimalField(max_digits=16, decimal_places=2)
    spent = serializers.DecimalField(max_digits=16, decimal_places=2)


class FunderSerializer(TranslatedRecordSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    type = ChoiceField(help_text="IATI OrganisationType code and label.")
    country = CountryRefSerializer(allow_null=True)
    iati_identifier = serializers.CharField()
    programme_count = serializers.IntegerField(
        source="funded_programme_count",
        help_text="Published programmes it funds, its departments' grants with its own.",
    )
    grant_count = serializers.IntegerField(help_text="Its grants to published programmes.")
    unpublished_count = serializers.IntegerField(help_text="Of those, grants whose amount is not published.")
    totals = CurrencyTotalSerializer(many=True, help_text="One row per currency: never add them up.")
    url = serializers.SerializerMethodField()
    api_url = serializers.HyperlinkedIdentityField(view_name="funding_api:funder-detail", lookup_field="slug")
    organisation_api_url = serializers.HyperlinkedIdentityField(
        view_name="partners_api:organisation-detail", lookup_field="slug"
    )

    def get_url(self, funder: Organisation) -> str:
        return self.context["request"].build_absolute_uri(reverse("funding:detail", kwargs={"slug": funder.slug}))


class FunderGrantSerializer(GrantSerializer):
    funder = None
    programme = ProgrammeRefSerializer()


class FunderDetailSerializer(FunderSerializer):
    description = serializers.CharField()
    grants = FunderGrantSerializer(many=True, source="public_grants")


@extend_schema_view(
    list=extend_schema(
        summary="Funders of published programmes, with totals per currency", parameters=[LANGUAGE_PARAMETER]
    ),
    retrieve=extend_schema(summary="A funder and its grants to published programmes", parameters=[LANGUAGE_PARAMETER]),
)
class FunderViewSet(PublicViewSet, ContentLanguageMixin, ReadOnlyModelViewSet):
    lookup_field = "slug"
    filter_backends: list = []

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return FunderDetailSerializer if self.action == "retrieve" else FunderSerializer

    def get_queryset(self) -> QuerySet[Organisation]:
        # One query: each funder, its country joined (its counts come with its page's totals).
        return funding_organisations().select_related("country").order_by("name")

    def paginate_queryset(self, queryset: QuerySet[Organisation]) -> list[Organisation] | None:
        page = super().paginate_queryset(queryset)
        if page is None:
            return None
        # Four more queries for the page's counts and totals per currency (the departments, grants,
        # then transactions), a body's including its departments' as on the funder pages.
        published = Grant.objects.published().filter(in_family_of("funder", [funder.pk for funder in page], "in"))
        parents = departments_parents()
        totals = rolled_up(money_totals(published, per="funder"), parents)
        for funder in page:
            funder.totals = totals.get(funder.pk, [])
        return with_funder_counts(page, parents)

    def get_object(self) -> Organisation:
        funder = super().get_object()
        with_funder_counts([funder])
        grants = funder_grants(funder)
        funder.totals = money_totals(grants).get(None, [])
        funder.public_grants = grants.select_related("programme", "component").order_by("programme__title", "pk")
        return funder


# No docstring: the schema describes the record by its parent's (it has none), as when partners served it.
class OrganisationSerializer(partners_api.OrganisationSerializer):
    funder_api_url = serializers.SerializerMethodField(help_text="Its funder record, when it funds a programme.")

    def get_funder_api_url(self, organisation: Organisation) -> str | None:
        if not organisation.funded_programme_count:
            return None
        url = reverse("funding_api:funder-detail", kwargs={"slug": organisation.slug})
        return self.context["request"].build_absolute_uri(url)


# The funder link first, then the detail's fields: the order of the record before it was funding's.
class OrganisationDetailSerializer(OrganisationSerializer, partners_api.OrganisationDetailSerializer):
    pass


# No docstring: the schema describes the operations by the parent's.
class OrganisationViewSet(partners_api.OrganisationViewSet):
    serializer_class = OrganisationSerializer
    detail_serializer_class = OrganisationDetailSerializer
