"""Sitemap of the updates: their list and each public update's page."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.urls import reverse

from iomcaribbean.sitemaps import ReadOnceSitemap
from updates.models import Update


class UpdateListSitemap(ReadOnceSitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["updates:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class UpdateSitemap(ReadOnceSitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Update]:
        return Update.objects.public().order_by("pk")

    def lastmod(self, item: Update) -> datetime.datetime:
        return item.updated_at


sitemaps = {"updates-list": UpdateListSitemap, "updates": UpdateSitemap}
