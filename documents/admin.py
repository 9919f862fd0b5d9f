"""The documents admin, and the documents layer of the programme, organisation and overview admins.

Each of those admins is a chain of subclasses, one per app that adds to it (apps import one way):
programmes (the narrative) <- partners <- funding <- here, with the programme admin's top in the
iati app. This layer registers the organisation and overview admins, the top of their chains.
"""

from __future__ import annotations

from django.contrib import admin

from documents.forms import DocumentForm
from documents.models import Document
from funding import admin as funding_admin
from partners import admin as partners_admin
from partners.models import Organisation
from programmes.admin.base import TranslatedCompactInline, TranslatedHistoryAdmin
from programmes.models import Overview

DOCUMENT_FIELDS = [
    "title",
    "category",
    "languages",
    ("date", "date_precision"),
    ("file", "url"),
    "file_format",
    "description",
]


class DocumentInline(TranslatedCompactInline):
    model = Document
    form = DocumentForm
    fields = [name for names in DOCUMENT_FIELDS for name in ([names] if isinstance(names, str) else names)]


class ProgrammeAdmin(funding_admin.ProgrammeAdmin):
    """The documents layer of the programme admin. Not registered here: the IATI layer above subclasses it
    and registers the final admin, as apps import one way and only the top layer knows every inline."""

    inlines = [*funding_admin.ProgrammeAdmin.inlines, DocumentInline]


@admin.register(Organisation)
class OrganisationAdmin(funding_admin.OrganisationAdmin):
    """Registered here, the top layer that adds to it: its documents below its participations."""

    inlines = [*funding_admin.OrganisationAdmin.inlines, DocumentInline]


@admin.register(Overview)
class OverviewAdmin(partners_admin.OverviewAdmin):
    """Registered here, the top layer that adds to it: the overview's documents (the brochure's text)."""

    inlines = [*partners_admin.OverviewAdmin.inlines, DocumentInline]


@admin.register(Document)
class DocumentAdmin(TranslatedHistoryAdmin):
    form = DocumentForm
    list_display = ["title", "category", "record", "file_format", "date_display"]
    list_filter = ["category", "file_format", "date_precision"]
    list_select_related = ["programme", "organisation", "overview"]
    search_fields = ["title", "programme__title", "organisation__name", "overview__title"]
    autocomplete_fields = ["programme", "organisation", "overview"]
    date_hierarchy = "date"
    fieldsets = [
        ("Belongs to (exactly one)", {"fields": ["programme", "organisation", "overview"]}),
        (None, {"fields": DOCUMENT_FIELDS}),
    ]

    @admin.display(description="belongs to")
    def record(self, obj: Document) -> str:
        return str(obj.record)

    @admin.display(description="date", ordering="date")
    def date_display(self, obj: Document) -> str:
        return obj.date_display

    def view_on_site(self, obj: Document) -> str | None:  # the link to the file or to the external page
        return obj.get_absolute_url() or None
