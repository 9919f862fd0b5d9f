"""Sitemap of the funders' pages: organisations with a grant to a published programme."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from funding.selectors import funding_organisations
from iomcaribbean.sitemaps import ReadOnceSitemap
from partners.models import Organisation


class FunderListSitemap(ReadOnceSitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["funding:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class FunderSitemap(ReadOnceSitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Organisation]:
        return funding_organisations().order_by("name")

    def location(self, item: Organisation) -> str:
        return reverse("funding:detail", kwargs={"slug": item.slug})


sitemaps = {"funder-list": FunderListSitemap, "funders": FunderSitemap}
