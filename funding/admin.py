"""The finance officers' admin: grants with their transactions and planned disbursements, programme budgets,
and (for superusers) the donor accounts that sign in to the donor dashboard."""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html

from funding.forms import TransactionFormSet
from funding.iati_import import max_bytes, too_large_message
from funding.models import Budget, DonorAccount, Grant, PlannedDisbursement, Transaction
from funding.services import iati_file_import
from partners.admin import ParticipationRights
from programmes.admin import CompactInline, HistoryAdmin, ProgrammeAdmin
from programmes.models import Component, Programme


def money(amount: Decimal | None, currency: str) -> str:
    return f"{amount:,.2f} {currency}" if amount is not None else "not published"


class GrantInline(CompactInline):
    model = Grant
    fields = ["funder", "component", "purpose", "amount", "currency", "is_primary"]
    autocomplete_fields = ["funder"]
    show_change_link = True

    class Media:
        # The component's width (long titles would push the row off screen), from a file: the
        # Content-Security-Policy refuses style attributes.
        css = {"all": ["css/admin.css"]}

    def get_formset(self, request: HttpRequest, obj: Programme | None = None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only this programme's components; the field is absent when the inline is read-only.
        if component := formset.form.base_fields.get("component"):
            component.queryset = obj.components.all() if obj else Component.objects.none()
        return formset


class BudgetInline(CompactInline):
    model = Budget
    fields = ["period_start", "period_end", "amount", "currency", "status"]


# The programmes app never imports funding (arrows point one way), so funding adds its inlines
# to the programme admin here; INSTALLED_APPS loads programmes and partners first.
ProgrammeAdmin.inlines = [*ProgrammeAdmin.inlines, GrantInline, BudgetInline]
# Money belongs to those who manage it (README, "Admin users"): a programme's total budget takes the right
# to change budgets, a participation in the funding role the rights on grants.
ProgrammeAdmin.money_permission = "funding.change_budget"
ParticipationRights.money_model = "funding.grant"


class TransactionInline(CompactInline):
    model = Transaction
    formset = TransactionFormSet


class PlannedDisbursementInline(CompactInline):
    model = PlannedDisbursement
    fields = ["period_start", "period_end", "amount", "currency"]
    verbose_name_plural = "planned disbursements (the schedule ahead donors see)"


class IatiImportForm(forms.Form):
    file = forms.FileField(
        label="IATI activities file",
        help_text="An IATI 2.03 XML file, as the portal exports it.",
        widget=forms.FileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )
    dry_run = forms.BooleanField(
        label="Dry run", required=False, help_text="Check the file and show what it would change; save nothing."
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(too_large_message(upload.size, max_bytes()))
        return upload


def may_import_iati(request: HttpRequest) -> bool:
    """An import adds programmes and grants, so it takes the right to add both (or a superuser)."""
    return request.user.is_active and request.user.has_perms(["programmes.add_programme", "funding.add_grant"])


@admin.register(Grant)
class GrantAdmin(HistoryAdmin):
    list_display = ["funder", "programme", "component", "amount_display", "period_display", "is_primary"]
    list_filter = ["is_primary", "currency", "funder__type", "programme__status"]
    list_select_related = ["funder", "programme", "component"]
    search_fields = ["funder__name", "funder__acronym", "programme__title", "programme__code", "purpose"]
    autocomplete_fields = ["funder", "programme"]
    date_hierarchy = "start_date"
    fieldsets = [
        (None, {"fields": ["funder", "programme", "component", "purpose", "is_primary"]}),
        ("Amount", {"fields": [("amount", "currency")]}),
        ("Period", {"fields": [("start_date", "start_precision"), ("end_date", "end_precision")]}),
    ]
    inlines = [TransactionInline, PlannedDisbursementInline]

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

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "component":
            # Component titles repeat across programmes ("Education"): group them under their programme.
            components = field.queryset.select_related("programme").order_by("programme__title", "order", "pk")
            by_programme = groupby(components, key=lambda component: component.programme.title)
            field.choices = [
                ("", field.empty_label),
                *((title, [(component.pk, component.title) for component in group]) for title, group in by_programme),
            ]
        return field

    @admin.display(description="amount", ordering="amount")
    def amount_display(self, obj: Grant) -> str:
        return money(obj.amount, obj.currency)

    @admin.display(description="period", ordering="start_date")
    def period_display(self, obj: Grant) -> str:
        return obj.period_display

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Overspending is sometimes right (exchange rates, late commitments): warn, do not refuse.
        totals = (
            form.instance.transactions.order_by()
            .values("currency")
            .annotate(
                committed=Sum("amount", filter=Q(type=Transaction.Type.COMMITMENT), default=Decimal(0)),
                disbursed=Sum("amount", filter=Q(type=Transaction.Type.DISBURSEMENT), default=Decimal(0)),
            )
        )
        for row in totals:
            if row["disbursed"] > row["committed"]:
                messages.warning(
                    request,
                    f"Disbursements ({money(row['disbursed'], row['currency'])}) exceed commitments "
                    f"({money(row['committed'], row['currency'])}) on this grant. Please check the transactions.",
                )


@admin.register(Budget)
class BudgetAdmin(HistoryAdmin):
    list_display = ["programme", "period_start", "period_end", "amount_display", "status"]
    list_filter = ["status", "currency"]
    list_select_related = ["programme"]
    search_fields = ["programme__title", "programme__code"]
    autocomplete_fields = ["programme"]
    date_hierarchy = "period_start"
    fields = ["programme", ("period_start", "period_end"), ("amount", "currency"), "status"]

    @admin.display(description="amount", ordering="amount")
    def amount_display(self, obj: Budget) -> str:
        return money(obj.amount, obj.currency)


@admin.register(DonorAccount)
class DonorAccountAdmin(HistoryAdmin):
    """Superusers link a user to the funders whose grants it may see; the user itself is made in Users."""

    list_display = ["__str__", "user", "funder_list", "is_active", "dashboard_link"]
    list_filter = ["is_active"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email", "funders__name"]
    autocomplete_fields = ["user", "funders"]
    readonly_fields = ["dashboard_link", "created_at", "updated_at"]
    fields = ["user", "funders", "is_active", "dashboard_link", "created_at", "updated_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("funders")

    @admin.display(description="funders")
    def funder_list(self, obj: DonorAccount) -> str:
        return ", ".join(sorted(funder.name for funder in obj.funders.all()))

    @admin.display(description="dashboard")
    def dashboard_link(self, obj: DonorAccount) -> str:
        if obj.pk is None:
            return "Save the account first."
        url = f"{reverse('donor:dashboard')}?as={obj.pk}"
        return format_html('<a href="{}">View dashboard as this donor</a>', url)
