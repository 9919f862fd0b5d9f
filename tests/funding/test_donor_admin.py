"""The admin side of donors: superusers manage donor accounts; finance officers plan disbursements on a grant."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from funding.models import DonorAccount, Grant
from partners.models import Organisation
from tests.factories import DonorAccountFactory, GrantFactory, PlannedDisbursementFactory, UserFactory
from tests.helpers.admin_forms import admin_url, form_data

pytestmark = pytest.mark.django_db

STATE = "us-state-department"
HIV = "Regional initiative for the Caribbean on HIV/AIDS and mobile populations"


def test_a_superuser_links_a_user_to_funders_and_the_history_records_it(admin_client: Client, superuser) -> None:
    user = UserFactory(username="state-donor")
    state = Organisation.objects.get(slug=STATE)
    add = admin_client.get(admin_url(DonorAccount, "add"))
    # Both are searched, not scrolled: there are many users and organisations.
    assertContains(add, 'class="admin-autocomplete')
    assertContains(add, 'data-field-name="user"')
    assertContains(add, 'data-field-name="funders"')

    response = admin_client.post(
        admin_url(DonorAccount, "add"),
        form_data(add) | {"user": str(user.pk), "funders": [str(state.pk)], "is_active": "on"},
        follow=True,
    )

    assertContains(response, "was added successfully")
    account = DonorAccount.objects.get(user=user)
    assert list(account.funders.all()) == [state]
    assert account.history.get().history_user == superuser


def test_the_donor_account_list_and_page_link_to_the_dashboard_as_that_donor(admin_client: Client) -> None:
    account = DonorAccountFactory(user__username="state-donor", funders=[Organisation.objects.get(slug=STATE)])
    link = f'<a href="{reverse("donor:dashboard")}?as={account.pk}">View dashboard as this donor</a>'

    changelist = admin_client.get(admin_url(DonorAccount, "changelist"))
    assertContains(changelist, link, html=True)
    assertContains(changelist, "U.S. State Department")
    assertContains(admin_client.get(admin_url(DonorAccount, "change", account.pk)), link, html=True)

    dashboard = admin_client.get(f"{reverse('donor:dashboard')}?as={account.pk}")
    assertContains(dashboard, "Viewing as state-donor")
    assertContains(dashboard, HIV)
    assertContains(dashboard, admin_url(DonorAccount, "change", account.pk))


def test_the_add_page_says_the_link_comes_after_saving(admin_client: Client) -> None:
    assertContains(admin_client.get(admin_url(DonorAccount, "add")), "Save the account first.")


def test_the_donor_account_list_finds_accounts_by_funder(admin_client: Client) -> None:
    DonorAccountFactory(user__username="state-donor", funders=[Organisation.objects.get(slug=STATE)])
    DonorAccountFactory(user__username="canada-donor", funders=[Organisation.objects.get(slug="government-of-canada")])

    response = admin_client.get(admin_url(DonorAccount, "changelist"), {"q": "State Department"})

    assertContains(response, "state-donor")
    assertNotContains(response, "canada-donor")


# Planned disbursements on the grant --------------------------------------------------------------


def planned(*rows: tuple[str, str, str]) -> dict[str, str]:
    """Inline data for (start, end, amount) rows, in US dollars."""
    data = {"planned_disbursements-TOTAL_FORMS": str(len(rows))}
    for i, (start, end, amount) in enumerate(rows):
        data |= {
            f"planned_disbursements-{i}-period_start": start,
            f"planned_disbursements-{i}-period_end": end,
            f"planned_disbursements-{i}-amount": amount,
            f"planned_disbursements-{i}-currency": "USD",
        }
    return data


def test_a_finance_officer_plans_disbursements_on_the_grant(finance_client: Client, finance_officer) -> None:
    grant = GrantFactory()
    url = admin_url(Grant, "change", grant.pk)
    page = finance_client.get(url)
    assertContains(page, "Planned disbursements (the schedule ahead donors see)")

    data = form_data(page) | planned(("2030-01-01", "2030-06-30", "2500"), ("2030-07-01", "2030-12-31", "2500"))
    response = finance_client.post(url, data, follow=True)

    assertContains(response, "was changed successfully")
    rows = list(grant.planned_disbursements.values_list("period_start", "amount"))
    assert [(start, int(amount)) for start, amount in rows] == [
        (datetime.date(2030, 1, 1), 2500),
        (datetime.date(2030, 7, 1), 2500),
    ]
    assert grant.planned_disbursements.first().history.get().history_user == finance_officer


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("2030-07-01", "2030-01-01", "2500"), "The period cannot end before it starts."),
        (("2030-01-01", "2030-06-30", "0"), "A planned disbursement must be greater than zero."),
        (("2030-01-01", "2030-06-30", "-10"), "A planned disbursement must be greater than zero."),
    ],
    ids=["end-before-start", "zero", "negative"],
)
def test_a_wrong_planned_disbursement_is_refused_on_its_row(finance_client: Client, row, message: str) -> None:
    grant = GrantFactory()
    url = admin_url(Grant, "change", grant.pk)

    response = finance_client.post(url, form_data(finance_client.get(url)) | planned(row))

    assertContains(response, message)
    assert not grant.planned_disbursements.exists()


def test_an_editor_reads_planned_disbursements_but_cannot_change_them(editor_client: Client) -> None:
    grant = GrantFactory()
    start, end = datetime.date(2031, 1, 1), datetime.date(2031, 6, 1)
    PlannedDisbursementFactory(grant=grant, period_start=start, period_end=end)

    page = editor_client.get(admin_url(Grant, "change", grant.pk))

    assertContains(page, "Jan. 1, 2031")  # read-only: printed, not an input
    assertNotContains(page, 'name="planned_disbursements-0-amount"')
