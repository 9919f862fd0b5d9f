"""The e-mail's unsubscribe link works without signing in, only for its own account, and only by a POST;
the donor turns the digest back on from the dashboard."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from digests.tokens import SIGNER, unsubscribe_token
from funding.models import DonorAccount
from tests.factories import DonorAccountFactory
from tests.helpers.roles import client_for

pytestmark = pytest.mark.django_db


def link(token: str) -> str:
    return reverse("digests:unsubscribe", kwargs={"token": token})


def receives(account: DonorAccount) -> bool:
    return DonorAccount.objects.get(pk=account.pk).receives_digest


def test_opening_the_link_asks_and_only_the_button_opts_out():
    account = DonorAccountFactory(user__first_name="Ada")
    client = Client(enforce_csrf_checks=True)

    asked = client.get(link(unsubscribe_token(account)))
    assert "Stop the weekly e-mail to Ada" in asked.content.decode()
    assert receives(account)

    done = client.post(link(unsubscribe_token(account)))
    assert "Ada will receive no more weekly digests." in done.content.decode()
    assert not receives(account)
    assert account.history.latest().receives_digest is False  # the change is in the account's history


def test_a_mail_programs_one_click_post_opts_out_without_cookie_or_csrf_token():
    account = DonorAccountFactory()

    response = Client(enforce_csrf_checks=True).post(
        link(unsubscribe_token(account)), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert not receives(account)


@pytest.mark.parametrize(
    ("token", "status", "says"),
    [
        (lambda a, b: unsubscribe_token(a)[:-2] + "xx", 400, "The link is incomplete or has been changed."),
        # Another account's number under the first one's signature.
        (lambda a, b: f"{b.pk}:{unsubscribe_token(a).split(':')[1]}", 400, "The link is incomplete"),
        (lambda a, b: "not-a-token", 400, "The link is incomplete"),
        (lambda a, b: SIGNER.sign("999999"), 404, "no longer exists"),
    ],
    ids=["tampered", "another account", "junk", "account gone"],
)
def test_a_bad_link_says_so_and_opts_nobody_out(token, status, says):
    a, b = DonorAccountFactory(), DonorAccountFactory()

    response = Client().post(link(token(a, b)))

    assert response.status_code == status
    assert says in response.content.decode()
    assert receives(a) and receives(b)


def test_the_donor_turns_the_digest_back_on_in_spanish_from_the_dashboard():
    account = DonorAccountFactory(receives_digest=False)
    client = client_for(account.user)
    assert 'name="receives_digest"' in client.get(reverse("donor:dashboard")).content.decode()

    response = client.post(reverse("digests:preference"), {"receives_digest": "on", "language": "es"})

    assert response.status_code == 302
    account.refresh_from_db()
    assert (account.receives_digest, account.language) == (True, "es")
