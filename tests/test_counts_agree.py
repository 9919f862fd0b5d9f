"""Every channel gives the same answer: the published programmes of each country, thematic area and
organisation, and a funder's money per currency and year.

A small world is added to the seed: published and unpublished programmes, a phase of an
unpublished programme, an organisation that only funds (with a department that funds too), one
that only takes part, one that does both, one whose only roles are not counted, a country named
only as a venue, grants in two currencies over two years and one without an amount. Then each
count is read from every page that shows it (lists, detail pages, the overview, the map), from
the API, the funder pages and the donor dashboard, for every record, seed and world alike.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections import defaultdict
from decimal import Decimal

import lxml.html
import pytest
from django.urls import reverse

from funding.models import Transaction
from partners.models import Organisation
from programmes.maps import countries_with_programmes, map_context
from programmes.models import Country, ProgrammeCountry, ThematicArea
from tests.factories import (
    CountryFactory,
    DonorAccountFactory,
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ThematicAreaFactory,
    TransactionFactory,
)
from tests.helpers.roles import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

COMMITMENT, DISBURSEMENT = Transaction.Type.COMMITMENT, Transaction.Type.DISBURSEMENT


@pytest.fixture
def world():
    """The records the counts must agree on, and what each count should be."""
    works, twice, venue = CountryFactory(), CountryFactory(), CountryFactory(name="Venueland")
    first_area, second_area = ThematicAreaFactory(), ThematicAreaFactory()
    one, two, gathering = ProgrammeFactory(), ProgrammeFactory(), ProgrammeFactory()
    draft = ProgrammeFactory(is_published=False)
    phase_of_draft = ProgrammeFactory(parent=ProgrammeFactory(is_published=False))
    for programme in (one, two, draft, phase_of_draft):
        ProgrammeCountryFactory(programme=programme, country=works)
    ProgrammeCountryFactory(programme=two, country=twice)
    ProgrammeCountryFactory(programme=two, country=twice, role=ProgrammeCountry.Role.VENUE)
    ProgrammeCountryFactory(programme=gathering, country=venue, role=ProgrammeCountry.Role.VENUE)
    first_area.programmes.add(one, two, draft)
    second_area.programmes.add(two, phase_of_draft)

    funder = OrganisationFactory(name="Only funds")
    department = OrganisationFactory(name="Its department", parent=funder)
    partner, both = OrganisationFactory(name="Only takes part"), OrganisationFactory(name="Takes part and funds")
    uncounted = OrganisationFactory(name="Roles not counted")
    ParticipationFactory(organisation=partner, programme=one)
    ParticipationFactory(organisation=partner, programme=two, role="2")
    ParticipationFactory(organisation=partner, programme=draft)
    ParticipationFactory(organisation=both, programme=one)
    GrantFactory(funder=both, programme=two, amount=Decimal("10.00"))
    ParticipationFactory(organisation=uncounted, programme=draft)
    ParticipationFactory(organisation=uncounted, programme=phase_of_draft)
    GrantFactory(funder=uncounted, programme=phase_of_draft)

    dollars = GrantFactory(funder=funder, programme=one, amount=Decimal("1000.00"), currency="USD")
    euros = GrantFactory(funder=funder, programme=two, amount=Decimal("800.00"), currency="EUR")
    GrantFactory(funder=funder, programme=two, amount=None)
    ahead = GrantFactory(funder=department, programme=gathering, amount=Decimal("250.00"), currency="USD")
    for grant, kind, year, amount, currency in (
        (dollars, COMMITMENT, 2001, "600.00", "USD"),
        (dollars, DISBURSEMENT, 2002, "300.50", "USD"),
        (euros, COMMITMENT, 2002, "800.00", "EUR"),
        (euros, DISBURSEMENT, 2001, "100.00", "EUR"),
        (ahead, COMMITMENT, 2002, "250.00", "USD"),
    ):
        date = datetime.date(year, 6, 1)
        TransactionFactory(grant=grant, type=kind, date=date, amount=Decimal(amount), currency=currency)

    return {
        "countries": {works.slug: 2, twice.slug: 1, venue.slug: 0},
        "areas": {first_area.slug: 2, second_area.slug: 1},
        # (programme_count, funded_programme_count) on the partner pages and API: its own roles and grants.
        "organisations": {funder.slug: (2, 2), department.slug: (1, 1), partner.slug: (2, 0), both.slug: (2, 1)},
        # Programmes funded on the funder pages: a body's departments' grants with its own.
        "funders": {funder.slug: 3, department.slug: 1, both.slug: 1},
        "hidden": [uncounted.slug],
        "funder": funder,
    }


def document(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


def number(text: str) -> int:
    return int(re.search(r"\d+", text).group())


def listed_counts(page) -> dict[str, int]:
    """The counts a page lists beside its links ("3 programmes"), by the address linked: the lists
    of countries, areas and partners, and the map's list; one number per address."""
    found = defaultdict(set)
    for item in page.xpath("//li[.//*[@class='count']]"):
        found[item.xpath(".//a/@href")[0]].add(number(item.xpath(".//*[@class='count']")[0].text_content()))
    assert all(len(values) == 1 for values in found.values()), found
    return {href: values.pop() for href, values in found.items()}


def overview_counts(client) -> dict[str, int]:
    """The overview's tables beside its charts: programmes by area and by country, by the address linked."""
    rows = document(client, "/").xpath("//table[@class='chart-table']/tbody/tr")
    return {row.xpath("th/a/@href")[0]: number(row.xpath("td")[0].text_content()) for row in rows}


def heading_count(page) -> int:
    return number(page.get_element_by_id("programmes-heading").text_content())


def api(client, url: str, **params) -> dict:
    response = client.get(url, params, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, url
    return response.json()


def api_list(client, url: str) -> dict[str, dict]:
    return {row["slug"]: row for row in api(client, url, page_size=1000)["results"]}


def test_each_country_has_one_count_of_published_programmes(client, world):
    listed, overview = listed_counts(document(client, reverse("programmes:countries"))), overview_counts(client)
    on_map = {
        country.slug: country.programme_count for country in map_context(countries_with_programmes())["countries"]
    }
    listed_by_api = api_list(client, "/api/countries/")
    for country in Country.objects.all():
        page = country.get_absolute_url()
        shown = document(client, page)
        count = heading_count(shown)
        assert world["countries"].get(country.slug, count) == count, country.slug
        assert listed.get(page, 0) == overview.get(page, 0) == count, country.slug
        assert listed_counts(shown).get(page, count) == count, country.slug  # the map on its own page
        if country.is_caribbean:
            assert on_map.get(country.slug, 0) == count, country.slug
        assert listed_by_api.get(country.slug, {"programme_count": 0})["programme_count"] == count, country.slug
        detail = client.get(f"/api/countries/{country.slug}/", HTTP_ACCEPT="application/json")
        if detail.status_code == 404:  # named by no published programme
            assert count == 0, country.slug
            continue
        roles = [{role["code"] for role in row["roles"]} for row in detail.json()["programmes"]]
        assert detail.json()["programme_count"] == sum("benefiting" in codes for codes in roles) == count


def test_each_thematic_area_has_one_count_of_published_programmes(client, world):
    listed, overview = listed_counts(document(client, reverse("programmes:areas"))), overview_counts(client)
    listed_by_api = api_list(client, "/api/areas/")
    for area in ThematicArea.objects.all():
        page = area.get_absolute_url()
        count = heading_count(document(client, page))
        assert world["areas"].get(area.slug, count) == count, area.slug
        assert listed[page] == overview.get(page, 0) == count, area.slug
        detail = api(client, f"/api/areas/{area.slug}/")
        assert listed_by_api[area.slug]["programme_count"] == detail["programme_count"] == count, area.slug
        assert len(detail["programmes"]) == count, area.slug


def test_each_organisation_has_one_count_of_published_programmes(client, world):
    listed = listed_counts(document(client, reverse("partners:list")))
    listed_by_api = api_list(client, "/api/organisations/")
    for slug in world["hidden"]:
        assert slug not in listed_by_api
        assert client.get(reverse("partners:detail", args=[slug])).status_code == 404
    for organisation in Organisation.objects.public():
        page = organisation.get_absolute_url()
        (shown,) = document(client, page).xpath("//dt[normalize-space()='Published programmes']/../dd")
        detail = api(client, f"/api/organisations/{organisation.slug}/")
        counts = (detail["programme_count"], detail["funded_programme_count"])
        assert world["organisations"].get(organisation.slug, counts) == counts, organisation.slug
        row = listed_by_api[organisation.slug]
        assert (row["programme_count"], row["funded_programme_count"]) == counts, organisation.slug
        assert number(shown.text_content()) == len(detail["programmes"]) == counts[0], organisation.slug
        assert listed.get(page, counts[0]) == counts[0], organisation.slug


def test_each_funder_has_one_count_of_the_programmes_it_funds(client, world):
    listed = {
        row.xpath("th/a/@href")[0]: number(row.xpath("td")[2].text_content())
        # One page holds them all (funding.filters.FUNDERS_PER_PAGE).
        for row in document(client, reverse("funding:list")).xpath("//table[contains(@class, 'money-table')]/tbody/tr")
    }
    listed_by_api = api_list(client, "/api/funders/")
    assert set(listed_by_api) >= set(world["funders"])
    for slug, row in listed_by_api.items():
        page = reverse("funding:detail", args=[slug])
        lead = document(client, page).xpath("//p[@class='lead']")[0].text_content()
        count = int(re.search(r"to (\d+) published programme", lead).group(1))
        assert world["funders"].get(slug, count) == count, slug
        assert (
            listed[page] == row["programme_count"] == api(client, f"/api/funders/{slug}/")["programme_count"] == count
        )


def money(text: str) -> Decimal | None:
    """An amount as a page prints it ("USD 1,300.50", "1,300.50"), 0 for "None published", None for "not published"."""
    text = " ".join(text.split())
    if "not published" in text.lower():
        return None
    found = re.search(r"[\d,]+\.\d\d", text)
    return Decimal(found.group().replace(",", "")) if found else Decimal("0.00")


def test_a_funders_money_per_currency_and_year_is_the_same_everywhere(client, world):
    funder = world["funder"]
    expected = {
        "USD": (Decimal("1250.00"), Decimal("850.00"), Decimal("300.50")),
        "EUR": (Decimal("800.00"), Decimal("800.00"), Decimal("100.00")),
    }
    page = document(client, reverse("funding:detail", args=[funder.slug]))
    on_page = {
        row.xpath("th")[0].text_content().strip(): tuple(money(cell.text_content()) for cell in row.xpath("td"))
        for row in page.xpath("//section[@aria-labelledby='totals']//tbody/tr")
    }
    by_api = {t["currency"]: t for t in api(client, f"/api/funders/{funder.slug}/")["totals"]}
    in_list = {t["currency"]: t for t in api_list(client, "/api/funders/")[funder.slug]["totals"]}
    assert by_api == in_list
    from_api = {
        c: (t["granted"] and Decimal(t["granted"]), Decimal(t["committed"]), Decimal(t["disbursed"]))
        for c, t in by_api.items()
    }
    assert by_api[""]["grants"] == by_api[""]["unpublished_amounts"] == 1  # counted as a grant, not as money

    donor = client_for(DonorAccountFactory(funders=[funder]).user)
    dashboard = document(donor, reverse("donor:dashboard"))
    on_dashboard = {}
    for row in dashboard.xpath("//section[@aria-labelledby='totals']//tbody/tr"):
        cells = [cell.text_content() for cell in row.xpath("td")]
        on_dashboard[row.xpath("th")[0].text_content().strip()] = (money(cells[1]), money(cells[2]), money(cells[3]))
        assert number(cells[0]) == by_api[row.xpath("th")[0].text_content().strip()]["grants"]

    exported = defaultdict(lambda: [Decimal("0.00")] * 3)
    response = donor.get(reverse("donor:export_csv"))
    header, *rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        sums = exported[cells["Currency"]]
        amount = money(cells["Amount"])
        sums[0] += amount or 0
        sums[1] += Decimal(cells["Committed"])
        sums[2] += Decimal(cells["Disbursed"])
    from_csv = {c: tuple(s) for c, s in exported.items() if any(s)}

    for channel in (on_page, from_api, on_dashboard, from_csv):
        assert {c: v for c, v in channel.items() if any(v)} == expected, channel

    # By year: the funder page's table per currency, the donor's table by year.
    page_years = {}
    for figure in page.xpath("//section[@aria-labelledby='by-year']//figure[@class='chart-figure']"):
        currency = figure.xpath("figcaption")[0].text_content().split()[-1]
        for row in figure.xpath(".//tbody/tr"):
            committed, disbursed = (money(cell.text_content()) for cell in row.xpath("td"))
            if committed or disbursed:
                page_years[int(row.xpath("th")[0].text_content()), currency] = (committed, disbursed)
    dashboard_years = {
        (int(row.xpath("th")[0].text_content()), row.xpath("td")[0].text_content().strip()): tuple(
            money(cell.text_content()) for cell in row.xpath("td")[1:]
        )
        for row in document(donor, reverse("donor:years")).xpath("//section[@aria-labelledby='years']//tbody/tr")
    }
    assert (
        page_years
        == dashboard_years
        == {
            (2001, "USD"): (Decimal("600.00"), Decimal("0.00")),
            (2002, "USD"): (Decimal("250.00"), Decimal("300.50")),
            (2001, "EUR"): (Decimal("0.00"), Decimal("100.00")),
            (2002, "EUR"): (Decimal("800.00"), Decimal("0.00")),
        }
    )
