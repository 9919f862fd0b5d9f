"""Sitemap of the organisations' pages: those taking part in or funding a published programme."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Q, QuerySet
from django.urls import reverse

from partners.models import Organisation
from programmes.models import Programme


class PartnerListSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["partners:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Organisation]:
        published = Programme.objects.published()
        # Grants through the reverse relation: partners does not import funding.
        involved = Q(id__in=published.values("participations__organisation")) | Q(
            id__in=published.values("grants__funder")
        )
        return Organisation.objects.filter(involved).order_by("name")


sitemaps = {"partner-list": PartnerListSitemap, "organisations": OrganisationSitemap}
