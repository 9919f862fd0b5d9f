"""A digest through a real SMTP server on loopback (aiosmtpd), read back as the donor's mail program would."""

from __future__ import annotations

import email
import email.policy
import io
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from tests.helpers.digests import PERIOD_END, digest_world

pytestmark = pytest.mark.django_db


class Inbox(Message):
    def __init__(self) -> None:
        super().__init__(email.message.EmailMessage)
        self.messages: list[email.message.EmailMessage] = []

    def handle_message(self, message: email.message.EmailMessage) -> None:
        self.messages.append(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_digest_sent_over_smtp_has_a_text_and_an_html_part_and_the_one_click_headers():
    world = digest_world()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        smtp = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_USE_TLS": False}
        with override_settings(**smtp, EMAIL_HOST="127.0.0.1", EMAIL_PORT=controller.port):
            mail.outbox = []
            call_command("send_digests", f"--period-end={PERIOD_END.isoformat()}", stdout=io.StringIO())
    finally:
        controller.stop()

    (received,) = [m for m in inbox.messages if m["To"] == world.a.user.email]
    parsed = email.message_from_bytes(received.as_bytes(), policy=email.policy.default)
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert parsed["Subject"] == "Your programmes this week: 4 changes"
    assert "Ongoing → Completed" in text and "Ongoing → Completed" in html
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["List-Unsubscribe"].strip().startswith("<http://testserver.example/digests/unsubscribe/")
    assert len(inbox.messages) == 2 and mail.outbox == []  # both donors' went by SMTP, none to locmem
