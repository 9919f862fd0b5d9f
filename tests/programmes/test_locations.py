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


def test_a_country_page_shows_its_first_places_and_every_place_is_on_the_pages_of_places(client, monkeypatch):
    """At volume a country has hundreds of places: its page draws the first, its pages of places the rest."""
    from programmes.views import places

    monkeypatch.setattr(places, "PLACES_SHOWN", 2)
    monkeypatch.setattr(places.CountryPlacesView, "paginate_by", 2)
    jamaica = Country.objects.get(code="JM")
    programme = ProgrammeFactory(title="Ports of Jamaica")
    for number in range(1, 6):
        LocationFactory(programme=programme, name=f"Port {number}", country=jamaica, order=number)
    LocationFactory(name="Hidden landing", country=jamaica, programme=ProgrammeFactory(is_published=False))

    page = client.get(jamaica.get_absolute_url()).content.decode()
    assert "Port 1</strong>" in page and "Port 2</strong>" in page and "Port 3" not in page
    assert "The first 2 of 5 places." in page
    assert 'href="/countries/jamaica/places/"' in page
    assert page.count('<g class="map__point">') == 2

    first = client.get("/countries/jamaica/places/").content.decode()
    assert "<h1>Places in Jamaica</h1>" in first
    assert "5 places that the published programmes name in this country" in first
    assert "Port 1</strong>" in first and "Port 2</strong>" in first and "Port 3" not in first
    assert first.count('<g class="map__point">') == 2 and "<title>2. Port 2</title>" in first
    last = client.get("/countries/jamaica/places/", {"page": 3}).content.decode()
    assert "Port 5</strong>" in last and "<title>1. Port 5</title>" in last and "Page 3 of 3" in last
    assert all("Hidden landing" not in html for html in (page, first, last))
    assert client.get("/countries/jamaica/places/", {"page": 4}).status_code == 404
    assert client.get("/countries/jamaica/places/", {"page": "x"}).status_code == 404
    assert client.get("/countries/atlantis/places/").status_code == 404
    spanish = client.get("/es/countries/jamaica/places/").content.decode()
    assert "<h1>Lugares en Jamaica</h1>" in spanish


def test_a_country_with_no_place_says_so_and_its_pages_of_places_read_the_same_queries(
    client, django_assert_num_queries
):
    haiti = Country.objects.get(code="HT")
    assert "No published programme names a place" in client.get("/countries/haiti/places/").content.decode()
    # The content version, the country, the count, the page of places, the countries the map highlights.
    for more, page in ((60, 2), (60, 3)):
        for _ in range(more):
            LocationFactory(country=haiti)
        with django_assert_num_queries(5):
            response = client.get("/countries/haiti/places/", {"page": page, "x": 1})
        assert response.status_code == 200 and f"Page {page} of {page}" in response.content.decode()
    with django_assert_num_queries(1 + 5 + 1 + 1):  # COUNTRY_QUERIES: its places come with their count
        page = client.get(haiti.get_absolute_url()).content.decode()
    assert "The first 25 of 120 places." in page
