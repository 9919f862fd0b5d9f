"""The dashboard's kept body (funding.donor.kept): a donor coming back is answered from the cache,
but never with a body older than any change to what it shows, nor with another account's."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from funding.models import Grant, Transaction
from iomcaribbean.content_version import bump_content_version
from programmes.templatetags.programmes_extras import partial_date
from tests.factories import GrantFactory, OrganisationFactory, PlannedDisbursementFactory, TransactionFactory
from tests.helpers.donors import B_SECRETS, GRANTS, table
from tests.helpers.roles import client_for

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("donor:dashboard")
# A kept body leaves the request's own: the savepoint and its release, the session, the user, and
# the donor account read with the records version.
KEPT_QUERIES = 5


def page(client: Client, address: str = DASHBOARD) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def test_a_donor_coming_back_is_answered_from_the_kept_body(donor_a):
    first = donor_a.get(DASHBOARD)
    with CaptureQueriesContext(connection) as captured:
        again = donor_a.get(DASHBOARD)
    assert len(captured.captured_queries) == KEPT_QUERIES
    assert table(again, GRANTS) == table(first, GRANTS)
    assert "Alpha clean water programme" in again.content.decode()


def transaction_added(world):
    TransactionFactory(
        grant=world.published, type=Transaction.Type.DISBURSEMENT, date=datetime.date(2022, 9, 1), amount=Decimal("9")
    )
    return "3,509.00", None


def transaction_deleted(world):
    world.published.transactions.get(amount=Decimal("1500")).delete()
    return None, "3,500.00"


def grant_amount_saved(world):
    world.published.amount = Decimal("6543.21")
    world.published.save()
    return "6,543.21", None


def grant_added(world):
    GrantFactory(funder=world.alpha, programme__title="Alpha new shelter programme")
    return "Alpha new shelter programme", None


def grant_deleted(world):
    world.unpublished_amount.delete()
    return None, "Alpha survey programme"


def grant_updated_without_signals(world):
    # A queryset.update() sends no signal: its caller moves the content version on, as every such caller must.
    Grant.objects.filter(pk=world.published.pk).update(purpose_en="boreholes")
    bump_content_version()
    return "Boreholes", "Wells and pumps"


def disbursement_planned(world):
    start, end = world.today, world.today + datetime.timedelta(days=30)
    PlannedDisbursementFactory(grant=world.published, period_start=start, period_end=end, amount=Decimal("4321"))
    return "4,321.00", None


def programme_renamed(world):
    programme = world.published.programme
    programme.title = "Alpha safe water programme"
    programme.save()
    return "Alpha safe water programme", "Alpha clean water programme"


def programme_published(world):
    programme = world.pipeline.programme
    programme.is_published = True
    programme.save()
    return None, "Not yet published"


def funder_renamed(world):
    world.alpha.name = "Alpha Humanitarian Fund"
    world.alpha.save()
    return "Grants from Alpha Humanitarian Fund", "Alpha Relief Fund"


def department_moved_under_the_funder(world):
    department = OrganisationFactory(name="Gamma Agency")
    GrantFactory(funder=department, programme__title="Gamma school programme")
    department.parent = world.alpha
    department.save()
    return "Gamma school programme", None


def funder_linked(world):
    world.a.funders.add(world.beta)
    return "Beta secret programme", None


def funder_unlinked(world):
    world.a.funders.remove(world.alpha)
    return None, "Alpha clean water programme"


@pytest.mark.parametrize(
    "edit",
    [
        transaction_added,
        transaction_deleted,
        grant_amount_saved,
        grant_added,
        grant_deleted,
        grant_updated_without_signals,
        disbursement_planned,
        programme_renamed,
        programme_published,
        funder_renamed,
        department_moved_under_the_funder,
        funder_linked,
        funder_unlinked,
    ],
)
def test_every_change_shows_at_once(donor_a, world, edit: Callable[[SimpleNamespace], tuple[str | None, str | None]]):
    before = page(donor_a)
    shown, gone = edit(world)
    after = page(donor_a)
    if shown:
        assert shown not in before
        assert shown in after
    if gone:
        assert gone in before
        assert gone not in after


def test_a_translation_saved_shows_at_once(donor_a, world):
    page(donor_a, "/fr/donor/")
    programme = world.published.programme
    programme.title_fr = "Programme d'eau potable Alpha"
    programme.save()
    assert "Programme d&#x27;eau potable Alpha" in page(donor_a, "/fr/donor/")


def test_each_language_has_its_own_body(donor_a):
    english = page(donor_a)
    french = page(donor_a, "/fr/donor/")
    assert "Your grants" in english
    assert "Vos subventions" in french and "Your grants" not in french


def test_two_donors_never_see_each_others_body(world, donor_a):
    donor_b = client_for(world.b.user)
    for _ in range(2):  # each answered afresh, then kept
        seen_by_a, seen_by_b = page(donor_a), page(donor_b)
        assert "Beta secret programme" in seen_by_b
        assert "Alpha clean water programme" not in seen_by_b
        assert not [secret for secret in B_SECRETS if secret in seen_by_a]


def test_staff_viewing_as_a_donor_and_the_donor_each_get_their_own_body(admin_client, donor_a, world):
    grant = reverse("donor:grant", args=[world.published.pk])
    assert f'href="{grant}"' in page(donor_a)
    as_donor = page(admin_client, f"{DASHBOARD}?as={world.a.pk}")
    assert f'href="{grant}?as={world.a.pk}"' in as_donor
    again = page(donor_a)
    assert f'href="{grant}"' in again and f"?as={world.a.pk}" not in again


def test_each_choice_of_the_filters_has_its_own_body(donor_a):
    page(donor_a)
    chosen = donor_a.get(DASHBOARD, {"currency": "EUR"})
    assert {row[0] for row in table(chosen, GRANTS)} == {"Alpha pipeline programme Not yet published"}


def test_a_closed_account_is_never_answered_from_its_kept_body(donor_a, world):
    page(donor_a)
    world.a.is_active = False
    world.a.save()
    assert donor_a.get(DASHBOARD).status_code == 403


def test_the_next_day_the_figures_are_those_of_that_day(donor_a, world, monkeypatch):
    page(donor_a)
    tomorrow = world.today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)
    assert f"Figures as of {partial_date(tomorrow)}" in page(donor_a)


def test_choices_the_filters_reject_are_answered_400_every_time(donor_a):
    for _ in range(2):
        response = donor_a.get(DASHBOARD, {"year": "abc"})
        assert response.status_code == 400
        assert "Some of these choices could not be used" in response.content.decode()
