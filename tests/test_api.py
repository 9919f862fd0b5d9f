"""The read-only JSON API: published records only, the public list's filters, pagination, fixed queries."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from programmes.models import Programme
from tests.factories import (
    CountryFactory,
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ThematicAreaFactory,
    TransactionFactory,
)
from tests.helpers.kept import forget_kept_pages
from tests.helpers.programme_list import record_filters

pytestmark = pytest.mark.django_db

PROGRAMMES = "/api/programmes/"
LISTS = ("/api/programmes/", "/api/countries/", "/api/areas/", "/api/organisations/", "/api/funders/")


def get(client, url: str, **params):
    return client.get(url, params, HTTP_ACCEPT="application/json")


def data(client, url: str, **params) -> dict:
    response = get(client, url, **params)
    assert response.status_code == 200, response.content
    return response.json()


def slugs(client, url: str, **params) -> list[str]:
    return [row["slug"] for row in data(client, url, page_size=100, **params)["results"]]


def page_slugs(client, **params) -> list[str]:
    """The programmes of the public list page, in the order shown."""
    response = client.get(reverse("programmes:list"), params)
    return re.findall(r'<h3 class="card__title">\s*<a href="/programmes/([^/]+)/">', response.content.decode())


@pytest.fixture
def world():
    """A published and an unpublished programme sharing a country, an area, a partner and a funder.

    Each of ``lonely_*`` belongs to the unpublished programme only.
    """
    country, lonely_country = CountryFactory(), CountryFactory()
    area, lonely_area = ThematicAreaFactory(), ThematicAreaFactory()
    partner, lonely_partner = OrganisationFactory(), OrganisationFactory()
    funder, lonely_funder = OrganisationFactory(), OrganisationFactory()
    public = ProgrammeFactory(title="Public quokka programme")
    hidden = ProgrammeFactory(title="Hidden quokka programme", is_published=False)
    hidden_phase = ProgrammeFactory(title="Published quokka phase of a hidden parent", parent=hidden)
    unpublished_phase = ProgrammeFactory(title="Unpublished quokka phase", parent=public, is_published=False)
    for programme in (public, hidden, hidden_phase, unpublished_phase):
        ProgrammeCountryFactory(programme=programme, country=country)
        programme.thematic_areas.add(area)
        ParticipationFactory(programme=programme, organisation=partner)
        GrantFactory(programme=programme, funder=funder, amount=Decimal("100.00"))
    ProgrammeCountryFactory(programme=hidden, country=lonely_country)
    hidden.thematic_areas.add(lonely_area)
    ParticipationFactory(programme=hidden, organisation=lonely_partner)
    TransactionFactory(grant=GrantFactory(programme=hidden, funder=lonely_funder), amount=Decimal("7.00"))
    return {
        "public": public,
        "hidden": (hidden, hidden_phase, unpublished_phase),
        "country": country,
        "area": area,
        "partner": partner,
        "funder": funder,
        "lonely": (lonely_country, lonely_area, lonely_partner, lonely_funder),
    }


# Published records only ---------------------------------------------------------------------------


def test_the_root_links_every_collection_the_schema_and_the_docs(client):
    links = data(client, "/api/")
    for name, path in [
        ("programmes", "/api/programmes/"),
        ("countries", "/api/countries/"),
        ("thematic_areas", "/api/areas/"),
        ("organisations", "/api/organisations/"),
        ("funders", "/api/funders/"),
        ("schema", "/api/schema/"),
        ("docs", "/api/docs/"),
    ]:
        assert links[name] == f"http://testserver{path}"


def test_the_programme_list_has_published_programmes_only(client, world):
    listed = slugs(client, PROGRAMMES)
    assert world["public"].slug in listed
    assert len(listed) == Programme.objects.published().count()
    for programme in world["hidden"]:
        assert programme.slug not in listed


def test_an_unpublished_programme_and_the_phases_of_one_are_404(client, world):
    assert get(client, f"{PROGRAMMES}{world['public'].slug}/").status_code == 200
    for programme in world["hidden"]:
        response = get(client, f"{PROGRAMMES}{programme.slug}/")
        assert response.status_code == 404
        assert programme.title not in response.content.decode()


def test_a_programme_shows_its_published_phases_roles_grants_and_dates(client, world):
    public = world["public"]
    ProgrammeFactory(title="Published phase", slug="published-phase", parent=public)
    detail = data(client, f"{PROGRAMMES}{public.slug}/")
    assert [phase["slug"] for phase in detail["phases"]] == ["published-phase"]
    assert detail["status"] == {"code": "ongoing", "label": "Ongoing", "iati_code": "2", "estimate": ""}
    assert detail["start"] == {
        "date": "2010-03-01",
        "precision": "day",
        "iso": "2010-03-01",
        "display": "1 March 2010",
        "estimate": "",
    }
    assert detail["iati"] == {"in_file": True, "left_out_because": []}
    assert detail["budget"] == {"amount": "1000.00", "currency": "USD"}
    assert detail["countries"] == [
        {
            "code": world["country"].code,
            "name": world["country"].name,
            "slug": world["country"].slug,
            "role": {"code": "benefiting", "label": "Where it works"},
            "percentage": None,
            "fallback_fields": [],
        }
    ]
    assert [area["slug"] for area in detail["thematic_areas"]] == [world["area"].slug]
    [participation] = detail["participations"]
    assert participation["organisation"]["slug"] == world["partner"].slug
    assert participation["role"] == {"code": "4", "label": "Implementing"}
    [grant] = detail["grants"]
    assert (grant["funder"]["slug"], grant["amount"], grant["currency"]) == (world["funder"].slug, "100.00", "USD")
    assert detail["url"] == f"http://testserver/programmes/{public.slug}/"


def test_countries_count_and_list_published_programmes_only(client, world):
    country, lonely_country = world["country"], world["lonely"][0]
    row = next(c for c in data(client, "/api/countries/", page_size=100)["results"] if c["slug"] == country.slug)
    assert row["programme_count"] == 1
    detail = data(client, f"/api/countries/{country.slug}/")
    assert [p["slug"] for p in detail["programmes"]] == [world["public"].slug]
    assert detail["programmes"][0]["roles"] == [{"code": "benefiting", "label": "Where it works"}]
    assert lonely_country.slug not in slugs(client, "/api/countries/")
    assert get(client, f"/api/countries/{lonely_country.slug}/").status_code == 404


def test_countries_count_where_programmes_work_and_programmes_keep_every_place_with_its_role(client):
    # The counter-trafficking programme works in the Dominican Republic; its narrative names the
    # Netherlands Antilles and Argentina as destinations of trafficked women. The seminar works in
    # Belize, the Dominican Republic and Haiti; Jamaica was its venue.
    listed = {c["slug"]: c["programme_count"] for c in data(client, "/api/countries/", page_size=100)["results"]}
    assert "argentina" not in listed and "netherlands-antilles" not in listed
    assert listed["jamaica"] == 3
    assert listed["haiti"] == 3

    argentina = data(client, "/api/countries/argentina/")
    assert argentina["programme_count"] == 0
    assert [(p["slug"], p["roles"]) for p in argentina["programmes"]] == [
        (
            "counter-trafficking-dominican-republic",
            [{"code": "destination", "label": "Destination named in the narrative"}],
        )
    ]
    jamaica = data(client, "/api/countries/jamaica/")
    assert jamaica["programme_count"] == 3
    roles = {p["slug"]: p["roles"] for p in jamaica["programmes"]}
    assert roles["international-migration-policy-seminar-caribbean"] == [{"code": "venue", "label": "Venue"}]

    seminar = data(client, f"{PROGRAMMES}international-migration-policy-seminar-caribbean/")
    assert [(c["slug"], c["role"]["code"]) for c in seminar["countries"]] == [
        ("belize", "benefiting"),
        ("dominican-republic", "benefiting"),
        ("haiti", "benefiting"),
        ("jamaica", "venue"),
    ]
    # The list's country filter finds the programmes that work there.
    assert "international-migration-policy-seminar-caribbean" not in slugs(client, PROGRAMMES, country="jamaica")
    assert get(client, PROGRAMMES, country="argentina").status_code == 400


def test_areas_count_and_list_published_programmes_only(client, world):
    area, lonely_area = world["area"], world["lonely"][1]
    rows = {a["slug"]: a for a in data(client, "/api/areas/", page_size=100)["results"]}
    assert rows[area.slug]["programme_count"] == 1
    # Every area is listed, as on the public page; one with only unpublished programmes counts none.
    assert rows[lonely_area.slug]["programme_count"] == 0
    assert [p["slug"] for p in data(client, f"/api/areas/{area.slug}/")["programmes"]] == [world["public"].slug]
    assert data(client, f"/api/areas/{lonely_area.slug}/")["programmes"] == []


def test_organisations_show_roles_in_published_programmes_only(client, world):
    partner, funder, lonely_partner, lonely_funder = world["partner"], world["funder"], *world["lonely"][2:]
    rows = {o["slug"]: o for o in data(client, "/api/organisations/", page_size=100)["results"]}
    assert (rows[partner.slug]["programme_count"], rows[partner.slug]["funded_programme_count"]) == (1, 0)
    # programme_count: the programmes it takes part in or funds, as on its page (partners.selectors).
    assert (rows[funder.slug]["programme_count"], rows[funder.slug]["funded_programme_count"]) == (1, 1)
    assert rows[partner.slug]["funder_api_url"] is None
    assert rows[funder.slug]["funder_api_url"] == f"http://testserver/api/funders/{funder.slug}/"
    detail = data(client, f"/api/organisations/{partner.slug}/")
    assert [p["programme"]["slug"] for p in detail["participations"]] == [world["public"].slug]
    assert [p["slug"] for p in detail["programmes"]] == [world["public"].slug]
    assert detail["grants"] == []
    funder_detail = data(client, f"/api/organisations/{funder.slug}/")
    assert [g["programme"]["slug"] for g in funder_detail["grants"]] == [world["public"].slug]
    for lonely in (lonely_partner, lonely_funder):
        assert lonely.slug not in rows
        assert get(client, f"/api/organisations/{lonely.slug}/").status_code == 404


def test_funders_count_and_total_grants_to_published_programmes_only(client, world):
    funder, lonely_funder = world["funder"], world["lonely"][3]
    rows = {f["slug"]: f for f in data(client, "/api/funders/", page_size=100)["results"]}
    row = rows[funder.slug]
    assert (row["programme_count"], row["grant_count"], row["unpublished_count"]) == (1, 1, 0)
    assert [(t["currency"], t["granted"], t["grants"]) for t in row["totals"]] == [("USD", "100.00", 1)]
    detail = data(client, f"/api/funders/{funder.slug}/")
    assert detail["totals"] == row["totals"]
    assert [g["programme"]["slug"] for g in detail["grants"]] == [world["public"].slug]
    assert lonely_funder.slug not in rows
    assert get(client, f"/api/funders/{lonely_funder.slug}/").status_code == 404


def test_funder_totals_are_per_currency_never_summed(client):
    funder = OrganisationFactory()
    GrantFactory(funder=funder, amount=Decimal("100.00"), currency="USD")
    GrantFactory(funder=funder, amount=Decimal("50.00"), currency="EUR")
    GrantFactory(funder=funder, amount=None)
    totals = data(client, f"/api/funders/{funder.slug}/")["totals"]
    # A grant without a published amount has no currency either: its own row, last, never money.
    assert [(t["currency"], t["granted"], t["grants"], t["unpublished_amounts"]) for t in totals] == [
        ("EUR", "50.00", 1, 0),
        ("USD", "100.00", 1, 0),
        ("", None, 1, 1),
    ]


# Filters, as the public list ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"country": "haiti"},
        {"area": "irregular-flows"},
        {"status": "pipeline"},
        {"coverage": "regional"},
        {"year_from": "2001", "year_to": "2002"},
        {"year_from": "2003"},
        {"funder": "united-states-government"},
        {"partner": "iom"},
        {"q": "trafficking"},
        {"q": "haiti", "sort": "title"},
        {"sort": "start"},
        {"sort": "status", "country": "dominican-republic"},
    ],
)
def test_the_api_filters_and_sorts_as_the_public_list(client, params):
    expected = page_slugs(client, **params)
    assert expected or params == {"year_from": "2003"}
    assert slugs(client, PROGRAMMES, **params) == expected


def test_filters_do_not_reveal_unpublished_programmes(client, world):
    for params in (
        {"country": world["country"].slug},
        {"area": world["area"].slug},
        {"partner": world["partner"].slug},
        {"funder": world["funder"].slug},
        {"q": "quokka"},
    ):
        assert slugs(client, PROGRAMMES, **params) == [world["public"].slug], params


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"country": "atlantis"}, "country", "Select a valid choice"),
        ({"area": "nowhere"}, "area", "Select a valid choice"),
        ({"status": "secret"}, "status", "Select a valid choice"),
        ({"funder": "nobody"}, "funder", "Select a valid choice"),
        ({"partner": "nobody"}, "partner", "Select a valid choice"),
        ({"year_from": "last year"}, "year_from", "Enter a whole number"),
        ({"year_from": "-5"}, "year_from", "greater than or equal to 1900"),
        ({"year_to": "99999"}, "year_to", "less than or equal to 2100"),
        ({"year_from": "2005", "year_to": "2001"}, "year_to", "The last year cannot be before the first year."),
        ({"q": "x" * 201}, "q", "at most 200 characters"),
        ({"sort": "price"}, "sort", "Sort by one of: current, -start, start, title, status."),
    ],
)
def test_a_bad_filter_value_answers_400_with_the_reason(client, params, field, message):
    response = get(client, PROGRAMMES, **params)
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])


def test_an_unpublished_programmes_funder_is_not_a_valid_filter(client, world):
    response = get(client, PROGRAMMES, funder=world["lonely"][3].slug)
    assert response.status_code == 400
    assert "funder" in response.json()


# Pagination ---------------------------------------------------------------------------------------


def test_pages_hold_20_by_default_and_page_size_up_to_100(client):
    ProgrammeFactory.create_batch(110)
    total = Programme.objects.published().count()
    first = data(client, PROGRAMMES)
    assert (first["count"], len(first["results"])) == (total, 20)
    assert first["next"] == "http://testserver/api/programmes/?page=2"
    assert len(data(client, PROGRAMMES, page_size=50)["results"]) == 50
    assert len(data(client, PROGRAMMES, page_size=10**9)["results"]) == 100
    for nonsense in ("-1", "0", "abc", "1e3"):
        assert len(data(client, PROGRAMMES, page_size=nonsense)["results"]) == 20
    last = data(client, PROGRAMMES, page_size=100, page=2)
    assert len(last["results"]) == total - 100
    assert last["next"] is None


@pytest.mark.parametrize("page", ["-1", "0", "999", "abc", "9" * 5000])
def test_a_page_that_does_not_exist_is_404_with_a_message(client, page):
    response = get(client, PROGRAMMES, page=page)
    assert response.status_code == 404
    assert response.json()["detail"] == "Invalid page."


# Queries ------------------------------------------------------------------------------------------

# Per list: the content version (iomcaribbean.caching), the request's savepoint and its release
# (ATOMIC_REQUESTS), the count, the page's rows, and
# each list's extras. Programmes: the statuses the filter offers, then countries (with their roles) and
# areas prefetched. Funders: which organisations are departments (their counts and totals roll up
# into their parents'), the page's families' grants (their counts) and totals per currency (grants,
# then transactions).
LIST_QUERIES = {
    "/api/programmes/": 8,
    "/api/countries/": 5,
    "/api/areas/": 5,
    "/api/organisations/": 5,
    "/api/funders/": 9,
}


def add_rows() -> None:
    """More of everything each list shows, and of what each row draws on."""
    for _ in range(5):
        programme = ProgrammeFactory(parent=ProgrammeFactory())
        country, area = CountryFactory(), ThematicAreaFactory()
        ProgrammeCountryFactory(programme=programme, country=country)
        ProgrammeCountryFactory(programme=programme, country=country, role="venue")
        programme.thematic_areas.add(area, ThematicAreaFactory())
        ParticipationFactory(programme=programme)
        TransactionFactory(grant=GrantFactory(programme=programme, currency="EUR"))
        GrantFactory(programme=programme)


@pytest.mark.parametrize(("url", "queries"), LIST_QUERIES.items())
def test_list_endpoints_run_the_same_queries_however_many_rows(client, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        get(client, url, page_size=100)
    add_rows()
    with django_assert_num_queries(queries):
        response = get(client, url, page_size=100)
    assert response.status_code == 200


def test_a_filtered_programme_list_checks_every_filter_value_in_one_query(client, django_assert_num_queries):
    # The slugs of the country, the area, the funder, the partner and the project type sent are looked
    # up together (``ProgrammeFilter.sent_options``).
    seminar = Programme.objects.get(code="T81-805")
    chosen = record_filters(seminar)
    for filters in ({"country": "dominican-republic"}, chosen):
        forget_kept_pages()
        with django_assert_num_queries(LIST_QUERIES[PROGRAMMES] + 1):
            response = get(client, PROGRAMMES, **filters)
        assert response.json()["count"] > 0, filters
    assert seminar.slug in {row["slug"] for row in response.json()["results"]}
    # A slug a filter does not offer (here a funder's, sent as a partner) is refused, by name.
    response = get(client, PROGRAMMES, partner=chosen["funder"] if chosen["funder"] != chosen["partner"] else "nobody")
    assert response.status_code == 400 and "partner" in response.json()


# The content version, the savepoint and its release, the record, then what it lists. A programme (with
# its components, results, key figures and publications, programmes.items): countries, areas, phases,
# participations, grants and budgets. A funder: the departments and its family's grants (its counts),
# its totals (grants, transactions) and its grants.
DETAIL_QUERIES = {"programme": 10, "country": 5, "area": 5, "organisation": 6, "funder": 9}


def test_detail_endpoints_run_the_same_queries_however_many_related_rows(client, django_assert_num_queries, world):
    urls = {
        "programme": f"{PROGRAMMES}{world['public'].slug}/",
        "country": f"/api/countries/{world['country'].slug}/",
        "area": f"/api/areas/{world['area'].slug}/",
        "organisation": f"/api/organisations/{world['funder'].slug}/",
        "funder": f"/api/funders/{world['funder'].slug}/",
    }
    for name, url in urls.items():
        with django_assert_num_queries(DETAIL_QUERIES[name]):
            assert get(client, url).status_code == 200
    public = world["public"]
    for _ in range(3):
        ProgrammeFactory(parent=public)
        ProgrammeCountryFactory(programme=public, role="venue")
        ProgrammeCountryFactory(programme=ProgrammeFactory(), country=world["country"])
        ParticipationFactory(programme=public)
        TransactionFactory(grant=GrantFactory(programme=public, funder=world["funder"]))
        GrantFactory(programme=ProgrammeFactory(), funder=world["funder"], currency="EUR")
    for name, url in urls.items():
        with django_assert_num_queries(DETAIL_QUERIES[name]):
            assert get(client, url).status_code == 200


# Hostile input ------------------------------------------------------------------------------------


def test_text_is_escaped_in_the_json_and_comes_back_unchanged(client):
    title = '<script>alert("x")</script> & =SUM(A1)'
    programme = ProgrammeFactory(title=title)
    response = get(client, f"{PROGRAMMES}{programme.slug}/")
    raw = response.content.decode()
    assert "<script>" not in raw
    assert "\\u003cscript\\u003e" in raw
    assert json.loads(raw)["title"] == title
    assert response["Content-Type"] == "application/json"


# PostgreSQL refuses a NUL in a string and a number beyond 64 bits where SQLite takes both.
HOSTILE = [
    "x" * 10_000,
    "Ünïcødé ☃ 漢字 \U0001f600",
    "-1",
    pytest.param("-99999999999999999999", marks=pytest.mark.both_engines),
    "1e309",
    "NaN",
    "' OR 1=1 --",
    "1; DROP TABLE programmes_programme;",
    "%00",
    pytest.param("\x00", marks=pytest.mark.both_engines),
    "../../etc/passwd",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://evil")',
]
PARAMS = ("q", "country", "area", "status", "coverage", "funder", "partner", "type", "year_from", "year_to", "sort")


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameters_never_cause_a_server_error(client, value):
    # The programme list's filters only there (the other lists take none); what every list takes
    # (pages, format, language) everywhere.
    asked = [(PROGRAMMES, name) for name in PARAMS] + [
        (url, name) for url in LISTS for name in ("page", "page_size", "format", "lang")
    ]
    for url, name in asked:
        response = get(client, url, **{name: value})
        assert response.status_code in (200, 400, 404), (url, name, response.status_code)
    for url in LISTS:
        response = get(client, url, **dict.fromkeys(PARAMS, value), page=value, page_size=value, lang=value)
        assert response.status_code in (200, 400, 404)
    for url in ("/api/programmes/", "/api/countries/", "/api/areas/", "/api/organisations/", "/api/funders/"):
        response = client.get(url + value.replace("/", "") + "/", HTTP_ACCEPT="application/json")
        assert response.status_code in (400, 404)


def test_the_api_is_read_only(client, world):
    url = f"{PROGRAMMES}{world['public'].slug}/"
    for method in (client.post, client.put, client.patch, client.delete):
        assert method(url, {}, content_type="application/json").status_code == 405
    assert client.post(PROGRAMMES, {}, content_type="application/json").status_code == 405


def test_the_browsable_api_renders_for_a_browser(client, world):
    response = client.get(PROGRAMMES, {"country": world["country"].slug}, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert world["public"].title in response.content.decode()
