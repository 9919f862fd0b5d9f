"""Sitemaps of the public pages about programmes, countries and thematic areas.

Only published programmes, and only the countries and areas that have one, are listed.
The project's URLs put these together with the partners' and funders' sitemaps.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.urls import reverse

from iomcaribbean.sitemaps import ReadOnceSitemap
from programmes.models import Country, Overview, Programme, ThematicArea


class PagesSitemap(ReadOnceSitemap):
    """The overview (when one is published) and the lists."""

    changefreq = "weekly"

    def items(self) -> list[str]:
        pages = ["programmes:list", "programmes:countries", "programmes:areas", "programmes:about_data"]
        if Overview.objects.on_home_page().exists():
            pages.insert(0, "programmes:overview")
        return pages

    def location(self, item: str) -> str:
        return reverse(item)


class ProgrammeSitemap(ReadOnceSitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Programme]:
        return Programme.objects.published().order_by("pk")

    def lastmod(self, item: Programme) -> datetime.datetime:
        return item.updated_at


class CountrySitemap(ReadOnceSitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Country]:
        # Links of every role: the page of a country that programmes only name (a venue, a
        # destination) lists them, under "Also named in".
        return Country.objects.filter(programmes__in=Programme.objects.published()).distinct().order_by("name")


class ThematicAreaSitemap(ReadOnceSitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[ThematicArea]:
        published = Programme.objects.published()
        return ThematicArea.objects.filter(programmes__in=published).distinct().order_by("list", "order", "name")


sitemaps = {
    "pages": PagesSitemap,
    "programmes": ProgrammeSitemap,
    "countries": CountrySitemap,
    "areas": ThematicAreaSitemap,
}
