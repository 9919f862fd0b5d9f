"""Country and thematic area pages: what concerns each, counting published programmes only."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.urls import reverse

from programmes.models import Country, ProgrammeCountry, ThematicArea
from programmes.views.places import NAMED_SHOWN, CountryNamedInView
from tests.factories import LocationFactory, ProgrammeCountryFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="card__title"> <a href="[^"]+">([^<]+)</a>', text(response))


def counts(response) -> dict[str, str]:
    """Each linked name on a list page with the count beside it."""
    main = text(response).split('<main id="main"', 1)[1]  # not the header's links
    return dict(re.findall(r'<a href="/[a-z]+/[a-z-]+/">([^<]+)</a>.*?class="count">([^<]+)</', main))


NAMED_ITEM = r'<li><a href="/programmes/[a-z0-9-]+/">([^<]+)</a>(?: \([^)]*\))?: ([^<]+)</li>'


def named_in(response) -> dict[str, str]:
    """The "Also named in" list of a country page: each programme's title and the roles given."""
    page = text(response)
    if "Also named in</h2>" not in page:
        return {}
    section = page[page.index("Also named in</h2>") : page.index("</section>", page.index("Also named in</h2>"))]
    return dict(re.findall(NAMED_ITEM, section))


def test_the_country_list_counts_the_published_programmes_that_work_in_each(client):
    response = client.get(reverse("programmes:countries"))
    assert response.status_code == 200
    shown = counts(response)
    assert shown["Dominican Republic"] == "6 programmes"
    assert shown["Haiti"] == "3 programmes"  # not the Turks and Caicos programme, which names it as a destination
    assert shown["Jamaica"] == "3 programmes"  # not the seminar, which it hosted
    assert shown["Belize"] == "1 programme"
    # Destinations of trafficked women that the counter-trafficking narrative names: no programme works there.
    assert "Argentina" not in shown
    assert "Netherlands Antilles" not in shown
    assert "Canada" not in shown  # a funder's country, which no programme concerns
    assert list(shown)[:4] == ["Bahamas", "Barbados", "Belize", "Dominican Republic"]  # by name
    page = text(response)
    assert page.index("In the Caribbean") < page.index("Belize")
    assert "The countries where the published programmes work" in page


def test_the_country_list_puts_countries_outside_the_region_apart(client):
    ProgrammeCountryFactory(programme=ProgrammeFactory(), country=Country.objects.get(slug="argentina"))
    ProgrammeCountryFactory(programme=ProgrammeFactory(), country=Country.objects.get(slug="netherlands-antilles"))
    response = client.get(reverse("programmes:countries"))
    shown, page = counts(response), text(response)
    assert shown["Argentina"] == "1 programme"
    assert page.index("In the Caribbean") < page.index("Belize") < page.index("Outside the region")
    assert page.index("Outside the region") < page.index("Argentina")
    assert "(also Dutch Antilles)" in page


def test_a_country_page_lists_the_programmes_that_work_there_and_apart_those_that_name_it(client):
    response = client.get(reverse("programmes:country", kwargs={"slug": "haiti"}))
    page = text(response)
    assert "<h1>Haiti</h1>" in page
    assert "3 programmes" in page
    assert set(titles(response)) == {
        "International Migration Policy Seminar for the Caribbean Region",
        "Haitian Technical Assistance Project",
        "Haitian Migration Management Program",
    }
    assert named_in(response) == {
        "Regularization and Repatriation of Haitian Nationals from the Turks and Caicos Islands": (
            "Destination named in the narrative"
        )
    }
    assert page.index("3 programmes") < page.index("Also named in")


def test_a_destination_is_named_not_counted_on_its_page(client):
    response = client.get(reverse("programmes:country", kwargs={"slug": "argentina"}))
    page = text(response)
    assert "0 programmes" in page
    assert "No published programme works in this country yet." in page
    assert titles(response) == []
    assert named_in(response) == {
        "Counter-Trafficking Assistance in the Dominican Republic": "Destination named in the narrative"
    }


def test_the_venue_of_the_seminar_names_it_and_counts_the_programmes_that_work_there(client):
    response = client.get(reverse("programmes:country", kwargs={"slug": "jamaica"}))
    assert "3 programmes" in text(response)
    assert "International Migration Policy Seminar for the Caribbean Region" not in titles(response)
    assert named_in(response) == {"International Migration Policy Seminar for the Caribbean Region": "Venue"}


def test_a_country_with_several_roles_in_one_programme_lists_it_once(client):
    programme = ProgrammeFactory(title="Two roles in Jamaica")
    jamaica = Country.objects.get(slug="jamaica")
    ProgrammeCountryFactory(programme=programme, country=jamaica, role="benefiting")
    ProgrammeCountryFactory(programme=programme, country=jamaica, role="venue")
    response = client.get(reverse("programmes:country", kwargs={"slug": "jamaica"}))
    assert titles(response).count("Two roles in Jamaica") == 1
    assert "Two roles in Jamaica" not in named_in(response)  # it works there
    assert counts(client.get(reverse("programmes:countries")))["Jamaica"] == "4 programmes"

    named_twice = ProgrammeFactory(title="Venue and origin")
    ProgrammeCountryFactory(programme=named_twice, country=jamaica, role="venue")
    ProgrammeCountryFactory(programme=named_twice, country=jamaica, role="origin")
    response = client.get(reverse("programmes:country", kwargs={"slug": "jamaica"}))
    assert named_in(response)["Venue and origin"] == "Origin named in the narrative, Venue"
    assert counts(client.get(reverse("programmes:countries")))["Jamaica"] == "4 programmes"


def test_unpublished_programmes_are_absent_from_country_pages_and_counts(client):
    haiti = Country.objects.get(slug="haiti")
    ProgrammeCountryFactory(programme=ProgrammeFactory(title="Draft in Haiti", is_published=False), country=haiti)
    phase = ProgrammeFactory(title="Phase of a draft", parent=ProgrammeFactory(is_published=False))
    ProgrammeCountryFactory(programme=phase, country=haiti)
    ProgrammeCountryFactory(programme=ProgrammeFactory(is_published=False), country__name="Only in drafts")
    ProgrammeCountryFactory(
        programme=ProgrammeFactory(title="Draft held in Haiti", is_published=False), country=haiti, role="venue"
    )

    assert counts(client.get(reverse("programmes:countries")))["Haiti"] == "3 programmes"
    assert "Only in drafts" not in text(client.get(reverse("programmes:countries")))
    page = text(client.get(reverse("programmes:country", kwargs={"slug": "haiti"})))
    assert "Draft in Haiti" not in page
    assert "Phase of a draft" not in page
    assert "Draft held in Haiti" not in page


def test_a_country_without_published_programmes_says_so(client):
    response = client.get(reverse("programmes:country", kwargs={"slug": "canada"}))
    assert response.status_code == 200
    assert "No published programme works in this country yet." in text(response)
    assert "Also named in" not in text(response)


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


def test_an_area_has_one_name_on_every_page_in_the_api_and_the_exports(client):
    name = "Irregular flows, smuggling and trafficking"
    wording = "Combating irregular flows including different forms of smuggling and trafficking of persons"
    area = ThematicArea.objects.get(slug="irregular-flows")
    assert (area.name, area.overview_wording) == (name, wording)
    link = f'<a class="tag tag--link" href="/areas/irregular-flows/">{name}</a>'
    assert link in text(
        client.get(reverse("programmes:detail", kwargs={"slug": "counter-trafficking-dominican-republic"}))
    )
    programme_list = text(client.get(reverse("programmes:list")))
    assert f'<option value="irregular-flows">{name}</option>' in programme_list  # the filter
    assert f'<a href="/areas/irregular-flows/">{name}</a>' in programme_list  # the cards
    area_page = text(client.get(reverse("programmes:area", kwargs={"slug": "irregular-flows"})))
    assert f"<h1>{name}</h1>" in area_page
    assert f"As the overview words it: “{wording}”" in area_page
    assert f'<a href="/areas/irregular-flows/">{name}</a>' in text(client.get(reverse("programmes:areas")))
    # The overview shows its own wording, linked to the area's page; its chart, the name.
    overview = text(client.get("/"))
    assert f'<a href="/areas/irregular-flows/">{wording}</a>' in overview
    assert f'<th scope="row"><a href="/areas/irregular-flows/">{name}</a></th>' in overview
    api = client.get("/api/areas/irregular-flows/", HTTP_ACCEPT="application/json").json()
    assert (api["name"], api["overview_wording"]) == (name, wording)
    programme = client.get(
        "/api/programmes/counter-trafficking-dominican-republic/", HTTP_ACCEPT="application/json"
    ).json()
    area = {"slug": "irregular-flows", "name": name, "overview_wording": wording, "fallback_fields": []}
    assert area in programme["thematic_areas"]
    csv = client.get(reverse("programmes:list_csv"), {"columns": "thematic_areas", "area": "irregular-flows"})
    assert name in csv.content.decode()


def test_an_unknown_area_is_not_found(client):
    assert client.get(reverse("programmes:area", kwargs={"slug": "nothing"})).status_code == 404


def test_country_and_area_pages_paginate(client, settings):
    settings.PROGRAMMES_PER_PAGE = 2
    response = client.get(reverse("programmes:country", kwargs={"slug": "dominican-republic"}), {"page": 3})
    assert len(titles(response)) == 2
    assert "Page 3 of 3" in text(response)
    assert client.get(reverse("programmes:area", kwargs={"slug": "irregular-flows"}), {"page": 3}).status_code == 404


# The content version (iomcaribbean.caching) is the first query of each page (read-only pages run
# no transaction).
LIST_QUERIES = 1 + 1  # the countries (or areas) with their counts
# The country or area with its count (which paginates its programmes), the programmes, where they
# work and their areas (and, on a country page, the programmes that only name the country, the
# countries its map highlights and the locations of programmes in it).
COUNTRY_QUERIES = 1 + 5 + 1 + 1
AREA_QUERIES = 1 + 4


def _add_programmes(count: int) -> None:
    jamaica = Country.objects.get(slug="jamaica")
    area = ThematicArea.objects.get(slug="irregular-flows")
    for _ in range(count):
        programme = ProgrammeFactory()
        ProgrammeCountryFactory(programme=programme, country=jamaica)
        ProgrammeCountryFactory(programme=programme)
        LocationFactory(programme=programme, country=jamaica)
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


def test_a_country_page_shows_the_newest_that_name_it_and_its_pages_of_them_show_every_one(client, monkeypatch):
    """At volume some 60 programmes name a country as a venue: its page shows the newest, its pages
    of them every one, with the roles, a page at a time; none that works there, none unpublished."""
    jamaica = Country.objects.get(slug="jamaica")
    venue = ProgrammeCountry.Role.VENUE
    seeded = named_in(client.get(reverse("programmes:country", kwargs={"slug": "jamaica"})))
    for year in range(2030, 2030 + NAMED_SHOWN + 5):
        programme = ProgrammeFactory(title=f"Venue workshop {year}", start_date=datetime.date(year, 1, 1))
        ProgrammeCountryFactory(programme=programme, country=jamaica, role=venue)
    hidden = ProgrammeFactory(title="Unpublished workshop", is_published=False, start_date=datetime.date(2099, 1, 1))
    ProgrammeCountryFactory(programme=hidden, country=jamaica, role=venue)
    total = len(seeded) + NAMED_SHOWN + 5

    page = client.get(reverse("programmes:country", kwargs={"slug": "jamaica"}))
    shown = named_in(page)
    assert list(shown)[:3] == ["Venue workshop 2054", "Venue workshop 2053", "Venue workshop 2052"]  # newest first
    assert len(shown) == NAMED_SHOWN
    assert f"The {NAMED_SHOWN} newest of {total} programmes that name it." in text(page)
    address = reverse("programmes:country_named_in", kwargs={"slug": "jamaica"})
    assert f'href="{address}"' in text(page)

    monkeypatch.setattr(CountryNamedInView, "paginate_by", 10)
    every: dict[str, str] = {}
    for number in range(1, -(-total // 10) + 1):
        response = client.get(address, {"page": number})
        assert response.status_code == 200
        every |= dict(re.findall(NAMED_ITEM, text(response)))
    assert every == {**seeded, **{f"Venue workshop {year}": venue.label for year in range(2030, 2055)}}
    assert client.get(reverse("programmes:country_named_in", kwargs={"slug": "nowhere"})).status_code == 404


def test_a_country_that_no_programme_only_names_has_a_page_that_says_so(client):
    response = client.get(reverse("programmes:country_named_in", kwargs={"slug": "belize"}))
    assert response.status_code == 200
    assert "No published programme names this country without working there." in text(response)
