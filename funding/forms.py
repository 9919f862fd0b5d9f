"""The admin formset that keeps a grant's transactions in order."""

from __future__ import annotations

from funding.models import Transaction
from programmes.forms import AdminInlineFormSet
from programmes.models import DatePrecision, format_partial_date


class TransactionFormSet(AdminInlineFormSet):
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
