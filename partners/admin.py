"""The staff's admin for organisations, their roles in programmes, and agreements.

The partners layer of the programme and overview admins: their participations and partner mentions.
Participations are registered by the funding layer above, which gives a participation in the
funding role the rights on grants; organisations and the overview by the documents layer.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from partners.models import Agreement, Organisation, OverviewPartner, Participation
from programmes.admin import overview as overview_admin
from programmes.admin import programme as programme_admin
from programmes.admin.base import CompactInline, TranslatedCompactInline, TranslatedHistoryAdmin
from programmes.forms import AdminInlineFormSet

FUNDING = Participation.Role.FUNDING


class ParticipationRights:
    """A participation in the funding role is money, the others narrative (README, "Admin users").

    ``money_model`` names the model whose add, change and delete rights a funding participation takes:
    the funding layer's subclasses name its grants, as partners never imports funding. Without it a
    funding participation takes the same rights as any other.
    """

    money_model: str | None = None

    def may_write(self, request: HttpRequest, action: str, role: str | None) -> bool:
        model = self.money_model if role == FUNDING and self.money_model else "partners.participation"
        app_label, model_name = model.split(".")
        return request.user.has_perm(f"{app_label}.{action}_{model_name}")

    def may_write_a_role(self, request: HttpRequest, action: str) -> bool:
        return self.may_write(request, action, FUNDING) or self.may_write(request, action, None)

    def refusal(self, request: HttpRequest, action: str, roles: set[str | None]) -> str | None:
        """Why the user may not ``action`` a participation with these roles (before and after), or None."""
        refused = {role == FUNDING for role in roles if not self.may_write(request, action, role)}
        if True in refused:
            return "Participations in the Funding role are money: only Finance officers add, change or remove them."
        if False in refused:
            return "You may add, change or remove participations in the Funding role only."
        return None


class ParticipationFormSet(AdminInlineFormSet):
    """Refuses each row the user may not write, by its role before and after (``refusal`` is set per request)."""

    refusal: Callable[[str, set[str | None]], str | None]

    def clean(self) -> None:
        super().clean()
        problems = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or (form.instance.pk is None and not form.has_changed()):
                continue
            before, after = form.initial.get("role"), form.cleaned_data.get("role")
            if form.instance.pk is not None and self.can_delete and self._should_delete_form(form):
                message = self.refusal("delete", {before})
            elif form.instance.pk is None:
                message = self.refusal("add", {after})
            elif form.has_changed():
                message = self.refusal("change", {before, after})
            else:
                continue
            if message:
                named = form.instance.organisation_id and form.instance.programme_id
                problems.append(f"{form.instance if named else 'A new row'}: {message}")
        if problems:
            raise ValidationError(problems)


class ParticipationInline(ParticipationRights, TranslatedCompactInline):
    model = Participation
    # One participation a block: its description in three languages would not fit a row at 1,280 px.
    template = "admin/edit_inline/stacked.html"
    formset = ParticipationFormSet
    autocomplete_fields = ["organisation", "programme"]
    ordering = ["order", "role"]

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.may_write_a_role(request, "add")

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.may_write_a_role(request, "change")

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.may_write_a_role(request, "delete")

    def get_formset(self, request: HttpRequest, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"refusal": staticmethod(lambda *args: self.refusal(request, *args))})


class OverviewPartnerInline(CompactInline):
    model = OverviewPartner
    autocomplete_fields = ["organisation"]
    fields = ["group", "organisation", "order"]


class ProgrammeAdmin(programme_admin.ProgrammeAdmin):
    """The partners layer of the programme admin: the organisations taking part.

    Not registered here: the layers above (funding, then IATI) subclass it in turn, and the top one
    registers the final admin, as apps import one way and only the top layer knows every inline.
    """

    inlines = [*programme_admin.ProgrammeAdmin.inlines, ParticipationInline]


class OverviewAdmin(overview_admin.OverviewAdmin):
    """The overview admin with the partners its text names. Not registered here: the documents layer above
    adds the overview's documents and registers it (apps import one way, so only the top layer knows every
    inline)."""

    inlines = [*overview_admin.OverviewAdmin.inlines, OverviewPartnerInline]


class OrganisationAdmin(TranslatedHistoryAdmin):
    """Organisations and their participations. Not registered here: the funding layer above registers its
    subclass, whose participations in the funding role take the rights on grants (apps import one way)."""

    list_display = ["name", "acronym", "type", "country", "parent", "participation_count", "grant_count"]
    list_filter = ["type", "participations__role", "country"]
    list_select_related = ["country", "parent"]
    search_fields = ["name", "acronym", "iati_identifier"]
    autocomplete_fields = ["country", "parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ParticipationInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Organisation | None = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            # Being part of a body gives that body's donors this one's grants (DonorAccount.grants):
            # access to donor data is a superuser's to grant, as donor accounts are.
            readonly.append("parent")
        return readonly

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                participation_count=Count("participations", distinct=True), grant_count=Count("grants", distinct=True)
            )
            # Aggregates drop Meta.ordering; the autocomplete paginates and needs a stable order.
            .order_by("name")
        )

    @admin.display(description="programmes", ordering="participation_count")
    def participation_count(self, obj: Organisation) -> int:
        return obj.participation_count

    @admin.display(description="grants", ordering="grant_count")
    def grant_count(self, obj: Organisation) -> int:
        return obj.grant_count


class RoleCheckedForm(forms.ModelForm):
    """Refuses a role the user may not give (``refusal`` is set per request); the role it had is the
    admin's per-object permission."""

    refusal: Callable[[str, set[str | None]], str | None]

    def clean(self):
        cleaned_data = super().clean()
        action = "add" if self.instance._state.adding else "change"
        if "role" in cleaned_data and (message := self.refusal(action, {cleaned_data["role"]})):
            self.add_error("role", message)
        return cleaned_data


class ParticipationAdmin(ParticipationRights, TranslatedHistoryAdmin):
    """Not registered here: the funding layer above registers its subclass, whose participations in the
    funding role take the rights on grants (apps import one way)."""

    list_display = ["organisation", "role", "programme", "description"]
    list_filter = ["role", "programme__status"]
    list_select_related = ["organisation", "programme"]
    search_fields = ["organisation__name", "organisation__acronym", "programme__title", "programme__code"]
    autocomplete_fields = ["organisation", "programme"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.may_write_a_role(request, "add")

    def has_change_permission(self, request: HttpRequest, obj: Participation | None = None) -> bool:
        if obj is None:
            return self.may_write_a_role(request, "change")
        return self.may_write(request, "change", obj.role)

    def has_delete_permission(self, request: HttpRequest, obj: Participation | None = None) -> bool:
        if obj is None:
            return self.may_write_a_role(request, "delete")
        return self.may_write(request, "delete", obj.role)

    def get_form(self, request: HttpRequest, obj: Participation | None = None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        refusal = staticmethod(lambda *args: self.refusal(request, *args))
        return type(form.__name__, (RoleCheckedForm, form), {"refusal": refusal})


@admin.register(Agreement)
class AgreementAdmin(TranslatedHistoryAdmin):
    list_display = ["title", "signed_display", "subject", "party_list", "programme"]
    list_filter = ["subject"]
    list_select_related = ["programme"]
    search_fields = ["title", "subject", "organisations__name", "organisations__acronym"]
    autocomplete_fields = ["organisations", "programme"]
    date_hierarchy = "signed_date"
    fields = ["title", "organisations", ("signed_date", "signed_precision"), "subject", "programme", "description"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("organisations")

    @admin.display(description="signed", ordering="signed_date")
    def signed_display(self, obj: Agreement) -> str:
        return obj.signed_display

    @admin.display(description="parties")
    def party_list(self, obj: Agreement) -> str:
        return ", ".join(org.acronym or org.name for org in obj.organisations.all())
