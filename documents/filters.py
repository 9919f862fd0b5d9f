"""The filters of the public document library: category, language, year, the kind of record, the title."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from documents.models import Category, Document, Language
from programmes.translation import LANGUAGES, localized

FIRST_YEAR, LAST_YEAR = 1900, 2100  # a date field's years; anything else is a mistyped address


class RecordKind(django_filters.ChoiceFilter):
    KINDS = {
        "programme": _("Programmes"),
        "organisation": _("Organisations"),
        "overview": _("The overview"),
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(choices=list(self.KINDS.items()), **kwargs)

    def filter(self, queryset: QuerySet[Document], value: str) -> QuerySet[Document]:
        return queryset.filter(**{f"{value}__isnull": False}) if value in self.KINDS else queryset


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Title contains"), method="search_title")
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Category.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Language.choices, method="in_language")
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="date__year", min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    kind = RecordKind(label=_("Belongs to"))

    class Meta:
        model = Document
        fields: list[str] = []

    def search_title(self, queryset: QuerySet[Document], name: str, value: str) -> QuerySet[Document]:
        # In every language: a visitor may search the English title from the Spanish page.
        condition = Q()
        for language in LANGUAGES:
            condition |= Q(**{f"{localized('title', language)}__icontains": value})
        return queryset.filter(condition)

    def in_language(self, queryset: QuerySet[Document], name: str, value: str) -> QuerySet[Document]:
        # Codes are two letters between commas: a code's letters match only that code.
        return queryset.filter(languages__contains=value)
