"""Public pages about organisations: those taking part in published programmes, and each public one's page."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.views.generic import DetailView, ListView

from iomcaribbean.views import ReadsOnly
from partners.models import Agreement, Organisation, Participation
from partners.selectors import with_programme_counts
from programmes.kept_pages import KeptThroughRewordings


class PartnerListView(KeptThroughRewordings, ReadsOnly, ListView):
    """Organisations with a role in at least one published programme, grouped by type: no programme's
    texts, so kept through every rewording (``programmes.kept_pages``)."""

    template_name = "partners/organisation_list.html"
    context_object_name = "organisations"

    def get_queryset(self) -> QuerySet[Organisation]:
        # One query: these organisations (Organisation.partners()), their country joined, each with
        # its count of published programmes (partners.selectors), a subquery per row, which keeps
        # the organisations' texts out of any sort a grouped count would need.
        partners = with_programme_counts(Organisation.objects.partners())
        return partners.select_related("country").order_by("type", "name")

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
            with_programme_counts(Organisation.objects.public())
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
