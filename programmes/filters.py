"""The filters of the public programme list.

Every choice list offers only what published programmes use, so a filter never reveals an
unpublished programme's country, theme, partner or funder.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import django_filters
from django import forms
from django.apps import apps
from django.core.cache import cache
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.forms.utils import flatatt
from django.http import HttpRequest
from django.utils.choices import BaseChoiceIterator
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from programmes.models import Country, Programme, ProjectType, ThematicArea
from programmes.translation import DEFAULT_LANGUAGE, active_language, in_languages

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


# Filters whose options are records: their lists are built only when a form is shown.
MODEL_CHOICE_FILTERS = ("country", "area", "type", "funder", "partner")
KEPT_SECONDS = 24 * 60 * 60


def _kept(request: HttpRequest | None, name: str, build: Callable[[], dict]) -> dict:
    """``build()``, kept in the cache until the next edit (the request's content version, set by
    ``programmes.caching``), per language since labels are translated; built afresh without one."""
    version = getattr(request, "content_version", None)
    if version is None:
        return build()
    key = f"programme-filter-{name}:{version}:{get_language()}"
    # A day at most: after the next edit the key is never asked for again.
    return cache.get_or_set(key, build, timeout=KEPT_SECONDS)


def code_choices(request: HttpRequest | None) -> dict[str, list[tuple[str, str]]]:
    """The statuses and the coverages published programmes have (one query for both)."""

    def build() -> dict[str, list[tuple[str, str]]]:
        used = set(_published().order_by().values_list("status", "coverage").distinct())
        statuses, coverages = {status for status, _ in used}, {coverage for _, coverage in used}
        return {
            "status": [(value, str(label)) for value, label in Programme.Status.choices if value in statuses],
            "coverage": [(value, str(label)) for value, label in Programme.Coverage.choices if value in coverages],
        }

    return _kept(request, "codes", build)


def record_choices(request: HttpRequest | None) -> dict[str, list[tuple[str, str]]]:
    """The options of MODEL_CHOICE_FILTERS as (slug, label) pairs: four queries when built
    (organisations once, as funders and as partners together)."""

    def build() -> dict[str, list[tuple[str, str]]]:
        funder_ids, partner_ids = funders(request).values("id"), partners(request).values("id")
        organisations = (
            apps.get_model("partners", "Organisation")
            .objects.filter(Q(id__in=funder_ids) | Q(id__in=partner_ids))
            .annotate(
                is_funder=ExpressionWrapper(Q(id__in=funder_ids), output_field=BooleanField()),
                is_partner=ExpressionWrapper(Q(id__in=partner_ids), output_field=BooleanField()),
            )
        )
        lists: dict[str, list[tuple[str, str]]] = {
            "country": [(c.slug, str(c)) for c in countries(request)],
            "area": [(a.slug, str(a)) for a in thematic_areas(request)],
            "type": [(t.slug, str(t)) for t in project_types(request)],
            "funder": [],
            "partner": [],
        }
        for organisation in organisations:
            if organisation.is_funder:
                lists["funder"].append((organisation.slug, str(organisation)))
            if organisation.is_partner:
                lists["partner"].append((organisation.slug, str(organisation)))
        return lists

    return _kept(request, "records", build)


class OptionsSelect(forms.Select):
    """A select that writes its options itself, with the markup Django's Select gives them.

    Django renders each option through a template of its own, about a millisecond each; with
    thousands of programmes the funder and partner lists hold hundreds of organisations, which
    made drawing the form the largest part of the list page's time.
    """

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> str:
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            ((key, mark_safe(" selected") if str(key) == chosen else "", label) for key, label in self.choices),
        )
        return format_html(
            '<select name="{}"{}>\n{}\n</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


class LazyChoices(BaseChoiceIterator):
    """A select's options, read from ``record_choices`` only when the select is drawn: the API
    and the downloads validate the same filters without ever showing them."""

    def __init__(self, lists: Mapping[str, list[tuple[str, str]]], name: str, empty_label: str) -> None:
        self.lists, self.name, self.empty_label = lists, name, empty_label

    def __iter__(self) -> Iterator[tuple[str, str]]:
        yield ("", self.empty_label)
        yield from self.lists[self.name]


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
            self.add_error("year_to", _("The last year cannot be before the first year."))
        return cleaned


class ProgrammeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        field_name="countries",
        to_field_name="slug",
        queryset=countries,
        empty_label=_("Any country"),
        distinct=True,
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Thematic area"),
        field_name="thematic_areas",
        to_field_name="slug",
        queryset=thematic_areas,
        empty_label=_("Any thematic area"),
        distinct=True,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Programme.Status.choices, empty_label=_("Any status")
    )
    coverage = django_filters.ChoiceFilter(
        label=_("Coverage"), choices=Programme.Coverage.choices, empty_label=_("Any coverage")
    )
    funder = django_filters.ModelChoiceFilter(
        label=_("Funder"),
        field_name="grants__funder",
        to_field_name="slug",
        queryset=funders,
        empty_label=_("Any funder"),
        distinct=True,
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        field_name="participations__organisation",
        to_field_name="slug",
        queryset=partners,
        empty_label=_("Any partner"),
        distinct=True,
    )
    type = django_filters.ModelChoiceFilter(
        label=_("Project type"),
        field_name="project_type",
        to_field_name="slug",
        queryset=project_types,
        empty_label=_("Any project type"),
    )
    year_from = YearFilter(label=_("From year"), method="running_from")
    year_to = YearFilter(label=_("To year"), method="running_to")

    class Meta:
        model = Programme
        fields: list[str] = []
        form = ProgrammeFilterForm

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Offer only the statuses and coverages the published programmes have.
        codes = code_choices(self.request)
        self.filters["status"].extra["choices"] = codes["status"]
        self.filters["coverage"].extra["choices"] = codes["coverage"]

    @property
    def form(self) -> forms.Form:
        form = super().form
        if not getattr(form, "choices_from_lists", False):
            # The options shown come from the kept lists; a value sent is still checked against
            # the field's queryset (one query per filter used).
            # Read once for all five selects, and only when the first is drawn.
            lists = SimpleLazyObject(lambda: record_choices(self.request))
            for name in MODEL_CHOICE_FILTERS:
                field = form.fields[name]
                field.widget = OptionsSelect(attrs=field.widget.attrs)
                field.widget.choices = LazyChoices(lists, name, field.empty_label)
            form.choices_from_lists = True
        return form

    def search(self, queryset: QuerySet[Programme], name: str, value: str) -> QuerySet[Programme]:
        value = value.strip()
        if not value:
            return queryset
        condition = Q(acronym__icontains=value) | Q(code__icontains=value)
        # The texts in the page's language and in English, which untranslated texts show in.
        languages = [active_language(), DEFAULT_LANGUAGE]
        for field in ("title", "summary", "description"):
            condition |= in_languages(field, "icontains", value, languages)
        return queryset.filter(condition)

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
