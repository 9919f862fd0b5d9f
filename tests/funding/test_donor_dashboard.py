"""The donor dashboard and grant page: a donor's own grants, pipeline included, with totals per currency."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import lxml.html
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from funding.donor import pages
from funding.models import Transaction
from iomcaribbean.password_reset import wait_for_reset_mail
from tests.factories import (
    DonorAccountFactory,
    GrantFactory,
    OrganisationFactory,
    PeriodFactory,
    PlannedDisbursementFactory,
    ProgrammeFactory,
    TransactionFactory,
)
from tests.helpers.donors import B_SECRETS, FORMULA, GRANTS, heading_table, table
from tests.helpers.query_counts import DASHBOARD_QUERIES, EXPORT_QUERIES, GRANT_QUERIES
from tests.helpers.roles import client_for

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("donor:dashboard")
PASSWORD = "a-long-test-password"
COMMITMENT, DISBURSEMENT = Transaction.Type.COMMITMENT, Transaction.Type.DISBURSEMENT


def test_the_donor_sees_its_grants_pipeline_included_one_row_per_grant_and_currency(donor_a, world):
    response = donor_a.get(DASHBOARD)

    assert response.status_code == 200
    # fmt: off
    # The status is the programme's; the donor's own name, its one funder, is not repeated on each row.
    assert table(response, GRANTS) == [
        ["Alpha clean water programme", "Ongoing", "Wells and pumps",
         "1 January 2021 – 31 December 2023", "USD", "5,000.00", "5,000.00", "3,500.00", "1,000.00"],
        ["Alpha pipeline programme Not yet published", "Ongoing", FORMULA,
         "", "EUR", "2,000.00", "2,000.00", "800.00", "0.00"],
        # The same grant's money in another currency, on a line of its own: never added to euros.
        ["Alpha pipeline programme Not yet published", "Ongoing", FORMULA,
         "", "USD", "", "300.00", "0.00", "0.00"],
        # No amount, so no currency: none is made up.
        ["Alpha survey programme", "Ongoing", "The survey",
         "", "", "Amount not published", "0.00", "0.00", "0.00"],
    ]
    # fmt: on


def test_the_grants_come_a_page_at_a_time_each_programmes_lines_together_the_choices_kept(donor_a, world, monkeypatch):
    monkeypatch.setattr(pages, "GRANTS_PER_PAGE", 2)

    first = donor_a.get(DASHBOARD, {"sort": "programme"})
    document = lxml.html.fromstring(first.content.decode())
    # The pipeline grant's two lines (EUR, USD) in one group.
    groups = document.xpath(f"{GRANTS}/tbody")
    assert [len(group.xpath("tr")) for group in groups] == [1, 2]
    assert document.xpath('//nav[@class="pagination"]//a[@rel="next"]/@href') == ["?sort=programme&page=2"]

    second = donor_a.get(DASHBOARD, {"sort": "programme", "page": 2})
    assert [row[0] for row in table(second, GRANTS)] == ["Alpha survey programme"]
    # The totals are those of every grant, whatever the page.
    assert heading_table(second, "totals") == heading_table(first, "totals")


def test_only_published_programmes_link_to_their_public_page(donor_a, world):
    response = donor_a.get(DASHBOARD)

    assertContains(response, f'<a href="{world.published.programme.get_absolute_url()}">Ongoing</a>', html=True)
    assertNotContains(response, world.pipeline.programme.get_absolute_url())
    assertContains(response, '<span class="tag tag--pipeline">Not yet published</span>', count=2, html=True)
    grant_url = reverse("donor:grant", args=[world.pipeline.pk])
    assertContains(response, f'<a href="{grant_url}">Alpha pipeline programme</a>', count=2, html=True)


def test_totals_are_per_currency_and_count_unpublished_amounts_as_grants_not_money(donor_a, world):
    response = donor_a.get(DASHBOARD)

    assert heading_table(response, "totals") == [
        ["EUR", "1", "2,000.00", "2,000.00", "800.00", "0.00"],
        # The pipeline grant's USD commitment counts in USD.
        ["USD", "1", "5,000.00", "5,300.00", "3,500.00", "1,000.00"],
    ]
    # The grant without a published amount has no currency either: counted apart, never as money.
    assertContains(response, "1 grant has no published amount, so no currency of its own")


def test_in_spanish_an_untranslated_purpose_says_it_is_english_and_amounts_read_as_elsewhere(donor_a, world):
    grant_page = donor_a.get(f"/es{reverse('donor:grant', args=[world.published.pk])}")
    dashboard = lxml.html.fromstring(donor_a.get("/es" + DASHBOARD).content.decode())

    purpose_cell = f'{GRANTS}//td[@data-label="Objeto de la financiación"]'
    (purpose,) = dashboard.xpath(f'{purpose_cell}/span[text()="Wells and pumps"]')
    assert purpose.get("lang") == "en"
    assertContains(grant_page, '<span lang="en">Wells and pumps</span>', html=True)
    # On a phone the grant's own amount reads as the other pages' amounts: amount, then currency, unbroken.
    amounts = [span.text_content() for span in dashboard.xpath(f'{GRANTS}//span[@class="stack-only"]')]
    assert amounts == ["5\u00a0000,00\u00a0USD", "2\u00a0000,00\u00a0EUR"]


def test_commitments_and_disbursements_by_year_as_a_table_and_a_chart_per_currency(donor_a, world):
    response = donor_a.get(reverse("donor:years"))

    assert heading_table(response, "years") == [
        ["2021", "USD", "5,000.00", "2,000.00"],
        ["2022", "EUR", "2,000.00", "800.00"],
        ["2022", "USD", "300.00", "1,500.00"],
    ]
    document = lxml.html.fromstring(response.content.decode())
    titles = [title.text_content() for title in document.xpath('//section[@aria-labelledby="years"]//svg/title')]
    assert titles == ["Committed and disbursed by year, in EUR", "Committed and disbursed by year, in USD"]


def test_the_schedule_ahead_lists_only_periods_that_have_not_ended(donor_a, world):
    response = donor_a.get(DASHBOARD)

    start, end = world.today, world.today + datetime.timedelta(days=90)
    period = f"{start:%-d %b %Y} – {end:%-d %b %Y}"
    assert heading_table(response, "schedule") == [
        [period, "Alpha clean water programme", "Alpha Relief Fund", "USD", "1,000.00"]
    ]


def test_the_dashboard_names_the_donors_funders_and_offers_both_downloads(donor_a, world):
    response = donor_a.get(DASHBOARD)

    assertContains(response, "Grants from Alpha Relief Fund, including programmes not yet published.")
    assertContains(response, f'href="{reverse("donor:export_csv")}"')
    assertContains(response, f'href="{reverse("donor:export_xlsx")}"')
    assert response["Cache-Control"].startswith("max-age=0")  # never_cache: money stays out of shared caches
    for secret in B_SECRETS:
        assertNotContains(response, secret)


def test_a_donor_without_grants_is_told_so(world):
    response = client_for(DonorAccountFactory(funders=[OrganisationFactory()]).user).get(DASHBOARD)

    assertContains(response, "No grants are recorded for your organisation yet.")


def test_the_grant_page_shows_its_transactions_and_planned_disbursements(donor_a, world):
    response = donor_a.get(reverse("donor:grant", args=[world.published.pk]))

    assertContains(response, "<h1>Alpha clean water programme</h1>", html=True)
    assertContains(response, "Public programme page")
    assert table(response, '//table[@id="transactions-table"]') == [
        ["1 Mar 2021", "Outgoing commitment", "", "USD", "5,000.00"],
        ["1 Jun 2021", "Disbursement", "", "USD", "2,000.00"],
        ["1 Feb 2022", "Disbursement", "", "USD", "1,500.00"],
    ]
    ahead = f"{world.today:%-d %b %Y} – {world.today + datetime.timedelta(days=90):%-d %b %Y}"
    assert table(response, '//table[@id="planned-table"]') == [
        ["1 Jan 2020 – 31 Dec 2020", "Past", "USD", "500.00"],
        [ahead, "Ahead", "USD", "1,000.00"],
    ]
    assert table(response, '//section[@aria-labelledby="transactions"]//table[not(@id)]') == [
        ["USD", "5,000.00", "3,500.00", "0.00"]
    ]


def test_a_pipeline_grant_page_says_the_programme_is_not_published(donor_a, world):
    response = donor_a.get(reverse("donor:grant", args=[world.pipeline.pk]))

    assertContains(response, "The programme is in the pipeline: it has no public page yet.")
    assertNotContains(response, world.pipeline.programme.get_absolute_url())
    assertContains(response, "EUR\u00a02,000.00")


# Query counts ----------------------------------------------------------------------------------


def more_of_everything(world) -> None:
    for _ in range(5):
        grant = GrantFactory(funder=world.alpha, currency="CAD", programme=ProgrammeFactory(is_published=False))
        TransactionFactory.create_batch(3, grant=grant, currency="CAD")
        TransactionFactory(grant=grant, currency="JMD")
        PlannedDisbursementFactory.create_batch(2, grant=grant, currency="CAD")
    # Results of the published programme funded: read with the programmes, whatever their number.
    PeriodFactory.create_batch(3, indicator__result__programme=world.published.programme, target_value=5)


def test_the_dashboard_runs_a_fixed_number_of_queries(donor_a, world, django_assert_num_queries):
    with django_assert_num_queries(DASHBOARD_QUERIES):
        small = donor_a.get(DASHBOARD)
    more_of_everything(world)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        large = donor_a.get(DASHBOARD)
    assert len(table(large, GRANTS)) == len(table(small, GRANTS)) + 10


def test_the_grant_page_runs_a_fixed_number_of_queries(donor_a, world, django_assert_num_queries):
    url = reverse("donor:grant", args=[world.published.pk])
    with django_assert_num_queries(GRANT_QUERIES):
        donor_a.get(url)
    TransactionFactory.create_batch(10, grant=world.published, type=DISBURSEMENT, amount=Decimal("1"))
    PlannedDisbursementFactory.create_batch(5, grant=world.published)
    with django_assert_num_queries(GRANT_QUERIES):
        donor_a.get(url)


@pytest.mark.parametrize("name", EXPORT_QUERIES)
def test_the_exports_run_a_fixed_number_of_queries(donor_a, world, django_assert_num_queries, name):
    with django_assert_num_queries(EXPORT_QUERIES[name]):
        donor_a.get(reverse(f"donor:{name}"))
    more_of_everything(world)
    with django_assert_num_queries(EXPORT_QUERIES[name]):
        donor_a.get(reverse(f"donor:{name}"))


def test_staff_viewing_as_a_donor_see_the_same_page_under_a_banner(admin_client, donor_a, world):
    own = donor_a.get(DASHBOARD)
    as_donor = admin_client.get(DASHBOARD, {"as": world.a.pk})

    assertContains(as_donor, "Viewing as Alpha")
    assert table(as_donor, GRANTS) == table(own, GRANTS)
    # Its links keep to the same donor.
    assertContains(as_donor, f'href="{reverse("donor:grant", args=[world.published.pk])}?as={world.a.pk}"')
    assertContains(as_donor, f'href="{reverse("donor:export_xlsx")}?as={world.a.pk}"')
    assertNotContains(own, "Viewing as")


def test_staff_may_view_a_closed_account_and_are_told_it_is_closed(admin_client, world):
    world.a.is_active = False
    world.a.save()

    assertContains(admin_client.get(DASHBOARD, {"as": world.a.pk}), "account closed")


# Signing in, out, and the header ---------------------------------------------------------------


def test_a_donor_signs_in_and_lands_on_the_dashboard(world):
    client = Client()
    page = client.get(reverse("login"))
    assertContains(page, '<label for="id_username">Username:</label>', html=True)

    response = client.post(reverse("login"), {"username": "alpha", "password": PASSWORD})

    assertRedirects(response, DASHBOARD)
    assertContains(client.get(DASHBOARD), "Alpha clean water programme")


def test_signing_in_follows_next_on_this_site_only(world):
    grant_url = reverse("donor:grant", args=[world.published.pk])
    response = Client().post(reverse("login"), {"username": "alpha", "password": PASSWORD, "next": grant_url})
    assertRedirects(response, grant_url)

    response = Client().post(
        reverse("login"), {"username": "alpha", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assertRedirects(response, DASHBOARD)


def test_a_wrong_password_is_explained_and_tied_to_the_form(world):
    response = Client().post(reverse("login"), {"username": "alpha", "password": "wrong"})

    assert response.status_code == 200
    assertContains(response, "Please enter a correct username and password.")
    assertContains(response, 'class="notice notice--error" role="alert"')


def test_a_missing_field_error_is_tied_to_its_input(world):
    response = Client().post(reverse("login"), {"username": "alpha", "password": ""})

    document = lxml.html.fromstring(response.content.decode())
    (password,) = document.xpath('//*[@id="id_password"]')
    assert password.get("aria-invalid") == "true"
    (error,) = document.xpath(f'//*[@id="{password.get("aria-describedby")}"]')
    assert "This field is required." in error.text_content()


def test_the_header_offers_sign_in_or_the_dashboard_and_sign_out(donor_a, client, world):
    anonymous = client.get(reverse("programmes:overview"))
    assertContains(anonymous, f'<a href="{reverse("login")}">Sign in</a>', html=True)
    assertNotContains(anonymous, "Sign out")

    signed_in = donor_a.get(reverse("programmes:overview"))
    assertContains(signed_in, f'<a href="{DASHBOARD}">Your dashboard</a>', html=True)
    assertContains(signed_in, f'<form method="post" action="{reverse("logout")}">')
    assertNotContains(signed_in, ">Sign in</a>")


def test_signing_out_is_a_post_and_returns_to_the_overview(donor_a):
    assert donor_a.get(reverse("logout")).status_code == 405  # a link cannot sign anyone out
    assertRedirects(donor_a.post(reverse("logout")), reverse("programmes:overview"))
    assert donor_a.get(DASHBOARD).status_code == 302


def test_a_user_without_a_donor_account_is_told_there_is_no_dashboard(editor_client):
    response = editor_client.get(DASHBOARD)

    assert response.status_code == 403
    assertContains(response, "No donor dashboard for this account", status_code=403)
    assertContains(response, "the donor accounts in the admin", status_code=403)


# Password reset --------------------------------------------------------------------------------


def test_a_donor_resets_a_forgotten_password_by_e_mail(world):
    client = Client()
    response = client.post(reverse("password_reset"), {"email": world.a.user.email})
    assertRedirects(response, reverse("password_reset_done"))
    assertContains(client.get(reverse("password_reset_done")), "Check your e-mail")

    wait_for_reset_mail()  # written and sent off the request
    (message,) = mail.outbox
    assert message.to == [world.a.user.email]
    assert message.subject == "Reset your password for IOM in the Caribbean"
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)  # Django swaps the token for a session and redirects
    assertContains(form, "Choose a new password")
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-brand-new-password-42", "new_password2": "a-brand-new-password-42"},
    )
    assertRedirects(response, reverse("password_reset_complete"))
    assert Client().login(username="alpha", password="a-brand-new-password-42")
    assert not Client().login(username="alpha", password=PASSWORD)
    assertContains(client.get(link), "This link no longer works")


def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same(world):
    response = Client().post(reverse("password_reset"), {"email": "nobody@example.org"})

    assertRedirects(response, reverse("password_reset_done"))
    wait_for_reset_mail()
    assert mail.outbox == []


def test_mismatched_new_passwords_are_explained_on_the_field(world):
    client = Client()
    client.post(reverse("password_reset"), {"email": world.a.user.email})
    wait_for_reset_mail()
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]

    response = client.post(form_url, {"new_password1": "a-brand-new-password-42", "new_password2": "different"})

    assertContains(response, "The two password fields didn’t match.")
    document = lxml.html.fromstring(response.content.decode())
    (field,) = document.xpath('//*[@id="id_new_password2"]')
    assert field.get("aria-invalid") == "true"
