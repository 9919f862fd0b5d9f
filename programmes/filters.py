"""The filters of the public programme list.

Every choice list offers only what published programmes use, so a filter never reveals an
unpublished programme's country, theme, partner or funder (``programmes.filter_options``).
"""

from __future__ import annotations

import datetime
import functools
import html
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.validators import slug_re
from django.db.models import Expression, Q, QuerySet, Value
from django.forms.utils import flatatt
from django.http import HttpRequest
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES

from iomcaribbean.catalogue import kept
from programmes.filter_options import (
    MODEL_CHOICE_FILTERS,
    WORKS_THERE,
    code_choices,
    countries,
    funders,
    partners,
    project_types,
    record_choices,
    thematic_areas,
)
from programmes.models import Programme

# Years a date field can hold; anything else is a mistyped URL, not a query.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _escape(text: Any) -> str:
    """``conditional_escape`` without its lazy-text wrapper, for the thousand options of a list."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))


def _language(label: Any) -> str:
    """`` lang="en"`` for a label in another language than the page's (``filter_options.OptionLabel``)."""
    language = getattr(label, "lang", "")
    return f' lang="{_escape(language)}"' if language else ""


def option_markup(key: str, label: Any, chosen: str = "") -> str:
    """One ``<option>``, with the markup Django's Select gives it."""
    return (
        f'<option value="{_escape(key)}"{" selected" if str(key) == chosen else ""}'
        f"{_language(label)}>{_escape(label)}</option>"
    )


def options_markup(request: HttpRequest | None) -> dict[str, str]:
    """The options of each list of ``record_choices`` as markup, none chosen, kept with the lists."""

    def build() -> dict[str, str]:
        lists = record_choices(request)
        return {name: "\n".join(option_markup(key, label) for key, label in options) for name, options in lists.items()}

    return kept(request, "filter-records-markup", build)


class OptionsSelect(forms.Select):
    """A select that writes its options itself, with the markup Django's Select gives them.

    Django renders each option through a template of its own, about a millisecond each; with
    thousands of programmes the funder and partner lists hold hundreds of organisations, which
    made drawing the form the largest part of the list page's time. Its choices are
    ``LazyChoices``: their options' markup is kept with the lists, and the one chosen is marked
    in it, so a page drawn afresh writes none of the thousand options again.
    """

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> str:
        options = mark_safe(self.choices.markup("" if value is None else str(value)))
        return format_html(
            '<select name="{}"{}>\n{}\n</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


class LazyChoices(BaseChoiceIterator):
    """A select's options, read from ``record_choices`` only when the select is drawn: the API
    and the downloads validate the same filters without ever showing them."""

    def __init__(self, request: HttpRequest | None, name: str, empty_label: str) -> None:
        self.request, self.name, self.empty_label = request, name, empty_label

    def __iter__(self) -> Iterator[tuple[str, str]]:
        yield ("", self.empty_label)
        yield from record_choices(self.request)[self.name]

    def markup(self, chosen: str) -> str:
        """The options' markup, ``chosen`` marked selected: the kept markup, its one option with
        that value (values are unique slugs; the closing quote keeps "haiti" from "haiti-2") marked."""
        records = options_markup(self.request)[self.name]
        if chosen:
            opening = f'<option value="{_escape(chosen)}"'
            records = records.replace(opening + ">", opening + " selected>", 1).replace(
                opening + " lang=", opening + " selected lang=", 1
            )
        return option_markup("", self.empty_label, chosen) + "\n" + records


@dataclass(frozen=True)
class ChosenOption:
    """A record chosen among the options shown (``record_choices``): its slug, and its option's label."""

    slug: str
    label: str

    def __str__(self) -> str:
        return self.label


class OptionChoiceField(django_filters.fields.ModelChoiceField):
    """A record's slug, checked against ``options`` (slug to label): the options of the field's
    queryset (``filter_options``), read already where the form draws them, or else those of the
    slugs sent, every filter's in one query (``ProgrammeFilter.sent_options``)."""

    options: dict[str, str] = {}  # set on each form's own field (``ProgrammeFilter.form``), never changed here

    def to_python(self, value: Any) -> ChosenOption | None:
        if value in self.empty_values:
            return None
        if (label := self.options.get(str(value))) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return ChosenOption(str(value), label)


class LinkedFilter(django_filters.ModelChoiceFilter):
    """Programmes linked to the record chosen through ``field_name``, found in a subquery by its slug;
    ``link_conditions`` (lookups from the programme) narrow the links that count.

    A join would repeat a programme linked twice (two grants from one funder), and the DISTINCT
    that removes the repeats makes the database read and sort every match, whole, to count them
    or to reach a page.
    """

    field_class = OptionChoiceField

    def __init__(self, *args, link_conditions: dict[str, Any] | None = None, **kwargs) -> None:
        self.link_conditions = link_conditions or {}
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet[Programme], value: ChosenOption | None) -> QuerySet[Programme]:
        if value in EMPTY_VALUES:
            return qs
        # One filter() call, so that the conditions apply to the same link as the value.
        chosen = {f"{self.field_name}__slug": value.slug}
        linked = Programme.objects.filter(**chosen, **self.link_conditions)
        return qs.filter(pk__in=linked.values("pk"))


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        kwargs.setdefault("widget", forms.NumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR, "step": 1}))
        super().__init__(*args, **kwargs)


@functools.cache
def text_search() -> TextSearch:
    """The search named by the ``PROGRAMME_TEXT_SEARCH`` setting (a class path), made once."""
    path = getattr(settings, "PROGRAMME_TEXT_SEARCH", "")
    if not path:
        raise ImproperlyConfigured("PROGRAMME_TEXT_SEARCH must name the programme search class.")
    return import_string(path)()


class ProgrammeFilterForm(forms.Form):
    def clean(self) -> dict:
        cleaned = super().clean()
        first, last = cleaned.get("year_from"), cleaned.get("year_to")
        if first is not None and last is not None and first > last:
            self.add_error("year_to", _("The last year cannot be before the first year."))
        return cleaned


class TextSearch(Protocol):
    """What the search box does: the class named by the ``PROGRAMME_TEXT_SEARCH`` setting (the
    search app's ``ProgrammeSearch``), since programmes imports no app above it."""

    def filter(self, queryset: QuerySet[Programme], text: str) -> QuerySet[Programme]: ...

    def relevance(self, text: str, using: str) -> Expression: ...

    def typed_word_checks(self, queryset: QuerySet[Programme], text: str) -> dict[str, Expression]: ...


class ProgrammeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    country = LinkedFilter(
        label=_("Country"),
        field_name="country_links__country",
        link_conditions={f"country_links__{name}": value for name, value in WORKS_THERE.items()},
        to_field_name="slug",
        queryset=countries,
        empty_label=_("Any country"),
    )
    area = LinkedFilter(
        label=_("Thematic area"),
        field_name="thematic_areas",
        to_field_name="slug",
        queryset=thematic_areas,
        empty_label=_("Any thematic area"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Programme.Status.choices, empty_label=_("Any status")
    )
    coverage = django_filters.ChoiceFilter(
        label=_("Coverage"), choices=Programme.Coverage.choices, empty_label=_("Any coverage")
    )
    funder = LinkedFilter(
        label=_("Funder"),
        field_name="grants__funder",
        to_field_name="slug",
        queryset=funders,
        empty_label=_("Any funder"),
    )
    partner = LinkedFilter(
        label=_("Partner"),
        field_name="participations__organisation",
        to_field_name="slug",
        queryset=partners,
        empty_label=_("Any partner"),
    )
    type = LinkedFilter(
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

    def __init__(self, *args, shows_options: bool = False, **kwargs) -> None:
        """``shows_options``: the form is drawn, so its records' values are checked against the options."""
        self.shows_options = shows_options
        super().__init__(*args, **kwargs)
        # Offer only the statuses and coverages the published programmes have.
        codes = code_choices(self.request)
        self.filters["status"].extra["choices"] = codes["status"]
        self.filters["coverage"].extra["choices"] = codes["coverage"]

    @property
    def form(self) -> forms.Form:
        form = super().form
        if not getattr(form, "choices_from_lists", False):
            # The options shown come from the kept lists, read only when a select is drawn; a
            # value sent is checked against the options (``OptionChoiceField``), never by reading it.
            for name in MODEL_CHOICE_FILTERS:
                field = form.fields[name]
                field.widget = OptionsSelect(attrs=field.widget.attrs)
                field.widget.choices = LazyChoices(self.request, name, field.empty_label)
            options = self.shown_options() if self.shows_options else self.sent_options()
            for name in MODEL_CHOICE_FILTERS:
                form.fields[name].options = options.get(name, {})
            form.choices_from_lists = True
        return form

    def shown_options(self) -> dict[str, dict[str, str]]:
        """The options of each record filter sent, slug to label, as the form draws them (kept with the lists)."""
        sent = [name for name in MODEL_CHOICE_FILTERS if self.data.get(name)]
        lists = record_choices(self.request) if sent else {}
        return {name: {str(slug): str(label) for slug, label in lists[name]} for name in sent}

    def sent_options(self) -> dict[str, dict[str, str]]:
        """The records sent that their filters offer, slug to slug: one query for every filter used."""
        # Only what a slug can be is looked up: anything else (a NUL byte) is offered by no filter.
        sent = {name: str(self.data.get(name) or "") for name in MODEL_CHOICE_FILTERS}
        sent = {name: slug for name, slug in sent.items() if slug_re.match(slug)}
        offered = [
            self.filters[name].get_queryset(self.request).filter(slug=slug).order_by().annotate(filter=Value(name))
            for name, slug in sent.items()
        ]
        if not offered:
            return {}
        found: dict[str, dict[str, str]] = {}
        for name, slug in (
            offered[0]
            .values_list("filter", "slug")
            .union(*(rows.values_list("filter", "slug") for rows in offered[1:]), all=True)
        ):
            found.setdefault(name, {})[slug] = slug
        return found

    def search(self, queryset: QuerySet[Programme], name: str, value: str) -> QuerySet[Programme]:
        if not value.strip():
            return queryset
        return self.searcher().filter(queryset, value)

    def relevance(self) -> Expression | None:
        """How well each programme found matches the search (higher first); None without a search."""
        if not (text := self.search_text()):
            return None
        return self.searcher().relevance(text, self.queryset.db)

    def search_text(self) -> str:
        """The search's text, "" without a valid one."""
        return self.form.cleaned_data.get("q", "").strip() if self.is_valid() else ""

    @staticmethod
    def searcher() -> TextSearch:
        return text_search()

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
