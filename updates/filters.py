"""The filters of the public list of updates: country, thematic area, programme and year."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from programmes.models import Country, Programme, ProgrammeCountry, ThematicArea
from updates.models import Update

FIRST_YEAR, LAST_YEAR = 1900, 2100  # a date field's years; anything else is a mistyped address


class UpdateFilter(django_filters.FilterSet):
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.order_by("name"), to_field_name="slug", method="in_country"
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Thematic area"),
        queryset=ThematicArea.objects.order_by("name"),
        to_field_name="slug",
        field_name="programme__thematic_areas",
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        # Only programmes with something to show: the list of every programme would be thousands long.
        queryset=Programme.objects.filter(pk__in=Update.objects.public().values("programme")).order_by("title"),
        to_field_name="slug",
    )
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="date__year", min_value=FIRST_YEAR, max_value=LAST_YEAR
    )

    class Meta:
        model = Update
        fields: list[str] = []

    def in_country(self, queryset: QuerySet[Update], name: str, value: Country) -> QuerySet[Update]:
        # Where the programme works, as the programme list's filter counts it (README, the programme's countries).
        links = ProgrammeCountry.objects.filter(country=value, role=ProgrammeCountry.Role.BENEFITING)
        return queryset.filter(programme__in=links.values("programme"))
