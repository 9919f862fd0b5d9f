"""Funder pages: who funds published programmes, and what each one funds."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from funding.filters import GRANTS_PER_FUNDER_PAGE
from partners.models import Organisation
from programmes.models import Programme
from tests.factories import GrantFactory, OrganisationFactory, ProgrammeFactory
from tests.helpers.donors import table
from tests.helpers.query_counts import DETAIL_QUERIES, LIST_QUERIES

pytestmark = pytest.mark.django_db

LIST_URL = reverse("funding:list")


def url(slug: str) -> str:
    return reverse("funding:detail", kwargs={"slug": slug})


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def rows(response) -> list[list[str]]:
    """The page's first table body as the reader sees it at full width: one list of cell texts per row."""
    return table(response, "(//table)[1]")


def test_the_funder_list_names_every_funder_of_a_published_programme_with_its_count(client):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert [row[0] for row in rows(response)] == sorted(row[0] for row in rows(response))
    # A body's counts include its departments' and funds': IOM's its Development Fund's (the
    # seminar), the United States Government's the State Department's (two programmes).
    assert {row[0]: row[3] for row in rows(response)} == {
        "Government of Canada": "1",
        "Government of the Dominican Republic": "1",
        "International Organization for Migration (IOM)": "2",
        "IOM Development Fund (IDF)": "1",
        "U.S. State Department": "2",
        "United States Government": "3",
    }
    assert ["U.S. State Department", "Government part of United States Government", "United States", "2"] in [
        row[:4] for row in rows(response)
    ]
    assert '<a href="/funders/us-state-department/">U.S. State Department</a>' in text(response)


def test_a_funder_whose_grants_are_all_to_unpublished_programmes_is_not_listed(client):
    GrantFactory(funder__name="Funder of a draft", programme=ProgrammeFactory(is_published=False))
    phase = ProgrammeFactory(parent=ProgrammeFactory(is_published=False))
    GrantFactory(funder__name="Funder of a hidden phase", programme=phase)
    state = Organisation.objects.get(slug="us-state-department")
    GrantFactory(funder=state, programme=ProgrammeFactory(is_published=False))

    shown = {row[0]: row[3] for row in rows(client.get(LIST_URL))}

    assert "Funder of a draft" not in shown
    assert "Funder of a hidden phase" not in shown
    assert shown["U.S. State Department"] == "2"


def test_a_funder_page_lists_what_it_funds_with_amount_not_published(client):
    response = client.get(url("us-state-department"))
    assert response.status_code == 200
    assert "<h1>U.S. State Department</h1>" in text(response)
    assert rows(response) == [
        [
            "Program to Prevent and Combat Trafficking of Women in the Dominican Republic: phase two",
            "Counter-Trafficking Assistance in the Dominican Republic",
            "The four areas of activity of phase two (main source of funding)",
            "",
            "",
            "",
            "Amount not published",
        ],
        [
            "Regional initiative for the Caribbean on HIV/AIDS and mobile populations",
            "",
            "The baseline assessment component",
            "Baseline assessment",
            "",
            "",
            "Amount not published",
        ],
    ]
    link = reverse("programmes:detail", kwargs={"slug": "hiv-aids-and-mobile-populations"})
    assert f'<a href="{link}">' in text(response)


def test_a_funder_page_shows_a_known_amount_with_its_currency(client):
    funder = OrganisationFactory(slug="generous")
    GrantFactory(funder=funder, amount=Decimal("250000"), currency="CAD", programme__title="Well funded")
    GrantFactory(funder=funder, amount=None, programme__title="Quietly funded")
    shown = {row[0]: (row[5], row[6]) for row in rows(client.get(url("generous")))}
    assert shown == {"Well funded": ("CAD", "250,000.00"), "Quietly funded": ("", "Amount not published")}


def test_a_funder_page_leaves_out_grants_to_unpublished_programmes(client):
    state = Organisation.objects.get(slug="us-state-department")
    GrantFactory(funder=state, programme=ProgrammeFactory(title="Secret draft", is_published=False))
    assert "Secret draft" not in text(client.get(url("us-state-department")))


def test_an_organisation_that_funds_no_published_programme_has_no_funder_page(client):
    GrantFactory(funder__slug="draft-funder", programme=ProgrammeFactory(is_published=False))
    assert client.get(url("draft-funder")).status_code == 404
    assert client.get(url("unhcr")).status_code == 404
    assert client.get(url("no-such-organisation")).status_code == 404


def test_funder_pages_run_the_same_queries_however_many_grants(client, django_assert_num_queries):
    with django_assert_num_queries(LIST_QUERIES):
        client.get(LIST_URL)
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(url("us-state-department"))

    state = Organisation.objects.get(slug="us-state-department")
    parent = Programme.objects.get(slug="counter-trafficking-dominican-republic")
    for _ in range(10):
        GrantFactory(funder=state, programme=ProgrammeFactory(parent=parent))
        GrantFactory()

    with django_assert_num_queries(LIST_QUERIES):
        listing = client.get(LIST_URL)
    assert {row[0]: row[3] for row in rows(listing)}["U.S. State Department"] == "12"
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(url("us-state-department"))
    assert len(rows(response)) == 12


def test_a_funder_page_shows_its_grants_a_page_at_a_time_and_the_csv_every_one(client):
    """At volume a funder has hundreds of grants: the table is paged as the programme list is."""
    funder = OrganisationFactory(slug="generous")
    department = OrganisationFactory(slug="generous-fund", parent=funder)
    count = GRANTS_PER_FUNDER_PAGE + 3
    for number in range(count - 2):
        GrantFactory(funder=funder, programme__title=f"Programme {number:02}", amount=Decimal(1000 + number))
    GrantFactory(funder=funder, programme__title="Programme in Canada", amount=Decimal(5), currency="CAD")
    GrantFactory(funder=department, programme__title="Zone fund programme", amount=Decimal(1))  # the last page's

    first = client.get(url("generous"))
    assert [row[0] for row in rows(first)] == [f"Programme {number:02}" for number in range(GRANTS_PER_FUNDER_PAGE)]
    assert f"{count} grants" in text(first) and "Page 1 of 2" in text(first)
    # The columns are the whole table's: "Granted by" on the first page too, for the department's grant on the second.
    assert "Granted by" in text(first)
    last = client.get(url("generous"), {"page": 2})
    assert [row[0] for row in rows(last)][-1] == "Zone fund programme"
    assert len(rows(last)) == 3

    # The order and the currency chosen are kept by the pager's links; the pages count the currency's grants.
    by_amount = client.get(url("generous"), {"sort": "amount", "currency": "USD"})
    assert 'href="?sort=amount&amp;currency=USD&amp;page=2"' in by_amount.content.decode()
    assert len(rows(client.get(url("generous"), {"sort": "amount", "currency": "USD", "page": 2}))) == 2
    canadian = client.get(url("generous"), {"currency": "CAD"})
    assert [row[0] for row in rows(canadian)] == ["Programme in Canada"] and "Page 1 of" not in text(canadian)
    # A page that is not a number, or past the last, is the nearest page, never an error.
    assert client.get(url("generous"), {"page": "abc"}).status_code == 200
    assert rows(client.get(url("generous"), {"page": 99})) == rows(last)

    csv_rows = client.get(reverse("funding:detail_csv", kwargs={"slug": "generous"})).content.decode().splitlines()
    assert len(csv_rows) == 1 + count  # the heading, then every grant
