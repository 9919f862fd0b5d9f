"""A funder page's figures on demo data agree with the grants and transactions counted one by one.

The page's totals come from a few grouped queries; here every figure is counted again in Python
from the rows themselves, so a join that counts a grant twice (or misses one) shows.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from django.urls import reverse

from funding.demo import generate_demo_data
from funding.models import Grant, Transaction
from programmes.models import Programme, ProgrammeCountry

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def section(page: str, heading_id: str) -> str:
    start = page.index(f'<section aria-labelledby="{heading_id}">')
    return page[start : page.index("</section>", start)]


def cells(row: str) -> list[str]:
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]


def table_rows(fragment: str) -> list[list[str]]:
    body = re.findall(r"<tbody>(.*?)</tbody>", fragment)[0]
    return [cells(row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def linked_rows(fragment: str) -> list[tuple[str, list[str]]]:
    """Each body row with the address its first cell links to (two areas may share a short name)."""
    body = re.findall(r"<tbody>(.*?)</tbody>", fragment)[0]
    return [(re.search(r'href="([^"]+)"', row).group(1), cells(row)) for row in re.findall(r"<tr>(.*?)</tr>", body)]


MONEY = re.compile(r"([A-Z]{3}) ([\d,]+\.\d\d)")


def amount(cell: str) -> Decimal:
    """'USD 1,234.00 and 2 grants with no published amount' -> Decimal('1234.00')."""
    return Decimal(re.search(r"[A-Z]{3} ([\d,]+\.\d\d)", cell).group(1).replace(",", ""))


def is_public(programme: Programme) -> bool:
    return programme.is_published and (programme.parent is None or programme.parent.is_published)


@pytest.fixture
def funder_and_grants():
    """The demo funder with the most grants to published programmes, and those grants (30 demo programmes)."""
    generate_demo_data(programmes=30, force=True, seed=7)
    grants = [g for g in Grant.objects.select_related("funder", "programme__parent") if is_public(g.programme)]
    by_funder = Counter(g.funder for g in grants)
    funder = max(by_funder, key=lambda f: (by_funder[f], -f.pk))
    return funder, [g for g in grants if g.funder == funder]


def test_a_funder_page_shows_the_totals_its_grants_and_transactions_add_up_to(client, funder_and_grants):
    funder, grants = funder_and_grants
    assert len(grants) >= 3
    page = text(client.get(reverse("funding:detail", kwargs={"slug": funder.slug})))

    programmes = {g.programme_id for g in grants}
    unpublished = sum(g.amount is None for g in grants)
    assert f"{len(grants)} grants to {len(programmes)} published programmes" in page
    if unpublished and unpublished < len(grants):
        assert f"the amount of {unpublished} of them is not published" in page

    granted: dict[str, Decimal] = {}
    for grant in grants:
        if grant.amount is not None:
            granted[grant.currency] = granted.get(grant.currency, Decimal(0)) + grant.amount
    moved: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for transaction in Transaction.objects.filter(grant__in=[g.pk for g in grants]):
        moved[transaction.currency, transaction.type] += transaction.amount
    shown = {row[0]: row for row in table_rows(section(page, "totals"))}
    assert set(shown) == set(granted) | {currency for currency, _ in moved}
    for currency, row in shown.items():
        assert (amount(row[1]) if currency in granted else row[1]) == granted.get(currency, "Not published")
        for cell, kind in ((row[2], Transaction.Type.COMMITMENT), (row[3], Transaction.Type.DISBURSEMENT)):
            expected = moved[currency, kind]
            assert (amount(cell) if expected else cell) == (expected or "None published")

    # The funder list counts the same programmes and grants.
    listing = text(client.get(reverse("funding:list")))
    address = reverse("funding:detail", kwargs={"slug": funder.slug})
    row = next(cells(row) for row in re.findall(r"<tr>(.*?)</tr>", listing) if f'href="{address}"' in row)
    assert row[3:5] == [str(len(programmes)), str(len(grants))]


def test_a_funder_page_counts_each_grant_once_under_each_benefiting_country_and_area(client, funder_and_grants):
    funder, grants = funder_and_grants
    page = text(client.get(reverse("funding:detail", kwargs={"slug": funder.slug})))

    # Keyed by the page each row links to, and the currency.
    by_country: dict[tuple[str, str], list[Grant]] = defaultdict(list)
    by_area: dict[tuple[str, str], list[Grant]] = defaultdict(list)
    names: dict[str, str] = {}
    for grant in grants:
        links = grant.programme.country_links.filter(role=ProgrammeCountry.Role.BENEFITING).select_related("country")
        for country in {link.country for link in links}:
            by_country[country.get_absolute_url(), grant.currency].append(grant)
            names[country.get_absolute_url()] = country.name
        for area in grant.programme.thematic_areas.all():
            by_area[area.get_absolute_url(), grant.currency].append(grant)
            names[area.get_absolute_url()] = area.name
    assert by_country and by_area

    for heading, expected in (("by-country", by_country), ("by-area", by_area)):
        rows = linked_rows(section(page, heading))
        assert len(rows) == len({address for address, _ in expected}), heading  # each country or area once
        for address, (name, count, granted) in rows:
            # A grant whose amount is not published has no currency: its amounts are those without one.
            groups = {currency: group for (where, currency), group in expected.items() if where == address}
            shown = {code: Decimal(value.replace(",", "")) for code, value in MONEY.findall(granted)}
            assert name == names[address]
            assert int(count) == sum(len(group) for group in groups.values()), (heading, name)
            for currency, group in groups.items():
                if any(g.amount is not None for g in group):
                    assert shown[currency] == sum(g.amount or 0 for g in group), (heading, name, currency)
                else:
                    assert "not published" in granted
