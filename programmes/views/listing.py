"""How the public lists of programmes are sorted and paged: the sorts (which the API's list and
the downloads take too), the list's query parameters, and the mixin of every paginated list."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Expression, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from programmes.filters import ProgrammeFilter
from programmes.models import Programme, by_status, current_first, newest_first, oldest_first

# ?sort= values: label, ordering. Programmes without a start date go last either way. Each
# ordering is the expression of an index (Programme.Meta.indexes), so a page is read, not sorted.
SORTS: dict[str, tuple[str | Promise, tuple]] = {
    "current": (gettext_lazy("Current and recent first"), current_first()),
    "-start": (gettext_lazy("Newest first"), newest_first()),
    "start": (gettext_lazy("Oldest first"), oldest_first()),
    "title": (gettext_lazy("Title"), ("title",)),
    "status": (gettext_lazy("Status"), by_status()),
}
DEFAULT_SORT = "current"
# The query parameters of the programme list: its filters, as the page, its downloads and the
# API's list read them, and its order and page (iomcaribbean.public_routes).
FILTERS = frozenset(ProgrammeFilter.base_filters)
LISTING = frozenset({"sort", "page"})


def best_matches_first(relevance: Expression) -> tuple:
    """A search's order: by relevance, equal matches newest first."""
    return (relevance.desc(), *newest_first())


class ProgrammeListMixin:
    """Paginated programme lists; each card needs its project type, parent, countries and areas."""

    paginate_by = None  # read at request time: tests and deployments may change it

    def get_paginate_by(self, queryset: QuerySet) -> int:
        return settings.PROGRAMMES_PER_PAGE

    def get_sort(self) -> str:
        sort = self.request.GET.get("sort", DEFAULT_SORT)
        return sort if sort in SORTS else DEFAULT_SORT

    def apply_sort(self, queryset: QuerySet[Programme]) -> QuerySet[Programme]:
        # The id last: programmes that tie (same title, same start) keep one order from one page
        # to the next, so none is shown twice or skipped. The sort's index still orders the rest.
        return queryset.order_by(*SORTS[self.get_sort()][1], "pk")
