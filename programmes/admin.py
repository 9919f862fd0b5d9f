"""The staff's admin for programmes, their places and themes, and the overview.

Partners and funding add their own inlines to ``ProgrammeAdmin`` and ``OverviewAdmin`` from
their admin modules: this app never imports them.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from programmes.forms import AdminModelForm, OverviewAdminForm, ProgrammeAdminForm
from programmes.models import (
    Component,
    Country,
    KeyFigure,
    Overview,
    OverviewEntry,
    Programme,
    ProgrammeCountry,
    ProjectType,
    Publication,
    Result,
    ThematicArea,
)


class HistoryAdmin(SimpleHistoryAdmin):
    """Base of every model admin: every model keeps its history, so staff see who changed what, and when."""

    form = AdminModelForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_per_page = 50

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        # Django names the protected objects' types the user may not delete before it says they are
        # protected; nobody may delete them from here, so say that instead.
        return deleted, model_count, set() if protected else perms_needed, protected


class CompactInline(admin.TabularInline):
    extra = 0
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})},
        models.URLField: {"assume_scheme": "https"},
    }

    def get_fields(self, request: HttpRequest, obj: models.Model | None = None) -> list[str]:
        # The position last: staff read a row by what it is, then where it goes.
        fields = super().get_fields(request, obj)
        if "order" in fields:
            fields = [name for name in fields if name != "order"] + ["order"]
        return fields


class PublishActions:
    """Bulk publish and unpublish, for models with ``is_published``.

    Each record is saved rather than updated in bulk, so the history records who did it and
    ``save()`` stamps ``published_at`` the first time, as it does for the form.
    """

    actions = ["publish", "unpublish"]

    def _set_published(self, request: HttpRequest, queryset: QuerySet, published: bool) -> None:
        changed = 0
        for obj in queryset.exclude(is_published=published):
            obj.is_published = published
            obj.save()
            changed += 1
        opts = queryset.model._meta
        name = opts.verbose_name if changed == 1 else opts.verbose_name_plural
        self.message_user(request, f"{'Published' if published else 'Unpublished'} {changed} {name}.", messages.SUCCESS)

    @admin.action(description="Publish the selected %(verbose_name_plural)s", permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_published(request, queryset, True)

    @admin.action(description="Unpublish the selected %(verbose_name_plural)s", permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_published(request, queryset, False)


@admin.register(Country)
class CountryAdmin(HistoryAdmin):
    list_display = ["name", "code", "also_known_as", "is_caribbean", "programme_count"]
    list_filter = ["is_caribbean"]
    search_fields = ["name", "code", "also_known_as"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Aggregates drop Meta.ordering; the autocomplete paginates and needs a stable order.
        return (
            super().get_queryset(request).annotate(programme_count=Count("programmes", distinct=True)).order_by("name")
        )

    @admin.display(description="programmes", ordering="programme_count")
    def programme_count(self, obj: Country) -> int:
        return obj.programme_count


@admin.register(ThematicArea)
class ThematicAreaAdmin(HistoryAdmin):
    list_display = ["short_name", "list", "order", "name"]
    list_filter = ["list"]
    search_fields = ["short_name", "name"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(ProjectType)
class ProjectTypeAdmin(HistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ProgrammeCountryInline(CompactInline):
    model = ProgrammeCountry
    autocomplete_fields = ["country"]
    verbose_name_plural = "countries"  # the model's own plural would be "countrys"


class ComponentInline(CompactInline):
    model = Component


class ResultInline(CompactInline):
    model = Result


class KeyFigureInline(CompactInline):
    model = KeyFigure
    fields = ["qualifier", "value", "value_to", "label", "order"]  # reads as "up to 4,000 households"


class PublicationInline(CompactInline):
    model = Publication


class PhaseInline(CompactInline):
    model = Programme
    fk_name = "parent"
    fields = ["title", "slug", "status", "order"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["order", "title"]
    show_change_link = True
    verbose_name = "phase"
    verbose_name_plural = "phases"


class LevelFilter(admin.SimpleListFilter):
    title = "level"
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return [("top", "Top level"), ("phase", "Phases")]

    def queryset(self, request, queryset):
        if self.value() in ("top", "phase"):
            return queryset.filter(parent__isnull=self.value() == "top")
        return queryset


@admin.register(Programme)
class ProgrammeAdmin(PublishActions, HistoryAdmin):
    form = ProgrammeAdminForm
    list_display = ["title", "code", "parent", "status", "project_type", "country_list", "years", "is_published"]
    list_filter = [
        "status",
        "coverage",
        "project_type",
        "thematic_areas",
        "countries",
        "is_published",
        LevelFilter,
    ]
    list_select_related = ["project_type", "parent"]
    search_fields = ["title", "acronym", "code"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["parent"]
    # A handful of areas: ticking them beats searching for them.
    formfield_overrides = {
        **HistoryAdmin.formfield_overrides,
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["published_at", "created_at", "updated_at"]
    save_on_top = True
    fieldsets = [
        ("Identity", {"fields": ["title", "acronym", "slug", "code", ("parent", "order")]}),
        ("Description", {"fields": ["summary", "description", "thematic_areas"]}),
        (
            "Field sheet",
            {
                "fields": [
                    "status",
                    ("project_type", "dac_sector"),
                    "coverage",
                    ("start_date", "start_precision"),
                    ("end_date", "end_precision"),
                    ("budget_amount", "budget_currency"),
                    "idf_region",
                ]
            },
        ),
        ("Publishing", {"fields": ["is_published", "published_at", "created_at", "updated_at"]}),
    ]
    inlines = [ProgrammeCountryInline, ComponentInline, ResultInline, KeyFigureInline, PublicationInline, PhaseInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description="countries")
    def country_list(self, obj: Programme) -> str:
        return ", ".join(sorted({country.name for country in obj.countries.all()}))

    @admin.display(description="years", ordering="start_date")
    def years(self, obj: Programme) -> str:
        return obj.years


class OverviewEntryInline(CompactInline):
    model = OverviewEntry
    autocomplete_fields = ["programme"]
    fields = ["section", "programme", "heading", "order"]


@admin.register(Overview)
class OverviewAdmin(PublishActions, HistoryAdmin):
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
