"""Request handling the whole site shares: the answer when the database is down, and the client's address."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again; a database restart usually takes less.
RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    """Answers 503 with the "temporarily unavailable" page when a view cannot reach the database.

    Django would answer 500, which says the portal is broken; 503 with Retry-After tells people,
    crawlers and load balancers that it will be back. Recovery needs no restart: Django closes a
    connection that has failed when the request ends, and the next request opens a new one
    (CONN_HEALTH_CHECKS checks a kept-open connection before reusing it).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable for %s %s", request.method, request.path, exc_info=exception)
        return database_unavailable_response()


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
