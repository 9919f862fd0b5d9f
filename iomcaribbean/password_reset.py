"""Password reset that tells nobody whether an address has an account, and cannot flood one.

- The same page after the same work for a known and an unknown address: the request looks the
  address up (one query either way) and hands what it found, perhaps nothing, to a background
  thread, which makes the link, writes the e-mail and sends it (the slow part: a talk with the
  mail server). A mail that fails is logged, never dropped in silence: by django.contrib.auth's
  logger when sending fails, by this module's for anything else.
- Throttled per address asked for and per client (the address sign-in throttling counts), at
  PASSWORD_RESET_RATE_PER_ADDRESS and PASSWORD_RESET_RATE_PER_CLIENT: over either, 429 with
  Retry-After in the site layout. Every request counts, known address or not, so the throttle
  says nothing about accounts either.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import threading
from collections.abc import Callable
from concurrent import futures
from typing import Any

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from rest_framework.throttling import SimpleRateThrottle

from iomcaribbean.middleware import client_ip

logger = logging.getLogger(__name__)

# Each thread mostly waits on the mail server; two keep up with what the throttles let through.
# The threads start with the first reset a gunicorn worker is asked for, and a worker that exits
# (a restart, max_requests) sends what it was given first: Python joins these threads at exit.
_senders = futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="password-reset-mail")
_pending: set[futures.Future] = set()
_pending_lock = threading.Lock()


def wait_for_reset_mail(timeout: float = 10) -> None:
    """Wait until the reset e-mails asked for so far have been sent (for tests)."""
    with _pending_lock:
        pending = set(_pending)
    futures.wait(pending, timeout=timeout)


def _in_background(job: Callable[[], None]) -> None:
    future = _senders.submit(job)
    with _pending_lock:
        _pending.add(future)
    future.add_done_callback(_forget)


def _forget(future: futures.Future) -> None:
    with _pending_lock:
        _pending.discard(future)


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, with the e-mail written and sent by a background thread."""

    users_found: list

    def save(self, *, request: HttpRequest, domain_override: str | None = None, **options: Any) -> None:
        # All the request does, for any address: one query, and a job for the background.
        self.users_found = list(super().get_users(self.cleaned_data["email"]))
        domain = domain_override or get_current_site(request).domain
        write_and_send = functools.partial(super().save, domain_override=domain, **options)
        _in_background(functools.partial(_send, translation.get_language(), write_and_send))

    def get_users(self, email: str) -> list:
        # The users the request found: the background thread needs no database connection.
        return self.users_found


def _send(language: str, write_and_send: Callable[[], None]) -> None:
    """In the language of the page it was asked from (the e-mail and its link); a failure is logged,
    as nobody waits for this thread to hear of it."""
    try:
        with translation.override(language):
            write_and_send()
    except Exception:
        logger.exception("A password reset e-mail was not sent")


class _ResetThrottle(SimpleRateThrottle):
    """REST framework's counter, with its rate read from the settings on each request."""

    rate_setting: str

    def get_rate(self) -> str:
        return getattr(settings, self.rate_setting)


class _PerClient(_ResetThrottle):
    scope = "password-reset-client"
    rate_setting = "PASSWORD_RESET_RATE_PER_CLIENT"

    def get_cache_key(self, request: HttpRequest, view: object) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request) or "unknown"}


class _PerAddress(_ResetThrottle):
    scope = "password-reset-address"
    rate_setting = "PASSWORD_RESET_RATE_PER_ADDRESS"

    def get_cache_key(self, request: HttpRequest, view: object) -> str:
        # Hashed: the cache holds no e-mail address, and a key of any length fits every backend.
        address = request.POST.get("email", "").strip().casefold()
        return self.cache_format % {"scope": self.scope, "ident": hashlib.sha256(address.encode()).hexdigest()}


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        for throttle in (_PerClient(), _PerAddress()):
            if not throttle.allow_request(request, self):
                return _too_many(request, math.ceil(throttle.wait() or 1))
        return super().post(request, *args, **kwargs)


def _too_many(request: HttpRequest, seconds: int) -> HttpResponse:
    context = {"minutes": math.ceil(seconds / 60)}
    response = render(request, "registration/password_reset_throttled.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
