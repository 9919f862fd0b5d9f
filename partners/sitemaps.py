"""Sitemap of the organisations' pages: those with a part in something public (``Organisation.objects.public()``)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from partners.models import Organisation


class PartnerListSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["partners:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Organisation]:
        # The organisations that have a page: the same rule as the page and the API.
        return Organisation.objects.public().order_by("name")


sitemaps = {"partner-list": PartnerListSitemap, "organisations": OrganisationSitemap}
