"""The finance officers' admin: grants with their transactions and planned disbursements, programme budgets,
IOM's own budgets (the IATI organisation file's), and (for superusers) the donor accounts that sign in to the
donor dashboard.

The funding layer of the programme, organisation and participation admins: a participation in the
funding role is money, and so is a programme's total budget. Organisations and participations are
registered by the layers above: participations here, organisations by the documents layer, programmes and
grants by the IATI layer.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby

from django.contrib import admin, messages
from django.db.models import Q, QuerySet, Sum
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from funding.forms import TransactionFormSet
from funding.models import Budget, DonorAccount, Grant, OrganisationBudget, PlannedDisbursement, Transaction
from partners import admin as partners_admin
from partners.models import Participation
from programmes.admin import programme as programme_admin
from programmes.admin.base import CompactInline, HistoryAdmin, TranslatedCompactInline, TranslatedHistoryAdmin
from programmes.models import Component, Programme


def money(amount: Decimal | None, currency: str) -> str:
    return f"{amount:,.2f} {currency}" if amount is not None else "not published"


class GrantInline(TranslatedCompactInline):
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


# Money belongs to those who manage it (README, "Admin users"): a participation in the funding role takes
# the rights on grants, a programme's total budget the right to change budgets.
GRANT_RIGHTS = "funding.grant"


class ParticipationInline(partners_admin.ParticipationInline):
    """Participations, a funding one taking the rights on grants (partners cannot name them: apps import one way)."""

    money_model = GRANT_RIGHTS


@admin.register(Participation)
class ParticipationAdmin(partners_admin.ParticipationAdmin):
    """Registered here, the top layer that adds to it: a funding participation takes the rights on grants."""

    money_model = GRANT_RIGHTS


class OrganisationAdmin(partners_admin.OrganisationAdmin):
    """Its participations take the rights on grants. Not registered here: the documents layer above adds
    the organisation's documents and registers it (apps import one way)."""

    inlines = [ParticipationInline]


class ProgrammeAdmin(partners_admin.ProgrammeAdmin):
    """The funding layer of the programme admin: its participations with the rights on grants (in place of
    the partners layer's), its grants and budgets, and the right its total budget takes.

    Not registered here: the IATI layer above subclasses it and registers the final admin, as apps import
    one way and only the top layer knows every inline.
    """

    inlines = [*programme_admin.ProgrammeAdmin.inlines, ParticipationInline, GrantInline, BudgetInline]
    money_permission = "funding.change_budget"


class TransactionInline(CompactInline):
    model = Transaction
    formset = TransactionFormSet
    # One transaction a block: a row of its fields with their help texts was wider than 1,280 px.
    template = "admin/edit_inline/stacked.html"


class PlannedDisbursementInline(CompactInline):
    model = PlannedDisbursement
    fields = ["period_start", "period_end", "amount", "currency"]
    verbose_name_plural = "planned disbursements (the schedule ahead donors see)"


class GrantAdmin(TranslatedHistoryAdmin):
    """Grants with their transactions and planned disbursements. Not registered here: the IATI layer above
    adds the upload of an IATI file to its changelist and registers it (apps import one way)."""

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


@admin.register(OrganisationBudget)
class OrganisationBudgetAdmin(HistoryAdmin):
    """IOM's own budgets, for the IATI organisation file (finance officers)."""

    list_display = ["__str__", "period_start", "period_end", "amount_display", "status"]
    list_filter = ["status", "currency", "recipient_country"]
    list_select_related = ["recipient_country"]
    autocomplete_fields = ["recipient_country"]
    date_hierarchy = "period_start"
    fields = [("period_start", "period_end"), ("amount", "currency"), "status", "recipient_country"]

    @admin.display(description="amount", ordering="amount")
    def amount_display(self, obj: OrganisationBudget) -> str:
        return money(obj.amount, obj.currency)


@admin.register(DonorAccount)
class DonorAccountAdmin(HistoryAdmin):
    """Superusers link a user to the funders whose grants it may see; the user itself is made in Users."""

    list_display = ["__str__", "user", "funder_list", "is_active", "receives_digest", "language", "dashboard_link"]
    list_filter = ["is_active", "receives_digest", "language"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email", "funders__name"]
    autocomplete_fields = ["user", "funders"]
    readonly_fields = ["dashboard_link", "created_at", "updated_at"]
    fields = [
        "user",
        "funders",
        "is_active",
        ("receives_digest", "language"),
        "dashboard_link",
        "created_at",
        "updated_at",
    ]

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
