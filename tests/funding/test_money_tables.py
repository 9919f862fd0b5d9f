"""The money tables' search, filters and sorts, on the server: the funders list, a funder's grants, the donor's."""

from __future__ import annotations

from decimal import Decimal

import lxml.html
import pytest
from django.urls import reverse

from programmes.models import ProgrammeCountry
from tests.factories import (
    CountryFactory,
    GrantFactory,
    OrganisationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
)
from tests.helpers.donors import B_SECRETS, GRANTS, donor_world, table
from tests.helpers.roles import client_for

pytestmark = pytest.mark.django_db

FUNDERS = reverse("funding:list")
DASHBOARD = reverse("donor:dashboard")
HOSTILE = ["'; DROP TABLE funding_grant; --", "\x00", "9" * 400]


def funders_named(response) -> list[str]:
    document = lxml.html.fromstring(response.content.decode())
    return [" ".join(th.text_content().split()) for th in document.xpath("//tbody/tr/th")]


@pytest.fixture
def funders() -> None:
    """Three funders found by "testfund": Zeta grants most in US dollars, Alpha most programmes, Mu only in euros."""
    zeta, alpha, mu = (OrganisationFactory(name=f"{name} Testfund") for name in ("Zeta", "Alpha", "Mu"))
    GrantFactory(funder=zeta, amount=Decimal("900000"), currency="USD")
    for amount in ("1000", "2000"):
        GrantFactory(funder=alpha, amount=Decimal(amount), currency="USD")
    GrantFactory(funder=mu, amount=Decimal("5000000"), currency="EUR")


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ({}, "Alpha Testfund"),
        ({"sort": "programmes"}, "Alpha Testfund"),
        # By the amounts in US dollars (the default currency): the euros are never compared with them.
        ({"sort": "granted"}, "Zeta Testfund"),
        ({"sort": "granted", "currency": "EUR"}, "Mu Testfund"),
        ({"q": "zeta testfund"}, "Zeta Testfund"),
    ],
)
def test_the_funders_list_is_searched_and_sorted_on_the_server(client, funders, query, first):
    response = client.get(FUNDERS, {"q": "testfund"} | query)

    assert response.status_code == 200
    named = funders_named(response)
    assert named[0] == first
    if query.get("sort") == "granted" and not query.get("currency"):
        assert named[-1] == "Mu Testfund"  # no amount in US dollars: after those that have one
    if "q" in query:
        assert named == [first]
    else:
        assert len(named) == 3


def test_the_funders_list_is_paged(client, funders, monkeypatch):
    monkeypatch.setattr("funding.views.FunderListView.paginate_by", 2)
    query = {"q": "testfund", "sort": "granted"}
    first, second = client.get(FUNDERS, query), client.get(FUNDERS, query | {"page": 2})

    assert funders_named(first) + funders_named(second) == ["Zeta Testfund", "Alpha Testfund", "Mu Testfund"]
    assert client.get(FUNDERS, {"page": 9}).status_code == 404


@pytest.mark.parametrize("parameter", ["sort", "currency", "q"])
def test_a_hostile_value_is_refused_with_400_or_ignored_never_a_server_error(client, funders, parameter):
    for value in HOSTILE:
        response = client.get(FUNDERS, {parameter: value})
        assert response.status_code in (200, 400), (parameter, value)
        if response.status_code == 400:
            assert "could not be used" in response.content.decode()


def test_a_funders_grants_are_filtered_by_currency_and_sorted_by_amount(client):
    funder = OrganisationFactory(name="Sorted Fund")
    for title, amount, currency in (("Bay", "10", "USD"), ("Cove", "30", "USD"), ("Atoll", "20", "EUR")):
        GrantFactory(funder=funder, programme=ProgrammeFactory(title=title), amount=Decimal(amount), currency=currency)
    address = reverse("funding:detail", kwargs={"slug": funder.slug})

    def programmes(query: dict) -> list[str]:
        response = client.get(address, query)
        assert response.status_code == 200
        return [row[0] for row in table(response, '//table[@id="funder-grants-table"]')]

    assert programmes({}) == ["Atoll", "Bay", "Cove"]
    assert programmes({"sort": "amount"}) == ["Atoll", "Cove", "Bay"]  # within each currency, largest first
    assert programmes({"currency": "USD", "sort": "amount"}) == ["Cove", "Bay"]
    for parameter in ("sort", "currency"):
        for value in HOSTILE:
            assert client.get(address, {parameter: value}).status_code in (200, 400)


def test_by_country_names_each_country_once_with_its_amounts_per_currency(client):
    funder, belize = OrganisationFactory(name="Country Fund"), CountryFactory(name="Amountland")
    for currency in ("USD", "EUR"):
        grant = GrantFactory(funder=funder, amount=Decimal("100"), currency=currency)
        ProgrammeCountryFactory(programme=grant.programme, country=belize, role=ProgrammeCountry.Role.BENEFITING)
    response = client.get(reverse("funding:detail", kwargs={"slug": funder.slug}))

    (belize,) = table(response, '//section[@aria-labelledby="by-country"]//table')
    assert belize[:2] == ["Amountland", "2"]
    assert "EUR 100.00" in belize[2] and "USD 100.00" in belize[2]


# The donor's dashboard: every filter and sort narrows the account's own grants, and nothing else.


@pytest.mark.parametrize(
    ("query", "programmes"),
    [
        ({"status": "ongoing", "currency": "EUR"}, ["Alpha pipeline programme Not yet published"]),
        ({"year": "2022"}, ["Alpha clean water programme"]),
        ({"sort": "amount"}, None),
    ],
)
def test_the_donor_filters_and_sorts_its_grants_on_the_server(query, programmes):
    world = donor_world()
    response = client_for(world.a.user).get(DASHBOARD, query)

    assert response.status_code == 200
    shown = [row[0] for row in table(response, GRANTS)]
    if programmes is not None:
        assert sorted(set(shown)) == programmes
    else:
        assert shown[0] == "Alpha pipeline programme Not yet published"  # EUR first, then USD


def test_no_parameter_shows_a_donor_another_donors_grant():
    world = donor_world()
    client = client_for(world.a.user)
    queries = [
        {"programme": world.secret.programme_id},
        {"programme": str(world.secret.programme_id), "sort": "amount"},
        *({name: HOSTILE[0]} for name in ("programme", "status", "year", "currency", "sort")),
        {"year": HOSTILE[2], "programme": HOSTILE[1]},
    ]
    for query in queries:
        response = client.get(DASHBOARD, query)
        assert response.status_code in (200, 400), query
        page = response.content.decode()
        for secret in B_SECRETS:
            assert secret not in page, (query, secret)
