"""The signed token of a donor's unsubscribe link: it names the account, and nobody can forge or alter one.

Without expiry: a link in an old e-mail still opts its donor out, and opting out is all it can do.
"""

from __future__ import annotations

from django.core import signing

from funding.models import DonorAccount

SIGNER = signing.Signer(salt="digests.unsubscribe")


class UnknownAccount(Exception):
    """The token is genuine but its account is gone."""


def unsubscribe_token(account: DonorAccount) -> str:
    return SIGNER.sign(str(account.pk))


def account_for(token: str) -> DonorAccount:
    """The account the token names; ``signing.BadSignature`` if the token is forged or altered."""
    pk = SIGNER.unsign(token)
    account = DonorAccount.objects.select_related("user").filter(pk=pk).first()
    if account is None:
        raise UnknownAccount(pk)
    return account
