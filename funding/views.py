"""Public pages about funders: who funds published programmes, and what each one funds.

Kept to one queryset per page so totals and charts can be added as annotations later.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.views.generic import DetailView, ListView

from funding.models import Grant
from partners.models import Organisation


def funders() -> QuerySet[Organisation]:
    """Organisations with at least one grant to a published programme."""
    return Organisation.objects.filter(id__in=Grant.objects.published().values("funder"))


class FunderListView(ListView):
    template_name = "funding/funder_list.html"
    context_object_name = "funders"

    def get_queryset(self) -> QuerySet[Organisation]:
        # One query: each funder, its country joined, with the number of published programmes it funds.
        published_grants = Grant.objects.published()
        return (
            funders()
            .select_related("country")
            .annotate(programme_count=Count("grants__programme", filter=Q(grants__in=published_grants), distinct=True))
            .order_by("name")
        )


class FunderDetailView(DetailView):
    """A funder's grants to published programmes; 404 for an organisation that funds none."""

    template_name = "funding/funder_detail.html"
    context_object_name = "funder"

    def get_queryset(self) -> QuerySet[Organisation]:
        return funders().select_related("country")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        grants = (
            Grant.objects.published()
            .filter(funder=self.object)
            .select_related("programme", "programme__parent", "component")
            .order_by("programme__title", "pk")
        )
        return super().get_context_data(grants=grants, **kwargs)
