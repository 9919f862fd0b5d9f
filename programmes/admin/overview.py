"""The narrative layer of the overview admin: its texts and its entries.

``OverviewAdmin`` is not registered here: the partners layer subclasses it and registers the final
admin (see its docstring).
"""

from __future__ import annotations

from django.contrib import admin

from programmes.admin.base import PublishActions, TranslatedCompactInline, TranslatedHistoryAdmin
from programmes.forms import OverviewAdminForm
from programmes.models import Overview, OverviewEntry


class OverviewEntryInline(TranslatedCompactInline):
    model = OverviewEntry
    autocomplete_fields = ["programme"]
    fields = ["section", "programme", "heading", "order"]


class OverviewAdmin(PublishActions, TranslatedHistoryAdmin):
    """The overview's texts and its entries. Not registered here: the partners layer, the top one
    that adds inlines to it (apps import one way, so only it knows them all), registers its subclass."""

    form = OverviewAdminForm
    list_display = ["title", "date_display", "is_published", "is_current"]
    list_filter = ["is_published", "is_current"]
    search_fields = ["title"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", ("date", "date_precision"), "is_published", "is_current"]}),
        (
            "Introduction",
            {
                "fields": [
                    "introduction",
                    "core_areas_intro",
                    "quote",
                    ("quote_attribution", "quote_attribution_role"),
                    "programmes_intro",
                ]
            },
        ),
        (
            "Priorities and projects",
            {
                "fields": [
                    "priorities_heading",
                    "priorities_intro",
                    "priorities_conclusion",
                    "current_heading",
                    "looking_ahead_intro",
                ]
            },
        ),
        ("Partners", {"fields": ["partners_intro", "supporters_note"]}),
    ]
    inlines = [OverviewEntryInline]

    @admin.display(description="date", ordering="date")
    def date_display(self, obj: Overview) -> str:
        return obj.date_display
