"""The export's prefetch querysets compile their SQL once and reuse it: each use reads its own
programmes' rows, and any other use of the queryset is compiled as usual."""

from __future__ import annotations

import pytest
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import override

from iati import writer
from iomcaribbean.compiled_queries import MAX_KEYS, compiled_once
from programmes.models import Location, Programme
from tests.factories import CountryFactory, GrantFactory, LocationFactory, OrganisationFactory, ProgrammeFactory
from tests.helpers.compiles import record_compiled_models

# The SQL is the engine's own: reusing it must hold on both.
pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


@pytest.fixture
def compiles(monkeypatch) -> list[str]:
    """The models whose queries are compiled."""
    return record_compiled_models(monkeypatch)


def location_names(programme, read) -> list[str]:
    prefetch_related_objects([programme], Prefetch("locations", queryset=read.all()))
    return [location.name for location in programme.locations.all()]


def test_each_programme_reads_its_own_rows_from_the_sql_compiled_once(compiles):
    first, second = ProgrammeFactory(), ProgrammeFactory()
    LocationFactory(programme=first, name="Castries")
    LocationFactory(programme=second, name="Roseau")
    LocationFactory(programme=second, name="Portsmouth")
    read = compiled_once(Location.objects.select_related("country"))
    compiles.clear()

    assert location_names(first, read) == ["Castries"]
    assert location_names(second, read) == ["Roseau", "Portsmouth"]
    assert location_names(first, read) == ["Castries"]
    assert compiles.count("Location") == 1


def test_other_uses_of_the_queryset_are_compiled_as_usual(compiles):
    saint_lucia, dominica = CountryFactory(code="LC"), CountryFactory(code="DM")
    programme = ProgrammeFactory()
    LocationFactory(programme=programme, name="Castries", country=saint_lucia)
    LocationFactory(programme=programme, name="Roseau", country=dominica)
    read = compiled_once(Location.objects.all())
    compiles.clear()
    assert location_names(programme, read) == ["Castries", "Roseau"]

    # The same number of keys, but on another column, under another condition, in another order.
    assert [location.name for location in read.filter(country__in=[dominica])] == ["Roseau"]
    assert [location.name for location in read.filter(name="Roseau", programme__in=[programme])] == ["Roseau"]
    assert [location.name for location in read.exclude(name="Roseau").filter(programme__in=[programme])] == ["Castries"]
    assert [location.name for location in read.order_by("-name").filter(programme__in=[programme])] == [
        "Roseau",
        "Castries",
    ]
    assert read.filter(programme__in=[programme]).count() == 2
    assert compiles.count("Location") == 6


def test_the_reads_are_ordered_in_the_active_language_as_before():
    """modeltranslation orders by the active language's columns: the reads kept for one language are not
    those of another."""
    programme = ProgrammeFactory()
    GrantFactory(programme=programme, funder=OrganisationFactory(name="Alpha", name_es="Zeta"))
    GrantFactory(programme=programme, funder=OrganisationFactory(name="Beta"))
    funders = {}
    for language in ("en", "es", "en"):
        with override(language):
            [exported] = writer.export_queryset().filter(pk=programme.pk)
            funders[language] = [grant.funder.name_en for grant in exported.grants.all()]
            assert funders[language] == [grant.funder.name_en for grant in programme.grants.all()]
    assert funders == {"en": ["Alpha", "Beta"], "es": ["Beta", "Alpha"]}


def test_shapes_of_more_keys_than_an_edit_reads_are_not_kept():
    programmes = [ProgrammeFactory() for _ in range(MAX_KEYS + 1)]
    read = compiled_once(Location.objects.all())
    prefetch_related_objects(programmes, Prefetch("locations", queryset=read.all()))
    assert read.query.compiled == {}
    fewer = list(Programme.objects.filter(pk__in=[programme.pk for programme in programmes[:MAX_KEYS]]))
    prefetch_related_objects(fewer, Prefetch("locations", queryset=read.all()))
    assert len(read.query.compiled) == 1
