"""Sitemap of the updates: their list and each public update's page."""

from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from updates.models import Update


class UpdateListSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["updates:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class UpdateSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Update]:
        return Update.objects.public().order_by("pk")

    def lastmod(self, item: Update) -> datetime.datetime:
        return item.updated_at


sitemaps = {"updates-list": UpdateListSitemap, "updates": UpdateSitemap}
