"""manage.py send_digests: one digest per donor and period, only what the donor may read, in its language."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.management import call_command

from digests.models import DigestSent
from tests.helpers.digests import NOT_FOR_A, NOT_NEWS, PERIOD_END, digest_world, html_of, message_to

pytestmark = pytest.mark.django_db


def send(*options: str) -> str:
    out = io.StringIO()
    call_command("send_digests", f"--period-end={PERIOD_END.isoformat()}", *options, stdout=out)
    return out.getvalue()


def test_run_twice_one_digest_per_donor_and_none_when_nothing_changed():
    world = digest_world()

    first = send()
    second = send()

    assert sorted(message.to[0] for message in mail.outbox) == [world.a.user.email, world.b.user.email]
    assert DigestSent.objects.count() == 2
    assert "Gamma <gamma@example.org>: nothing changed: no digest" in first
    assert "2 sent, 1 nothing changed: no digest, 0 already sent for this period." in first
    assert "2 already sent for this period" in second


def test_a_donor_reads_its_programmes_changes_and_never_another_donors_money_or_an_unpublished_programme():
    world = digest_world()

    send()

    message = message_to(mail.outbox, world.a)
    html = html_of(message)
    assert message.subject == "Your programmes this week: 4 changes"
    for part in (message.body, html):
        assert "Shared water programme" in part
        assert "Ongoing → Completed" in part
        assert "Wells dug (2020): 120" in part
        assert "Wells handed over" in part and "3 May 2024" in part
        assert "USD\u00a01,234.00" in part
        assert "http://testserver.example/programmes/" + world.shared.slug + "/" in part
        assert "http://testserver.example/updates/" in part
        assert not [secret for secret in NOT_FOR_A + NOT_NEWS if secret in part]
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://testserver.example/digests/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in message.body


def test_a_spanish_donor_gets_its_digest_in_spanish():
    world = digest_world()

    send()

    message = message_to(mail.outbox, world.b)
    assert message.subject == "Sus programas esta semana: 4 cambios"
    assert "Estimado/a Beta" in message.body
    assert "En curso → Finalizado" in html_of(message)
    assert "/es/digests/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_an_opted_out_donor_and_a_dry_run_send_nothing():
    world = digest_world()
    world.a.receives_digest = False
    world.a.save()

    output = send("--dry-run")
    send()

    assert "Beta <beta@example.org>: 4 changes from" in output
    assert [message.to for message in mail.outbox] == [[world.b.user.email]]
