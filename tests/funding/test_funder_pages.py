"""Funder pages with money: totals per currency, by year, country and area, the chart and the CSV."""

from __future__ import annotations

import csv
import datetime
import html
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from funding.models import Transaction
from programmes.models import ProgrammeCountry
from tests.factories import (
    CountryFactory,
    GrantFactory,
    OrganisationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ThematicAreaFactory,
    TransactionFactory,
)
from tests.helpers.query_counts import CSV_QUERIES, DETAIL_QUERIES, LIST_QUERIES

pytestmark = pytest.mark.django_db

LIST_URL = reverse("funding:list")
COMMITMENT, DISBURSEMENT = Transaction.Type.COMMITMENT, Transaction.Type.DISBURSEMENT


def url(slug: str, name: str = "funding:detail") -> str:
    return reverse(name, kwargs={"slug": slug})


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def cell_text(cell: str) -> str:
    """A cell as the reader sees it at full width (the currency a phone adds to an amount left out)."""
    return " ".join(re.sub(r"<[^>]+>", " ", re.sub(r'<span class="stack-only">[^<]*</span>', "", cell)).split())


def section(response, heading_id: str) -> str:
    page = text(response)
    start = page.index(f'<section aria-labelledby="{heading_id}">')
    return page[start : page.index("</section>", start)]


def table_rows(fragment: str, index: int = 0) -> list[list[str]]:
    """The body rows of the ``index``-th table in ``fragment``, as the reader sees the cells."""
    body = re.findall(r"<tbody>(.*?)</tbody>", fragment)[index]
    return [
        [cell_text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", body)
    ]


@pytest.fixture
def donor():
    """A funder with grants in USD and EUR, one without a published amount, and transactions over years."""
    funder = OrganisationFactory(name="Donor under test", slug="donor-under-test")
    jamaica = CountryFactory(name="Jamaica test", slug="jamaica-test")
    haiti = CountryFactory(name="Haiti test", slug="haiti-test")
    area = ThematicAreaFactory(name="Border management", slug="border-management")
    regional = ProgrammeFactory(title="Regional programme")
    for country in (jamaica, haiti):
        ProgrammeCountryFactory(programme=regional, country=country, role=ProgrammeCountry.Role.BENEFITING)
    ProgrammeCountryFactory(programme=regional, country=CountryFactory(name="Venue only"), role="venue")
    regional.thematic_areas.add(area)
    usd = GrantFactory(
        funder=funder, programme=regional, amount=Decimal("1000.00"), currency="USD", purpose="=HYPERLINK()"
    )
    eur = GrantFactory(funder=funder, programme__title="Euro programme", amount=Decimal("400.00"), currency="EUR")
    ProgrammeCountryFactory(programme=eur.programme, country=jamaica)
    GrantFactory(funder=funder, programme__title="Quiet programme", amount=None, purpose="the baseline study")
    TransactionFactory(
        grant=usd, type=COMMITMENT, date=datetime.date(2001, 5, 1), amount=Decimal("600"), currency="USD"
    )
    TransactionFactory(
        grant=usd, type=DISBURSEMENT, date=datetime.date(2001, 9, 1), amount=Decimal("250"), currency="USD"
    )
    TransactionFactory(
        grant=usd, type=DISBURSEMENT, date=datetime.date(2003, 2, 1), amount=Decimal("300"), currency="USD"
    )
    TransactionFactory(
        grant=eur, type=COMMITMENT, date=datetime.date(2002, 1, 1), amount=Decimal("400"), currency="EUR"
    )
    # A draft programme's grant and money appear nowhere, nor in any total.
    hidden = GrantFactory(funder=funder, programme=ProgrammeFactory(title="Draft", is_published=False), amount=99)
    TransactionFactory(
        grant=hidden, type=COMMITMENT, date=datetime.date(2001, 1, 1), amount=Decimal("99"), currency="USD"
    )
    hidden.programme.thematic_areas.add(area)
    ProgrammeCountryFactory(programme=hidden.programme, country=haiti)
    return funder


def test_the_funder_list_shows_each_currency_on_its_own_line_and_counts_unpublished_amounts(client, donor):
    listing = {row[0]: row for row in table_rows(text(client.get(LIST_URL)))}
    assert listing["Donor under test"][3:] == [
        "3",
        "3",
        "EUR 400.00 USD 1,000.00 1 grant, amount not published",
        "EUR 400.00 USD 600.00",
        "USD 550.00",
    ]
    # The seed funders publish no amounts: counted as grants, never as zero money.
    assert listing["U.S. State Department"][1] == "Government part of United States Government"
    assert listing["U.S. State Department"][4:] == [
        "2",
        "2 grants, amounts not published",
        "None published",
        "None published",
    ]
    assert "USD 0" not in text(client.get(LIST_URL))


def test_the_funder_page_gives_totals_per_currency_never_added_up(client, donor):
    totals = section(client.get(url("donor-under-test")), "totals")
    assert table_rows(totals) == [
        ["EUR", "EUR 400.00", "EUR 400.00", "None published"],
        # The grant without a published amount has no currency, so it is in no currency's row;
        # the page's opening sentence counts it.
        ["USD", "USD 1,000.00", "USD 600.00", "USD 550.00"],
    ]
    assert "1,400" not in totals and "1,099" not in totals


def test_the_funder_page_says_how_many_grants_have_no_published_amount(client, donor):
    page = text(client.get(url("donor-under-test")))
    assert "3 grants to 3 published programmes; the amount of 1 of them is not published." in page


def test_the_programme_table_lists_published_grants_with_amount_not_published(client, donor):
    grants = section(client.get(url("donor-under-test")), "grants")
    assert table_rows(grants) == [
        ["Euro programme", "", "The whole programme", "", "", "EUR", "400.00"],
        ["Quiet programme", "", "The baseline study", "", "", "", "Amount not published"],
        ["Regional programme", "", "=HYPERLINK()", "", "", "USD", "1,000.00"],
    ]
    assert "Draft" not in text(client.get(url("donor-under-test")))


def test_the_csv_download_holds_the_rows_and_columns_of_the_page_table(client, donor):
    page = client.get(url("donor-under-test"))
    link = url("donor-under-test", "funding:detail_csv")
    assert link == "/funders/donor-under-test/funding.csv"
    assert f'href="{link}"' in text(page)
    response = client.get(link)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="donor-under-test-funding.csv"' in response["Content-Disposition"]
    header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    grants = section(page, "grants")
    page_header = [cell_text(c) for c in re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", grants)]
    assert header == page_header
    shown = [[cell.replace(",", "") for cell in row] for row in table_rows(grants)]
    # Text staff typed cannot run as a spreadsheet formula.
    assert rows == [[c if c != "=HYPERLINK()" else "'=HYPERLINK()" for c in row] for row in shown]


def test_commitments_and_disbursements_by_year_have_one_chart_and_table_per_currency(client, donor):
    by_year = section(client.get(url("donor-under-test")), "by-year")
    assert table_rows(by_year, 0) == [["2002", "EUR 400.00", "EUR 0.00"]]
    assert table_rows(by_year, 1) == [
        ["2001", "USD 600.00", "USD 250.00"],
        ["2002", "None recorded"],  # the gap in the time axis is a row of its own, not zeros
        ["2003", "USD 0.00", "USD 300.00"],
    ]
    charts = re.findall(r"<svg .*?</svg>", by_year)
    assert len(charts) == 2
    eur, usd = charts
    assert 'role="img"' in usd and 'aria-labelledby="by-year-usd-title by-year-usd-desc"' in usd
    assert '<title id="by-year-usd-title">Commitments and disbursements by year, in USD</title>' in usd
    # Each series has its own pattern and every bar its value: readable without colour.
    assert ">Committed</text>" in usd and ">Disbursed</text>" in usd
    assert re.findall(r'class="chart__value"[^>]*>([^<]*)</text>', usd) == ["600", "250", "0", "300"]
    assert re.findall(r'class="chart__gap-note"[^>]*>([^<]*)</text>', usd) == ["2002: none recorded"]
    assert 'fill="url(#by-year-usd-s1)"' in usd
    assert "EUR" in eur and "USD" not in eur


def test_totals_by_country_count_a_multi_country_grant_under_each_benefiting_country(client, donor):
    by_country = section(client.get(url("donor-under-test")), "by-country")
    assert table_rows(by_country) == [
        ["Haiti test", "1", "USD 1,000.00"],
        ["Jamaica test", "2", "EUR 400.00 USD 1,000.00"],  # once, its amounts per currency within
    ]
    assert "counts under each of them" in by_country
    assert "Venue only" not in by_country
    jamaica = reverse("programmes:country", kwargs={"slug": "jamaica-test"})
    assert f'<a href="{jamaica}">Jamaica test</a>' in by_country


def test_totals_by_thematic_area_leave_out_unpublished_programmes(client, donor):
    by_area = section(client.get(url("donor-under-test")), "by-area")
    assert table_rows(by_area) == [["Border management", "1", "USD 1,000.00"]]


def test_a_seed_funder_page_says_honestly_that_no_money_is_published(client):
    page = client.get(url("us-state-department"))
    assert "2 grants to 2 published programmes; their amounts are not published." in text(page)
    assert "No amount is published for these grants yet. They are counted as grants, not as zero." in text(page)
    assert "No commitments or disbursements are published yet." in text(page)
    assert "<svg" not in section(page, "by-year")
    assert "USD 0" not in text(page)


def test_the_csv_of_an_organisation_that_funds_no_published_programme_is_not_found(client):
    GrantFactory(funder__slug="draft-funder", programme=ProgrammeFactory(is_published=False))
    assert client.get(url("draft-funder", "funding:detail_csv")).status_code == 404
    assert client.get(url("nobody", "funding:detail_csv")).status_code == 404


def test_funder_pages_and_the_csv_run_the_same_queries_however_many_funders_and_grants(
    client, donor, django_assert_num_queries
):
    pages = [(LIST_URL, LIST_QUERIES), (url("donor-under-test"), DETAIL_QUERIES)]
    pages.append((url("donor-under-test", "funding:detail_csv"), CSV_QUERIES))
    for address, queries in pages:
        with django_assert_num_queries(queries):
            assert client.get(address).status_code == 200

    for n in range(5):
        grant = GrantFactory(funder=donor, amount=Decimal("10"), currency="CAD")
        TransactionFactory(grant=grant, type=DISBURSEMENT, date=datetime.date(2005 + n, 1, 1), currency="CAD")
        other = GrantFactory(currency="JPY")
        TransactionFactory(grant=other, currency="JPY")

    for address, queries in pages:
        with django_assert_num_queries(queries):
            assert client.get(address).status_code == 200
    assert len(table_rows(text(client.get(LIST_URL)))) == 6 + 1 + 5  # the seed's funders, the donor, the others
    assert "CAD 50.00" in section(client.get(url("donor-under-test")), "totals")
