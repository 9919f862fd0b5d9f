"""Funding totals: computed by the database, one row per currency, unpublished amounts counted as grants."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from funding.models import Grant, Transaction
from funding.selectors import grant_totals_named, money_totals, pivot_years, schedule_ahead
from programmes.models import ProgrammeCountry
from tests.factories import (
    CountryFactory,
    GrantFactory,
    OrganisationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    TransactionFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


@pytest.fixture
def funder():
    return OrganisationFactory(name="Funder under test")


def test_totals_never_add_up_different_currencies(funder):
    GrantFactory(funder=funder, amount=Decimal("100.00"), currency="USD")
    GrantFactory(funder=funder, amount=Decimal("250.50"), currency="USD")
    GrantFactory(funder=funder, amount=Decimal("70.00"), currency="EUR")
    totals = {t.currency: t for t in money_totals(Grant.objects.filter(funder=funder))[None]}
    assert set(totals) == {"EUR", "USD"}
    assert totals["USD"].granted == Decimal("350.50")
    assert totals["EUR"].granted == Decimal("70.00")
    assert (totals["USD"].grants, totals["EUR"].grants) == (2, 1)


def test_a_grant_without_a_published_amount_counts_as_a_grant_not_as_zero(funder):
    GrantFactory(funder=funder, amount=None)
    GrantFactory(funder=funder, amount=None)
    (usd,) = money_totals(Grant.objects.filter(funder=funder))[None]
    assert usd.grants == 2
    assert usd.unpublished_amounts == 2
    assert usd.granted is None  # nothing published: no sum, not 0


def test_transactions_are_summed_per_type_and_currency(funder):
    grant = GrantFactory(funder=funder, currency="USD")
    TransactionFactory(grant=grant, type=Transaction.Type.COMMITMENT, amount=Decimal("500"), currency="USD")
    TransactionFactory(grant=grant, type=Transaction.Type.DISBURSEMENT, amount=Decimal("200"), currency="USD")
    TransactionFactory(grant=grant, type=Transaction.Type.DISBURSEMENT, amount=Decimal("30"), currency="EUR")
    totals = {t.currency: t for t in money_totals(Grant.objects.filter(funder=funder))[None]}
    assert (totals["USD"].committed, totals["USD"].disbursed) == (Decimal("500"), Decimal("200"))
    assert totals["EUR"].disbursed == Decimal("30")
    assert totals["EUR"].grants == 0  # money in EUR, but no grant in EUR


def test_totals_by_year_keep_years_and_currencies_apart(funder):
    grant = GrantFactory(funder=funder)
    TransactionFactory(grant=grant, date=datetime.date(2001, 3, 1), amount=Decimal("10"))
    TransactionFactory(grant=grant, date=datetime.date(2001, 9, 1), amount=Decimal("5"))
    TransactionFactory(grant=grant, date=datetime.date(2002, 1, 1), amount=Decimal("7"), currency="EUR")
    TransactionFactory(
        grant=grant, date=datetime.date(2002, 2, 1), amount=Decimal("3"), type=Transaction.Type.DISBURSEMENT
    )
    years = pivot_years(money_totals(Grant.objects.filter(funder=funder), by_year=True)[None])
    assert [y.year for y in years] == [2001, 2002]
    assert years[0].by_currency["USD"]["committed"] == Decimal("15")
    assert years[1].by_currency["EUR"]["committed"] == Decimal("7")
    assert years[1].by_currency["USD"]["disbursed"] == Decimal("3")


def test_totals_by_country_do_not_repeat_a_grant_for_a_country_in_two_roles(funder):
    country = CountryFactory()
    programme = ProgrammeFactory()
    ProgrammeCountryFactory(programme=programme, country=country, role=ProgrammeCountry.Role.BENEFITING)
    ProgrammeCountryFactory(programme=programme, country=country, role=ProgrammeCountry.Role.VENUE)
    GrantFactory(funder=funder, programme=programme, amount=Decimal("40"))
    (row,) = grant_totals_named(
        Grant.objects.filter(funder=funder),
        {"name": "programme__country_links__country__name"},
        programme__country_links__role=ProgrammeCountry.Role.BENEFITING,
    )
    assert row["granted"] == Decimal("40")
    assert row["grants"] == 1


def test_the_schedule_ahead_leaves_out_past_periods(funder):
    grant = GrantFactory(funder=funder)
    past = grant.planned_disbursements.create(
        period_start=datetime.date(2001, 1, 1),
        period_end=datetime.date(2001, 12, 31),
        amount=Decimal("1"),
        currency="USD",
    )
    ahead = grant.planned_disbursements.create(
        period_start=datetime.date(2031, 1, 1),
        period_end=datetime.date(2031, 12, 31),
        amount=Decimal("2"),
        currency="USD",
    )
    schedule = list(schedule_ahead(Grant.objects.filter(funder=funder), after=datetime.date(2026, 1, 1)))
    assert schedule == [ahead]
    assert past not in schedule


def test_the_totals_take_a_fixed_number_of_queries(funder, django_assert_num_queries):
    for _ in range(3):
        TransactionFactory(grant=GrantFactory(funder=funder))
    with django_assert_num_queries(2):
        money_totals(Grant.objects.filter(funder=funder))[None]
