"""Sitemap of the document library (the files themselves are linked from it and from their records' pages)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class DocumentLibrarySitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["documents:list"]

    def location(self, item: str) -> str:
        return reverse(item)


sitemaps = {"documents": DocumentLibrarySitemap}
