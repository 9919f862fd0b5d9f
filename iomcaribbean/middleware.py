"""Request handling the whole site shares: the answer when the database is down, and the client's address."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)


# Seconds a client is asked to wait before trying again; a database restart usually takes less.
RETRY_AFTER_SECONDS = 30
# What a database that is down or restarting raises; other database errors (an IntegrityError,
# a ProgrammingError) are bugs and keep the 500 page.
DATABASE_DOWN = (OperationalError, InterfaceError)


class DatabaseUnavailableMiddleware:
    """Answers 503 with the "temporarily unavailable" page when the database cannot be reached.

    Django would answer 500, which says the portal is broken; 503 with Retry-After tells people,
    crawlers and load balancers that it will be back. Recovery needs no restart: Django closes a
    connection that has failed when the request ends, and the next request opens a new one
    (CONN_HEALTH_CHECKS checks a kept-open connection before reusing it).

    A view's error comes to process_exception. A middleware's (the session read for the user, the
    page cache, axes; anything placed after this one) has already become the 500 page by the time
    it gets here, as Django turns an exception into a response at each middleware; the signal
    Django sends then marks the request, and the 500 page is swapped for this one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        error = getattr(request, "_database_down", None)
        if error is not None and response.status_code == 500:
            # Django has logged the traceback with the 500 ("Internal Server Error: ...").
            logger.error("Database unavailable for %s %s: %s", request.method, request.path, error)
            return database_unavailable_response()
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_DOWN):
            return None
        logger.error("Database unavailable for %s %s", request.method, request.path, exc_info=exception)
        return database_unavailable_response()


@receiver(got_request_exception, dispatch_uid="iomcaribbean.middleware.note_database_down")
def note_database_down(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    """Marks a request whose middleware raised a database error (Django sends this while handling it)."""
    exception = sys.exception()
    if request is not None and isinstance(exception, DATABASE_DOWN):
        # The message only: the exception would keep its traceback's frames, the request among them.
        request._database_down = f"{type(exception).__name__}: {exception}"


def database_unavailable_response() -> HttpResponse:
    # Rendered without the request, so no context processor runs: each would ask the database for
    # the session or the user, the very thing that is down.
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, as the sign-in throttling counts it.

    Behind TRUSTED_PROXY_COUNT proxies that each append the address they saw to X-Forwarded-For,
    the client's address is that many entries from the right; anything further left is whatever
    the client sent, so it is never trusted. Without proxies, the connection's own address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [address for address in forwarded if address]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The page a locked-out sign-in gets (django-axes' AXES_LOCKOUT_CALLABLE), in the site layout."""
    cooloff = settings.AXES_COOLOFF_TIME
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": round(cooloff.total_seconds() / 60)}
    response = render(request, "axes/lockout.html", context, status=429)
    response["Retry-After"] = str(int(cooloff.total_seconds()))
    return response
