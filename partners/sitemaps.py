"""Sitemap of the organisations' pages: those with a part in something public (``Organisation.objects.public()``)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from iomcaribbean.sitemaps import ReadOnceSitemap
from partners.models import Organisation


class PartnerListSitemap(ReadOnceSitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["partners:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class OrganisationSitemap(ReadOnceSitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Organisation]:
        # The organisations that have a page: the same rule as the page and the API.
        return Organisation.objects.public().order_by("name")


sitemaps = {"partner-list": PartnerListSitemap, "organisations": OrganisationSitemap}
