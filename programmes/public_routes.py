"""The public routes, and the query parameters each one reads: the page cache keys a page by them alone.

A parameter a view does not read cannot change its page, so it must not make a new cache entry
(``?x=1``, ``?x=2``... would otherwise each render a page, or a whole export, afresh). Each public
route declares here the parameters its view reads, by URL name; the page cache
(``programmes.caching``) keys the page by those alone and hands the view a query that holds
nothing else, so a view cannot read one the key leaves out (tests/test_public_routes.py asks
every public route for every parameter it declares and some it does not, and fails on any
parameter a view reads undeclared, and on a public route missing here).

Each parameter counts once, with its last value (as ``QueryDict.get`` reads it), except the
few a view reads as a list (``MULTI_VALUED``), and the key has them in order of name: the same
page has one key however its address spells the query.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import Http404, HttpRequest, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.http import urlencode
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer

from programmes.filters import ProgrammeFilter

# The programme list's filters, as the page, its downloads and the API's list read them.
FILTERS = frozenset(ProgrammeFilter.base_filters)
LISTING = frozenset({"sort", "page"})
DOWNLOAD = FILTERS | {"sort", "columns", "lang"}
API_RECORD = frozenset({"lang", "format"})
API_LIST = API_RECORD | {"page", "page_size"}
MULTI_VALUED = frozenset({"columns"})
NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Route:
    parameters: frozenset[str]
    # A file to download: throttled per client (``DOWNLOAD_THROTTLE_RATE``).
    download: bool = False


ROUTES: dict[str, Route] = {
    "programmes:overview": Route(NONE),
    "programmes:list": Route(FILTERS | LISTING),
    "programmes:list_csv": Route(DOWNLOAD, download=True),
    "programmes:list_xlsx": Route(DOWNLOAD, download=True),
    "programmes:feed": Route(NONE),
    "programmes:detail": Route(NONE),
    "programmes:iati_activity": Route(NONE, download=True),
    "programmes:iati_activities": Route(NONE, download=True),
    "programmes:about_data": Route(NONE),
    "programmes:countries": Route(NONE),
    "programmes:country": Route(LISTING),
    "programmes:areas": Route(NONE),
    "programmes:area": Route(LISTING),
    "partners:list": Route(NONE),
    "partners:detail": Route(NONE),
    "funding:list": Route(NONE),
    "funding:detail": Route(NONE),
    "funding:detail_csv": Route(frozenset({"lang"}), download=True),
    "sitemap": Route(frozenset({"p"})),
    "robots": Route(NONE),
    "api-root": Route(frozenset({"format"})),
    "api-schema": Route(frozenset({"format", "lang", "version"})),
    "api-docs": Route(frozenset({"format", "script", "lang", "version"})),
    "programmes_api:programme-list": Route(API_LIST | FILTERS | {"sort"}),
    "programmes_api:programme-detail": Route(API_RECORD),
    "programmes_api:country-list": Route(API_LIST),
    "programmes_api:country-detail": Route(API_RECORD),
    "programmes_api:area-list": Route(API_LIST),
    "programmes_api:area-detail": Route(API_RECORD),
    "partners_api:organisation-list": Route(API_LIST),
    "partners_api:organisation-detail": Route(API_RECORD),
    "funding_api:funder-list": Route(API_LIST),
    "funding_api:funder-detail": Route(API_RECORD),
}


@dataclass(frozen=True)
class Found:
    """What the page cache needs of an address before the view runs."""

    view_name: str
    route: Route
    # An API view's renderers: the answer's representation follows the Accept header.
    renderers: tuple[BaseRenderer, ...] = ()


@functools.lru_cache(maxsize=4096)
def find(path_info: str) -> Found | None:
    """The declared route an address resolves to, in the language its prefix names; None if none.

    Kept per process for the addresses last asked for: the page cache asks before Django has
    resolved the address (and set the language), to answer a kept page with no more work.
    """
    language = translation.get_language_from_path(path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path_info)
        except Resolver404:
            return None
    route = ROUTES.get(match.view_name)
    if route is None:
        return None
    view_class = getattr(match.func, "cls", None)  # REST framework's views
    renderers = tuple(renderer() for renderer in getattr(view_class, "renderer_classes", ()))
    return Found(match.view_name, route, renderers)


@receiver(setting_changed)
def _forget_routes(*, setting: str, **kwargs: object) -> None:
    if setting == "ROOT_URLCONF":
        find.cache_clear()


def read_query(query: QueryDict, route: Route) -> QueryDict:
    """The query as the route's view may read it: its declared parameters, each once."""
    kept = QueryDict(mutable=True)
    for name in query:
        if name in route.parameters:
            values = query.getlist(name)
            kept.setlist(name, values if name in MULTI_VALUED else values[-1:])
    kept._mutable = False
    return kept


def query_key(query: QueryDict) -> str:
    """The query in order of name, for the cache key: the same page has one key however it is spelled.

    (The view is handed the parameters in the order asked, for the links it makes from them.)
    """
    return urlencode(sorted(query.lists()), doseq=True)


class _Negotiated:
    """What REST framework's content negotiation reads of a request: its query and its headers."""

    def __init__(self, request: HttpRequest, query: QueryDict) -> None:
        self.query_params = query
        self.headers = request.headers
        self.META = request.META


def representation(request: HttpRequest, found: Found, query: QueryDict) -> str:
    """The representation an API view will answer with (JSON, indented or not, or the HTML page).

    The Accept header alone decides it, with ``?format=``: keyed by the renderer it selects,
    not by the header's text, which a client may spell in endless ways.
    """
    if not found.renderers:
        return ""
    try:
        renderer, media_type = DefaultContentNegotiation().select_renderer(
            _Negotiated(request, query), list(found.renderers)
        )
    except (NotAcceptable, Http404):
        return "none"  # answered 406 or 404, never kept
    indent = renderer.get_indent(media_type, {}) if isinstance(renderer, JSONRenderer) else None
    return f"{renderer.media_type};indent={indent}"
