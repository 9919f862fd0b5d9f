"""The staff's admin for organisations, their roles in programmes, and agreements."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from partners.models import Agreement, Organisation, OverviewPartner, Participation
from programmes.admin import (
    CompactInline,
    OverviewAdmin,
    ProgrammeAdmin,
    TranslatedCompactInline,
    TranslatedHistoryAdmin,
)


class ParticipationInline(TranslatedCompactInline):
    model = Participation
    autocomplete_fields = ["organisation", "programme"]
    ordering = ["order", "role"]


class OverviewPartnerInline(CompactInline):
    model = OverviewPartner
    autocomplete_fields = ["organisation"]
    fields = ["group", "organisation", "order"]


# The programmes app never imports partners (arrows point one way), so partners adds its
# inlines to the programme and overview admins here; INSTALLED_APPS loads programmes first.
ProgrammeAdmin.inlines = [*ProgrammeAdmin.inlines, ParticipationInline]
OverviewAdmin.inlines = [*OverviewAdmin.inlines, OverviewPartnerInline]


@admin.register(Organisation)
class OrganisationAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "acronym", "type", "country", "participation_count", "grant_count"]
    list_filter = ["type", "participations__role", "country"]
    list_select_related = ["country"]
    search_fields = ["name", "acronym", "iati_identifier"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ParticipationInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                participation_count=Count("participations", distinct=True), grant_count=Count("grants", distinct=True)
            )
            # Aggregates drop Meta.ordering; the autocomplete paginates and needs a stable order.
            .order_by("name")
        )

    @admin.display(description="programmes", ordering="participation_count")
    def participation_count(self, obj: Organisation) -> int:
        return obj.participation_count

    @admin.display(description="grants", ordering="grant_count")
    def grant_count(self, obj: Organisation) -> int:
        return obj.grant_count


@admin.register(Participation)
class ParticipationAdmin(TranslatedHistoryAdmin):
    list_display = ["organisation", "role", "programme", "description"]
    list_filter = ["role", "programme__status"]
    list_select_related = ["organisation", "programme"]
    search_fields = ["organisation__name", "organisation__acronym", "programme__title", "programme__code"]
    autocomplete_fields = ["organisation", "programme"]


@admin.register(Agreement)
class AgreementAdmin(TranslatedHistoryAdmin):
    list_display = ["title", "signed_display", "subject", "party_list", "programme"]
    list_filter = ["subject"]
    list_select_related = ["programme"]
    search_fields = ["title", "subject", "organisations__name", "organisations__acronym"]
    autocomplete_fields = ["organisations", "programme"]
    date_hierarchy = "signed_date"
    fields = ["title", "organisations", ("signed_date", "signed_precision"), "subject", "programme", "description"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("organisations")

    @admin.display(description="signed", ordering="signed_date")
    def signed_display(self, obj: Agreement) -> str:
        return obj.signed_display

    @admin.display(description="parties")
    def party_list(self, obj: Agreement) -> str:
        return ", ".join(org.acronym or org.name for org in obj.organisations.all())
