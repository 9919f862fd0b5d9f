"""Country and thematic area pages: what concerns each, counting published programmes only."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from programmes.models import Country, ThematicArea
from tests.factories import ProgrammeCountryFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="card__title"> <a href="[^"]+">([^<]+)</a>', text(response))


def counts(response) -> dict[str, str]:
    """Each linked name on a list page with the count beside it."""
    main = text(response).split('<main id="main"', 1)[1]  # not the header's links
    return dict(re.findall(r'<a href="/[a-z]+/[a-z-]+/">([^<]+)</a>.*?class="count">([^<]+)</', main))


def test_the_country_list_counts_published_programmes_in_each(client):
    response = client.get(reverse("programmes:countries"))
    assert response.status_code == 200
    shown = counts(response)
    assert shown["Dominican Republic"] == "6 programmes"
    assert shown["Haiti"] == "4 programmes"
    assert shown["Jamaica"] == "4 programmes"
    assert shown["Belize"] == "1 programme"
    assert shown["Argentina"] == "1 programme"
    assert "Canada" not in shown  # a funder's country, which no programme concerns
    assert list(shown)[:4] == ["Bahamas", "Barbados", "Belize", "Dominican Republic"]  # by name
    page = text(response)
    assert page.index("In the Caribbean") < page.index("Belize") < page.index("Outside the region")
    assert page.index("Outside the region") < page.index("Argentina")
    assert "(also Dutch Antilles)" in page


def test_a_country_page_lists_its_programmes_with_the_role_it_plays(client):
    response = client.get(reverse("programmes:country", kwargs={"slug": "haiti"}))
    page = text(response)
    assert "<h1>Haiti</h1>" in page
    assert "4 programmes" in page
    assert set(titles(response)) == {
        "International Migration Policy Seminar for the Caribbean Region",
        "Haitian Technical Assistance Project",
        "Haitian Migration Management Program",
        "Regularization and Repatriation of Haitian Nationals from the Turks and Caicos Islands",
    }
    turks = page[page.index("Turks and Caicos Islands</a>") :]
    assert "Role here:</span> Destination of migrants" in turks[: turks.index("</article>")]
    assert "Role here:</span> Benefiting country" in page


def test_a_country_with_several_roles_in_one_programme_lists_it_once(client):
    programme = ProgrammeFactory(title="Two roles in Jamaica")
    jamaica = Country.objects.get(slug="jamaica")
    ProgrammeCountryFactory(programme=programme, country=jamaica, role="benefiting")
    ProgrammeCountryFactory(programme=programme, country=jamaica, role="venue")
    response = client.get(reverse("programmes:country", kwargs={"slug": "jamaica"}))
    assert titles(response).count("Two roles in Jamaica") == 1
    assert "Role here:</span> Benefiting country, Venue" in text(response)
    assert counts(client.get(reverse("programmes:countries")))["Jamaica"] == "5 programmes"


def test_unpublished_programmes_are_absent_from_country_pages_and_counts(client):
    haiti = Country.objects.get(slug="haiti")
    ProgrammeCountryFactory(programme=ProgrammeFactory(title="Draft in Haiti", is_published=False), country=haiti)
    phase = ProgrammeFactory(title="Phase of a draft", parent=ProgrammeFactory(is_published=False))
    ProgrammeCountryFactory(programme=phase, country=haiti)
    ProgrammeCountryFactory(programme=ProgrammeFactory(is_published=False), country__name="Only in drafts")

    assert counts(client.get(reverse("programmes:countries")))["Haiti"] == "4 programmes"
    assert "Only in drafts" not in text(client.get(reverse("programmes:countries")))
    page = text(client.get(reverse("programmes:country", kwargs={"slug": "haiti"})))
    assert "Draft in Haiti" not in page
    assert "Phase of a draft" not in page


def test_a_country_without_published_programmes_says_so(client):
    response = client.get(reverse("programmes:country", kwargs={"slug": "canada"}))
    assert response.status_code == 200
    assert "No published programme concerns this country yet." in text(response)


def test_an_unknown_country_is_not_found(client):
    assert client.get(reverse("programmes:country", kwargs={"slug": "atlantis"})).status_code == 404


def test_the_area_list_shows_the_core_and_priority_lists_in_order(client):
    response = client.get(reverse("programmes:areas"))
    page = text(response)
    assert page.index("Core service area") < page.index("Priority area 2002-2003")
    core = [
        "Migration management",
        "Dialogue and information exchange",
        "Return of highly skilled migrants",
        "Movement assistance",
    ]
    priority = ["Labour migration", "Irregular flows, smuggling and trafficking", "Migrant rights and health"]
    positions = [page.index(f">{name}</a>") for name in core + priority]
    assert positions == sorted(positions)
    shown = counts(response)
    assert shown["Migration management"] == "5 programmes"
    assert shown["Irregular flows, smuggling and trafficking"] == "4 programmes"
    assert shown["Labour migration"] == "0 programmes"


def test_an_area_page_lists_its_published_programmes(client):
    ProgrammeFactory(title="Draft on irregular flows", is_published=False).thematic_areas.add(
        ThematicArea.objects.get(slug="irregular-flows")
    )
    response = client.get(reverse("programmes:area", kwargs={"slug": "irregular-flows"}))
    page = text(response)
    assert "<h1>Irregular flows, smuggling and trafficking</h1>" in page
    assert "Combating irregular flows including different forms of smuggling and trafficking of persons" in page
    assert "Priority area 2002-2003" in page
    assert len(titles(response)) == 4
    assert "Draft on irregular flows" not in page
    area_counts = counts(client.get(reverse("programmes:areas")))
    assert area_counts["Irregular flows, smuggling and trafficking"] == "4 programmes"


def test_an_unknown_area_is_not_found(client):
    assert client.get(reverse("programmes:area", kwargs={"slug": "nothing"})).status_code == 404


def test_country_and_area_pages_paginate(client, settings):
    settings.PROGRAMMES_PER_PAGE = 2
    response = client.get(reverse("programmes:country", kwargs={"slug": "haiti"}), {"page": 2})
    assert len(titles(response)) == 2
    assert "Page 2 of 2" in text(response)
    assert client.get(reverse("programmes:area", kwargs={"slug": "irregular-flows"}), {"page": 3}).status_code == 404


# The content version (programmes.caching) is the first query of each page (read-only pages run
# no transaction).
LIST_QUERIES = 1 + 1  # the countries (or areas) with their counts
# The country or area, the count, the programmes, their countries and areas (and, on a country
# page, this country's links to each programme, and the countries its map highlights).
COUNTRY_QUERIES = 1 + 6 + 1
AREA_QUERIES = 1 + 5


def _add_programmes(count: int) -> None:
    jamaica = Country.objects.get(slug="jamaica")
    area = ThematicArea.objects.get(slug="irregular-flows")
    for _ in range(count):
        programme = ProgrammeFactory()
        ProgrammeCountryFactory(programme=programme, country=jamaica)
        ProgrammeCountryFactory(programme=programme)
        programme.thematic_areas.add(area)


def test_country_and_area_pages_run_the_same_queries_however_many_programmes(client, django_assert_num_queries):
    pages = [
        (reverse("programmes:countries"), LIST_QUERIES),
        (reverse("programmes:areas"), LIST_QUERIES),
        (reverse("programmes:country", kwargs={"slug": "jamaica"}), COUNTRY_QUERIES),
        (reverse("programmes:area", kwargs={"slug": "irregular-flows"}), AREA_QUERIES),
    ]
    for path, expected in pages:
        with django_assert_num_queries(expected):
            client.get(path)
    _add_programmes(12)
    for path, expected in pages:
        with django_assert_num_queries(expected):
            client.get(path)
