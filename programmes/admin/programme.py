"""The narrative layer of the programme admin: its fields, who may change which, and its own inlines
(countries, components, results, key figures, publications, locations, related activities, phases).

``ProgrammeAdmin`` is not registered here: the apps above subclass it, each adding its own inlines,
and the top one registers the final admin (see its docstring).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst

from programmes.admin.base import (
    CompactInline,
    HistoryAdmin,
    PublishActions,
    TranslatedCompactInline,
    TranslatedHistoryAdmin,
)
from programmes.admin.locations import LocationInline
from programmes.admin.related import RelatedActivityInline
from programmes.admin.results import ResultInline
from programmes.forms import ProgrammeAdminForm
from programmes.models import Component, KeyFigure, Programme, ProgrammeCountry, Publication


class ProgrammeCountryInline(CompactInline):
    model = ProgrammeCountry
    autocomplete_fields = ["country"]
    verbose_name_plural = "countries"  # the model's own plural would be "countrys"


class ComponentInline(TranslatedCompactInline):
    model = Component


class KeyFigureInline(TranslatedCompactInline):
    model = KeyFigure
    fields = ["qualifier", "value", "value_to", "label", "order"]  # reads as "up to 4,000 households"


class PublicationInline(TranslatedCompactInline):
    model = Publication


class PhaseInline(TranslatedCompactInline):
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


class ProgrammeAdmin(PublishActions, TranslatedHistoryAdmin):
    """The programme's narrative: its fields and its own inlines.

    Not registered here. Apps import one way, so only the top layer knows every inline: partners
    and funding subclass it in turn, each adding its inlines (and funding the right the total
    budget takes), and the iati app's subclass, which adds the IATI data quality, is registered.
    """

    form = ProgrammeAdminForm
    # What staff scan for, narrow enough that the layers' IATI quality and translations columns
    # fit beside it at 1,280 px without scrolling sideways: a phase's parent, type and countries
    # are the filters' to pick and the change page's to show.
    list_display = ["title", "project_code", "status", "years", "public_status"]
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
    readonly_fields = ["provenance_panel", "published_at", "created_at", "updated_at"]
    save_on_top = True
    fieldsets = [
        ("Identity", {"fields": ["title", "acronym", "slug", "code", ("parent", "order")]}),
        ("Description", {"fields": ["summary", "description", ("thematic_areas", "areas_estimate")]}),
        (
            "Field sheet",
            {
                "description": "A value a source states is entered plainly. One only estimated gets a note "
                "beside it saying what it rests on; the public sees it marked as an estimate. Leave unknown "
                "what no one stated.",
                "fields": [
                    "provenance_panel",
                    ("status", "status_estimate"),
                    ("project_type", "dac_sector"),
                    ("coverage", "coverage_estimate"),
                    ("start_date", "start_precision", "start_estimate"),
                    ("end_date", "end_precision", "end_estimate"),
                    ("budget_amount", "budget_currency"),
                    "idf_region",
                ],
            },
        ),
        ("Publishing", {"fields": ["is_published", "published_at", "created_at", "updated_at"]}),
    ]
    inlines = [
        ProgrammeCountryInline,
        ComponentInline,
        ResultInline,
        KeyFigureInline,
        PublicationInline,
        LocationInline,
        RelatedActivityInline,
        PhaseInline,
    ]
    # The total budget is money. The funding layer's subclass names the right it takes (arrows point one
    # way); without one, whoever changes the programme changes its budget too.
    money_fields = ("budget_amount", "budget_currency")
    money_permission: str | None = None

    # Who changes what (README, "Admin users") -----------------------------------------------------

    def has_narrative_permission(self, request: HttpRequest, obj: Programme | None = None) -> bool:
        return super().has_change_permission(request, obj)

    def has_money_permission(self, request: HttpRequest, obj: Programme | None = None) -> bool:
        if self.money_permission is None:
            return self.has_narrative_permission(request, obj)
        return request.user.has_perm(self.money_permission)

    def has_change_permission(self, request: HttpRequest, obj: Programme | None = None) -> bool:
        # Finance officers open the form for the budget; every other field stays read-only for them.
        return self.has_narrative_permission(request, obj) or self.has_money_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Programme | None = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_narrative_permission(request, obj):
            readonly += [name for name in flatten_fieldsets(self.fieldsets) if name not in self.money_fields]
        if not self.has_money_permission(request, obj):
            readonly += self.money_fields
        return list(dict.fromkeys(self.replace_orig_field(readonly)))

    def get_prepopulated_fields(self, request: HttpRequest, obj: Programme | None = None) -> dict:
        # The slug follows the title only where both can be changed.
        return super().get_prepopulated_fields(request, obj) if self.has_narrative_permission(request, obj) else {}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The country links with their countries (the IATI quality column reads them): one query for the list.
        links = Prefetch("country_links", queryset=ProgrammeCountry.objects.select_related("country"))
        return super().get_queryset(request).prefetch_related(links)

    @admin.display(description="code", ordering="code")
    def project_code(self, obj: Programme) -> str:
        return obj.code

    @admin.display(description="years", ordering="start_date")
    def years(self, obj: Programme) -> str:
        return obj.years

    @admin.display(description="published", ordering="is_public")
    def public_status(self, obj: Programme) -> str:
        """Whether the public sees it and, for a published programme it does not see, why."""
        if obj.is_public:
            return "Public"
        if not obj.is_published:
            return "Not published"
        if not obj.parent.is_published:
            return f"Hidden: its parent {obj.parent.title} is not published"
        return f"Hidden: a programme above {obj.parent.title} is not published"

    def formfield_for_dbfield(self, db_field: models.Field, request: HttpRequest, **kwargs: Any) -> forms.Field:
        # An estimate's note is a line or two, beside its field.
        if db_field.name.startswith(tuple(Programme.ESTIMATES.values())):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 36})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="Provenance")
    def provenance_panel(self, obj: Programme | None) -> str:
        """Each estimable field: not known, from the source, or estimated and on what it rests."""
        if obj is None or obj.pk is None:
            return "Save the programme to see where each value comes from."
        estimates = obj.estimates()
        known = {
            "status": bool(obj.status),
            "coverage": bool(obj.coverage),
            "start_date": obj.start_date is not None,
            "end_date": obj.end_date is not None,
            "thematic_areas": obj.thematic_areas.exists(),
        }
        rows = (
            (
                capfirst(field.replace("_", " ")),
                f"Estimated: {estimates[field]}"
                if field in estimates
                else "From the source"
                if known[field]
                else "Not known",
            )
            for field in Programme.ESTIMATES
        )
        items = format_html_join("", "<li><strong>{}</strong>: {}</li>", rows)
        return format_html('<ul class="provenance">{}</ul>', items)
