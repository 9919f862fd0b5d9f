"""Site-wide views: the health check, robots.txt, the API's root and the error pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse as api_reverse

from iomcaribbean.public_routes import Route, public


class ReadsOnly:
    """A public page that only reads: served without a transaction around the request.

    ATOMIC_REQUESTS wraps every other view (the admin, sign-in, the donor pages, the API) in one;
    here it would add a BEGIN and a COMMIT to each page and nothing to what it shows. Functions
    say the same with ``@transaction.non_atomic_requests``. ``public_route`` says which query
    parameters the page reads, for the page cache (``iomcaribbean.public_routes``).
    """

    public_route = Route()

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Callable[..., HttpResponse]:
        view = transaction.non_atomic_requests(super().as_view(**initkwargs))
        view.public_route = cls.public_route
        return view


# Outside ATOMIC_REQUESTS: opening the request's transaction would fail before the check could answer.
@transaction.non_atomic_requests
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers a query, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


# Private areas and the sign-in pages, in each language of the interface: nothing there for a search engine.
ROBOTS_DISALLOW = (
    "/admin/",
    *(
        f"{'' if code == settings.LANGUAGE_CODE else '/' + code}/{area}/"
        for code, _name in settings.LANGUAGES
        for area in ("donor", "accounts")
    ),
)


@public()
@transaction.non_atomic_requests
@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@public("format")
@extend_schema(exclude=True)
@api_view(["GET"])
def api_root(request: Request, collections: dict[str, str]) -> Response:
    """The ``collections`` of the API (name: route name, given by the project's ``api_urls``);
    ``/api/schema/`` describes them and ``/api/docs/`` documents them."""
    links = {name: api_reverse(route, request=request) for name, route in collections.items()}
    links |= {
        "schema": api_reverse("api-schema", request=request),
        "docs": api_reverse("api-docs", request=request),
    }
    return Response(links)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request, so no context processor runs: the database (or the session,
    # or the user) may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
