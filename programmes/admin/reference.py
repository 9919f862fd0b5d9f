"""The admins of the lists programmes are filed under: countries, thematic areas and project types."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from programmes.admin.base import TranslatedHistoryAdmin
from programmes.models import Country, ProjectType, ThematicArea


@admin.register(Country)
class CountryAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "code", "also_known_as", "is_caribbean", "programme_count"]
    list_filter = ["is_caribbean"]
    search_fields = ["name", "code", "also_known_as"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Every programme that names the country, published or not and in any role: staff see
        # what a deletion or a merge would touch, not the public count (programmes.selectors).
        # Aggregates drop Meta.ordering; the autocomplete paginates and needs a stable order.
        return (
            super().get_queryset(request).annotate(programme_count=Count("programmes", distinct=True)).order_by("name")
        )

    @admin.display(description="programmes", ordering="programme_count")
    def programme_count(self, obj: Country) -> int:
        return obj.programme_count


@admin.register(ThematicArea)
class ThematicAreaAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "list", "order", "overview_wording"]
    list_filter = ["list"]
    search_fields = ["name", "overview_wording"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ProjectType)
class ProjectTypeAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
