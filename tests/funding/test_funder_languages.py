"""A funder page in Spanish or French names countries and thematic areas in that language.

Where staff have not translated a name yet, the page gives the English one, as the country's and
the area's own pages do.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from programmes.models import ProgrammeCountry
from tests.factories import (
    CountryFactory,
    GrantFactory,
    OrganisationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db

BENEFITING = ProgrammeCountry.Role.BENEFITING


def names(response, heading_id: str) -> list[str]:
    """The first cell of each row of the section's table: the names the reader sees, in order."""
    page = " ".join(html.unescape(response.content.decode()).split())
    start = page.index(f'<section aria-labelledby="{heading_id}">')
    body = re.search(r"<tbody>(.*?)</tbody>", page[start : page.index("</section>", start)]).group(1)
    return [re.sub(r"<[^>]+>", "", row).strip() for row in re.findall(r'<th scope="row">(.*?)</th>', body)]


@pytest.fixture
def funder():
    funder = OrganisationFactory(name="Translated donor", slug="translated-donor")
    programme = ProgrammeFactory(title="Regional programme")
    haiti = CountryFactory(name="Haiti test", name_es="Haití prueba", name_fr="Haïti essai", slug="haiti-test")
    belize = CountryFactory(name="Belize test", slug="belize-test")  # not translated yet
    for country in (haiti, belize):
        ProgrammeCountryFactory(programme=programme, country=country, role=BENEFITING)
    programme.thematic_areas.add(
        ThematicAreaFactory(name="Border management", name_es="Gestión de fronteras", slug="borders"),
        ThematicAreaFactory(name="Labour migration", slug="labour"),  # not translated yet
    )
    GrantFactory(funder=funder, programme=programme, amount=Decimal("1000.00"), currency="USD")
    return funder


def page(client, funder, language: str):
    with translation.override(language):
        address = reverse("funding:detail", kwargs={"slug": funder.slug})
    assert address.startswith("/" if language == "en" else f"/{language}/")
    return client.get(address)


def test_a_funder_page_in_spanish_names_countries_and_areas_in_spanish_or_else_in_english(client, funder):
    response = page(client, funder, "es")
    assert names(response, "by-country") == ["Belize test", "Haití prueba"]
    assert names(response, "by-area") == ["Gestión de fronteras", "Labour migration"]
    # The links still lead to the country's page, in Spanish.
    assert 'href="/es/countries/haiti-test/">Haití prueba</a>' in response.content.decode()


def test_a_funder_page_in_french_uses_the_french_names(client, funder):
    response = page(client, funder, "fr")
    assert names(response, "by-country") == ["Belize test", "Haïti essai"]
    assert names(response, "by-area") == ["Border management", "Labour migration"]


def test_a_funder_page_in_english_keeps_the_english_names(client, funder):
    response = page(client, funder, "en")
    assert names(response, "by-country") == ["Belize test", "Haiti test"]
    assert names(response, "by-area") == ["Border management", "Labour migration"]


def test_a_funder_pages_programmes_are_in_the_order_of_their_titles_in_the_pages_language(client):
    funder = OrganisationFactory(name="Sorting donor", slug="sorting-donor")
    for english, spanish in (("Alpha programme", "Zeta programa"), ("Beta programme", ""), ("Gamma programme", "Alfa")):
        GrantFactory(funder=funder, programme=ProgrammeFactory(title=english, title_es=spanish))
    assert names(page(client, funder, "en"), "grants") == ["Alpha programme", "Beta programme", "Gamma programme"]
    # Untranslated, the English title takes its place in the order too.
    assert names(page(client, funder, "es"), "grants") == ["Alfa", "Beta programme", "Zeta programa"]
