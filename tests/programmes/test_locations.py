"""A programme's locations: their rules, the programme and country pages' points and lists, and the
admin's live preview on the portal's own map."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programmes.models import Country, Location
from tests.factories import LocationFactory, ProgrammeCountryFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_a_point_is_whole_on_the_earth_and_an_area_code_says_whose_it_is():
    programme = ProgrammeFactory()
    with pytest.raises(ValidationError) as half_a_point:
        Location(programme=programme, name="Kingston", latitude=Decimal("17.97")).full_clean()
    assert "both its latitude and its longitude" in str(half_a_point.value)
    with pytest.raises(ValidationError) as off_earth:
        Location(programme=programme, name="Nowhere", latitude=Decimal("95"), longitude=Decimal("0")).full_clean()
    assert "latitude" in off_earth.value.message_dict
    with pytest.raises(ValidationError) as no_vocabulary:
        Location(programme=programme, name="St Andrew", admin_code="3489460").full_clean()
    assert "whose code" in str(no_vocabulary.value)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Location.objects.create(programme=programme, name="Half", longitude=Decimal("-76.79"))


def test_the_programme_page_draws_the_points_and_lists_every_location(client):
    programme = ProgrammeFactory()
    jamaica = Country.objects.get(code="JM")
    ProgrammeCountryFactory(programme=programme, country=jamaica)
    LocationFactory(programme=programme, name="Kingston", country=jamaica, exactness="2", order=1)
    LocationFactory(programme=programme, name="Georgetown", latitude=Decimal("6.8013"), longitude=Decimal("-58.1551"))
    LocationFactory(programme=programme, name="The venue", latitude=None, longitude=None)
    page = client.get(programme.get_absolute_url()).content.decode()

    section = page[page.index('id="locations"') :]
    assert re.search(r'<svg class="map__svg"[^>]*role="img"', section)
    assert "1 location is marked with a numbered point" in section
    assert section.count('<g class="map__point">') == 1
    assert "<title>1. Kingston</title>" in section
    assert "Approximate point" in section
    assert "Georgetown</strong>" in section and "(outside the map)" in section
    assert "The venue</strong>" in section and "(no point known)" in section


def test_the_country_page_shows_the_located_places_of_its_published_programmes(client):
    jamaica = Country.objects.get(code="JM")
    shown = LocationFactory(name="Montego Bay port", country=jamaica, latitude=Decimal("18.47"))
    LocationFactory(name="Hidden landing", country=jamaica, programme=ProgrammeFactory(is_published=False))
    page = client.get(jamaica.get_absolute_url()).content.decode()
    assert "Locations in this country" in page
    assert "Montego Bay port" in page and shown.programme.title in page
    assert "Hidden landing" not in page
    assert "1 location of a programme is marked" in page


def test_the_admin_previews_the_points_on_the_portals_own_map(admin_client):
    programme = ProgrammeFactory()
    LocationFactory(programme=programme)
    page = admin_client.get(f"/admin/programmes/programme/{programme.pk}/change/").content.decode()
    assert "data-location-preview" in page
    assert 'data-west="-92.0"' in page and 'data-north="28.0"' in page
    assert "/static/js/location-preview.js" in page
    assert "<script>" not in page.split("data-location-preview")[1].split("</figure>")[0]
