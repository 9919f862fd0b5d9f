"""Signing in: repeated failures lock a username out at one address for a while, staff can lift the
lock, weak passwords are refused, and the page after signing in is always on this site."""

from __future__ import annotations

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from tests.factories import UserFactory
from tests.helpers.pages import assert_site_layout

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
DONOR_LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
WRONG = {
    DONOR_LOGIN: "Please enter a correct username and password.",
    ADMIN_LOGIN: "Please enter the correct username and password for a staff account.",
}
LOCKED = "Too many sign-in attempts"


@pytest.fixture
def donor():
    return UserFactory(username="alpha")


@pytest.fixture
def staff():
    return UserFactory(username="officer", is_staff=True)


def sign_in(client: Client, url: str, username: str, password: str, **extra):
    return client.post(url, {"username": username, "password": password, **extra})


def fail_until_locked(client: Client, url: str, username: str):
    """Fails the limit's number of times; every failure before the last is an ordinary form error."""
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assertContains(sign_in(client, url, username, "wrong"), WRONG[url])
    return sign_in(client, url, username, "wrong")


def assert_signed_in(response, client: Client, user) -> None:
    assertRedirects(response, reverse("donor:dashboard"), fetch_redirect_response=False)
    assert client.session["_auth_user_id"] == str(user.pk)


def assert_locked_page(response) -> None:
    assertContains(response, f"<h1>{LOCKED}</h1>", status_code=429)
    assertContains(response, "after 5 failed attempts to sign in", status_code=429)
    assertContains(response, "You can try again in 15 minutes.", status_code=429)
    assert response["Retry-After"] == "900"
    assert_site_layout(response.content.decode())


@pytest.mark.parametrize(("url", "user"), [(DONOR_LOGIN, "donor"), (ADMIN_LOGIN, "staff")])
def test_five_failures_lock_the_account_even_against_the_right_password(request, url, user):
    user = request.getfixturevalue(user)
    client = Client()

    assert_locked_page(fail_until_locked(client, url, user.username))

    response = sign_in(client, url, user.username, PASSWORD)
    assert_locked_page(response)
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_for_that_address_only(donor):
    fail_until_locked(Client(REMOTE_ADDR="192.0.2.10"), DONOR_LOGIN, "alpha")

    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert_signed_in(sign_in(elsewhere, DONOR_LOGIN, "alpha", PASSWORD), elsewhere, donor)


def test_a_success_before_the_limit_starts_the_count_again(donor):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, DONOR_LOGIN, "alpha", "wrong")
    assert_signed_in(sign_in(client, DONOR_LOGIN, "alpha", PASSWORD), client, donor)

    client.post(reverse("logout"))
    assertContains(sign_in(client, DONOR_LOGIN, "alpha", "wrong"), WRONG[DONOR_LOGIN])


def test_the_lock_lifts_after_the_cool_off(donor):
    client = Client()
    fail_until_locked(client, DONOR_LOGIN, "alpha")
    # As if the cool-off had passed since the last failure.
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))

    assert_signed_in(sign_in(client, DONOR_LOGIN, "alpha", PASSWORD), client, donor)


def test_staff_lift_a_lock_in_the_admin(donor, admin_client):
    client = Client()
    fail_until_locked(client, DONOR_LOGIN, "alpha")

    changelist = admin_client.get("/admin/axes/accessattempt/")
    assertContains(changelist, "alpha")
    (attempt,) = AccessAttempt.objects.all()
    response = admin_client.post(
        "/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"}
    )
    assertRedirects(response, "/admin/axes/accessattempt/")

    assert_signed_in(sign_in(client, DONOR_LOGIN, "alpha", PASSWORD), client, donor)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "https:/\\evil.example"])
@pytest.mark.parametrize(("url", "user"), [(DONOR_LOGIN, "donor"), (ADMIN_LOGIN, "staff")])
def test_signing_in_never_sends_anyone_to_another_site(request, url, user, target):
    """An address on another site in ?next= is ignored: the page after signing in is the site's default."""
    user = request.getfixturevalue(user)
    client = Client()
    assert_signed_in(sign_in(client, url, user.username, PASSWORD, next=target), client, user)


# Password strength -------------------------------------------------------------------------


def test_the_admin_refuses_a_new_user_with_a_weak_password(admin_client):
    data = {"username": "newcomer", "usable_password": "true", "password1": "caribbean", "password2": "caribbean"}
    response = admin_client.post("/admin/auth/user/add/", data)

    assertContains(response, "This password is too short. It must contain at least 12 characters.")
    assertNotContains(response, "was added successfully")
    assert not UserFactory._meta.model.objects.filter(username="newcomer").exists()


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        ("123456789012345", "This password is entirely numeric."),
        ("password1234", "This password is too common."),
        ("alpha-example-org", "The password is too similar to the email address."),
    ],
)
def test_the_admin_refuses_a_weak_password_for_an_existing_user(admin_client, donor, weak, reason):
    url = f"/admin/auth/user/{donor.pk}/password/"
    response = admin_client.post(url, {"password1": weak, "password2": weak})

    assertContains(response, reason)
    donor.refresh_from_db()
    assert donor.check_password(PASSWORD)


def test_a_donor_cannot_choose_a_weak_password_either(donor):
    client = Client()
    client.force_login(donor)
    data = {"old_password": PASSWORD, "new_password1": "caribbean", "new_password2": "caribbean"}
    response = client.post(reverse("password_change"), data)

    assertContains(response, "This password is too short.")
    donor.refresh_from_db()
    assert donor.check_password(PASSWORD)
