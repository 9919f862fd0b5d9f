"""The dashboard's body kept per account, so that a donor coming back is answered without its
grants being read and their tables drawn again.

The body (everything between the staff banner and the digest form, which are the viewer's own)
is made only of the account's records, the request's language, address and query, the day and
the code, and its key holds each of them. The records are named by the records version
(``iomcaribbean.records_version``), which every change to any record moves on, published or not:
a body is never read after a change to anything it shows. The key holds the account's id, so a
donor is only ever given a body made for its own account; staff viewing as a donor ask with
``?as=``, which is in the query, and get the body made for that.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from funding.models import DonorAccount
from iomcaribbean.catalogue import KEPT_SECONDS
from iomcaribbean.code_digest import code_digest

KEY_PREFIX = "donor-dashboard"
# What a body is drawn with: the funding app's code and templates, the template tags and models it
# calls, and the translations.
CODE = [Path(settings.BASE_DIR, folder) for folder in ("funding", "programmes", "partners")]
TEMPLATES = [Path(settings.BASE_DIR, "templates", folder) for folder in ("funding", "includes")]


@functools.cache
def code_version() -> str:
    """A digest of the code a body is drawn with, read once per process."""
    files = [file for folder in CODE for file in sorted(folder.rglob("*.py")) if "migrations" not in file.parts]
    return code_digest(files + [file for folder in TEMPLATES for file in sorted(folder.rglob("*.html"))])


def body_key(request: HttpRequest, account: DonorAccount, today: datetime.date) -> str:
    """The account's records version and id, and a digest of all else the body shows."""
    asked = repr((get_language(), request.path, sorted(request.GET.lists()), today.isoformat()))
    digest = hashlib.sha256(asked.encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{code_version()}:{account.records_version}:{account.pk}:{digest}"


def kept_body(
    request: HttpRequest, account: DonorAccount, today: datetime.date, draw: Callable[[], tuple[int, str]]
) -> tuple[int, SafeString]:
    """The body and its status: the one kept for this key, else ``draw()``'s, kept.

    ``account`` is read by ``viewed_account``, with the records version.
    """
    key = body_key(request, account, today)
    kept = cache.get(key)
    if kept is None:
        kept = draw()
        cache.set(key, kept, KEPT_SECONDS)
    status, body = kept
    return status, mark_safe(body)  # drawn by the template, which escaped what it had to
