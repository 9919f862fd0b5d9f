"""Each public page runs the same few queries with 10 demo programmes as with 60 (so with 10,000).

Counted on a first visit, before anything is cached (the cache is emptied before each test); a
visit the cache answers runs one query, the content version. The demo data
(``funding.demo``) gives every programme countries, areas, organisations, grants, transactions
and budgets, so a query per row would show.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding import views as funding_views
from funding.demo import generate_demo_data
from funding.models import Grant
from funding.selectors import funder_grants
from partners.models import Organisation
from programmes.models import Country, Programme, ThematicArea
from programmes.views import places
from tests.factories import ProgrammeCountryFactory, UpdatePhotoFactory
from tests.helpers.kept import forget_kept_pages
from tests.helpers.programme_list import record_filters

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

# Page, and the most queries it may run. The programme page reads its components, key figures,
# results and publications with the programme, seven other kinds of related rows (countries,
# areas, phases, ... agreements and their organisations) one query each, and its newest updates
# (one, with their photos).
PAGES = {
    "overview": ("/", 10),
    "list": ("/programmes/", 10),
    "list, filtered": ("/programmes/?country=jamaica&status=ongoing&sort=title", 10),
    "list, searched": ("/programmes/?q=border", 10),
    # Two words, one mistyped (on PostgreSQL the words like it are looked up in the same query).
    "list, searched with a typo": ("/programmes/?q=border+managment", 10),
    "list, sorted by status, page 2": ("/programmes/?sort=status&page=2", 10),
    "countries": ("/countries/", 10),
    "country": ("/countries/jamaica/", 10),
    "partners": ("/partners/", 10),
    "funders": ("/funders/", 10),
    "api list": ("/api/programmes/", 10),
    "csv export": ("/programmes/export.csv", 10),
    "updates": ("/updates/", 10),
    "updates, filtered": ("/updates/?country=jamaica&year=2024", 10),
    "updates feed": ("/feeds/updates.atom", 10),
    "about the data": ("/about/data/", 10),
    "sitemap": ("/sitemap.xml", 10),
}
DETAIL_BUDGET = 10
FUNDER_BUDGET = 10
ADMIN_BUDGET = 15


def queries(client, url: str) -> int:
    forget_kept_pages()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def pages() -> dict[str, tuple[str, int]]:
    """The fixed pages, plus a demo programme's page and a demo funder's page."""
    programme = Programme.objects.published().filter(slug__startswith="demo-").order_by("pk").first()
    funder = programme.grants.first().funder
    update = programme.updates.first()
    return PAGES | {
        "programme": (reverse("programmes:detail", kwargs={"slug": programme.slug}), DETAIL_BUDGET),
        "update": (update.get_absolute_url(), DETAIL_BUDGET),
        "programme card": (reverse("updates:embed", kwargs={"slug": programme.slug}), DETAIL_BUDGET),
        "funder": (reverse("funding:detail", kwargs={"slug": funder.slug}), FUNDER_BUDGET),
    }


def test_public_pages_run_the_same_few_queries_at_10_and_at_60_programmes(client):
    generate_demo_data(programmes=10, force=True, seed=3)
    small = {name: queries(client, url) for name, (url, _) in pages().items()}
    generate_demo_data(programmes=50, force=True, seed=4)
    large = {name: queries(client, url) for name, (url, _) in pages().items()}
    assert Programme.objects.filter(slug__startswith="demo-").count() == 60
    assert large == small
    over = {name: count for name, count in large.items() if count > pages()[name][1]}
    assert not over, over


def test_the_programme_list_runs_at_most_ten_queries_and_one_when_kept(client, django_assert_max_num_queries):
    generate_demo_data(programmes=60, force=True)
    with django_assert_max_num_queries(10):
        first = client.get("/programmes/")
    with django_assert_max_num_queries(1):
        second = client.get("/programmes/")
    assert second.content == first.content
    assert b"card__title" in second.content


def test_the_admin_changelist_of_many_programmes_runs_at_most_15_queries(admin_client):
    generate_demo_data(programmes=10, force=True, seed=5)
    url = reverse("admin:programmes_programme_changelist")
    with CaptureQueriesContext(connection) as small:
        assert admin_client.get(url).status_code == 200
    generate_demo_data(programmes=50, force=True, seed=6)
    with CaptureQueriesContext(connection) as large:
        response = admin_client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(large.captured_queries) <= ADMIN_BUDGET
    assert b"DEMO-000" in response.content


def test_a_programme_page_reads_its_updates_photos_with_them(client):
    generate_demo_data(programmes=10, force=True, seed=3)
    programme = Programme.objects.published().filter(slug__startswith="demo-", updates__isnull=False).first()
    url = reverse("programmes:detail", kwargs={"slug": programme.slug})
    without = queries(client, url)
    shown = programme.updates.order_by("-date", "-pk")[:3]
    photos = [UpdatePhotoFactory(update=update, position=position) for update in shown for position in (2, 1)]
    # Three updates with two photos each: read in the updates' own query, within the budget.
    assert queries(client, url) == without <= DETAIL_BUDGET
    html = client.get(url).content.decode()
    # Each update shows its first photo by position, with its renditions' addresses.
    for first, second in zip(photos[1::2], photos[::2], strict=True):
        assert first.fallback_url in html and first.webp_srcset in html
        assert second.fallback_url not in html


def last_page(client, url: str) -> int:
    """The last page of the programmes listed at ``url``, by asking: the one after it is not found."""
    page = 1
    while client.get(f"{url}?page={page + 1}").status_code == 200:
        page += 1
    assert client.get(f"{url}?page={page + 1}").status_code == 404
    return page


def test_a_country_page_whose_every_list_runs_longer_than_shown_stays_within_the_budget(client, settings, monkeypatch):
    # At 10,000 programmes a country's places, the programmes naming it and those working there each
    # run to more than its page shows, so each is counted: here with 60, by showing one of each.
    generate_demo_data(programmes=60, force=True, seed=7)
    settings.PROGRAMMES_PER_PAGE = 1
    monkeypatch.setattr(places, "PLACES_SHOWN", 1)
    monkeypatch.setattr(places, "NAMED_SHOWN", 1)
    country = max(Country.objects.all(), key=lambda c: places.places_in(c).count())
    elsewhere = Programme.objects.published().exclude(country_links__country=country)[:2]
    for programme in elsewhere:
        ProgrammeCountryFactory(programme=programme, country=country, role=places.NAMING_ROLES[0])
    assert places.places_in(country).count() > 1 and places.naming_programmes(country).count() > 1
    url = reverse("programmes:country", kwargs={"slug": country.slug})
    assert queries(client, url) <= PAGES["country"][1]
    # Sorted by title, it reads every programme it lists too (``places.KeptThroughRewordingsOfOthers``).
    assert queries(client, f"{url}?sort=title") <= PAGES["country"][1]
    working = Programme.objects.published().in_country(country).count()
    assert working > 1 and last_page(client, url) == working


def test_an_areas_page_counts_its_programmes_with_the_area(client, settings):
    generate_demo_data(programmes=60, force=True, seed=7)
    settings.PROGRAMMES_PER_PAGE = 1
    area = max(ThematicArea.objects.all(), key=lambda a: Programme.objects.published().in_area(a).count())
    url = reverse("programmes:area", kwargs={"slug": area.slug})
    assert queries(client, url) <= 10
    listed = Programme.objects.published().in_area(area).count()
    assert listed > 1 and last_page(client, url) == listed


def test_a_funders_page_whose_table_runs_to_several_pages_stays_within_the_budget(client, monkeypatch):
    # Kept through rewordings, such a page reads every programme of its table: with the figures.
    generate_demo_data(programmes=60, force=True, seed=7)
    monkeypatch.setattr(funding_views, "GRANTS_PER_FUNDER_PAGE", 1)
    published = Count("grants", filter=Q(grants__in=Grant.objects.published()))
    funder = Organisation.objects.annotate(n=published).order_by("-n").first()
    assert funder_grants(funder).count() > 1
    url = reverse("funding:detail", kwargs={"slug": funder.slug})
    assert queries(client, url) <= FUNDER_BUDGET
    assert f"Page 1 of {funder_grants(funder).count()}" in client.get(url).content.decode()


def test_the_about_data_page_reads_every_programme_in_the_same_few_queries_past_hundreds(client):
    # It lists the published programmes the IATI file leaves out: read at once, not a chunk at a time.
    generate_demo_data(programmes=10, force=True, seed=3)
    few = queries(client, "/about/data/")
    generate_demo_data(programmes=600, force=True, seed=4)
    assert Programme.objects.published().count() > 500
    assert queries(client, "/about/data/") == few <= 10


def test_a_list_filtered_by_every_kind_of_record_stays_within_the_budget(client):
    # A record's value is checked against the options the page draws, not by reading the record.
    generate_demo_data(programmes=60, force=True, seed=7)
    programme = (
        Programme.objects.published()
        .filter(
            slug__startswith="demo-",
            participations__isnull=False,
            grants__isnull=False,
            thematic_areas__isnull=False,
            project_type__isnull=False,
            country_links__role="benefiting",
        )
        .first()
    )
    chosen = record_filters(programme)
    for filters in [*({name: slug} for name, slug in chosen.items()), chosen]:
        url = f"/programmes/?{urlencode(filters)}"
        assert queries(client, url) <= PAGES["list"][1], filters
        assert programme.title in client.get(url).content.decode(), filters
