"""The programme list reads a page, its count and its filter options without reading every programme.

What these reads must still get right: what a phase of an unpublished programme may reveal, a
programme linked twice to one record, and every page of a long list.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from programmes.models import Programme, ProgrammeCountry
from programmes.views.listing import SORTS
from tests.factories import (
    CountryFactory,
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ProjectTypeFactory,
    ThematicAreaFactory,
)
from tests.helpers.programme_list import text, titles

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

URL = reverse("programmes:list")


def test_filters_offer_nothing_only_a_phase_of_an_unpublished_programme_uses(client):
    draft = ProgrammeFactory(is_published=False)
    phase = ProgrammeFactory(
        parent=draft, status=Programme.Status.CANCELLED, project_type=ProjectTypeFactory(name="Hidden type")
    )
    ProgrammeCountryFactory(programme=phase, country=CountryFactory(name="Hiddenland", slug="hiddenland"))
    phase.thematic_areas.add(ThematicAreaFactory(name="Hidden area"))
    GrantFactory(programme=phase, funder=OrganisationFactory(name="Hidden funder"))
    ParticipationFactory(programme=phase, organisation=OrganisationFactory(name="Hidden partner"))

    page = text(client.get(URL))

    for hidden in ("Hiddenland", "Hidden type", "Hidden area", "Hidden funder", "Hidden partner"):
        assert hidden not in page
    assert '<option value="cancelled">' not in page
    assert '<option value="completed">Completed</option>' in page
    assert client.get(URL, {"country": "hiddenland"}).status_code == 400


def test_an_option_appears_once_a_published_programme_uses_it(client):
    country = CountryFactory(name="Newland", slug="newland")
    ProgrammeCountryFactory(programme=ProgrammeFactory(is_published=False), country=country)
    assert "Newland" not in text(client.get(URL))

    ProgrammeCountryFactory(programme=ProgrammeFactory(title="Published in Newland"), country=country)
    response = client.get(URL, {"country": "newland"})

    assert '<option value="newland" selected>Newland</option>' in text(response)
    assert titles(response) == ["Published in Newland"]


def test_a_programme_in_one_country_in_two_roles_is_listed_and_counted_once(client):
    country = CountryFactory(name="Twoland", slug="twoland")
    programme = ProgrammeFactory(title="Benefits and hosts")
    ProgrammeCountryFactory(programme=programme, country=country, role=ProgrammeCountry.Role.BENEFITING)
    ProgrammeCountryFactory(programme=programme, country=country, role=ProgrammeCountry.Role.VENUE)

    response = client.get(URL, {"country": "twoland"})

    assert titles(response) == ["Benefits and hosts"]
    assert "1 programme" in text(response)


@pytest.mark.parametrize("sort", list(SORTS))
def test_the_pages_of_a_sort_show_every_published_programme_once(client, settings, sort):
    settings.PROGRAMMES_PER_PAGE = 4
    for n in range(9):
        ProgrammeFactory(title=f"Extra programme {n}", start_date=None if n % 3 else datetime.date(2000 + n, 1, 1))
    published = set(Programme.objects.published().values_list("title", flat=True))
    pages = -(-len(published) // 4)

    shown = [title for page in range(1, pages + 1) for title in titles(client.get(URL, {"sort": sort, "page": page}))]

    assert len(shown) == len(published)
    assert set(shown) == published


@pytest.mark.parametrize("sort", list(SORTS))
def test_programmes_that_tie_on_a_sort_each_show_once_across_pages(client, settings, sort):
    settings.PROGRAMMES_PER_PAGE = 3
    Programme.objects.update(is_published=False)
    ties = {ProgrammeFactory(title="Same title", start_date=datetime.date(2001, 5, 28)).slug for _ in range(8)}

    shown = [
        slug
        for page in (1, 2, 3)
        for slug in re.findall(
            r'card__title"> <a href="/programmes/([^/]+)/', text(client.get(URL, {"sort": sort, "page": page}))
        )
    ]

    assert sorted(shown) == sorted(ties)
