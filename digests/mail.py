"""A digest as an e-mail: text and HTML parts in the donor's language, absolute links, the unsubscribe headers."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from digests.changes import Digest
from digests.tokens import unsubscribe_token
from funding.models import DonorAccount


def absolute(path: str) -> str:
    """The address of ``path`` on the public site (``PUBLIC_BASE_URL``): an e-mail has no request to ask."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def digest_message(account: DonorAccount, digest: Digest) -> EmailMultiAlternatives:
    """The e-mail of ``digest`` to the account's user, rendered in the account's language."""
    with translation.override(account.language):
        unsubscribe = absolute(reverse("digests:unsubscribe", kwargs={"token": unsubscribe_token(account)}))
        context = {
            "account": account,
            "digest": digest,
            "programmes": [
                (
                    changes,
                    absolute(changes.programme.get_absolute_url()),
                    [(update, absolute(update.get_absolute_url())) for update in changes.updates],
                )
                for changes in digest.programmes
            ],
            "dashboard_url": absolute(reverse("donor:dashboard")),
            "unsubscribe_url": unsubscribe,
        }
        subject = ngettext(
            "Your programmes this week: %(count)s change", "Your programmes this week: %(count)s changes", digest.count
        ) % {"count": digest.count}
        text = render_to_string("digests/email/digest.txt", context)
        html = render_to_string("digests/email/digest.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[account.user.email],
        # RFC 8058: mail programs offer a one-click button that POSTs "List-Unsubscribe=One-Click" there.
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html, "text/html")
    return message
