"""The finance officers' admin: grants with their transactions, and budgets."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from funding.models import Budget, Grant
from partners.models import Organisation, Participation
from programmes.models import Component, Programme
from tests.factories import GrantFactory, TransactionFactory
from tests.helpers.admin_forms import admin_url, form_data

pytestmark = pytest.mark.django_db

RIGHTS = "managing-migration-and-promoting-migrants-rights"


@pytest.fixture
def grant_form(finance_client: Client) -> dict[str, Any]:
    """A valid new grant from Canada to the migrants' rights programme, with no transactions yet."""
    data = form_data(finance_client.get(admin_url(Grant, "add")))
    return data | {
        "funder": str(Organisation.objects.get(slug="government-of-canada").pk),
        "programme": str(Programme.objects.get(slug=RIGHTS).pk),
        "amount": "20000",
        "currency": "CAD",
        "purpose_en": "the national survey",
    }


def transactions(*rows: tuple[str, str, str]) -> dict[str, str]:
    """Inline data for (type, date, amount) rows, in US dollars."""
    data = {"transactions-TOTAL_FORMS": str(len(rows))}
    for i, (type_, date, amount) in enumerate(rows):
        data |= {
            f"transactions-{i}-type": type_,
            f"transactions-{i}-date": date,
            f"transactions-{i}-amount": amount,
            f"transactions-{i}-currency": "usd",
        }
    return data


COMMITMENT, DISBURSEMENT = "2", "3"


def test_a_finance_officer_records_a_grant_with_its_transactions(finance_client, finance_officer, grant_form) -> None:
    data = grant_form | {"currency": "cad"} | transactions((COMMITMENT, "2003-01-10", "20000"))

    response = finance_client.post(admin_url(Grant, "add"), data, follow=True)

    assertContains(response, "was added successfully")
    assertContains(response, "20,000.00 CAD")  # the list shows money with its currency
    grant = Grant.objects.get(purpose="the national survey")
    assert grant.currency == "CAD"
    transaction = grant.transactions.get()
    assert (transaction.amount, transaction.currency) == (Decimal("20000"), "USD")
    assert grant.history.get().history_user == finance_officer
    assert transaction.history.get().history_user == finance_officer


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "-5"}, "The amount cannot be negative."),
        ({"currency": "C$"}, "Give the currency as a three-letter ISO 4217 code, such as USD."),
        ({"start_date": "2003-02-01", "end_date": "2003-01-01"}, "The end of the period cannot be before its start."),
        ({"start_date": "2003-02-15", "start_precision": "month"}, "A date known only to the month must be stored"),
        ({"component": "Baseline assessment"}, "This component belongs to another programme."),
    ],
    ids=["negative-amount", "bad-currency", "end-before-start", "precision", "foreign-component"],
)
def test_the_grant_form_explains_what_is_wrong(finance_client: Client, grant_form, changes: dict, message: str):
    if "component" in changes:
        changes["component"] = str(Component.objects.get(title=changes["component"]).pk)

    response = finance_client.post(admin_url(Grant, "add"), grant_form | changes)

    assertContains(response, "Please correct the error below.")
    assertContains(response, message)
    assert not Grant.objects.filter(purpose="the national survey").exists()


def test_the_grant_form_lists_components_under_their_programme(finance_client: Client) -> None:
    page = finance_client.get(admin_url(Grant, "add"))
    hiv = Programme.objects.get(slug="hiv-aids-and-mobile-populations")
    baseline = hiv.components.get(title="Baseline assessment")
    group = re.escape(f'<optgroup label="{hiv.title}">')
    assert re.search(rf'{group}\s*<option value="{baseline.pk}">Baseline assessment</option>', page.content.decode())


def test_a_grant_on_the_programme_page_offers_only_that_programmes_components(admin_client: Client) -> None:
    programme = Programme.objects.get(slug=RIGHTS)
    page = admin_client.get(admin_url(Programme, "change", programme.pk))
    assertContains(page, "National survey of the Haitian population living in the Dominican Republic")
    assertNotContains(page, "Baseline assessment")


def test_a_disbursement_before_the_first_commitment_is_refused(finance_client: Client, grant_form) -> None:
    data = grant_form | transactions((COMMITMENT, "2003-03-01", "20000"), (DISBURSEMENT, "2003-02-01", "5000"))

    response = finance_client.post(admin_url(Grant, "add"), data)

    assertContains(response, "A disbursement cannot come before the first commitment (1 March 2003).")
    assert not Grant.objects.filter(purpose="the national survey").exists()


def test_disbursing_more_than_committed_is_saved_with_a_warning(finance_client: Client, grant_form) -> None:
    data = grant_form | transactions((COMMITMENT, "2003-03-01", "1000"), (DISBURSEMENT, "2003-04-01", "1500.50"))

    response = finance_client.post(admin_url(Grant, "add"), data, follow=True)

    assertContains(response, "was added successfully")
    assertContains(response, "Disbursements (1,500.50 USD) exceed commitments (1,000.00 USD) on this grant.")
    assert Grant.objects.get(purpose="the national survey").transactions.count() == 2


def test_disbursing_within_the_commitment_raises_no_warning(finance_client: Client) -> None:
    grant = TransactionFactory(amount=Decimal("5000")).grant
    url = admin_url(Grant, "change", grant.pk)
    data = form_data(finance_client.get(url)) | {
        "transactions-TOTAL_FORMS": "2",
        "transactions-1-type": DISBURSEMENT,
        "transactions-1-date": "2010-05-01",
        "transactions-1-amount": "5000",
        "transactions-1-currency": "USD",
    }

    response = finance_client.post(url, data, follow=True)

    assertContains(response, "was changed successfully")
    assertNotContains(response, "exceed commitments")
    assert grant.transactions.count() == 2


def test_a_transaction_with_a_bad_currency_is_refused_on_its_row(finance_client: Client) -> None:
    grant = GrantFactory()
    url = admin_url(Grant, "change", grant.pk)
    data = form_data(finance_client.get(url)) | transactions((COMMITMENT, "2010-04-01", "100"))

    response = finance_client.post(url, data | {"transactions-0-currency": "US1"})

    assertContains(response, "Give the currency as a three-letter ISO 4217 code")
    assert not grant.transactions.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "-1"}, "The amount cannot be negative."),
        ({"currency": "U$D"}, "Give the currency as a three-letter ISO 4217 code"),
        ({"period_end": "2004-06-30"}, "A budget period may be at most one year (IATI rule)."),
        ({"period_end": "2002-12-31"}, "The period cannot end before it starts."),
    ],
    ids=["negative-amount", "bad-currency", "longer-than-a-year", "end-before-start"],
)
def test_the_budget_form_explains_what_is_wrong(finance_client: Client, changes: dict, message: str) -> None:
    data = form_data(finance_client.get(admin_url(Budget, "add"))) | {
        "programme": str(Programme.objects.get(slug=RIGHTS).pk),
        "period_start": "2003-01-01",
        "period_end": "2003-12-31",
        "amount": "50000",
        "currency": "usd",
    }

    assertContains(finance_client.post(admin_url(Budget, "add"), data | changes), message)
    assert not Budget.objects.exists()

    finance_client.post(admin_url(Budget, "add"), data)
    assert Budget.objects.get().currency == "USD"  # the same form, corrected, is saved


def test_the_grant_list_finds_grants_by_funder(finance_client: Client) -> None:
    response = finance_client.get(admin_url(Grant, "changelist"), {"q": "Canada"})
    assertContains(response, "1 result")
    assertContains(response, "Government of Canada")
    assertContains(response, "not published")  # the seeded grants state no sum


# Participations in the funding role are money ---------------------------------------------------------

FUNDING_IS_MONEY = "Participations in the Funding role are money: only Finance officers add, change or remove them."


def funding_row(client: Client, programme: Programme, funder: Organisation) -> dict:
    """The programme page's form with one more participation: the funder, in the funding role."""
    data = form_data(client.get(admin_url(Programme, "change", programme.pk)))
    i = int(data["participations-TOTAL_FORMS"])
    return data | {
        "participations-TOTAL_FORMS": str(i + 1),
        f"participations-{i}-organisation": str(funder.pk),
        f"participations-{i}-role": Participation.Role.FUNDING,
        f"participations-{i}-order": "9",
    }


def test_an_editor_adding_a_funding_participation_is_told_it_is_money(editor_client: Client) -> None:
    programme, funder = Programme.objects.get(slug=RIGHTS), Organisation.objects.get(slug="government-of-canada")
    before = programme.participations.count()

    response = editor_client.post(
        admin_url(Programme, "change", programme.pk), funding_row(editor_client, programme, funder)
    )

    assertContains(response, "Please correct the error")
    assertContains(response, FUNDING_IS_MONEY)
    assert programme.participations.count() == before


def test_a_finance_officer_adds_a_funding_participation_on_the_programme_page(finance_client: Client) -> None:
    programme, funder = Programme.objects.get(slug=RIGHTS), Organisation.objects.get(slug="government-of-canada")

    response = finance_client.post(
        admin_url(Programme, "change", programme.pk), funding_row(finance_client, programme, funder)
    )

    assert response.status_code == 302
    assert programme.participations.filter(organisation=funder, role=Participation.Role.FUNDING).exists()


def test_an_editor_may_not_give_the_funding_role_on_the_participation_form(editor_client: Client) -> None:
    data = form_data(editor_client.get(admin_url(Participation, "add")))
    data |= {
        "organisation": str(Organisation.objects.get(slug="government-of-canada").pk),
        "programme": str(Programme.objects.get(slug=RIGHTS).pk),
        "role": Participation.Role.FUNDING,
    }

    response = editor_client.post(admin_url(Participation, "add"), data)

    assertContains(response, FUNDING_IS_MONEY)
    assert not Participation.objects.filter(
        organisation__slug="government-of-canada", role="1", programme__slug=RIGHTS
    ).exists()


def test_a_finance_officer_views_a_partners_participation_and_may_not_change_it(finance_client: Client) -> None:
    participation = Participation.objects.exclude(role=Participation.Role.FUNDING).first()
    url = admin_url(Participation, "change", participation.pk)
    page = finance_client.get(url)
    assertContains(page, "View participation")
    finance_client.post(url, form_data(page) | {"description_en": "Rewritten"})
    finance_client.post(admin_url(Participation, "delete", participation.pk), {"post": "yes"})
    assert Participation.objects.get(pk=participation.pk).description == participation.description
