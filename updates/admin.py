"""The updates admin (each update with its photos inline), and the updates layer of the programme admin.

The programme admin is a chain of subclasses, one per app that adds to it (apps import one way):
programmes <- partners <- funding <- documents <- here, with its top in the iati app.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from documents import admin as documents_admin
from programmes.admin.base import TranslatedCompactInline, TranslatedHistoryAdmin
from programmes.models import Programme
from updates.forms import UpdatePhotoForm
from updates.models import Update, UpdatePhoto

# The programme page lists this many of a programme's updates, newest first, with a link to the rest.
LISTED_UPDATES = 5


class UpdatePhotoInline(TranslatedCompactInline):
    model = UpdatePhoto
    form = UpdatePhotoForm
    fields = ["image", "alt_text", "caption", "credit", "position"]


@admin.register(Update)
class UpdateAdmin(TranslatedHistoryAdmin):
    list_display = ["title", "programme", "date", "status", "published_at"]
    list_filter = ["status", "date"]
    list_select_related = ["programme"]
    search_fields = ["title", "programme__title"]
    autocomplete_fields = ["programme"]
    date_hierarchy = "date"
    readonly_fields = ["published_at", "created_by", "created_at", "updated_at"]
    fields = ["programme", "title", "date", "text", "status", *readonly_fields]
    inlines = [UpdatePhotoInline]

    def save_model(self, request: HttpRequest, obj: Update, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def view_on_site(self, obj: Update) -> str | None:
        return obj.get_absolute_url()


class ProgrammeAdmin(documents_admin.ProgrammeAdmin):
    """The updates layer of the programme admin: a list of its latest updates, each a link to its page.
    Not registered here: the IATI layer above registers the final admin."""

    readonly_fields = [*documents_admin.ProgrammeAdmin.readonly_fields, "updates_panel"]
    fieldsets = [*documents_admin.ProgrammeAdmin.fieldsets, ("Updates", {"fields": ["updates_panel"]})]

    @admin.display(description="latest updates")
    def updates_panel(self, obj: Programme) -> str:
        if not obj.pk:
            return "Save the programme first, then add its updates."
        rows = [
            (reverse("admin:updates_update_change", args=[update.pk]), update, update.date, update.get_status_display())
            for update in obj.updates.all()[:LISTED_UPDATES]
        ]
        items = format_html_join("", '<li><a href="{}">{}</a> ({}, {})</li>', rows)
        # The add form takes its programme from the address (Django's admin reads initial values from it).
        return format_html(
            '<ul>{}</ul><p><a href="{}?programme={}">Add an update</a> · <a href="{}?programme__id__exact={}">'
            "All its updates</a></p>",
            items or format_html("<li>{}</li>", "None yet."),
            reverse("admin:updates_update_add"),
            obj.pk,
            reverse("admin:updates_update_changelist"),
            obj.pk,
        )
