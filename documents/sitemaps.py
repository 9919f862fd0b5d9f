"""Sitemap of the document library (the files themselves are linked from it and from their records' pages)."""

from __future__ import annotations

from django.urls import reverse

from iomcaribbean.sitemaps import ReadOnceSitemap


class DocumentLibrarySitemap(ReadOnceSitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["documents:list"]

    def location(self, item: str) -> str:
        return reverse(item)


sitemaps = {"documents": DocumentLibrarySitemap}
