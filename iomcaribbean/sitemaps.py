"""The base of every app's sitemap (``iomcaribbean.urls`` puts them together in one)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.utils.functional import cached_property


class ReadOnceSitemap(Sitemap):
    """A sitemap whose records are read in one query: Django's counts them first (a COUNT per section,
    seven more queries in all), though a sitemap lists at most 50,000 and reads them all anyway."""

    @cached_property
    def paginator(self) -> Paginator:
        return Paginator(list(self._items()), self.limit)
