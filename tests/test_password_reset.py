"""Password reset says nothing about which addresses have accounts, in its words or its timing, and
is throttled per address and per client."""

from __future__ import annotations

import logging
import re
import statistics
import threading
import time

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from iomcaribbean.password_reset import PasswordResetForm, wait_for_reset_mail
from iomcaribbean.settings import request_rate
from tests.factories import UserFactory
from tests.helpers.pages import assert_site_layout

pytestmark = pytest.mark.django_db

RESET = reverse("password_reset")
KNOWN = "alpha@example.org"
UNKNOWN = "nobody@example.org"
TOO_MANY = "Too many password reset requests"


@pytest.fixture
def donor():
    return UserFactory(username="alpha", email=KNOWN)


@pytest.fixture(autouse=True)
def _no_mail_left_over():
    """Each test's mails are sent within it: none arrives in the next test's outbox."""
    yield
    SlowMailServer.released.set()
    wait_for_reset_mail()


class SlowMailServer(BaseEmailBackend):
    """Stands in for a mail server that takes its time: each message waits until the test releases it."""

    released = threading.Event()
    delay = 0.0
    threads: list[str] = []

    def send_messages(self, messages: list) -> int:
        type(self).threads.append(threading.current_thread().name)
        self.released.wait(10)
        time.sleep(self.delay)
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def slow_mail_server(settings):
    settings.EMAIL_BACKEND = f"{__name__}.SlowMailServer"
    SlowMailServer.released.clear()
    SlowMailServer.delay = 0.0
    SlowMailServer.threads = []
    return SlowMailServer


def ask(email: str, client: Client | None = None, url: str = RESET):
    return (client or Client()).post(url, {"email": email})


# The same answer ----------------------------------------------------------------------------


def test_a_known_and_an_unknown_address_get_the_same_answer(donor):
    known, unknown = Client(), Client()
    answers = [ask(KNOWN, known), ask(UNKNOWN, unknown)]

    for answer in answers:
        assertRedirects(answer, reverse("password_reset_done"), fetch_redirect_response=False)
    pages = [client.get(reverse("password_reset_done")) for client in (known, unknown)]
    assert pages[0].content == pages[1].content
    assertContains(pages[0], "If an account uses the address you entered, we have sent it a link")


def test_the_mail_is_written_and_sent_off_the_request_and_still_arrives(donor, slow_mail_server):
    started = time.perf_counter()
    answer = ask(KNOWN)

    # The mail server holds the mail for up to 10 s until released: the answer did not wait for it.
    assert time.perf_counter() - started < 5
    assert answer.status_code == 302
    assert mail.outbox == []
    slow_mail_server.released.set()
    wait_for_reset_mail()
    (message,) = mail.outbox
    assert message.to == [KNOWN]
    assert re.search(r"http://testserver/accounts/reset/\S+/", message.body)
    assert all(name.startswith("password-reset-mail") for name in slow_mail_server.threads)
    assert threading.current_thread().name not in slow_mail_server.threads


def test_a_mail_asked_for_from_a_spanish_page_is_in_spanish(donor):
    ask(KNOWN, url=f"/es{RESET}")
    wait_for_reset_mail()

    (message,) = mail.outbox
    assert message.subject == "Restablezca su contraseña – La OIM en el Caribe"
    assert "/es/accounts/reset/" in message.body


def test_answers_take_as_long_for_a_known_address_as_for_an_unknown_one(donor, slow_mail_server, settings):
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = settings.PASSWORD_RESET_RATE_PER_CLIENT = "1000/hour"
    # Each mail takes 50 ms to send, as an SMTP exchange might; sent on the request, it would show.
    slow_mail_server.delay = 0.05
    slow_mail_server.released.set()
    timings: dict[str, list[float]] = {KNOWN: [], UNKNOWN: []}
    for _ in range(15):
        for email in (KNOWN, UNKNOWN):
            started = time.perf_counter()
            assert ask(email).status_code == 302
            timings[email].append(time.perf_counter() - started)

    difference = statistics.median(timings[KNOWN]) - statistics.median(timings[UNKNOWN])
    assert abs(difference) < 0.025, timings
    wait_for_reset_mail()
    assert len(mail.outbox) == 15


def test_a_mail_that_cannot_be_sent_is_logged(donor, settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"
    with caplog.at_level(logging.ERROR):
        ask(KNOWN)
        wait_for_reset_mail()

    logged = [record.getMessage() for record in caplog.records if record.name == "django.contrib.auth"]
    assert logged == [f"Failed to send password reset email to {donor.pk}"]


def test_a_mail_that_cannot_be_written_is_logged(donor, monkeypatch, caplog):
    def fail(*args, **kwargs):
        raise RuntimeError("template broken")

    monkeypatch.setattr(PasswordResetForm, "send_mail", fail)
    with caplog.at_level(logging.ERROR):
        assert ask(KNOWN).status_code == 302
        wait_for_reset_mail()

    (record,) = [record for record in caplog.records if record.name == "iomcaribbean.password_reset"]
    assert record.getMessage() == "A password reset e-mail was not sent"
    assert "template broken" in str(record.exc_info[1])


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, messages: list) -> int:
        raise ConnectionRefusedError("no mail server")


# Throttling ---------------------------------------------------------------------------------


def assert_throttled(response, minutes: str) -> None:
    assertContains(response, f"<h1>{TOO_MANY}</h1>", status_code=429)
    assertContains(response, f"You can ask again in {minutes}.", status_code=429)
    assert 0 < int(response["Retry-After"]) <= 3600
    assert_site_layout(response.content.decode())


@pytest.mark.parametrize("email", [KNOWN, UNKNOWN])
def test_an_address_is_sent_three_links_an_hour_whoever_asks(donor, email):
    for number in range(3):
        assert ask(email, Client(REMOTE_ADDR=f"192.0.2.{number}")).status_code == 302

    refused = ask(f"  {email.upper()} ", Client(REMOTE_ADDR="198.51.100.7"))

    assert_throttled(refused, "60 minutes")
    wait_for_reset_mail()
    assert len(mail.outbox) == (3 if email == KNOWN else 0)


def test_a_client_asks_for_ten_links_an_hour_whatever_the_address(donor):
    client = Client(REMOTE_ADDR="192.0.2.10")
    for number in range(10):
        assert ask(f"someone{number}@example.org", client).status_code == 302

    assert_throttled(ask(KNOWN, client), "60 minutes")
    assert ask(KNOWN, Client(REMOTE_ADDR="198.51.100.7")).status_code == 302


def test_behind_a_proxy_the_client_is_told_apart_by_its_forwarded_address(donor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.5"
    for number in range(10):
        client = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.10")
        assert ask(f"someone{number}@example.org", client).status_code == 302

    assert ask(KNOWN, Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.10")).status_code == 429
    assert ask(KNOWN, Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.11")).status_code == 302


def test_the_rates_come_from_the_settings(donor, settings):
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = "1/minute"
    assert ask(KNOWN).status_code == 302

    refused = ask(KNOWN)
    assert_throttled(refused, "1 minute")
    assert int(refused["Retry-After"]) <= 60


def test_the_throttled_page_speaks_the_language_of_its_address(donor, settings):
    settings.PASSWORD_RESET_RATE_PER_CLIENT = "1/hour"
    ask(UNKNOWN, url=f"/fr{RESET}")

    refused = ask(UNKNOWN, url=f"/fr{RESET}")
    assertContains(refused, "<h1>Trop de demandes de réinitialisation du mot de passe</h1>", status_code=429)
    assertContains(refused, "Vous pourrez refaire une demande dans 60 minutes.", status_code=429)
    assertContains(refused, '<html lang="fr">', status_code=429)


def test_a_rate_the_throttle_cannot_read_stops_the_portal_at_start_up(monkeypatch):
    monkeypatch.setenv("PASSWORD_RESET_RATE_PER_CLIENT", "ten an hour")
    with pytest.raises(ImproperlyConfigured, match="PASSWORD_RESET_RATE_PER_CLIENT"):
        request_rate("PASSWORD_RESET_RATE_PER_CLIENT", "10/hour")

    monkeypatch.setenv("PASSWORD_RESET_RATE_PER_CLIENT", "20/minute")
    assert request_rate("PASSWORD_RESET_RATE_PER_CLIENT", "10/hour") == "20/minute"
