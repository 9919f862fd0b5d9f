"""The overview's and the country list's counts on demo data agree with the programmes counted one by one.

The pages count in grouped queries; here each country's and each area's published programmes are
counted again in Python, so a join that counts a programme twice (two roles in one country), counts
a country a programme only names (a venue, a destination), or counts an unpublished programme (or a
phase of an unpublished programme) shows.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict

import pytest
from django.urls import reverse

from funding.demo import generate_demo_data
from programmes.models import Programme, ProgrammeCountry

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def chart_table(page: str, caption: str) -> dict[str, int]:
    """The table under the overview's chart ``caption``: each linked page and its count."""
    figure = next(f for f in re.findall(r"<figure .*?</figure>", page) if f"<figcaption>{caption}<" in f)
    body = re.search(r"<tbody>(.*?)</tbody>", figure).group(1)
    return {
        re.search(r'href="([^"]+)"', row).group(1): int(re.search(r'<td class="num">(\d+)</td>', row).group(1))
        for row in re.findall(r"<tr>(.*?)</tr>", body)
    }


def is_public(programme: Programme | None) -> bool:
    """Published, and so is every programme above it: walked here, not read from ``is_public``."""
    while programme is not None:
        if not programme.is_published:
            return False
        programme = programme.parent
    return True


@pytest.fixture
def expected_counts() -> tuple[dict[str, int], dict[str, int]]:
    """Published programmes per country page and per area page, counted from the rows themselves."""
    generate_demo_data(programmes=40, force=True, seed=5)
    Role = ProgrammeCountry.Role
    published = ProgrammeCountry.objects.filter(programme__in=Programme.objects.published())
    # A published programme that works in a country and is held there too (it counts once there),
    # and one that names, as a destination, a country where it does not work (it does not count).
    link = published.filter(role=Role.BENEFITING).first()
    ProgrammeCountry.objects.create(programme=link.programme, country=link.country, role=Role.VENUE)
    elsewhere = published.filter(role=Role.BENEFITING).exclude(country__in=link.programme.countries.all()).first()
    ProgrammeCountry.objects.create(programme=link.programme, country=elsewhere.country, role=Role.DESTINATION)
    countries: dict[str, set[int]] = defaultdict(set)
    for link in ProgrammeCountry.objects.select_related("country", "programme__parent"):
        if is_public(link.programme) and link.role == Role.BENEFITING:
            countries[link.country.get_absolute_url()].add(link.programme_id)
    areas: dict[str, set[int]] = defaultdict(set)
    for programme in Programme.objects.select_related("parent").prefetch_related("thematic_areas"):
        if is_public(programme):
            for area in programme.thematic_areas.all():
                areas[area.get_absolute_url()].add(programme.pk)
    return {k: len(v) for k, v in countries.items()}, {k: len(v) for k, v in areas.items()}


def test_the_overview_counts_each_published_programme_once_per_country_and_area(client, expected_counts):
    countries, areas = expected_counts
    page = text(client.get("/"))
    assert chart_table(page, "By country") == countries
    assert chart_table(page, "By thematic area") == areas


def counted_links(fragment: str) -> dict[str, int]:
    """Each list item's link and the count it gives: '<li><a href="...">Name</a> ... 3 programmes</li>'."""
    item = (
        r'<li><a href="([^"]+)"[^>]*>[^<]*</a>[^<]*(?:<span class="muted">[^<]*</span>)? *'
        r'<span class="count">(\d+) programmes?</span></li>'
    )
    return {address: int(count) for address, count in re.findall(item, fragment)}


def test_the_map_and_the_country_list_give_the_counts_the_overview_charts(client, expected_counts):
    countries, _ = expected_counts
    overview = text(client.get("/"))
    on_map = counted_links(re.search(r'<ul class="count-list map__list".*?</ul>', overview).group(0))
    assert on_map and all(countries[address] == count for address, count in on_map.items())
    assert counted_links(text(client.get(reverse("programmes:countries")))) == countries
