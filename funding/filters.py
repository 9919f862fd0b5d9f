"""The search, filters and sorts of the funders list, a funder's grants and the donor's grants.

All of them run on the server from a GET form, so they work without JavaScript; a value a form
rejects is answered with 400 and the form's errors, never with another page of results. A grant
filter only narrows the grants it is given (a funder's published grants, a donor account's own):
no value of any parameter can reach a grant outside them.

Amounts in different currencies are never compared: the funders list sorts by the amounts in one
currency, chosen in the form, and a grants table sorts by amount within each currency.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django import forms
from django.db.models import BooleanField, Case, ExpressionWrapper, F, IntegerField, Q, QuerySet, Value, When
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from funding.models import Grant
from funding.selectors import CurrencyTotal, in_active_language
from partners.models import Organisation
from programmes.models import STATUS_ORDER, Programme
from programmes.translation import LANGUAGES, localized

FIRST_YEAR, LAST_YEAR = 1900, 2100  # a date field's years; anything else is a mistyped address
FUNDERS_PER_PAGE = 25
GRANTS_PER_FUNDER_PAGE = 25  # rows of a funder page's table of programmes and grants
TITLES = ["title", *(localized("title", language) for language in LANGUAGES)]


def in_any_language(fields: tuple[str, ...], text: str) -> Q:
    """``text`` in any of the fields, in any language: a visitor may type the English name on /es/."""
    condition = Q()
    for field in fields:
        for language in LANGUAGES:
            condition |= Q(**{f"{localized(field, language)}__icontains": text})
    return condition


# The funders list: ?sort= values, each a label and a key on a funder with its counts and totals
# (``FunderListView``). The amounts' sorts read the totals in the currency the form names.
FUNDER_SORTS: dict[str, Promise] = {
    "name": _("Name (A to Z)"),
    "programmes": _("Most programmes funded"),
    "granted": _("Largest amount granted"),
    "committed": _("Largest amount committed"),
}


class FunderListForm(forms.Form):
    q = forms.CharField(label=_("Name or acronym"), required=False, max_length=100)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=list(FUNDER_SORTS.items()))
    currency = forms.ChoiceField(label=_("Amounts in"), required=False)

    def __init__(self, data: QueryDict, *, currencies: list[str], default_currency: str) -> None:
        # The currency the amounts' sorts use is always the one the select shows.
        if not data.get("currency"):
            data = data.copy()
            data["currency"] = default_currency
        super().__init__(data)
        self.fields["currency"].choices = [(code, code) for code in currencies]

    def search(self, funders: QuerySet[Organisation]) -> QuerySet[Organisation]:
        text = self.cleaned_data["q"].strip()
        return funders.filter(in_any_language(("name", "acronym"), text)) if text else funders


def funder_sort_key(sort: str, currency: str) -> Callable[[Organisation], tuple]:
    """The order of the funders list, read in order of name: the largest first, those with no amount
    in ``currency`` last, ties (and the name sort itself) kept in order of name (``sorted`` is stable)."""

    def amount(funder: Organisation, kind: str) -> Any:
        return next((getattr(t, kind) for t in getattr(funder, kind) if t.currency == currency), None)

    def key(funder: Organisation) -> tuple:
        if sort == "programmes":
            first = (-funder.funded_programme_count,)
        elif sort in ("granted", "committed"):
            value = amount(funder, sort)
            first = (value is None, -(value or 0))
        else:
            first = ()
        return first

    return key


def status_order(lookup: str) -> Case:
    """The activity statuses in the order the codelist gives them (pipeline, ongoing, completed, cancelled)."""
    whens = [When(**{lookup: value}, then=Value(index)) for index, value in enumerate(STATUS_ORDER)]
    return Case(*whens, output_field=IntegerField())


def grant_orderings() -> dict[str, tuple]:
    """A grants table's ?sort= values and their orderings (expressions of the active language)."""
    title = in_active_language("programme__title").asc()
    no_amount = ExpressionWrapper(Q(amount__isnull=True), output_field=BooleanField())
    return {
        "programme": (title,),
        # Grants whose amount, so currency, is not published come last.
        "amount": (no_amount.asc(), "currency", F("amount").desc(), title),
        "start": (F("start_date").desc(nulls_last=True), title),
        "status": (status_order("programme__status"), title),
    }


GRANT_SORTS: dict[str, Promise] = {
    "programme": _("Programme (A to Z)"),
    "amount": _("Amount, largest first in each currency"),
    "start": _("Newest first"),
    "status": _("Status"),
}


class GrantSort(django_filters.ChoiceFilter):
    """The table's order: by programme unless another is chosen; the id breaks ties, so paging is stable."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(label=_("Sort by"), choices=list(GRANT_SORTS.items()), empty_label=None, **kwargs)

    def filter(self, queryset: QuerySet[Grant], value: str) -> QuerySet[Grant]:
        orderings = grant_orderings()
        return queryset.order_by(*orderings.get(value, orderings["programme"]), "pk")


class FunderGrantFilter(django_filters.FilterSet):
    """A funder's page: its grants to published programmes, of one currency, in the order chosen."""

    currency = django_filters.ChoiceFilter(label=_("Currency"), empty_label=_("All currencies"))
    sort = GrantSort()

    class Meta:
        model = Grant
        fields: list[str] = []

    def __init__(self, data: Any, queryset: QuerySet[Grant], *, currencies: list[str]) -> None:
        """``currencies``: those of the grants' published amounts, which the caller has summed already."""
        super().__init__(data, queryset=queryset)
        self.filters["currency"].extra["choices"] = [(code, code) for code in currencies]

    def counted(self, totals: list[CurrencyTotal]) -> int | None:
        """How many grants the choices leave, from ``money_totals`` of the same grants: a count query
        less where only the currency narrows them (the sort orders them); None where that cannot tell."""
        if not self.is_valid():
            return None
        chosen = self.form.cleaned_data
        if any(chosen.get(name) for name in self.filters if name not in ("currency", "sort")):
            return None
        currency = chosen.get("currency")
        return sum(total.grants for total in totals if not currency or total.currency == currency)


class DonorGrantFilter(FunderGrantFilter):
    """The donor's dashboard: its own grants by programme, the programme's status, a year of the
    grant's period and currency. The programmes offered are those of the account's grants alone."""

    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=Programme.objects.none(), empty_label=_("All programmes")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="programme__status", choices=Programme.Status.choices, empty_label=_("Any")
    )
    year = django_filters.NumberFilter(
        label=_("Active in year"), method="active_in", min_value=FIRST_YEAR, max_value=LAST_YEAR
    )

    class Meta:
        model = Grant
        fields: list[str] = []

    def __init__(self, data: Any, queryset: QuerySet[Grant]) -> None:
        currencies = queryset.exclude(currency="").order_by("currency").values_list("currency", flat=True)
        super().__init__(data, queryset, currencies=list(currencies.distinct()))
        for name in ("currency", "sort"):  # after the filters of the donor's own grants
            self.filters.move_to_end(name)
        # An option shows the title and code (``Programme.__str__``): the descriptions in every
        # language are most of a programme's row.
        programmes = Programme.objects.filter(pk__in=queryset.values("programme_id")).only("pk", "code", *TITLES)
        self.filters["programme"].queryset = programmes.order_by(in_active_language("title").asc(), "pk")

    def active_in(self, queryset: QuerySet[Grant], name: str, year: int) -> QuerySet[Grant]:
        """Grants whose period includes some of ``year``; a grant with no dates is active in no year."""
        started = Q(start_date__year__lte=year) | Q(start_date__isnull=True, end_date__isnull=False)
        not_ended = Q(end_date__year__gte=year) | Q(end_date__isnull=True, start_date__isnull=False)
        return queryset.filter(started & not_ended)
