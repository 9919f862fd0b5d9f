"""Public pages about organisations: those taking part in published programmes, and each public one's page."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.views.generic import DetailView, ListView

from iomcaribbean.views import ReadsOnly
from partners.models import Agreement, Organisation, Participation


class PartnerListView(ReadsOnly, ListView):
    """Organisations with a role in at least one published programme, grouped by type."""

    template_name = "partners/organisation_list.html"
    context_object_name = "organisations"

    def get_queryset(self) -> list[Organisation]:
        # Two queries: each organisation's published programmes counted on the participations
        # alone (these organisations are Organisation.partners()), then those organisations, their
        # country joined. Counting through a join of the organisations' rows would carry all their
        # texts through the sort the count needs.
        counts = dict(
            Participation.objects.public()
            .order_by()
            .values_list("organisation")
            .annotate(programmes=Count("programme", distinct=True))
        )
        organisations = list(
            Organisation.objects.filter(pk__in=list(counts)).select_related("country").order_by("type", "name")
        )
        for organisation in organisations:
            organisation.programme_count = counts[organisation.pk]
        return organisations

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        organisations = context["organisations"]
        context["groups"] = [
            (label, members)
            for value, label in Organisation.Type.choices
            if (members := [o for o in organisations if o.type == value])
        ]
        return context


class OrganisationDetailView(ReadsOnly, DetailView):
    """An organisation with a part in something public (``Organisation.objects.public()``, as the
    API); it lists only its public roles and agreements, and its grants to published programmes."""

    template_name = "partners/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self) -> QuerySet[Organisation]:
        participations = Participation.objects.public().select_related("programme", "programme__parent")
        agreements = Agreement.objects.public().select_related("programme").prefetch_related("organisations")
        return (
            Organisation.objects.public()
            .select_related("country")
            .prefetch_related(
                Prefetch("participations", queryset=participations),
                Prefetch("agreements", queryset=agreements),
            )
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Grants through the reverse manager: partners does not import funding, which imports partners.
        grants = self.object.grants.published().select_related("programme", "component")
        return super().get_context_data(grants=grants, **kwargs)
