"""Admin forms for money: currencies, amounts and the order of a grant's transactions."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from funding.models import Transaction
from programmes.forms import AdminModelForm
from programmes.models import DatePrecision, format_partial_date


def clean_currency_code(value: str) -> str:
    value = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise ValidationError("Give the currency as a three-letter ISO 4217 code, such as USD.")
    return value


class CurrencyFormMixin:
    """For models whose clean() leaves the currency to the database constraint."""

    def clean_currency(self) -> str:
        return clean_currency_code(self.cleaned_data["currency"])


class GrantAdminForm(AdminModelForm):
    partial_dates = (("start_date", "start_precision"), ("end_date", "end_precision"))


class BudgetAdminForm(CurrencyFormMixin, AdminModelForm):
    def clean_amount(self) -> Decimal:
        amount = self.cleaned_data["amount"]
        if amount is not None and amount < 0:
            raise ValidationError("The amount cannot be negative.")
        return amount


class TransactionForm(CurrencyFormMixin, forms.ModelForm):
    pass


class TransactionFormSet(forms.BaseInlineFormSet):
    """A grant's transactions: nothing is disbursed before the grant's first commitment."""

    def clean(self) -> None:
        super().clean()
        rows = [form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)]
        commitments = [
            form.cleaned_data["date"]
            for form in rows
            if form.cleaned_data.get("type") == Transaction.Type.COMMITMENT and form.cleaned_data.get("date")
        ]
        if not commitments:
            return
        first = min(commitments)
        for form in rows:
            date = form.cleaned_data.get("date")
            if form.cleaned_data.get("type") == Transaction.Type.DISBURSEMENT and date and date < first:
                first_display = format_partial_date(first, DatePrecision.DAY)
                form.add_error("date", f"A disbursement cannot come before the first commitment ({first_display}).")
