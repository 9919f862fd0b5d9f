"""The staff's admin for programmes, their places and themes, and the overview.

``ProgrammeAdmin`` and ``OverviewAdmin`` are the narrative layer of their admins and are not
registered here: the apps above subclass them, each adding its own inlines, and the top one
registers the final admin (see their docstrings).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import NotRelationField, flatten_fieldsets, get_fields_from_path
from django.contrib.auth import get_permission_codename
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponseNotAllowed
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from modeltranslation.translator import NotRegistered
from simple_history.admin import SimpleHistoryAdmin

from iomcaribbean.admin_conflicts import EditConflictAdmin
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
from programmes.translation import (
    LANGUAGES,
    OTHER_LANGUAGES,
    language_name,
    localized,
    missing_in,
    missing_translations,
    translated_fields,
)


class PastVersionsReadOnly:
    """Past versions are for reading: simple-history's revert form would save the whole form on view permission
    alone, past the change form's read-only fields, inlines and publishing checks. To restore a past value, staff
    copy it into the change form, which runs every check (README, "Admin users")."""

    def revert_disabled(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return True

    def history_form_view(self, request: HttpRequest, object_id: str, version_id: str, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().history_form_view(request, object_id, version_id, extra_context)


class HistoryAdmin(EditConflictAdmin, PastVersionsReadOnly, SimpleHistoryAdmin):
    """Base of every model admin: every model keeps its history, so staff see who changed what, and when; a save
    over changes made since the form was opened is refused (iomcaribbean.admin_conflicts)."""

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


# Translations -------------------------------------------------------------------------------------
# Each translated text shows as one box per language ("Title [en]", "Title [es]", "Title [fr]"):
# modeltranslation's tabbed layout would load jQuery UI from a CDN, which the portal never does.


class MissingTranslationFilter(admin.SimpleListFilter):
    title = "translation"
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return [(code, f"Missing {language_name(code)} translation") for code in OTHER_LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in OTHER_LANGUAGES:
            return queryset.filter(missing_in(queryset.model, self.value()))
        return queryset


def search_in_every_language(model: type[models.Model], name: str) -> list[str]:
    """A search field, once per language when it names a translated text (``organisation__name``...).

    modeltranslation would search the admin's own language only; staff look for a record by any
    of its names.
    """
    prefix = name[0] if name[0] in "^=@" else ""
    path = name.removeprefix(prefix)
    try:
        field = get_fields_from_path(model, path)[-1]
    except (FieldDoesNotExist, NotRelationField):  # a lookup such as __exact: leave the field as it is
        return [name]
    try:
        translated = field.name in translated_fields(field.model)
    except NotRegistered:  # the model has no translations
        translated = False
    if not translated:
        return [name]
    head = path.removesuffix(field.name)  # "organisation__", or nothing for the model's own field
    return [f"{prefix}{head}{localized(field.name, language)}" for language in LANGUAGES]


class TranslationStatusMixin:
    """Search in every language, and say which translations a record lacks (list column, filter, change page)."""

    translations_position = 0  # where the "Translations" section goes among the fieldsets

    def get_search_fields(self, request: HttpRequest) -> list[str]:
        fields = super().get_search_fields(request)
        return [expanded for name in fields for expanded in search_in_every_language(self.model, name)]

    def get_list_display(self, request: HttpRequest) -> list:
        return [*super().get_list_display(request), "translation_status"]

    def get_list_filter(self, request: HttpRequest) -> list:
        return [*super().get_list_filter(request), MissingTranslationFilter]

    def get_readonly_fields(self, request: HttpRequest, obj: models.Model | None = None) -> list[str]:
        return [*super().get_readonly_fields(request, obj), "missing_translations_note"]

    def get_fieldsets(self, request: HttpRequest, obj: models.Model | None = None) -> list:
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != "missing_translations_note"]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        fieldsets = [(name, options) for name, options in fieldsets if options["fields"]]
        section = ("Translations", {"fields": ["missing_translations_note"]})
        return [*fieldsets[: self.translations_position], section, *fieldsets[self.translations_position :]]

    @admin.display(description="missing translations")
    def translation_status(self, obj: models.Model) -> str:
        missing = missing_translations(obj)
        return ", ".join(code for code in OTHER_LANGUAGES if code in missing) or "None"

    @admin.display(description="Missing translations")
    def missing_translations_note(self, obj: models.Model | None) -> str:
        if obj is None or obj.pk is None:
            return "Write the English texts first; the site shows them where a translation is missing."
        missing = missing_translations(obj)
        if not missing:
            return "None: every text is in every language."
        opts = obj._meta
        return format_html_join(
            mark_safe("<br>"),
            "<strong>{}</strong>: {}",
            (
                (language_name(code), ", ".join(str(opts.get_field(f).verbose_name) for f in missing[code]))
                for code in OTHER_LANGUAGES
                if code in missing
            ),
        )


class TranslatedHistoryAdmin(TranslationStatusMixin, TranslationAdmin, HistoryAdmin):
    """The admin of a model with translated texts (``programmes.translation``)."""


class TranslatedCompactInline(TranslationTabularInline, CompactInline):
    """A compact inline whose translated texts have a box per language; the position still last."""

    def get_fieldsets(self, request: HttpRequest, obj: models.Model | None = None) -> list:
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "order"] + ["order"]})
            if "order" in options["fields"]
            else (name, options)
            for name, options in super().get_fieldsets(request, obj)
        ]


class PublishActions:
    """Bulk publish and unpublish, for models with ``is_published``.

    Each record is saved rather than updated in bulk, so the history records who did it and
    ``save()`` stamps ``published_at`` the first time, as it does for the form.
    """

    actions = ["publish", "unpublish"]

    def has_publish_permission(self, request: HttpRequest) -> bool:
        """Publishing is the model's own change right: a Finance officer who may change a programme's budget
        (ProgrammeAdmin.money_permission) may not publish it."""
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")

    def _set_published(self, request: HttpRequest, queryset: QuerySet, published: bool) -> None:
        changed = []
        for obj in queryset.exclude(is_published=published):
            obj.is_published = published
            obj.save()
            changed.append(obj.pk)
        opts = queryset.model._meta
        name = opts.verbose_name if len(changed) == 1 else opts.verbose_name_plural
        message = f"{'Published' if published else 'Unpublished'} {len(changed)} {name}."
        if published and hasattr(queryset.model, "is_public"):
            # A programme stays hidden while one above it is unpublished (Programme.is_public):
            # counted once every selected one is saved, as a root may come after its phases.
            hidden = queryset.model.objects.filter(pk__in=changed, is_public=False).count()
            if hidden:
                message += (
                    f" {hidden} of them {'stays' if hidden == 1 else 'stay'} hidden: "
                    f"a programme above {'it' if hidden == 1 else 'each'} is not published."
                )
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Publish the selected %(verbose_name_plural)s", permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_published(request, queryset, True)

    @admin.action(description="Unpublish the selected %(verbose_name_plural)s", permissions=["publish"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_published(request, queryset, False)


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


class ProgrammeCountryInline(CompactInline):
    model = ProgrammeCountry
    autocomplete_fields = ["country"]
    verbose_name_plural = "countries"  # the model's own plural would be "countrys"


class ComponentInline(TranslatedCompactInline):
    model = Component


class ResultInline(TranslatedCompactInline):
    model = Result


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
    list_display = [
        "title",
        "code",
        "parent",
        "status",
        "project_type",
        "country_list",
        "years",
        "is_published",
        "public_status",
    ]
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
    inlines = [ProgrammeCountryInline, ComponentInline, ResultInline, KeyFigureInline, PublicationInline, PhaseInline]
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
        # The country links (for the list's countries), with their countries: one query for the list.
        links = Prefetch("country_links", queryset=ProgrammeCountry.objects.select_related("country"))
        return super().get_queryset(request).prefetch_related(links)

    @admin.display(description="countries")
    def country_list(self, obj: Programme) -> str:
        return ", ".join(sorted({link.country.name for link in obj.country_links.all()}))

    @admin.display(description="years", ordering="start_date")
    def years(self, obj: Programme) -> str:
        return obj.years

    @admin.display(description="public", ordering="is_public")
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
