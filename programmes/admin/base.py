"""What every app's admin builds on: the base of every model admin (history, past versions read-only,
the edit-conflict check), the compact inline, the translated admin and inline (one box per language,
search in every language, the missing translations), and the bulk publish actions.

The programmes, partners and funding admins all import their bases from here.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.db.models.options import Options
from django.http import HttpRequest, HttpResponseNotAllowed
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from modeltranslation.translator import NotRegistered
from simple_history.admin import SimpleHistoryAdmin

from iomcaribbean.admin_conflicts import EditConflictAdmin
from programmes.forms import AdminInlineFormSet, AdminModelForm
from programmes.models import TranslationSource
from programmes.translation import (
    LANGUAGES,
    OTHER_LANGUAGES,
    language_name,
    localized,
    missing_in,
    missing_translations,
    translated_fields,
)


def may_change_model(request: HttpRequest, opts: Options) -> bool:
    """The user's own right to change the model's records, whatever rights its change page lends (a
    programme's budget to Finance officers): what publishing and reviewing translations take."""
    return request.user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")


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

    class Media:
        # The portal's additions to the admin's styles (the widths that keep pages on the screen),
        # from a file: the Content-Security-Policy refuses style attributes.
        css = {"all": ["css/admin.css"]}

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        # Django names the protected objects' types the user may not delete before it says they are
        # protected; nobody may delete them from here, so say that instead.
        return deleted, model_count, set() if protected else perms_needed, protected


class CompactInline(admin.TabularInline):
    extra = 0
    formset = AdminInlineFormSet
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


def translation_sources(obj: models.Model) -> QuerySet:
    """The notes on where the record's translations not yet reviewed come from (TranslationSource)."""
    return TranslationSource.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class TranslationToReviewFilter(admin.SimpleListFilter):
    title = "translation to review"
    parameter_name = "translation_to_review"

    def lookups(self, request, model_admin):
        return [("yes", "Translation to review")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            reviewed = TranslationSource.objects.filter(content_type=ContentType.objects.get_for_model(queryset.model))
            return queryset.filter(pk__in=reviewed.values("object_id"))
        return queryset


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
        return [*super().get_list_filter(request), MissingTranslationFilter, TranslationToReviewFilter]

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        # The model's own change right: a Finance officer who may change a programme's budget or a
        # funding participation (the money rights) may not pass its texts as reviewed.
        if may_change_model(request, self.opts):
            action = TranslationStatusMixin.mark_translations_reviewed
            actions[action.__name__] = (action, action.__name__, action.short_description)
        return actions

    @admin.action(description="Mark their translations as reviewed")
    def mark_translations_reviewed(self, request: HttpRequest, queryset: QuerySet) -> None:
        # Each note deleted through the model, so its history records who reviewed it, and when.
        content_type = ContentType.objects.get_for_model(queryset.model)
        notes = TranslationSource.objects.filter(content_type=content_type, object_id__in=queryset.values("pk"))
        count = 0
        for note in notes:
            note._history_user = request.user
            note.delete()
            count += 1
        self.message_user(request, f"{count} translation(s) marked as reviewed.", messages.SUCCESS)

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
        opts = obj._meta
        lines = [
            (language_name(code), ", ".join(str(opts.get_field(f).verbose_name) for f in missing[code]))
            for code in OTHER_LANGUAGES
            if code in missing
        ]
        # Where the translations there are come from, until staff mark them reviewed (the list's action).
        lines += [(language_name(source.language), source.note) for source in translation_sources(obj)]
        if not lines:
            return "None: every text is in every language."
        return format_html_join(mark_safe("<br>"), "<strong>{}</strong>: {}", lines)


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
        return may_change_model(request, self.opts)

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
