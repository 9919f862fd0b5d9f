"""The IATI layer of the admin: the programme admin with its IATI data quality, and the grant admin
with the upload of an IATI file to import.

Both are the top of their chains (``programmes`` <- ``partners`` <- ``funding`` <- ``documents``
<- ``updates`` <- here, for the programme admin): apps import one way, so only this layer knows
every inline and every addition, and it registers the final admins of programmes and grants.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from funding import admin as funding_admin
from funding.models import Grant
from iati.forms import IatiImportForm, ProgrammeQualityForm
from iati.importer import iati_file_import
from iati.quality import Problem, programme_problems
from iati.quality_facts import with_quality_facts
from iati.safe_xml import max_bytes
from programmes.models import Programme
from updates import admin as updates_admin


@admin.register(Programme)
class ProgrammeAdmin(updates_admin.ProgrammeAdmin):
    """The programme admin as staff use it: every layer's inlines, and the IATI data quality (a changelist
    column, a panel, and a confirmation before publishing a programme with blocking problems).

    Registered here, at the top of the chain: apps import one way, so only this layer knows them all.
    """

    form = ProgrammeQualityForm
    list_display = [*updates_admin.ProgrammeAdmin.list_display, "iati_quality"]
    readonly_fields = ["iati_quality_panel", *updates_admin.ProgrammeAdmin.readonly_fields]
    translations_position = 1  # after the IATI data quality
    fieldsets = [
        ("IATI data quality", {"fields": ["iati_quality_panel"]}),
        *updates_admin.ProgrammeAdmin.fieldsets,
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The counts the IATI checks need, in SQL: the list runs the same number of queries however many
        # programmes it shows (the checks read the country links the parent prefetches).
        return with_quality_facts(super().get_queryset(request))

    @staticmethod
    def iati_problems(obj: Programme) -> list[Problem]:
        if not hasattr(obj, "_iati_problems"):
            obj._iati_problems = programme_problems(obj)
        return obj._iati_problems

    def blocking_problems(self, obj: Programme | None) -> list[Problem]:
        return [p for p in self.iati_problems(obj) if p.blocking] if obj is not None and obj.pk else []

    @admin.display(description="IATI data quality")
    def iati_quality(self, obj: Programme) -> str:
        problems = self.iati_problems(obj)
        if not problems:
            return "Complete"
        # Only the fields to fix, so rows stay short; the change page explains each problem.
        blocking = sorted({p.label for p in problems if p.blocking})
        weak = sorted({p.label for p in problems if not p.blocking})
        lines = [format_html("<strong>Blocking</strong>: {}", ", ".join(blocking))] if blocking else []
        if weak:
            lines.append(format_html("To improve: {}", ", ".join(weak)))
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))

    @admin.display(description="Problems")
    def iati_quality_panel(self, obj: Programme | None) -> str:
        if obj is None or obj.pk is None:
            return "Save the programme to check its IATI record."
        problems = self.iati_problems(obj)
        preview = reverse("programmes:iati_activity", kwargs={"slug": obj.slug})
        if any(p.blocking for p in problems):
            status = "Not in the IATI file: fix the blocking problems below and it will be."
        elif obj.is_published:
            status = "In the IATI file."
        else:
            status = "Valid for IATI: it will be in the IATI file once published."
        items = format_html_join(
            "",
            "<li>{} <strong>{}</strong>: {}</li>",
            (("Blocking –" if p.blocking else "To improve –", p.label, p.message) for p in problems),
        )
        return format_html(
            '<p>{} <a href="{}">See its IATI XML</a>.</p>{}',
            status,
            preview,
            format_html('<ul class="iati-problems">{}</ul>', items) if problems else "No problems found.",
        )

    def get_fieldsets(self, request: HttpRequest, obj: Programme | None = None) -> list:
        fieldsets = super().get_fieldsets(request, obj)
        publishable = self.has_narrative_permission(request, obj)
        if publishable and obj is not None and not obj.is_published and self.blocking_problems(obj):
            fieldsets = [
                (name, {**options, "fields": [*options["fields"], "publish_anyway"]})
                if name == "Publishing"
                else (name, options)
                for name, options in fieldsets
            ]
        return fieldsets

    def save_model(self, request: HttpRequest, obj: Programme, form: forms.ModelForm, change: bool) -> None:
        publishing = form.cleaned_data.get("is_published") and "is_published" in form.changed_data
        if publishing and not form.cleaned_data.get("publish_anyway"):
            # Checked once the inlines are saved: the IATI checks need the countries and organisations.
            request._iati_publishing = (obj.published_at,)
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if not hasattr(request, "_iati_publishing"):
            return
        obj = form.instance
        blocking = self.blocking_problems(self.get_queryset(request).get(pk=obj.pk))
        if blocking:
            # Not published after all. The request's transaction hides the moment it was; the history
            # record of this save is corrected rather than followed by a second one.
            (obj.published_at,) = request._iati_publishing
            obj.is_published = False
            obj.skip_history_when_saving = True
            obj.save(update_fields=["is_published", "published_at"])
            del obj.skip_history_when_saving
            obj.history.filter(pk=obj.history.latest().pk).update(is_published=False)
            request._iati_blocking = blocking

    def _held_response(self, request: HttpRequest, obj: Programme) -> HttpResponse | None:
        blocking = getattr(request, "_iati_blocking", None)
        if not blocking or IS_POPUP_VAR in request.POST:
            return None
        fields = ", ".join(p.label for p in blocking)
        self.message_user(
            request,
            f"“{obj}” was saved but not published: its IATI record would be invalid ({fields}). Fix the problems "
            "listed under IATI data quality, or tick “Publish anyway” and save again.",
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:programmes_programme_change", args=[obj.pk]))

    def response_add(self, request: HttpRequest, obj: Programme, post_url_continue: str | None = None) -> HttpResponse:
        return self._held_response(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request: HttpRequest, obj: Programme) -> HttpResponse:
        return self._held_response(request, obj) or super().response_change(request, obj)

    @admin.action(description="Publish the selected %(verbose_name_plural)s", permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """Publish; first ask, listing the problems, when some would be left out of the IATI file."""
        blocked = [(p, self.blocking_problems(p)) for p in queryset.filter(is_published=False)]
        blocked = [(programme, problems) for programme, problems in blocked if problems]
        if blocked and request.POST.get("confirm") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "title": "Publish programmes with IATI problems?",
                "opts": self.opts,
                "queryset": queryset,
                "blocked": blocked,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/programmes/programme/publish_confirmation.html", context)
        self._set_published(request, queryset, True)
        if blocked:
            self.message_user(
                request,
                f"{len(blocked)} of them stay out of the IATI file until their blocking problems are fixed.",
                messages.WARNING,
            )
        return None


def may_import_iati(request: HttpRequest) -> bool:
    """An import adds programmes and grants, so it takes the right to add both (or a superuser)."""
    return request.user.is_active and request.user.has_perms(["programmes.add_programme", "funding.add_grant"])


@admin.register(Grant)
class GrantAdmin(funding_admin.GrantAdmin):
    """The grant admin with "Import IATI file" on its changelist (``admin:funding_grant_import_iati``).

    Registered here, at the top of the chain: the import is this layer's, and apps import one way.
    """

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.import_iati_view)
        return [path("import-iati/", view, name="funding_grant_import_iati"), *super().get_urls()]

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        return super().changelist_view(request, (extra_context or {}) | {"may_import_iati": may_import_iati(request)})

    def import_iati_view(self, request: HttpRequest) -> HttpResponse:
        """Upload an IATI file; every outcome, even a rejected file, is a page with a plain report."""
        if not may_import_iati(request):
            raise PermissionDenied
        form, report, status = IatiImportForm(), None, 200
        if request.method == "POST":
            form = IatiImportForm(request.POST, request.FILES)
            if form.is_valid():
                report = iati_file_import(
                    source=form.cleaned_data["file"], user=request.user, dry_run=form.cleaned_data["dry_run"]
                )
                if report.error:
                    form.add_error("file", report.error)
                    report = None
                elif report.saved:
                    self.message_user(request, report.summary, messages.SUCCESS)
            if not form.is_valid() or (report and not report.ok):
                status = 400
        context = self.admin_site.each_context(request) | {
            "opts": self.opts,
            "title": "Import an IATI file",
            "form": form,
            "report": report,
            "max_size": max_bytes(),
        }
        return TemplateResponse(request, "admin/funding/import_iati.html", context, status=status)
