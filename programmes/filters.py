"""The filters of the public programme list.

Every choice list offers only what published programmes use, so a filter never reveals an
unpublished programme's country, theme, partner or funder.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.apps import apps
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from programmes.models import Country, Programme, ProjectType, ThematicArea

# Years a date field can hold; anything else is a mistyped URL, not a query.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _published() -> QuerySet[Programme]:
    return Programme.objects.published()


def countries(request: HttpRequest | None) -> QuerySet[Country]:
    return Country.objects.filter(programmes__in=_published()).distinct()


def thematic_areas(request: HttpRequest | None) -> QuerySet[ThematicArea]:
    return ThematicArea.objects.filter(programmes__in=_published()).distinct()


def project_types(request: HttpRequest | None) -> QuerySet[ProjectType]:
    return ProjectType.objects.filter(programme__in=_published()).distinct()


def funders(request: HttpRequest | None) -> QuerySet:
    # Looked up by name: programmes must not import partners or funding (they import programmes).
    organisation, grant = apps.get_model("partners", "Organisation"), apps.get_model("funding", "Grant")
    return organisation.objects.filter(id__in=grant.objects.published().values("funder"))


def partners(request: HttpRequest | None) -> QuerySet:
    # Looked up by name: programmes must not import partners (partners imports programmes).
    return apps.get_model("partners", "Organisation").objects.partners()


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        kwargs.setdefault("widget", forms.NumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR, "step": 1}))
        super().__init__(*args, **kwargs)


class ProgrammeFilterForm(forms.Form):
    def clean(self) -> dict:
        cleaned = super().clean()
        first, last = cleaned.get("year_from"), cleaned.get("year_to")
        if first is not None and last is not None and first > last:
            self.add_error("year_to", "The last year cannot be before the first year.")
        return cleaned


class ProgrammeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search", max_length=200)
    country = django_filters.ModelChoiceFilter(
        label="Country",
        field_name="countries",
        to_field_name="slug",
        queryset=countries,
        empty_label="Any country",
        distinct=True,
    )
    area = django_filters.ModelChoiceFilter(
        label="Thematic area",
        field_name="thematic_areas",
        to_field_name="slug",
        queryset=thematic_areas,
        empty_label="Any thematic area",
        distinct=True,
    )
    status = django_filters.ChoiceFilter(label="Status", choices=Programme.Status.choices, empty_label="Any status")
    coverage = django_filters.ChoiceFilter(
        label="Coverage", choices=Programme.Coverage.choices, empty_label="Any coverage"
    )
    funder = django_filters.ModelChoiceFilter(
        label="Funder",
        field_name="grants__funder",
        to_field_name="slug",
        queryset=funders,
        empty_label="Any funder",
        distinct=True,
    )
    partner = django_filters.ModelChoiceFilter(
        label="Partner",
        field_name="participations__organisation",
        to_field_name="slug",
        queryset=partners,
        empty_label="Any partner",
        distinct=True,
    )
    type = django_filters.ModelChoiceFilter(
        label="Project type",
        field_name="project_type",
        to_field_name="slug",
        queryset=project_types,
        empty_label="Any project type",
    )
    year_from = YearFilter(label="From year", method="running_from")
    year_to = YearFilter(label="To year", method="running_to")

    class Meta:
        model = Programme
        fields: list[str] = []
        form = ProgrammeFilterForm

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Offer only the statuses and coverages the published programmes have (one query for both).
        used = set(_published().order_by().values_list("status", "coverage").distinct())
        statuses, coverages = {status for status, _ in used}, {coverage for _, coverage in used}
        self.filters["status"].extra["choices"] = [c for c in Programme.Status.choices if c[0] in statuses]
        self.filters["coverage"].extra["choices"] = [c for c in Programme.Coverage.choices if c[0] in coverages]

    def search(self, queryset: QuerySet[Programme], name: str, value: str) -> QuerySet[Programme]:
        value = value.strip()
        if not value:
            return queryset
        fields = ("title", "acronym", "code", "summary", "description")
        return queryset.filter(Q.create([(f"{field}__icontains", value) for field in fields], connector=Q.OR))

    def running_from(self, queryset: QuerySet[Programme], name: str, value: int) -> QuerySet[Programme]:
        """Programmes still running in or after the year: ended then or later, or with no end yet.

        A programme with no dates at all is left out: nothing says when it ran.
        """
        return queryset.filter(
            Q(end_date__gte=datetime.date(value, 1, 1)) | Q(end_date__isnull=True, start_date__isnull=False)
        )

    def running_to(self, queryset: QuerySet[Programme], name: str, value: int) -> QuerySet[Programme]:
        """Programmes that had started by the end of the year (or that ended by then, start unknown)."""
        return queryset.filter(
            Q(start_date__lte=datetime.date(value, 12, 31)) | Q(start_date__isnull=True, end_date__isnull=False)
        )
